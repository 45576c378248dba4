import { type Kysely, sql } from 'kysely';
import type { Engine } from '../connection.ts';
import { PROVINCE_COLUMN, placementOf, SAME_PROVINCE_LINKS } from '../distribution.ts';

/**
 * Ready to scale out by province (Citus): runs after every other migration.
 *
 * On both engines: the tables of operational data that did not carry the province get it (vaccination's
 * counters, the duplicate review queue, the import pipeline's job and problem rows), filled from what they
 * belong to; the ones where it could be empty get '' for a national record ('' is the national audit chain
 * too); on SQLite the keys that upserts name get a twin unique index starting with province_code, so that one
 * `onConflict([...])` serves both engines.
 *
 * On PostgreSQL, read from the catalog (so tables added by any earlier migration are covered): for every
 * distributed table (src/db/distribution.ts) the distribution column becomes NOT NULL and comes first in the
 * primary key and in every unique constraint and unique index (a plain index on the former columns keeps
 * lookups by id fast); foreign keys between distributed tables become (province_code, x) → (province_code, id)
 * where the child always lives in its parent's province (SAME_PROVINCE_LINKS), and are dropped otherwise.
 * SQLite is one file on one machine: its ids and keys stay as they are.
 */
export function distributionKeys(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await addProvinces(db, engine);
      if (engine === 'sqlite') {
        for (const [table, columns] of SQLITE_UPSERT_KEYS)
          await db.schema
            .createIndex(`${table}_province_key`)
            .unique()
            .on(table)
            .columns([PROVINCE_COLUMN, ...columns])
            .execute();
        return;
      }
      await distributeKeys(db);
    },
  };
}

/** The keys `onConflict` names, on SQLite (PostgreSQL's own keys become these). */
const SQLITE_UPSERT_KEYS: [string, string[]][] = [
  ['coverage_counters', ['unit_code', 'age_band', 'coverage']],
  ['milestone_counters', ['unit_code', 'milestone', 'week', 'age_band']],
  ['facility_days', ['facility_id', 'day']],
  ['mobile_station_days', ['station_id', 'day']],
  ['station_oxygen', ['commune_code', 'day']],
  ['response_scenarios', ['unit_code', 'level']],
  ['risk_assessments', ['unit_code', 'week', 'rule_set_id']],
];

