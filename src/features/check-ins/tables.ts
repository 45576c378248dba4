import type { Generated } from 'kysely';

export interface VenueTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  kind: string;
  address: string | null;
  token: string;
  active: number;
  created_by: number | null;
  created_at: string;
}

export interface CheckInTable {
  id: Generated<number>;
  province_code: string;
  commune_code: string;
  venue_id: number;
  full_name: string;
  phone: string;
  birth_year: number;
  national_id: string | null;
  day: string;
  at: string;
  address_hash: string | null;
}

export interface VenueExposureTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  case_id: number;
  check_in_id: number;
  visit_id: number;
  status: string;
  contact_id: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    venues: VenueTable;
    check_ins: CheckInTable;
    venue_exposures: VenueExposureTable;
  }
}
