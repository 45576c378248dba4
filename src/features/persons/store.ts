import { type Kysely, type Selectable, sql } from 'kysely';
import { notFound } from '../../core/errors.ts';
import { foldDiacritics } from '../../core/text.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, PersonTable } from '../../db/schema.ts';
import { unitInScope } from '../admin-units/store.ts';
import { recordAudit } from '../audit/store.ts';
import type { Scope } from '../auth/rules.ts';
import { type AgeBand, birthDateRange, effectiveBirthDate } from './rules/age-bands.ts';
import type { PersonInput } from './rules/person-row.ts';

const personNotFound = () => notFound({ vi: 'Không tìm thấy người dân.', en: 'Person not found.' });

/** The columns a row gets from a validated person, its place and its batch. */
export function personRow(
  p: PersonInput,
  place: { province_code: string; district_code: string; commune_code: string },
  extra: { householdId?: number | null; importBatchId?: number | null; generated?: boolean; now: string },
): Omit<PersonTable, 'id'> {
  const folded = foldDiacritics(p.fullName);
  return {
    ...place,
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

/** Inserts rows in multi-row statements inside the caller's transaction (imports, generator). */
export async function insertPersonRows(trx: Kysely<Database>, rows: Omit<PersonTable, 'id'>[], chunk = 400) {
  for (let i = 0; i < rows.length; i += chunk)
    await trx
      .insertInto('persons')
      .values(rows.slice(i, i + chunk))
      .execute();
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
}

/** Narrows a person query to a unit: its level says which code column to compare. */
function unitColumn(level: number) {
  return level === 1 ? 'persons.province_code' : level === 2 ? 'persons.district_code' : 'persons.commune_code';
}

/**
 * Persons within the caller's jurisdiction: by name prefix (diacritics and case ignored, on the full name or
 * the given name), by national-ID or phone prefix when the text is digits, and by village, age band, status
 * and priority group. Every search is audited with its filter and the number of persons shown.
 */
export async function searchPersons(db: Db, scope: Scope, filter: PersonFilter, today = new Date()) {
  const unit = await unitInScope(db, scope, filter.unitCode ?? scope.unitCode);
  let q = db.db.selectFrom('persons').where('persons.merged_into', 'is', null);
  if (unit.level > 0) q = q.where(unitColumn(unit.level), '=', unit.code);
  const text = filter.q?.trim() ?? '';
  if (/^\+?\d[\d .]*$/.test(text)) {
    const digits = text.replace(/\D/g, '').replace(/^84/, '0');
    q = q.where((eb) => eb.or([eb('persons.national_id', 'like', `${digits}%`), eb('persons.phone', 'like', `${digits}%`)]));
  } else if (text) {
    const folded = foldDiacritics(text).replace(/[%_\\]/g, '');
    q = q.where((eb) =>
      eb.or([eb('persons.name_folded', 'like', `${folded}%`), eb('persons.given_name_folded', 'like', `${folded}%`)]),
    );
  }
  if (filter.villageId) q = q.where('persons.village_id', '=', filter.villageId);
  if (filter.status) q = q.where('persons.status', '=', filter.status);
  if (filter.priorityGroup)
    q = q.where(sql<string>`',' || persons.priority_groups || ','`, 'like', `%,${filter.priorityGroup},%`);
  if (filter.ageBand) {
    const range = birthDateRange(filter.ageBand, today);
    q = q.where('persons.birth_sort', '>', range.bornAfter).where('persons.birth_sort', '<=', range.bornOnOrBefore);
  }
  const persons = await q
    .leftJoin('villages', 'villages.id', 'persons.village_id')
    .select([
      'persons.id',
      'persons.full_name',
      'persons.birth_date',
      'persons.birth_year',
      'persons.sex',
      'persons.national_id',
      'persons.phone',
      'persons.commune_code',
      'persons.village_id',
      'villages.name as village_name',
      'persons.household_id',
      'persons.priority_groups',
      'persons.status',
    ])
    .orderBy('persons.name_folded')
    .orderBy('persons.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
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

/** One person, with household members; the read is audited. Outside the jurisdiction it does not exist. */
export async function getPerson(db: Db, scope: Scope, id: number) {
  const person = await db.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!person) throw personNotFound();
  await unitInScope(db, scope, person.commune_code).catch((e) =>
    Promise.reject(e.status === 403 ? personNotFound() : e),
  );
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

export type PersonRecord = Selectable<PersonTable>;
