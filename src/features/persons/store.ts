import { type Expression, type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import { vietnamToday, vietnamTodayInstant } from '../../core/dates.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { foldDiacritics } from '../../core/text.ts';
import { insertReturningIds, insertRows } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, PersonTable } from '../../db/schema.ts';
import { placeColumn, unitInScope, villageNames } from '../admin-units/index.ts';
import { appendAudit, recordAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { dispatchAfterCommit, emitPersonEvents, type PersonEventInput } from './events.ts';
import { type AgeBand, birthDateRange, effectiveBirthDate } from './rules/age-bands.ts';
import type { PersonInput, PersonStatus, PriorityGroup } from './rules/person-row.ts';
import { normalizePhone } from './rules/phone.ts';

const personNotFound = () => notFound({ vi: 'Không tìm thấy người dân.', en: 'Person not found.' });

/** The columns a row gets from a validated person, its place and its batch. */
export function personRow(
  p: PersonInput,
  place: { province_code: string; district_code: string; commune_code: string },
  extra: { householdId?: number | null; importBatchId?: number | null; generated?: boolean; now: string },
): Omit<PersonTable, 'id'> {
  const folded = foldDiacritics(p.fullName);
  // The place's three fields are named rather than spread: on Node 20 a spread followed by two dozen more
  // properties cost ~100 µs per row, a fifth of a million-row import (bench/persons.ts).
  return {
    province_code: place.province_code,
    district_code: place.district_code,
    commune_code: place.commune_code,
    village_id: p.villageId,
    household_id: extra.householdId ?? null,
    relation_to_head: p.relationToHead,
    full_name: p.fullName,
    name_folded: folded,
    given_name_folded: folded.slice(folded.lastIndexOf(' ') + 1),
    birth_date: p.birthDate,
    birth_year: p.birthYear,
    birth_sort: effectiveBirthDate(p),
    sex: p.sex,
    national_id: p.nationalId,
    phone: p.phone,
    address: p.address,
    occupation: p.occupation,
    priority_groups: p.priorityGroups.join(','),
    status: p.status,
    status_date: null,
    note: p.note,
    generated: extra.generated ? 1 : 0,
    merged_into: null,
    import_batch_id: extra.importBatchId ?? null,
    created_at: extra.now,
    updated_at: extra.now,
  };
}

type PersonRow = Omit<PersonTable, 'id'>;

/** Inserts persons (and their national IDs in the country-wide lookup); answers their ids in order. */
export async function insertPersonRows(db: Db, trx: Kysely<Database>, rows: PersonRow[]) {
  const ids = await insertReturningIds(db, trx, 'persons', rows);
  const held = rows.flatMap((r, i) =>
    r.national_id ? [{ national_id: r.national_id, province_code: r.province_code, person_id: ids[i]! }] : [],
  );
  await insertRows(db, trx, 'person_national_ids', held);
  return ids;
}

/**
 * Who holds these national IDs, read from the country-wide lookup (person_national_ids, keyed by the ID: under
 * Citus one shard per ID, never a scan of every province's persons): each ID with its holder and the holder's
 * province, where the caller then reads the person (by province and id: one shard).
 */
export async function nationalIdHolders(q: Kysely<Database>, nationalIds: readonly string[]) {
  if (nationalIds.length === 0) return [];
  return q
    .selectFrom('person_national_ids')
    .select(['national_id', 'province_code', 'person_id'])
    .where('national_id', 'in', [...new Set(nationalIds)])
    .execute();
}

/** The persons these holders (from `nationalIdHolders`) are: by province and id, one shard each under Citus. */
export const heldBy =
  (held: readonly { province_code: string; person_id: number }[]) =>
  (eb: ExpressionBuilder<Database, 'persons'>) =>
    eb.and([
      eb('province_code', 'in', [...new Set(held.map((h) => h.province_code))]),
      eb(
        'id',
        'in',
        held.map((h) => h.person_id),
      ),
    ]);

/**
 * After a write that may have changed, freed or deleted these persons' national IDs: the country-wide lookup
 * (person_national_ids, migration 0098) names their current holders again. An ID another person holds is
 * refused by the lookup's key, in every province.
 */
export async function syncNationalIds(trx: Kysely<Database>, personIds: readonly number[]) {
  if (personIds.length === 0) return;
  for (let i = 0; i < personIds.length; i += 5000) {
    const chunk = personIds.slice(i, i + 5000);
    await trx.deleteFrom('person_national_ids').where('person_id', 'in', chunk).execute();
    await trx
      .insertInto('person_national_ids')
      .columns(['national_id', 'province_code', 'person_id'])
      .expression((eb) =>
        eb
          .selectFrom('persons')
          .select(['national_id', 'province_code', 'id'])
          .where('id', 'in', chunk)
          .where('national_id', 'is not', null),
      )
      .execute();
  }
}

/** Sets the head of many households at once (an import learns them as it inserts their members). */
export async function setHouseholdHeads(db: Db, trx: Kysely<Database>, heads: Map<number, number>) {
  if (heads.size === 0) return;
  if (db.sqlite) {
    const update = db.sqlite.prepare('update households set head_person_id = ? where id = ?');
    for (const [household, person] of heads) update.run(person, household);
    return;
  }
  const pairs = [...heads];
  for (let i = 0; i < pairs.length; i += 10_000) {
    const values = pairs.slice(i, i + 10_000).map(([h, p]) => sql`(${h}::integer, ${p}::integer)`);
    await sql`update households set head_person_id = v.person from (values ${sql.join(values)}) as v(household, person) where households.id = v.household`.execute(
      trx,
    );
  }
}

/**
 * Writes what list rows changed on registered persons (an import of a newer list), with their events: a new
 * village is a move, a birth date or sex filled in is an update (the age band may change).
 */
export async function updateListedPersons(
  db: Db,
  trx: Kysely<Database>,
  changes: readonly {
    before: Pick<PersonRecord, 'id' | 'province_code' | 'village_id' | 'status'>;
    set: Partial<PersonRow>;
  }[],
  batchId: number,
) {
  const now = new Date().toISOString();
  const events: PersonEventInput[] = [];
  for (const { before, set } of changes) {
    await trx
      .updateTable('persons')
      .set({ ...set, updated_at: now })
      .where('id', '=', before.id)
      .execute();
    events.push(...changeEvents(before, set));
    if ('national_id' in set) await syncNationalIds(trx, [before.id]);
    const filled = (['birth_date', 'sex'] as const).filter((f) => f in set);
    if (filled.length)
      events.push({
        kind: 'updated',
        personId: before.id,
        provinceCode: before.province_code,
        payload: { filled, batchId },
      });
  }
  await emitPersonEvents(db, trx, events);
}

export interface PersonFilter {
  q?: string;
  unitCode?: string;
  villageId?: number;
  ageBand?: AgeBand;
  status?: string;
  priorityGroup?: string;
  limit: number;
  offset: number;
  /** Keyset paging (exports, without `q`): only persons after this one in (folded name, id) order. */
  after?: { nameFolded: string; id: number };
}

/** The columns a search shows of each person. */
const SHOWN = [
  'id',
  'full_name',
  'name_folded',
  'birth_date',
  'birth_year',
  'sex',
  'national_id',
  'phone',
  'commune_code',
  'village_id',
  'household_id',
  'priority_groups',
  'status',
] as const;

/**
 * Persons within the caller's jurisdiction: by name prefix (diacritics and case ignored, on the full name or
 * the given name), by national-ID or phone prefix when the text is digits, and by village, age band, status
 * and priority group. Every search is audited with its filter and the number of persons shown.
 */
export async function searchPersons(
  db: Db,
  scope: Scope,
  filter: PersonFilter,
  today = vietnamTodayInstant(),
) {
  const unit = await unitInScope(db, scope, filter.unitCode ?? scope.unitCode);
  let q = db.db.selectFrom('persons').where('persons.merged_into', 'is', null);
  const column = placeColumn('persons', unit.level);
  if (column) q = q.where(column, '=', unit.code);
  if (filter.villageId) q = q.where('persons.village_id', '=', filter.villageId);
  if (filter.status) q = q.where('persons.status', '=', filter.status);
  if (filter.priorityGroup)
    q = q.where(sql<string>`',' || persons.priority_groups || ','`, 'like', `%,${filter.priorityGroup},%`);
  if (filter.ageBand) {
    const range = birthDateRange(filter.ageBand, today);
    q = q
      .where('persons.birth_sort', '>', range.bornAfter)
      .where('persons.birth_sort', '<=', range.bornOnOrBefore);
  }
  const text = filter.q?.trim() ?? '';
  const after = filter.after;
  if (after && !text) q = q.where(afterName(db, after));
  // The page itself, or (`forMerge`) all rows up to its end: a merge of two scans takes its page from those.
  const page = (
    query: typeof q,
    order: 'persons.name_folded' | 'persons.given_name_folded',
    forMerge = false,
  ) =>
    query
      .select(SHOWN.map((column) => `persons.${column}` as const))
      .orderBy(inNameOrder(db, order))
      // People who share a given name come by full name (the given-name indexes' next key).
      .$if(order === 'persons.given_name_folded', (ordered) =>
        ordered.orderBy(inNameOrder(db, 'persons.name_folded')),
      )
      .orderBy('persons.id')
      .limit(forMerge ? filter.offset + filter.limit : filter.limit)
      .offset(forMerge ? 0 : filter.offset);
  let rows: Awaited<ReturnType<ReturnType<typeof page>['execute']>>;
  if (/^\+?\d[\d .]*$/.test(text)) {
    const digits = text.replace(/\D/g, '').replace(/^84/, '0');
    rows = await page(
      q.where((eb) =>
        eb.or([
          prefix(db, eb.ref('persons.national_id'), digits),
          prefix(db, eb.ref('persons.phone'), digits),
        ]),
      ),
      'persons.name_folded',
    ).execute();
  } else if (text) {
    // Full names that start with the text, by full name, then the other given names that do, by given name
    // and full name. Each tier is an index-ordered scan that stops at the page's end, and the page is cut from
    // the two in the same statement (one round trip on PostgreSQL; only the page comes back). An OR of the two
    // would read and sort every match ("nguyen" matches a third of the province).
    const folded = foldDiacritics(text);
    const byName = page(
      q.where((eb) => prefix(db, eb.ref('persons.name_folded'), folded)),
      'persons.name_folded',
      true,
    ).select([sql<number>`0`.as('tier'), 'persons.name_folded as sort_key']);
    const byGiven = page(
      q
        .where((eb) => prefix(db, eb.ref('persons.given_name_folded'), folded))
        .where((eb) => eb.not(prefix(db, eb.ref('persons.name_folded'), folded))),
      'persons.given_name_folded',
      true,
    ).select([sql<number>`1`.as('tier'), 'persons.given_name_folded as sort_key']);
    rows = await db.db
      .selectFrom(
        db.db
          .selectFrom(byName.as('by_name'))
          .selectAll()
          .unionAll(db.db.selectFrom(byGiven.as('by_given')).selectAll())
          .as('found'),
      )
      .select(SHOWN.map((column) => `found.${column}` as const))
      .orderBy('found.tier')
      .orderBy(inNameOrder(db, 'found.sort_key'))
      .orderBy(inNameOrder(db, 'found.name_folded'))
      .orderBy('found.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
  } else rows = await page(q, 'persons.name_folded').execute();
  const villages = await villageNames(
    db,
    rows.map((p) => p.commune_code),
  );
  const persons = rows.map((p) => ({
    ...p,
    village_name: (p.village_id !== null && villages.get(p.village_id)) || null,
  }));
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'person_search',
      unitCode: unit.code,
      details: { ...filter, shown: persons.length, ids: persons.slice(0, 200).map((p) => p.id) },
    },
  ]);
  return persons;
}

