import type { Generated } from 'kysely';

export interface EstablishmentTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  name_folded: string;
  sector: string;
  size: string;
  risk_class: string;
  address: string | null;
  owner_name: string | null;
  phone: string | null;
  workers: number | null;
  registered_on: string;
  last_inspected_on: string | null;
  /** Kept with every inspection: last inspection (or registration) + the risk class's interval. */
  next_due_on: string;
  /** The latest self-assessment's class and its last valid day. */
  safety_class: string | null;
  safety_valid_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SafetyAssessmentTable {
  id: Generated<number>;
  province_code: string;
  commune_code: string;
  establishment_id: number;
  assessed_on: string;
  /** JSON: criterion id → met. */
  answers: string;
  score: number;
  safety_class: string;
  valid_until: string;
  rule_set_id: string;
  provisional: number;
  created_by: number | null;
  created_at: string;
}

export interface InspectionTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  establishment_id: number;
  inspected_on: string;
  inspector_unit_code: string;
  inspectors: string | null;
  answers: string;
  score: number;
  safety_class: string;
  findings: string | null;
  rule_set_id: string;
  provisional: number;
  created_by: number | null;
  created_at: string;
}

export interface InspectionViolationTable {
  id: Generated<number>;
  province_code: string;
  inspection_id: number;
  description: string;
  penalty_kind: string | null;
  penalty_amount: number | null;
  fix_by: string | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    establishments: EstablishmentTable;
    safety_assessments: SafetyAssessmentTable;
    inspections: InspectionTable;
    inspection_violations: InspectionViolationTable;
  }
}
