import type { Generated } from 'kysely';

export interface VaccinationDeferralTable {
  id: Generated<number>;
  province_code: string;
  commune_code: string;
  person_id: number;
  source_kind: string;
  source_ref: string;
  from_day: string;
  until: string;
  rule_set_id: string;
  provisional: number;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    vaccination_deferrals: VaccinationDeferralTable;
  }
}
