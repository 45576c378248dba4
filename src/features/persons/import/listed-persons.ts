/**
 * The registered persons a list's rows name: by national ID, or, for a row without one, by name, birth date,
 * village and household head among the commune's persons registered before this import. Importing the same
 * list again then finds every row's person and changes nothing.
 */
import type { Kysely } from 'kysely';
import { foldDiacritics } from '../../../core/text.ts';
import type { Database } from '../../../db/schema.ts';
import { isSameListedPerson, type ListedFacts } from '../rules/listed-person.ts';
import type { PersonInput } from '../rules/person-row.ts';
import { heldBy, nationalIdHolders } from '../store.ts';

/** A person of the commune by folded name and birth year: registered before this import, or one of its rows. */
export interface Namesake extends ListedFacts {
  id: number;
  /** Registered by this import (a likely duplicate for review, never the same person automatically). */
  thisImport: boolean;
}

export const namesakeKey = (folded: string, birthYear: number) => `${folded}|${birthYear}`;

/**
 * The commune's registered persons by folded name and birth year, read once: rows are then matched in memory,
 * not by a query per chunk (a commune holds thousands, the province bench a million).
 */
export async function registeredNamesakes(trx: Kysely<Database>, communeCode: string) {
  const namesakes = new Map<string, Namesake[]>();
  for (const c of await trx
    .selectFrom('persons as p')
    .leftJoin('households as h', 'h.id', 'p.household_id')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .select([
      'p.id',
      'p.full_name',
      'p.birth_date',
      'p.birth_year',
      'p.village_id',
      'head.full_name as head_name',
    ])
    .where('p.commune_code', '=', communeCode)
    .where('p.merged_into', 'is', null)
    .execute()) {
    const key = namesakeKey(foldDiacritics(c.full_name), c.birth_year);
    const same = namesakes.get(key) ?? [];
    same.push({
      id: c.id,
      fullName: c.full_name,
      birthDate: c.birth_date,
      birthYear: c.birth_year,
      villageId: c.village_id,
      householdHead: c.head_name,
      thisImport: false,
    });
    namesakes.set(key, same);
  }
  return namesakes;
}

const LISTED_COLUMNS = [
  'id',
  'province_code',
  'village_id',
  'status',
  'household_id',
  'merged_into',
  'phone',
  'address',
  'occupation',
  'relation_to_head',
  'note',
  'priority_groups',
  'sex',
  'birth_date',
  'birth_year',
  'birth_sort',
] as const;

/**
 * Each row's registered person (null: a new person), read in bulk for a chunk. `claimed` holds the persons
 * earlier rows of the file took: two rows never take the same person by name.
 */
export async function findListed(
  trx: Kysely<Database>,
  rows: readonly { person: PersonInput; head: string | null }[],
  namesakes: Map<string, Namesake[]>,
  claimed: Set<number>,
) {
  const nationalIds = rows.flatMap((r) => (r.person.nationalId ? [r.person.nationalId] : []));
  const named = rows.map((r) => {
    if (r.person.nationalId) return null;
    const same = (
      namesakes.get(namesakeKey(foldDiacritics(r.person.fullName), r.person.birthYear)) ?? []
    ).filter((c) => !c.thisImport && !claimed.has(c.id) && isSameListedPerson(c, r.person, r.head));
    if (same.length !== 1) return null;
    claimed.add(same[0]!.id);
    return same[0]!.id;
  });
  const ids = named.filter((id): id is number => id !== null);
  // By national ID through the country-wide lookup keyed by the ID (one shard under Citus), then in the
  // holders' provinces.
  const held = await nationalIdHolders(trx, nationalIds);
  const found = [
    ...(held.length
      ? await trx
          .selectFrom('persons')
          .select([...LISTED_COLUMNS, 'national_id'])
          .where(heldBy(held))
          .execute()
      : []),
    ...(ids.length
      ? await trx
          .selectFrom('persons')
          .select([...LISTED_COLUMNS, 'national_id'])
          .where('id', 'in', ids)
          .execute()
      : []),
  ];
  const records = new Map(found.map((p) => [p.id, p]));
  const holders = new Map(
    held.flatMap((h) =>
      records.has(h.person_id) ? [[h.national_id, records.get(h.person_id)!] as const] : [],
    ),
  );
  return rows.map((r, i) => {
    const id = named[i];
    if (r.person.nationalId) return holders.get(r.person.nationalId) ?? null;
    return id == null ? null : records.get(id)!;
  });
}

export type ListedRecord = NonNullable<Awaited<ReturnType<typeof findListed>>[number]>;
