import type { Generated } from 'kysely';

/**
 * One version of one unit's report for one period. A submitted row is never updated again (the archive): a
 * later version of the same unit, form and period supersedes it.
 */
export interface ReportTable {
  id: Generated<number>;
  province_code: string;
  district_code: string | null;
  unit_code: string;
  unit_level: number;
  /** 'daily' | 'weekly' | 'directive' (rules/forms.ts). */
  form: string;
  form_version: number;
  /** The day (daily), the week's Monday (weekly) or the directive's id (directive). */
  period: string;
  version: number;
  /** 'draft' | 'signed' | 'submitted'. */
  state: string;
  /** JSON: field → value computed from the records. */
  computed: string;
  /** JSON: free-text sections. */
  texts: string;
  /** JSON: the roll-up of the units below (district, province), frozen on submission; null for a commune. */
  roll_up: string | null;
  number: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  signed_by: number | null;
  signed_by_name: string | null;
  signed_at: string | null;
  submitted_by_name: string | null;
  submitted_at: string | null;
  /** Vietnam local time of the submission on the system's calendar: 'YYYY-MM-DDTHH:MM'. */
  submitted_local: string | null;
  late: number;
}

/** A corrected value: the computed one is kept beside it, with the reason (mandatory). */
export interface ReportCorrectionTable {
  id: Generated<number>;
  report_id: number;
  province_code: string;
  field: string;
  computed: number | null;
  value: number;
  reason: string;
  username: string;
  at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    reports: ReportTable;
    report_corrections: ReportCorrectionTable;
  }
}
