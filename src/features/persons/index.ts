/**
 * The population registry's public interface: the only module other features import from persons (besides
 * `rules/` types and pure functions). Other features find, check, read and register persons through these
 * functions, never through the registry's tables, and learn of changes through person events (`events.ts`).
 */

import type { Kysely } from 'kysely';
import { noonOf } from '../../core/dates.ts';
import { notFound } from '../../core/errors.ts';
import { foldDiacritics } from '../../core/text.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { recordInScope } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import { seedResidents } from './demo-residents.ts';
import { emitPersonEvents } from './events.ts';
import { personsCli } from './import/import-persons-command.ts';
import { persons } from './migrations/0002-persons.ts';
import { personEvents } from './migrations/0006-person-events.ts';
import { personNationalIds } from './migrations/0098-person-national-ids.ts';
import { givenNameOrder } from './migrations/0100-given-name-order.ts';
import { personPermissions } from './permissions.ts';
import { personRoutes } from './routes.ts';
import type { PersonInput } from './rules/person-row.ts';
import { heldBy, insertPersonRows, nationalIdHolders, personRow } from './store.ts';

export {
  acknowledgePersonEvents,
  dispatchPersonEvents,
  onPersonEvents,
  PERSON_EVENT_KINDS,
  type PersonEvent,
  type PersonEventContext,
  type PersonEventHandler,
  type PersonEventKind,
  pendingPersonEvents,
} from './events.ts';

/** A database handle or the caller's transaction. */
type Executor = Kysely<Database>;

export const personNotFound = () => notFound({ vi: 'Không tìm thấy người dân.', en: 'Person not found.' });

/** What other features show of a person. */
export interface PersonCard {
  id: number;
  fullName: string;
  /** For sorting by name: folded (no diacritics, lower case). */
  nameFolded: string;
  birthDate: string | null;
  birthYear: number;
  /** The birth date, or the middle of the birth year when only the year is known (what ages are read from). */
  birth: string;
  sex: string | null;
  nationalId: string | null;
  phone: string | null;
  provinceCode: string;
  districtCode: string;
  communeCode: string;
  villageId: number | null;
  villageName: string | null;
  status: string;
  statusDate: string | null;
  /** Set on a duplicate merged into another record: it is that person. */
  mergedInto: number | null;
}

const cardQuery = (q: Executor) =>
  q
    .selectFrom('persons as p')
    .leftJoin('villages as v', 'v.id', 'p.village_id')
    .select([
      'p.id',
      'p.full_name',
      'p.name_folded',
      'p.birth_date',
      'p.birth_year',
      'p.birth_sort',
      'p.sex',
      'p.national_id',
      'p.phone',
      'p.province_code',
      'p.district_code',
      'p.commune_code',
      'p.village_id',
      'v.name as village_name',
      'p.status',
      'p.status_date',
      'p.merged_into',
    ]);

type CardRow = Awaited<ReturnType<ReturnType<typeof cardQuery>['execute']>>[number];

const toCard = (r: CardRow): PersonCard => ({
  id: Number(r.id),
  fullName: r.full_name,
  nameFolded: r.name_folded,
  birthDate: r.birth_date,
  birthYear: r.birth_year,
  birth: r.birth_sort,
  sex: r.sex,
  nationalId: r.national_id,
  phone: r.phone,
  provinceCode: r.province_code,
  districtCode: r.district_code,
  communeCode: r.commune_code,
  villageId: r.village_id,
  villageName: r.village_name,
  status: r.status,
  statusDate: r.status_date,
  mergedInto: r.merged_into,
});

