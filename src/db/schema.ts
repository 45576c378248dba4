import type { Generated } from 'kysely';

/**
 * Table types shared by both engines. Timestamps are ISO-8601 UTC text and booleans 0/1 integers so that
 * the same queries and comparisons run unchanged on SQLite and PostgreSQL.
 */
export interface AdminUnitTable {
  code: string;
  name: string;
  name_with_type: string;
  name_folded: string;
  kind: string;
  level: number;
  parent_code: string | null;
  province_code: string | null;
  district_code: string | null;
  population: number;
  population_source: string;
}

export interface VillageTable {
  id: Generated<number>;
  commune_code: string;
  province_code: string;
  name: string;
  kind: string;
  population: number | null;
  population_source: string;
  created_at: string;
  updated_at: string;
}

export interface OrganizationTable {
  id: Generated<number>;
  unit_code: string;
  province_code: string;
  kind: string;
  name: string;
  short_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_code: string;
  organization_id: number | null;
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  ip: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_code: string | null;
  ip: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1) holding the chain's last id and hash, so a deleted tail is detected too. */
export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  admin_units: AdminUnitTable;
  villages: VillageTable;
  organizations: OrganizationTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  meta: MetaTable;
}
