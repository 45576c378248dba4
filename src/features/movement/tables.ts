import type { Generated } from 'kysely';

/** The movement feature's tables (migration 0050), added to the database's type where they are declared. */
export interface ArrivalTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  village_id: number | null;
  address: string | null;
  person_id: number | null;
  full_name: string;
  name_folded: string;
  national_id: string | null;
  phone: string | null;
  birth_year: number | null;
  origin_code: string;
  origin_province_code: string;
  origin_district_code: string;
  origin_level: number | null;
  origin_level_week: string | null;
  arrival_date: string;
  vaccination: string;
  test_kind: string | null;
  test_date: string | null;
  test_result: string | null;
  channel: string;
  rule_set_id: string;
  obligations: string;
  due_by: string;
  provisional: number;
  created_by: number | null;
  created_at: string;
}

export interface CheckpointTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  place: string;
  status: string;
  opened_decision_number: string;
  opened_decision_date: string;
  closed_decision_number: string | null;
  closed_decision_date: string | null;
  /** Migration 0094: who signed each decision (null on checkpoints opened or closed before it). */
  opened_signer_name: string | null;
  opened_signer_title: string | null;
  closed_signer_name: string | null;
  closed_signer_title: string | null;
  created_by: number | null;
  created_at: string;
}

export interface CheckpointShiftTable {
  id: Generated<number>;
  province_code: string;
  checkpoint_id: number;
  day: string;
  shift: string;
  staff: string;
  count_in: number;
  count_out: number;
  turned_back: number;
  sent_to_testing: number;
  notes: string | null;
  handover_to: string | null;
  handover_note: string | null;
  handed_over_at: string | null;
  created_by: number | null;
  created_at: string;
}

export interface GatheringTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  kind: string;
  organiser: string;
  place: string;
  venue: string;
  date: string;
  participants: number;
  all_covered: number;
  level: number;
  level_known: number;
  rule_set_id: string;
  conditions: string;
  status: string;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  /** Migration 0094: the decision's number, date and signer (null on events decided before it). */
  decision_number: string | null;
  decision_date: string | null;
  signer_name: string | null;
  signer_title: string | null;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    arrivals: ArrivalTable;
    checkpoints: CheckpointTable;
    checkpoint_shifts: CheckpointShiftTable;
    gatherings: GatheringTable;
  }
}
