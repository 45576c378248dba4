/**
 * A list row that names a person the registry already has: importing the same list again changes nothing,
 * a newer list updates what changed. And a row that repeats an earlier row of the same file (same CCCD).
 */
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';
import { effectiveBirthDate } from './age-bands.ts';
import type { PersonInput } from './person-row.ts';

/** What the registry holds of a person, as a list row is compared with it. */
export interface ListedFacts {
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  villageId: number | null;
  /** The household head's name, when the person has a household. */
  householdHead: string | null;
}

const sameBirth = (a: { birthDate: string | null; birthYear: number }, b: typeof a) =>
  a.birthDate || b.birthDate ? a.birthDate === b.birthDate : a.birthYear === b.birthYear;
const sameName = (a: string, b: string) => foldDiacritics(a) === foldDiacritics(b);

/**
 * A row without a national ID is a registered person when name, birth date (or year, when neither has the
 * date) and village are the same, and so is the household head when both name one: what a re-import of the
 * same list gives. Anything looser is a likely duplicate for review, not the same person.
 */
export function isSameListedPerson(
  registered: ListedFacts,
  row: PersonInput,
  rowHead: string | null,
): boolean {
  return (
    sameName(registered.fullName, row.fullName) &&
    sameBirth(registered, row) &&
    registered.villageId === row.villageId &&
    (!registered.householdHead || !rowHead || sameName(registered.householdHead, rowHead))
  );
}

/** The registry's columns a list row may change. */
export interface ListedColumns {
  phone: string | null;
  village_id: number | null;
  address: string | null;
  occupation: string | null;
  relation_to_head: string | null;
  note: string | null;
  priority_groups: string;
  sex: string | null;
  birth_date: string | null;
  birth_year: number;
  birth_sort: string;
}

/**
 * The columns a row changes on its registered person: what the row states and differs (a blank cell erases
 * nothing); sex and birth date only fill what the registry lacks. `fillOnly`: only what the registry lacks
 * (a repeated row of the same file adds to the first, never overrides it). Status and name are left alone:
 * a blank status column reads "resident", and a name is corrected on the person's page.
 */
export function listedChanges(
  before: ListedColumns,
  row: PersonInput,
  fillOnly = false,
): Partial<ListedColumns> {
  const set: Partial<ListedColumns> = {};
  const take = <K extends keyof ListedColumns>(
    key: K,
    value: ListedColumns[K] | null,
    empty: unknown = null,
  ) => {
    if (value == null || value === '' || value === before[key]) return;
    if (fillOnly && before[key] !== empty) return;
    set[key] = value as ListedColumns[K];
  };
  take('phone', row.phone);
  take('village_id', row.villageId);
  take('address', row.address);
  take('occupation', row.occupation);
  take('relation_to_head', row.relationToHead);
  take('note', row.note);
  take('priority_groups', row.priorityGroups.join(','), '');
  if (before.sex == null && row.sex) set.sex = row.sex;
  if (before.birth_date == null && row.birthDate && row.birthYear === before.birth_year) {
    set.birth_date = row.birthDate;
    set.birth_sort = effectiveBirthDate(row);
  }
  return set;
}

/**
 * A row with the CCCD of an earlier row of the file: the same person listed twice (merged into the earlier
 * row, null) or a conflict (another name or birth date: a typo in one of the two IDs) naming both rows.
 */
export function repeatConflict(first: ListedRow, repeat: ListedRow): Message | null {
  if (sameName(first.fullName, repeat.fullName) && sameBirthOrYear(first, repeat)) return null;
  return {
    vi: `Trùng số CCCD/CMND với dòng ${first.row} nhưng khác họ tên hoặc ngày sinh: kiểm tra số CCCD của hai dòng ${first.row} và ${repeat.row}.`,
    en: `Same national ID as row ${first.row} but another name or birth date: check the IDs of rows ${first.row} and ${repeat.row}.`,
  };
}

/** What a repeat is compared on: the row, the name and the birth. */
export interface ListedRow {
  row: number;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
}

/** A date and a bare year agree when the year is the same. */
const sameBirthOrYear = (a: ListedRow, b: ListedRow) =>
  a.birthDate && b.birthDate ? a.birthDate === b.birthDate : a.birthYear === b.birthYear;

/** The earlier row of a repeat, with what only the repeat states (the earlier row wins where both do). */
export function mergeRepeat(first: PersonInput, repeat: PersonInput): PersonInput {
  const merged = { ...first };
  for (const key of Object.keys(first) as (keyof PersonInput)[])
    if (merged[key] == null && repeat[key] != null) Object.assign(merged, { [key]: repeat[key] });
  merged.priorityGroups = [...new Set([...first.priorityGroups, ...repeat.priorityGroups])];
  return merged;
}

/** How a merged repeat is reported: both rows named. */
export const mergedInto = (first: number, repeat: number): Message => ({
  vi: `Dòng ${repeat} trùng số CCCD/CMND với dòng ${first}: đã gộp vào dòng ${first}.`,
  en: `Row ${repeat} has the national ID of row ${first}: merged into row ${first}.`,
});
