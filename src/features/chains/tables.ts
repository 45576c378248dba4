import type { Generated } from 'kysely';

export interface ClusterTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  kind: string;
  address: string | null;
  opened_on: string;
  closed_on: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ClusterCaseTable {
  province_code: string;
  cluster_id: number;
  case_id: number;
  added_on: string;
}

export interface ContainmentZoneTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  kind: string;
  village_id: number | null;
  cluster_id: number | null;
  starts_on: string;
  planned_end_on: string;
  lifting_criteria: string;
  lifted_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ZonePersonTable {
  province_code: string;
  zone_id: number;
  person_id: number;
  added_on: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    clusters: ClusterTable;
    cluster_cases: ClusterCaseTable;
    containment_zones: ContainmentZoneTable;
    zone_persons: ZonePersonTable;
  }
}
