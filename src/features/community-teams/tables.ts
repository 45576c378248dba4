import type { Generated } from 'kysely';

export interface CommunityTeamTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  kind: string;
  name: string;
  leader_name: string | null;
  phone: string | null;
  /** JSON array of duty keys. */
  duties: string;
  /** JSON array of the commune's village ids: the team's area. */
  village_ids: string;
  /** JSON array of { name, phone, role }. */
  members: string;
  created_at: string;
  updated_at: string;
}

export interface SupportRequestTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  kind: string;
  details: string;
  requested_on: string;
  needed_by: string;
  state: string;
  answer: string | null;
  answered_on: string | null;
  answered_by: number | null;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    community_teams: CommunityTeamTable;
    support_requests: SupportRequestTable;
  }
}