// biome-ignore lint/suspicious/noExplicitAny: the schema as it was
async function addProvinces(db: Kysely<any>, engine: Engine) {
  const add = (table: string) =>
    db.schema
      .alterTable(table)
      .addColumn(PROVINCE_COLUMN, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  // A unit's counters: the unit's province (a province's own counters: itself).
  for (const table of ['coverage_counters', 'milestone_counters']) {
    await add(table);
    await sql`update ${sql.table(table)} set province_code = coalesce(
      (select coalesce(u.province_code, case when u.level = 1 then u.code end) from admin_units u
       where u.code = ${sql.ref(`${table}.unit_code`)}), '')`.execute(db);
  }
  await add('duplicate_reviews');
  await sql`update duplicate_reviews set province_code = coalesce(
    (select p.province_code from persons p where p.id = duplicate_reviews.person_id), '')`.execute(db);
  // An import's job and problems: its record's province (persons, cases, doses).
  for (const table of ['import_jobs', 'import_problems']) {
    await add(table);
    for (const [kind, records] of [
      ['persons', 'import_batches'],
      ['cases', 'case_imports'],
      ['doses', 'dose_imports'],
    ] as const)
      await sql`update ${sql.table(table)} set province_code = coalesce(
        (select r.province_code from ${sql.table(records)} r where r.id = ${sql.ref(`${table}.import_id`)}), '')
        where kind = ${kind}`.execute(db);
  }
  // Recorded without a province when it was national, or (events queued before 0006) never known.
  await sql`update person_events set province_code = coalesce(
    (select p.province_code from persons p where p.id = person_events.person_id), '')
    where province_code is null`.execute(db);
  await sql`update dose_imports set province_code = '' where province_code is null`.execute(db);
  if (engine === 'postgres') {
    for (const table of [
      'coverage_counters',
      'milestone_counters',
      'duplicate_reviews',
      'import_jobs',
      'import_problems',
    ])
      await sql`alter table ${sql.table(table)} alter column province_code drop default`.execute(db);
    for (const table of ['person_events', 'dose_imports'])
      await sql`alter table ${sql.table(table)} alter column province_code set not null`.execute(db);
  }
}

interface KeyIndex {
  table: string;
  index: string;
  /** The constraint the index backs ('p' primary key, 'u' unique), or null for a unique index alone. */
  constraint: 'p' | 'u' | null;
  columns: string[] | null;
  definition: string;
  predicate: string | null;
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A name of at most 63 bytes (PostgreSQL's limit), kept distinct by a suffix of the whole name's hash. */
function indexName(name: string) {
  if (name.length <= 63) return name;
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return `${name.slice(0, 54)}_${(h >>> 0).toString(16)}`;
}

// biome-ignore lint/suspicious/noExplicitAny: the schema as it was
async function distributeKeys(db: Kysely<any>) {
  const { rows: columnRows } = await sql<{ table: string; column: string }>`
    select c.relname as "table", a.attname as "column"
    from pg_class c join pg_attribute a on a.attrelid = c.oid
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const columns = new Map<string, string[]>();
  for (const r of columnRows) columns.set(r.table, [...(columns.get(r.table) ?? []), r.column]);
  const distribution = new Map<string, string>();
  for (const [table, cols] of columns) {
    const p = placementOf(table, cols);
    if (p?.kind === 'distributed') distribution.set(table, p.column);
  }

  // 1. Foreign keys between distributed tables go (the same-province ones come back composite in step 4).
  const { rows: links } = await sql<{
    name: string;
    table: string;
    references: string;
    columns: string[];
    onDelete: string;
  }>`
    select con.conname as name, con.conrelid::regclass::text as "table", con.confrelid::regclass::text as "references",
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
      con.confdeltype as "onDelete"
    from pg_constraint con where con.contype = 'f' and con.connamespace = 'public'::regnamespace`.execute(db);
  const dropped = links.filter((l) => distribution.has(l.table) && distribution.has(l.references));
  for (const l of dropped)
    await sql.raw(`alter table ${q(l.table)} drop constraint ${q(l.name)}`).execute(db);

  // 2. The distribution column: never empty.
  for (const [table, column] of distribution)
    await sql.raw(`alter table ${q(table)} alter column ${q(column)} set not null`).execute(db);

  // 3. Every primary key, unique constraint and unique index starts with the distribution column.
  const { rows: keys } = await sql<KeyIndex>`
    select t.relname as "table", i.relname as index, con.contype as "constraint",
      case when x.indexprs is null then array(select a.attname::text from unnest(x.indkey) with ordinality k(n, o)
        join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n order by k.o) end as columns,
      pg_get_indexdef(x.indexrelid) as definition, pg_get_expr(x.indpred, x.indrelid) as predicate
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    left join pg_constraint con on con.conindid = x.indexrelid and con.contype in ('p', 'u')
    where x.indisunique and t.relnamespace = 'public'::regnamespace
    order by 1, 2`.execute(db);
  for (const key of keys) {
    const column = distribution.get(key.table);
    if (!column || key.columns?.[0] === column) continue;
    const where = key.predicate ? ` where ${key.predicate}` : '';
    const lookup = indexName(`${key.table}_by_${key.columns ? key.columns.join('_') : key.index}`);
    const table = q(key.table);
    if (key.constraint) await sql.raw(`alter table ${table} drop constraint ${q(key.index)}`).execute(db);
    else await sql.raw(`drop index ${q(key.index)}`).execute(db);
    if (key.columns) {
      const cols = [column, ...key.columns.filter((c) => c !== column)].map(q).join(', ');
      if (key.constraint === 'p')
        await sql
          .raw(`alter table ${table} add constraint ${q(key.index)} primary key (${cols})`)
          .execute(db);
      else await sql.raw(`create unique index ${q(key.index)} on ${table} (${cols})${where}`).execute(db);
      await sql
        .raw(`create index ${q(lookup)} on ${table} (${key.columns.map(q).join(', ')})${where}`)
        .execute(db);
    } else {
      // An index on expressions: the distribution column goes in front of them.
      const using = / USING (\w+) \(/;
      await sql.raw(key.definition.replace(using, ` USING $1 (${q(column)}, `)).execute(db);
      await sql
        .raw(
          key.definition
            .replace('CREATE UNIQUE INDEX', 'CREATE INDEX')
            .replace(` ${key.index} ON`, ` ${q(lookup)} ON`),
        )
        .execute(db);
    }
  }

  // 4. The links whose rows always share a province, back as composite keys.
  for (const link of SAME_PROVINCE_LINKS) {
    const before = dropped.find(
      (l) => l.table === link.table && l.references === link.references && l.columns.join() === link.column,
    );
    if (!before) continue;
    const onDelete = { c: ' on delete cascade', r: ' on delete restrict' }[before.onDelete] ?? '';
    await sql
      .raw(
        `alter table ${q(link.table)} add constraint ${q(before.name)} foreign key (${PROVINCE_COLUMN}, ${q(link.column)})
         references ${q(link.references)} (${PROVINCE_COLUMN}, id)${onDelete}`,
      )
      .execute(db);
  }
}