/**
 * The whole filtered list, a page at a time in (folded name, id) order (a province's hundreds of thousands
 * of persons never sit in memory, and each query is short: the server answers between pages). A text
 * search is one page of at most `max` (its two merged scans cannot be paged by one key).
 */
export async function* eachPerson(
  db: Db,
  scope: Scope,
  filter: Omit<PersonFilter, 'limit' | 'offset'>,
  max: number,
) {
  const size = filter.q?.trim() ? max : 2000;
  let after: PersonFilter['after'];
  for (let sent = 0; sent < max; ) {
    const page = await searchPersons(db, scope, {
      ...filter,
      after,
      limit: Math.min(size, max - sent),
      offset: 0,
    });
    yield* page;
    sent += page.length;
    if (page.length < size) return;
    const last = page.at(-1)!;
    after = { nameFolded: last.name_folded, id: last.id };
    await new Promise<void>((resolve) => setImmediate(resolve)); // the server answers between pages
  }
}

/**
 * Name order as the name indexes hold it, so a page is read off the index and stops at its end. PostgreSQL's
 * name indexes are text_pattern_ops (for LIKE prefixes in any locale), whose order is the bytes' (`~<~`): a
 * plain ORDER BY follows the database's collation, which that index cannot give, so "nguyen" in a district
 * sorted all its 17,883 matches for each page of 50 (296 ms against 1.5 ms). Folded names are ASCII: bytes'
 * order is SQLite's and JavaScript's too.
 */
