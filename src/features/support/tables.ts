import type { Generated } from 'kysely';

export interface SupportClaimTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  person_id: number;
  policy: string;
  rule_set_id: string;
  source: string;
  period_from: string | null;
  period_to: string | null;
  days: number;
  paid_days: number | null;
  child_supplement: number;
  amount: number;
  provisional: number;
  status: string;
  note: string | null;
  reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SupportClaimEventTable {
  id: Generated<number>;
  province_code: string;
  claim_id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
  user_id: number | null;
  username: string | null;
  at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    support_claims: SupportClaimTable;
    support_claim_events: SupportClaimEventTable;
  }
}
