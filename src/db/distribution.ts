/**
 * How the schema distributes by province (Citus on PostgreSQL): which table goes where, in one place, read by
 * migration 0099 (the keys), by the storage test that checks every table's keys against it, and by
 * `citusStatements` (the commands docs/postgresql.md gives).
 *
 * - reference: national or configuration data, small and read everywhere: a full copy on every node
 *   (`create_reference_table`).
 * - coordinator: the application's own bookkeeping, kept on the coordinator only
 *   (`citus_add_local_table_to_metadata`).
 * - distributed: every other table. A table that carries `province_code` is distributed by it, colocated with
 *   the others, unless listed otherwise here; its primary key and every unique key start with the distribution
 *   column (migration 0099 makes them so on PostgreSQL), so one province's rows live on one node.
 */
import { sql } from 'kysely';
import type { Db } from './connection.ts';

export const PROVINCE_COLUMN = 'province_code';

/** National or configuration data: copied to every node. In the order they may be created (referenced first). */
export const REFERENCE_TABLES = [
  'admin_units', // the country's units (GSO)
  'villages', // thôn, bản of each commune: small, joined by persons, households and station areas
  'organizations', // the phòng, ban, ngành of each unit
  'users', // accounts log in by a national username
  'risk_rule_sets', // the dated rule sets (4800, 218 and a province's own), read by every assessment
  'vaccination_targets', // targets a unit set (the national ones have no province)
] as const;

/** The application's bookkeeping, on the coordinator only. */
export const COORDINATOR_TABLES = [
  'kysely_migration',
  'kysely_migration_lock',
  'meta',
  'jobs', // the job runner's leases
  'sessions', // written on every request; found by the cookie's hash before the province is known
  'login_throttle', // counted per username and address, before the account (and its province) is known
] as const;

/** Distributed tables keyed by another column than the province (not colocated with the rest). */
export const OTHER_DISTRIBUTION: Readonly<Record<string, string>> = {
  // A national ID is unique in the whole country: its holder is found by the ID, whatever the province.
  person_national_ids: 'national_id',
};

/**
 * Foreign keys between distributed tables that stay, as composite keys (province_code, x) → (province_code, id):
 * the child always lives in its parent's province (it copies the parent's province_code). Every other foreign
 * key between distributed tables is dropped by migration 0099 (Citus cannot enforce a link across nodes) and
 * the store keeps the link; docs/postgresql.md lists them.
 */
export const SAME_PROVINCE_LINKS: readonly { table: string; column: string; references: string }[] = [
  { table: 'households', column: 'import_batch_id', references: 'import_batches' },
  { table: 'persons', column: 'household_id', references: 'households' },
  { table: 'persons', column: 'import_batch_id', references: 'import_batches' },
  { table: 'cases', column: 'person_id', references: 'persons' },
  { table: 'contacts', column: 'person_id', references: 'persons' },
  { table: 'covid_tests', column: 'person_id', references: 'persons' },
  { table: 'doses', column: 'person_id', references: 'persons' },
  { table: 'contact_outcomes', column: 'person_id', references: 'persons' },
  { table: 'support_claims', column: 'person_id', references: 'persons' },
  // A review pairs two namesakes of one commune.
  { table: 'duplicate_reviews', column: 'person_id', references: 'persons' },
  { table: 'duplicate_reviews', column: 'candidate_id', references: 'persons' },
  { table: 'case_transfers', column: 'case_id', references: 'cases' },
  { table: 'check_links', column: 'case_id', references: 'cases' },
  { table: 'daily_checks', column: 'case_id', references: 'cases' },
  { table: 'escalations', column: 'case_id', references: 'cases' },
  { table: 'escalations', column: 'check_id', references: 'daily_checks' },
  { table: 'check_ins', column: 'venue_id', references: 'venues' },
  { table: 'checkpoint_shifts', column: 'checkpoint_id', references: 'checkpoints' },
  { table: 'facility_days', column: 'facility_id', references: 'treatment_facilities' },
  { table: 'mobile_station_days', column: 'station_id', references: 'mobile_stations' },
  { table: 'mobile_station_areas', column: 'station_id', references: 'mobile_stations' },
  { table: 'inspections', column: 'establishment_id', references: 'establishments' },
  { table: 'inspection_violations', column: 'inspection_id', references: 'inspections' },
  { table: 'safety_assessments', column: 'establishment_id', references: 'establishments' },
  { table: 'report_corrections', column: 'report_id', references: 'reports' },
  { table: 'support_claim_events', column: 'claim_id', references: 'support_claims' },
  { table: 'task_events', column: 'task_id', references: 'tasks' },
];

