import type { Generated } from 'kysely';

/** Migration 0085: mass-testing rounds, pooled samples and their members (issue 15, testing). */
export interface TestingRoundTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  area_kind: string;
  village_id: number | null;
  household_ids: string | null;
  expected_people: number | null;
  starts_on: string;
  ends_on: string;
  created_by: number | null;
  created_at: string;
}

export interface TestPoolTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  round_id: number | null;
  kind: string;
  sample_date: string;
  result: string;
  result_on: string | null;
  place: string | null;
  taken_by: string | null;
  created_by: number | null;
  created_at: string;
}

export interface TestPoolMemberTable {
  id: Generated<number>;
  province_code: string;
  pool_id: number;
  person_id: number;
  commune_code: string;
  retest: string;
  retest_by: string | null;
  retest_due: string | null;
  test_id: number | null;
}

/** Migration 0086: a version per province, bumped with every change of the day rows (the summary's cache). */
export interface CaseCountVersionTable {
  province_code: string;
  version: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    testing_rounds: TestingRoundTable;
    test_pools: TestPoolTable;
    test_pool_members: TestPoolMemberTable;
    case_count_versions: CaseCountVersionTable;
  }
}
