import type { ColumnType, Generated } from 'kysely';

/** A nullable column inserts may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface CaseTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  person_id: number;
  sample_date: string;
  test_kind: string;
  confirmed_on: string;
  place_of_care: string;
  severity: string | null;
  status: string;
  outcome_on: string | null;
  source_case_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CaseTransferTable {
  id: Generated<number>;
  province_code: string;
  case_id: number;
  on_day: string;
  place_of_care: string;
  facility: string | null;
  created_at: string;
}

export interface CovidTestTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  person_id: number | null;
  kind: string;
  sample_date: string;
  result: string;
  place: string | null;
  taken_by: string | null;
  created_at: string;
  /** Migration 0085 (testing): the day the result came, the pool and the mass-testing round. */
  result_on: Optional<string>;
  pool_id: Optional<number>;
  round_id: Optional<number>;
}

export interface ContactTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  person_id: number;
  case_id: number;
  exposure_date: string;
  setting: string | null;
  listed_on: string;
  rule_set_id: string;
  quarantine_ends_on: string;
  monitoring_ends_on: string;
  test_dates: string;
  became_case_id: number | null;
  created_at: string;
}

export interface CaseDayCountTable {
  province_code: string;
  district_code: string;
  commune_code: string;
  day: string;
  new_cases: number;
  recovered: number;
  deaths: number;
  new_contacts: number;
  tests_done: number;
  tests_positive: number;
  home_change: number;
  facility_change: number;
  quarantine_change: number;
  /** New cases needing oxygen support (severe or critical at entry), by sample day (migration 0095). */
  severe_cases: Generated<number>;
}

declare module '../../db/schema.ts' {
  interface Database {
    cases: CaseTable;
    case_transfers: CaseTransferTable;
    covid_tests: CovidTestTable;
    contacts: ContactTable;
    case_day_counts: CaseDayCountTable;
  }
}

export interface DailyCheckTable {
  id: Generated<number>;
  province_code: string;
  commune_code: string;
  case_id: number;
  day: string;
  period: string;
  respiratory_rate: number | null;
  spo2: number | null;
  pulse: number | null;
  temperature: number | null;
  systolic: number | null;
  diastolic: number | null;
  signs: string;
  warnings: string;
  rule_set_id: string;
  entered_by: string;
  user_id: number | null;
  created_at: string;
}

export interface EscalationTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  case_id: number;
  check_id: number;
  warnings: string;
  actor: string;
  act_by: string;
  call_115: number;
  status: string;
  handled_by: number | null;
  handled_at: string | null;
  note: string | null;
  created_at: string;
}

export interface CheckLinkTable {
  case_id: number;
  province_code: string;
  token_hash: string;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    daily_checks: DailyCheckTable;
    escalations: EscalationTable;
    check_links: CheckLinkTable;
  }
}

export interface CaseImportTable {
  id: Generated<number>;
  province_code: string;
  commune_code: string;
  file_name: string;
  mode: string;
  status: string;
  rows_read: number;
  imported: number;
  rejected: number;
  matched: number;
  new_persons: number;
  created_by: number | null;
  created_at: string;
}

/** A commune's running levels: the sum of all its day rows' changes. */
export interface CaseLevelTable {
  province_code: string;
  district_code: string;
  commune_code: string;
  home: number;
  facility: number;
  quarantine: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    case_imports: CaseImportTable;
    case_levels: CaseLevelTable;
  }
}
