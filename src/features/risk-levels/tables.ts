import type { Generated } from 'kysely';

/** The risk levels' tables, added to the database's type where they are declared. */
export interface RiskAssessmentTable {
  province_code: string;
  district_code: string | null;
  unit_code: string;
  unit_level: number;
  week: string;
  rule_set_id: string;
  rule_set_version: number;
  level: number;
  provisional: number;
  population: number;
  new_cases: number;
  deaths: number;
  cases_per_100k: number | null;
  coverage: number | null;
  capacity_met: number;
  capacity_known: number;
  deciding_rule: string;
  why: string;
  computed_at: string;
}

export interface RiskAnnouncementTable {
  id: Generated<number>;
  province_code: string;
  unit_code: string;
  week: string;
  level: number;
  proposed_level: number;
  rule_set_id: string;
  rule_set_version: number;
  proposal: string;
  decision_number: string;
  decision_date: string;
  announced_by: string;
  reason: string | null;
  created_by: number | null;
  created_at: string;
}

export interface RiskRuleSetTable {
  id: string;
  version: number;
  province_code: string;
  definition: string;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    risk_assessments: RiskAssessmentTable;
    risk_announcements: RiskAnnouncementTable;
    risk_rule_sets: RiskRuleSetTable;
  }
}