/** A person the caller may see, as a card; outside the jurisdiction the person does not exist (404). */
export async function personInScope(db: Db, scope: Scope, id: number): Promise<PersonCard> {
  const row = await cardQuery(db.db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw personNotFound();
  return recordInScope(db, scope, row.commune_code, personNotFound, toCard(row));
}

/** Whether the person exists and is within the caller's jurisdiction. */
export async function isPersonInScope(db: Db, scope: Scope, id: number): Promise<boolean> {
  return personInScope(db, scope, id).then(
    () => true,
    (e) => (e.status === 404 ? false : Promise.reject(e)),
  );
}

/**
 * Cards of persons by id (the caller found the ids in its own scoped records: worklists, sessions, exports),
 * in no particular order; ids not registered are absent.
 */
export async function personCards(q: Executor, ids: Iterable<number>): Promise<Map<number, PersonCard>> {
  const all = [...new Set(ids)];
  const cards = new Map<number, PersonCard>();
  for (let i = 0; i < all.length; i += 1000)
    for (const r of await cardQuery(q)
      .where('p.id', 'in', all.slice(i, i + 1000))
      .execute())
      cards.set(Number(r.id), toCard(r));
  return cards;
}

/** The records merged into this person (their doses, contacts… are this person's too). */
export async function mergedRecordsOf(q: Executor, ids: readonly number[]) {
  const out: { id: number; mergedInto: number }[] = [];
  for (let i = 0; i < ids.length; i += 1000)
    for (const r of await q
      .selectFrom('persons')
      .select(['id', 'merged_into'])
      .where('merged_into', 'in', ids.slice(i, i + 1000))
      .execute())
      out.push({ id: Number(r.id), mergedInto: r.merged_into! });
  return out;
}

/** The person holding a national ID, within the caller's jurisdiction (a merged record answers its kept one). */
export async function findByNationalId(db: Db, scope: Scope, nationalId: string): Promise<PersonCard | null> {
  const [holder] = await holdersOfNationalIds(db.db, [nationalId]);
  if (!holder?.person) return null;
  return personInScope(db, scope, holder.person.id).catch((e) =>
    e.status === 404 ? null : Promise.reject(e),
  );
}

/** Persons of a commune with this name (diacritics and case ignored) and birth date, or birth year. */
export async function findByNameAndBirth(
  q: Executor,
  communeCode: string,
  who: { fullName: string; birthDate?: string | null; birthYear?: number },
): Promise<PersonCard[]> {
  let query = cardQuery(q)
    .where('p.commune_code', '=', communeCode)
    .where('p.name_folded', '=', foldDiacritics(who.fullName))
    .where('p.merged_into', 'is', null);
  if (who.birthDate) query = query.where('p.birth_date', '=', who.birthDate);
  else if (who.birthYear !== undefined) query = query.where('p.birth_year', '=', who.birthYear);
  return (await query.orderBy('p.id').execute()).map(toCard);
}

/** Persons (not merged) of a commune with this phone (normalised), as cards (check-ins matched to the registry). */
export async function findByPhone(q: Executor, communeCode: string, phone: string): Promise<PersonCard[]> {
  return (
    await cardQuery(q)
      .where('p.commune_code', '=', communeCode)
      .where('p.phone', '=', phone)
      .where('p.merged_into', 'is', null)
      .orderBy('p.id')
      .execute()
  ).map(toCard);
}

/** What matching a list row to a registered person compares, and what a dose needs of the person. */
export interface PersonMatchFacts {
  id: number;
  commune_code: string;
  district_code: string;
  province_code: string;
  birth_date: string | null;
  birth_year: number;
  status: string;
  status_date: string | null;
  national_id: string | null;
  name_folded: string;
  birth_sort: string;
  merged_into: number | null;
}

const matchQuery = (q: Executor) =>
  q
    .selectFrom('persons')
    .select([
      'id',
      'commune_code',
      'district_code',
      'province_code',
      'birth_date',
      'birth_year',
      'status',
      'status_date',
      'national_id',
      'name_folded',
      'birth_sort',
      'merged_into',
    ]);

/**
 * The holders of national IDs, in bulk: each ID with its person (for an ID still held by a merged record, the
 * record kept), or null when that record is itself merged (a merge still under review).
 */
export async function holdersOfNationalIds(
  q: Executor,
  nationalIds: readonly string[],
): Promise<{ nationalId: string; person: PersonMatchFacts | null }[]> {
  // Through the country-wide lookup keyed by the ID (one shard under Citus), then each holder in its province.
  const held = await nationalIdHolders(q, nationalIds);
  if (held.length === 0) return [];
  const holders = new Map((await matchQuery(q).where(heldBy(held)).execute()).map((h) => [h.id, h]));
  const keptIds = [...holders.values()].flatMap((h) => (h.merged_into ? [h.merged_into] : []));
  const kept = new Map(
    (keptIds.length ? await matchQuery(q).where('id', 'in', keptIds).execute() : []).map((k) => [k.id, k]),
  );
  return held.flatMap((entry) => {
    const h = holders.get(entry.person_id);
    if (!h) return [];
    const person = h.merged_into ? kept.get(h.merged_into) : h;
    return [{ nationalId: entry.national_id, person: person && !person.merged_into ? person : null }];
  });
}

/** Persons (not merged) of these communes with one of these folded names, in bulk. */
export async function personsByFoldedNames(
  q: Executor,
  communeCodes: readonly string[],
  foldedNames: readonly string[],
): Promise<PersonMatchFacts[]> {
  if (communeCodes.length === 0 || foldedNames.length === 0) return [];
  return matchQuery(q)
    .where('commune_code', 'in', communeCodes)
    .where('name_folded', 'in', foldedNames)
    .where('merged_into', 'is', null)
    .execute();
}

/** Which of these communes have registered persons (where matching a list by name + birth date makes sense). */
export async function communesWithPersons(q: Executor, communeCodes: readonly string[]): Promise<string[]> {
  if (communeCodes.length === 0) return [];
  const rows = await q
    .selectFrom('persons')
    .select('commune_code')
    .distinct()
    .where('commune_code', 'in', communeCodes)
    .execute();
  return rows.map((r) => r.commune_code);
}

/** What a person's vaccination status is computed from: place, birth, registry status, merge. */
export interface PersonFacts {
  id: number;
  province_code: string;
  district_code: string;
  commune_code: string;
  village_id: number | null;
  birth_sort: string;
  status: string;
  merged_into: number | null;
}

const FACT_COLUMNS = [
  'id',
  'province_code',
  'district_code',
  'commune_code',
  'village_id',
  'birth_sort',
  'status',
  'merged_into',
] as const satisfies readonly (keyof PersonFacts)[];

/** Facts of persons by id, in bulk (ids no longer registered are absent). */
export async function personFacts(q: Executor, ids: readonly number[]): Promise<PersonFacts[]> {
  const out: PersonFacts[] = [];
  for (let i = 0; i < ids.length; i += 1000)
    out.push(
      ...(await q
        .selectFrom('persons')
        .select(FACT_COLUMNS)
        .where('id', 'in', ids.slice(i, i + 1000))
        .execute()),
    );
  return out;
}

/** Facts of every person of a commune (merged records included), by id. */
export async function personFactsOfCommune(q: Executor, communeCode: string): Promise<PersonFacts[]> {
  return q
    .selectFrom('persons')
    .select(FACT_COLUMNS)
    .where('commune_code', '=', communeCode)
    .orderBy('id')
    .execute();
}

/** Every person's facts (recounts in tests and benchmarks). */
export async function allPersonFacts(q: Executor): Promise<PersonFacts[]> {
  return q.selectFrom('persons').select(FACT_COLUMNS).execute();
}

/** A person to register, with the place the list gives. */
export interface NewPerson {
  person: PersonInput;
  place: { province_code: string; district_code: string; commune_code: string };
}

/**
 * Registers persons in the caller's transaction (a dose list naming someone not in the registry): flagged for
 * review in their note, each with its `created` event. Answers their ids, in order.
 */
export async function createPersons(
  db: Db,
  trx: Executor,
  persons: readonly NewPerson[],
  source: { note: string; kind: string; id?: number },
): Promise<number[]> {
  const now = new Date().toISOString();
  const ids = await insertPersonRows(
    db,
    trx,
    persons.map(({ person, place }) =>
      personRow({ ...person, note: person.note ?? source.note }, place, { now }),
    ),
  );
  await emitPersonEvents(
    db,
    trx,
    persons.map(({ place }, i) => ({
      kind: 'created' as const,
      personId: ids[i]!,
      provinceCode: place.province_code,
      payload: {
        review: true,
        source: source.kind,
        ...(source.id !== undefined ? { sourceId: source.id } : {}),
      },
    })),
  );
  return ids;
}

/** The population registry: residents, households, imports, duplicate review, exports. */
export const personsFeature = {
  name: 'persons',
  permissions: personPermissions,
  migrations: {
    '0002-persons': persons,
    '0006-person-events': personEvents,
    '0098-person-national-ids': personNationalIds,
    '0100-given-name-order': givenNameOrder,
  },
  cli: personsCli,
  demo: async (db, area) => {
    await seedResidents(db, area.communeCodes, noonOf(area.today), (done) =>
      area.onProgress?.(done, area.communeCodes.length),
    );
  },
  routes: personRoutes,
} satisfies FeatureManifest;

// What other features and the shell use of this one.
export { effectiveBirthDate } from './rules/age-bands.ts';
export { cellText } from './rules/cell.ts';
export { isSignatureRow } from './rules/headers.ts';
export { checkNationalId } from './rules/national-id.ts';
export { maskNationalId } from './rules/national-id-mask.ts';
export { type PersonInput, validatePersonRow } from './rules/person-row.ts';
export type { PersonStatus } from './rules/person-status.ts';
export { normalizePhone } from './rules/phone.ts';
export { mulberry32 } from './rules/sampling.ts';
export type { VillageRef } from './rules/villages.ts';

/**
 * The persons living now (status resident, not merged) in an area of a commune: a village, or a list of
 * households. A mass-testing round's denominator (cases feature).
 */
export async function residentIdsOfArea(
  q: Executor,
  communeCode: string,
  area: { villageId: number } | { householdIds: readonly number[] },
): Promise<number[]> {
  let query = q
    .selectFrom('persons')
    .select('id')
    .where('commune_code', '=', communeCode)
    .where('status', '=', 'resident')
    .where('merged_into', 'is', null);
  if ('villageId' in area) query = query.where('village_id', '=', area.villageId);
  else if (area.householdIds.length === 0) return [];
  else query = query.where('household_id', 'in', [...area.householdIds]);
  return (await query.execute()).map((r) => Number(r.id));
}
