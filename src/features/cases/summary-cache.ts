import { type Kysely, sql } from 'kysely';
import './testing-tables.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';

/**
 * The day summary's cache (issue 15 benchmark: a province's summary ≤ 20 ms at 50,000 cases). Every change of
 * the day rows bumps its province's version in the same transaction (applyCounts); a summary is kept with the
 * versions it was computed at and served while they are unchanged: one key read instead of the day rows. The
 * versions live in the database, so a change made by another process is seen too. Per database handle.
 */
const MAX_ENTRIES = 500;
const caches = new WeakMap<Db, Map<string, { version: string; value: unknown }>>();

/** Bumps the versions of these provinces, in the caller's transaction. */
export async function bumpCountVersions(trx: Kysely<Database>, provinces: Iterable<string>) {
  const values = [...new Set(provinces)].map((province_code) => ({ province_code, version: 1 }));
  if (values.length === 0) return;
  await trx
    .insertInto('case_count_versions')
    .values(values)
    .onConflict((oc) =>
      oc.column('province_code').doUpdateSet({ version: sql`case_count_versions.version + 1` }),
    )
    .execute();
}

/** The versions a summary of this province (or of the country: null) depends on, as one key. */
async function versionOf(db: Db, province: string | null) {
  let q = db.db.selectFrom('case_count_versions').select(['province_code', 'version']);
  if (province) q = q.where('province_code', '=', province);
  const rows = await q.execute();
  return rows
    .map((r) => `${r.province_code}:${r.version}`)
    .sort()
    .join(',');
}

/** The cached value for `key` if the province's versions are unchanged, else `compute()`'s, kept. */
export async function cachedByCountVersion<T>(
  db: Db,
  province: string | null,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const cache = caches.get(db) ?? new Map();
  caches.set(db, cache);
  // Read before computing: a change committed meanwhile makes the kept value older than its key, never newer.
  const version = await versionOf(db, province);
  // No version yet: day rows written some other way (a test fixture, a bulk load); nothing is kept.
  if (version === '') return compute();
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    cache.delete(key);
    cache.set(key, hit);
    return structuredClone(hit.value) as T;
  }
  const value = await compute();
  cache.set(key, { version, value: structuredClone(value) });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
