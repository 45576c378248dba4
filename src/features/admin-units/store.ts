import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { foldDiacritics } from '../../core/text.ts';
import { cachePerOwner } from '../../core/ttl-cache.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable, Database, OrganizationTable, VillageTable } from '../../db/schema.ts';
import { type AuditEvent, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { COUNTRY_CODE, isWithin, type VillageKind } from './rules.ts';
import { forgetUnitTree, unitTree } from './tree.ts';

const unitNotFound = () =>
  notFound({ vi: 'Không tìm thấy đơn vị hành chính.', en: 'Administrative unit not found.' });
const villageNotFound = () => notFound({ vi: 'Không tìm thấy thôn, bản.', en: 'Village not found.' });

/** SQL form of rules.isWithin, for queries over admin_units (the country scope needs no filter). */
const inJurisdiction = (scopeCode: string) => (eb: ExpressionBuilder<Database, 'admin_units'>) =>
  eb.or([
    eb('code', '=', scopeCode),
    eb('province_code', '=', scopeCode),
    eb('district_code', '=', scopeCode),
  ]);

/** Loads the reference list once; later runs leave units (and their edited populations) alone. */
export async function loadUnits(db: Db, units: AdminUnitTable[]): Promise<number> {
  const existing = await db.db
    .selectFrom('admin_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  await db.db.transaction().execute(async (trx) => {
    for (let i = 0; i < units.length; i += 1000)
      await trx
        .insertInto('admin_units')
        .values(units.slice(i, i + 1000))
        .execute();
  });
  forgetUnitTree(db);
  return units.length;
}

export async function findUnit(db: Db, code: string) {
  return (await unitTree(db)).get(code);
}

/** The unit if the caller may act on it: 404 when unknown, 403 outside the caller's jurisdiction. */
export async function unitInScope(db: Db, scope: Scope, code: string) {
  const unit = await findUnit(db, code);
  if (!unit) throw unitNotFound();
  if (!isWithin(unit, scope.unitCode)) throw forbidden();
  return unit;
}

/** Runs the jurisdiction check of a record's unit, answering 404 instead of 403 (ids are not revealed). */
export async function recordInScope<T>(
  db: Db,
  scope: Scope,
  unitCode: string,
  missing: () => Error,
  record: T,
) {
  await unitInScope(db, scope, unitCode).catch((e) => Promise.reject(e.status === 403 ? missing() : e));
  return record;
}

/** The area page: a unit, its ancestors for the breadcrumb, its children, villages and organizations. */
export async function unitView(db: Db, scope: Scope, code: string) {
  const unit = await unitInScope(db, scope, code);
  const tree = await unitTree(db);
  const ancestors = [unit.province_code, unit.district_code].flatMap((c) => (c ? [tree.get(c)!] : []));
  const details = await areaDetails(db, code);
  // `details` keeps its identity while cached: callers may memoise what they derive from it.
  return { unit, ancestors, children: tree.children(code), details, ...details };
}

/**
 * Villages and organizations of a unit, kept 10 s in memory: area pages are read far more often than
 * edited, and every edit in this process drops the unit's entry (forgetAreaDetails).
 */
const detailsCache = cachePerOwner<
  Db,
  string,
  Promise<{ villages: Selectable<VillageTable>[]; organizations: Selectable<OrganizationTable>[] }>
>(10_000);

function areaDetails(db: Db, code: string) {
  const cache = detailsCache(db);
  let details = cache.get(code);
  if (!details) {
    details = Promise.all([
      db.db.selectFrom('villages').selectAll().where('commune_code', '=', code).orderBy('name').execute(),
      db.db.selectFrom('organizations').selectAll().where('unit_code', '=', code).orderBy('id').execute(),
    ]).then(([villages, organizations]) => ({ villages, organizations }));
    details.catch(() => cache.delete(code));
    cache.set(code, details);
  }
  return details;
}

/**
 * The names of the villages of these communes, from the cached area details: a list names each person's
 * village without joining villages (on PostgreSQL that join was most of a name search's planning and work).
 */
export async function villageNames(db: Db, communeCodes: Iterable<string>): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  const areas = await Promise.all([...new Set(communeCodes)].map((code) => areaDetails(db, code)));
  for (const { villages } of areas) for (const v of villages) names.set(v.id, v.name);
  return names;
}

export function forgetAreaDetails(db: Db, code: string) {
  detailsCache(db).delete(code);
}

type AreaRecordEvent = Omit<AuditEvent, 'unitCode'>;

/**
 * Writes a change to a village or organization of an area and audits it under the area's code, in one
 * transaction; then drops the area's cached details.
 */