export type Placement =
  | { kind: 'reference' }
  | { kind: 'coordinator' }
  | { kind: 'distributed'; column: string; colocated: boolean };

/** Where a table goes, from the lists above and its columns; null: unclassified (no province, not listed). */
export function placementOf(table: string, columns: readonly string[]): Placement | null {
  if ((REFERENCE_TABLES as readonly string[]).includes(table)) return { kind: 'reference' };
  if ((COORDINATOR_TABLES as readonly string[]).includes(table)) return { kind: 'coordinator' };
  const other = OTHER_DISTRIBUTION[table];
  if (other) return { kind: 'distributed', column: other, colocated: false };
  if (columns.includes(PROVINCE_COLUMN))
    return { kind: 'distributed', column: PROVINCE_COLUMN, colocated: true };
  return null;
}

/** PostgreSQL: every table of the public schema with its columns (in order). */
export async function tablesWithColumns(db: Db): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string; column: string }>`
    select c.relname as "table", a.attname as "column"
    from pg_class c join pg_attribute a on a.attrelid = c.oid
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db.db);
  const tables = new Map<string, string[]>();
  for (const r of rows) {
    if (!tables.has(r.table)) tables.set(r.table, []);
    tables.get(r.table)!.push(r.column);
  }
  return tables;
}

/** PostgreSQL: the foreign keys of the public schema (table → referenced table). */
export async function foreignKeys(db: Db) {
  const { rows } = await sql<{ name: string; table: string; references: string; columns: string[] }>`
    select con.conname as name, con.conrelid::regclass::text as "table", con.confrelid::regclass::text as "references",
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns
    from pg_constraint con where con.contype = 'f' and con.connamespace = 'public'::regnamespace
    order by 2, 1`.execute(db.db);
  return rows;
}

/**
 * The Citus commands that distribute this database's schema, in an order Citus accepts (a table after the
 * tables it references): reference tables, then the distributed tables (colocated with the first by
 * province), then the coordinator's tables.
 */
export async function citusStatements(db: Db): Promise<string[]> {
  const tables = await tablesWithColumns(db);
  const links = await foreignKeys(db);
  const placed = [...tables].map(([t, cols]) => [t, placementOf(t, cols)] as const);
  const unclassified = placed.filter(([, p]) => !p).map(([t]) => t);
  if (unclassified.length)
    throw new Error(`Tables not classified in src/db/distribution.ts: ${unclassified.join(', ')}`);
  const ordered = (names: string[]) => {
    const out: string[] = [];
    const visit = (t: string, path: Set<string>) => {
      if (out.includes(t) || path.has(t) || !names.includes(t)) return;
      path.add(t);
      for (const l of links) if (l.table === t && l.references !== t) visit(l.references, path);
      out.push(t);
    };
    for (const t of names) visit(t, new Set());
    return out;
  };
  const of = (kind: Placement['kind']) =>
    placed
      .filter(([, p]) => p!.kind === kind)
      .map(([t]) => t)
      .sort();
  const statements: string[] = [];
  for (const t of ordered(of('reference'))) statements.push(`select create_reference_table('${t}');`);
  // The first table by province takes the default colocation group; the others join it.
  let anchor: string | null = null;
  for (const t of ordered(of('distributed'))) {
    const p = placementOf(t, tables.get(t)!) as Extract<Placement, { kind: 'distributed' }>;
    if (!p.colocated)
      statements.push(`select create_distributed_table('${t}', '${p.column}', colocate_with => 'none');`);
    else if (!anchor) {
      anchor = t;
      statements.push(`select create_distributed_table('${t}', '${p.column}');`);
    } else
      statements.push(
        `select create_distributed_table('${t}', '${p.column}', colocate_with => '${anchor}');`,
      );
  }
  for (const t of of('coordinator')) statements.push(`select citus_add_local_table_to_metadata('${t}');`);
  return statements;
}