function inNameOrder(db: Db, column: string) {
  return db.engine === 'postgres' ? sql`${sql.ref(column)} using ~<~` : sql.ref(column);
}

/**
 * The rows after a page's last (folded name, id), in the same order. The plain "at or after the name" lets the
 * index start the scan at the key (a row value alone does not, on SQLite).
 */
function afterName(db: Db, after: { nameFolded: string; id: number }) {
  return db.engine === 'postgres'
    ? sql<boolean>`persons.name_folded ~>=~ ${after.nameFolded} and (persons.name_folded ~>~ ${after.nameFolded}
        or (persons.name_folded = ${after.nameFolded} and persons.id > ${after.id}))`
    : sql<boolean>`persons.name_folded >= ${after.nameFolded}
        and (persons.name_folded, persons.id) > (${after.nameFolded}, ${after.id})`;
}

/**
 * "Starts with" that can use the column's index: GLOB on SQLite (its LIKE ignores case and so skips a
 * binary index); on PostgreSQL the byte range [text, text with its last character's successor) of the
 * text_pattern_ops index: unlike LIKE with a parameter, a range keeps its index scan in a prepared statement's
 * generic plan (planned once, not at each search).
 */
function prefix(db: Db, column: Expression<string | null>, text: string) {
  if (db.engine === 'sqlite') return sql<boolean>`${column} glob ${`${text.replace(/[*?[\]]/g, '')}*`}`;
  const next = (text.codePointAt(text.length - 1) ?? 0xd7ff) + 1;
  // Past the basic plane or into the surrogates (and for an empty text, all of which no name has): LIKE.
  if (next > 0xffff || (next >= 0xd800 && next <= 0xe000))
    return sql<boolean>`${column} like ${`${text.replace(/[%_\\]/g, '')}%`}`;
  const end = text.slice(0, -1) + String.fromCharCode(next);
  return sql<boolean>`${column} ~>=~ ${text} and ${column} ~<~ ${end}`;
}