export async function writeAreaRecord<T>(
  db: Db,
  scope: Scope,
  areaCode: string,
  write: (trx: Kysely<Database>) => Promise<T>,
  event: AreaRecordEvent | ((result: T) => AreaRecordEvent),
) {
  const result = await writeAudited(db, scope, write, (r) => ({
    ...(typeof event === 'function' ? event(r) : event),
    unitCode: areaCode,
  }));
  forgetAreaDetails(db, areaCode);
  return result;
}

export interface VillageInput {
  name: string;
  kind: VillageKind;
  population?: number | null;
}

export async function createVillage(db: Db, scope: Scope, communeCode: string, input: VillageInput) {
  const commune = await unitInScope(db, scope, communeCode);
  if (commune.level !== 3) {
    const msg = {
      vi: 'Thôn, bản, tổ dân phố chỉ thuộc xã, phường, thị trấn.',
      en: 'Villages belong to communes only.',
    };
    throw badRequest(msg, [{ field: 'code', message: msg }]);
  }
  await refuseDuplicateVillage(db, commune.code, input.name);
  const now = new Date().toISOString();
  return writeAreaRecord(
    db,
    scope,
    commune.code,
    (trx) =>
      trx
        .insertInto('villages')
        .values({
          commune_code: commune.code,
          province_code: commune.province_code!,
          name: input.name,
          kind: input.kind,
          population: input.population ?? null,
          population_source: 'entered',
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    (village) => ({ action: 'create', entity: 'village', entityId: village.id, details: { ...input } }),
  );
}

/**
 * Adds a village in the caller's transaction (an import creating the villages its list names); the caller
 * audits it and calls forgetAreaDetails once committed.
 */
export async function insertVillage(
  trx: Kysely<Database>,
  commune: Pick<AdminUnitTable, 'code' | 'province_code'>,
  village: { name: string; kind: VillageKind },
): Promise<number> {
  const now = new Date().toISOString();
  const row = await trx
    .insertInto('villages')
    .values({
      commune_code: commune.code,
      province_code: commune.province_code!,
      name: village.name,
      kind: village.kind,
      population: null,
      population_source: 'entered',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function refuseDuplicateVillage(db: Db, communeCode: string, name: string) {
  const same = await db.db
    .selectFrom('villages')
    .select('id')
    .where('commune_code', '=', communeCode)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!same) return;
  const msg = {
    vi: `Xã đã có thôn, bản "${name}".`,
    en: `The commune already has a village named "${name}".`,
  };
  throw conflict(msg, [{ field: 'name', message: msg }]);
}

async function villageInScope(db: Db, scope: Scope, id: number) {
  const village = await db.db.selectFrom('villages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!village) throw villageNotFound();
  return recordInScope(db, scope, village.commune_code, villageNotFound, village);
}

export async function updateVillage(db: Db, scope: Scope, id: number, input: Partial<VillageInput>) {
  const before = await villageInScope(db, scope, id);
  if (input.name !== undefined && input.name !== before.name)
    await refuseDuplicateVillage(db, before.commune_code, input.name);
  return writeAreaRecord(
    db,
    scope,
    before.commune_code,
    (trx) =>
      trx
        .updateTable('villages')
        .set({
          ...input,
          ...(input.population !== undefined ? { population_source: 'entered' } : {}),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    { action: 'update', entity: 'village', entityId: id, details: { before, after: input } },
  );
}

export async function deleteVillage(db: Db, scope: Scope, id: number) {
  const before = await villageInScope(db, scope, id);
  await writeAreaRecord(
    db,
    scope,
    before.commune_code,
    (trx) => trx.deleteFrom('villages').where('id', '=', id).execute(),
    { action: 'delete', entity: 'village', entityId: id, details: { before } },
  );
}

/** Codes of every unit within a scope (for filters such as the audit log's). Null means no limit. */
export async function unitCodesWithin(db: Db, scopeCode: string): Promise<string[] | null> {
  if (scopeCode === COUNTRY_CODE) return null;
  const rows = await db.db
    .selectFrom('admin_units')
    .select('code')
    .where(inJurisdiction(scopeCode))
    .execute();
  return rows.map((r) => r.code);
}

/** Units whose name contains the text, diacritics and case ignored, within the caller's jurisdiction. */
export async function searchUnits(db: Db, scope: Scope, text: string) {
  let q = db.db
    .selectFrom('admin_units')
    .select(['code', 'name', 'name_with_type', 'kind', 'level', 'population', 'population_source'])
    .where('name_folded', 'like', `%${foldDiacritics(text).replace(/[%_]/g, '')}%`);
  if (scope.unitCode !== COUNTRY_CODE) q = q.where(inJurisdiction(scope.unitCode));
  return q.orderBy('level').orderBy('code').limit(20).execute();
}