/** A person the caller may see; outside the jurisdiction the person does not exist (404, not 403). */
async function personInScope(db: Db, scope: Scope, id: number) {
  const person = await db.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!person) throw personNotFound();
  await unitInScope(db, scope, person.commune_code).catch((e) =>
    Promise.reject(e.status === 403 ? personNotFound() : e),
  );
  return { person };
}

/** One person, with household members; the read is audited. */
export async function getPerson(db: Db, scope: Scope, id: number) {
  const { person } = await personInScope(db, scope, id);
  const household = person.household_id
    ? await db.db
        .selectFrom('persons')
        .select(['id', 'full_name', 'birth_year', 'sex', 'relation_to_head'])
        .where('household_id', '=', person.household_id)
        .where('merged_into', 'is', null)
        .orderBy('id')
        .execute()
    : [];
  await recordAudit(db, scope, [
    { action: 'read', entity: 'person', entityId: id, unitCode: person.commune_code },
  ]);
  return { person, household };
}

export interface PersonChanges {
  status?: PersonStatus;
  statusDate?: string | null;
  phone?: string | null;
  villageId?: number | null;
  address?: string | null;
  occupation?: string | null;
  priorityGroups?: PriorityGroup[];
  note?: string | null;
}

/** Changes what a health station keeps current (status with its date, phone, village, groups); audited with before/after. */
export async function updatePerson(db: Db, scope: Scope, id: number, changes: PersonChanges) {
  const { person: before } = await personInScope(db, scope, id);
  let phone = changes.phone;
  if (phone) {
    const checked = normalizePhone(phone);
    if (!checked.ok) throw badRequest(checked.reason, [{ field: 'phone', message: checked.reason }]);
    phone = checked.value;
  }
  if (changes.villageId) {
    const village = await db.db
      .selectFrom('villages')
      .select('commune_code')
      .where('id', '=', changes.villageId)
      .executeTakeFirst();
    if (village?.commune_code !== before.commune_code) {
      const msg = {
        vi: 'Thôn không thuộc xã của người này.',
        en: "The village is not in this person's commune.",
      };
      throw badRequest(msg, [{ field: 'villageId', message: msg }]);
    }
  }
  const set = {
    ...(changes.status !== undefined
      ? { status: changes.status, status_date: changes.statusDate ?? vietnamToday() }
      : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(changes.villageId !== undefined ? { village_id: changes.villageId } : {}),
    ...(changes.address !== undefined ? { address: changes.address } : {}),
    ...(changes.occupation !== undefined ? { occupation: changes.occupation } : {}),
    ...(changes.priorityGroups !== undefined ? { priority_groups: changes.priorityGroups.join(',') } : {}),
    ...(changes.note !== undefined ? { note: changes.note } : {}),
  };
  await db.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('persons')
      .set({ ...set, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    const previous = Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof typeof before]]));
    await emitPersonEvents(db, trx, changeEvents(before, set));
    await appendAudit(trx, db, scope, [
      {
        action: 'update',
        entity: 'person',
        entityId: id,
        unitCode: before.commune_code,
        details: { before: previous, after: set },
      },
    ]);
  });
  await dispatchAfterCommit(db);
}

/**
 * The events of a change to a person: a new village is a move; a new status is a death, a move away, or (back
 * to living here, temporarily away) an update.
 */
export function changeEvents(
  before: Pick<PersonRecord, 'id' | 'province_code' | 'village_id' | 'status'>,
  after: { village_id?: number | null; status?: string },
): PersonEventInput[] {
  const events: PersonEventInput[] = [];
  const base = { personId: before.id, provinceCode: before.province_code };
  if (after.village_id !== undefined && after.village_id !== before.village_id)
    events.push({
      ...base,
      kind: 'moved',
      payload: { village: { from: before.village_id, to: after.village_id } },
    });
  if (after.status !== undefined && after.status !== before.status)
    events.push({
      ...base,
      kind: after.status === 'deceased' ? 'died' : after.status === 'moved' ? 'moved' : 'updated',
      payload: { status: { from: before.status, to: after.status } },
    });
  return events;
}

export type PersonRecord = Selectable<PersonTable>;
