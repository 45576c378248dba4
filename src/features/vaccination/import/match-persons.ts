/**
 * Finds the registered person of each dose row: by national ID (an ID still held by a merged record is the
 * kept record's person), wherever the row's commune; else by name + birth date + commune (exactly one such
 * person); else the row is a person to register, if its commune is known and its person fields are valid.
 * Reads in bulk, for a chunk of rows at a time.
 */
import type { Kysely } from 'kysely';
import { foldDiacritics } from '../../../core/text.ts';
import type { AdminUnitTable, Database } from '../../../db/schema.ts';
import type { UnitTree } from '../../admin-units/index.ts';
import { isWithin } from '../../admin-units/index.ts';
import type { PersonMatchFacts, VillageRef } from '../../persons/index.ts';
import {
  effectiveBirthDate,
  holdersOfNationalIds,
  type PersonInput,
  personsByFoldedNames,
  validatePersonRow,
} from '../../persons/index.ts';
import type { DoseRow, Problem } from './dose-row.ts';

/** What a dose needs to know of its person: the part of the persons interface's match facts it reads. */
export type Known = Pick<
  PersonMatchFacts,
  | 'id'
  | 'commune_code'
  | 'district_code'
  | 'province_code'
  | 'birth_date'
  | 'birth_year'
  | 'status'
  | 'status_date'
>;

export type Match =
  | { kind: 'registered'; person: Known; by: 'nationalId' | 'nameAndBirth' }
  | { kind: 'new'; key: string; person: PersonInput; commune: Place }
  | { kind: 'rejected'; problems: Problem[] };

type Place = NonNullable<DoseRow['commune']>;

export interface MatchContext {
  trx: Kysely<Database>;
  tree: UnitTree;
  unit: AdminUnitTable;
  /** Noon of the import's day: the registry's validator reads ages from it. */
  noon: Date;
  villagesOf: (commune: string) => Promise<VillageRef[]>;
}

const problem = (field: string, vi: string, en: string): Match => ({
  kind: 'rejected',
  problems: [{ field, reason: { vi, en } }],
});

export async function matchPersons(rows: DoseRow[], ctx: MatchContext): Promise<Match[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.nationalId ? [r.nationalId] : [])))];
  const withId = new Map<string, Known | null>(
    (await holdersOfNationalIds(ctx.trx, ids)).map((h) => [h.nationalId, h.person]),
  );

  const persons = new Map<DoseRow, PersonInput | Problem[]>();
  for (const r of rows)
    if (r.commune && !(r.nationalId && withId.has(r.nationalId))) {
      const checked = validatePersonRow(r.cells, {
        today: ctx.noon,
        villages: await ctx.villagesOf(r.commune.code),
      });
      persons.set(r, checked.ok ? checked.person : checked.errors);
    }
  const valid = (r: DoseRow) => {
    const p = persons.get(r);
    return p && !Array.isArray(p) ? p : null;
  };
  const nameKey = (commune: string, name: string, birth: string) => `${commune}|${name}|${birth}`;
  const namesakes = new Map<string, (Known & { national_id: string | null })[]>();
  const searched = rows.filter(valid);
  if (searched.length)
    for (const p of await personsByFoldedNames(
      ctx.trx,
      [...new Set(searched.map((r) => r.commune!.code))],
      [...new Set(searched.map((r) => foldDiacritics(valid(r)!.fullName)))],
    )) {
      const key = nameKey(p.commune_code, p.name_folded, p.birth_sort);
      namesakes.set(key, [...(namesakes.get(key) ?? []), p]);
    }

  return rows.map((r): Match => {
    const registered = r.nationalId ? withId.get(r.nationalId) : undefined;
    if (registered)
      return isWithin(ctx.tree.get(registered.commune_code)!, ctx.unit.code)
        ? { kind: 'registered', person: registered, by: 'nationalId' }
        : problem(
            'nationalId',
            `Người có số CCCD/CMND này đăng ký ở đơn vị khác, ngoài ${ctx.unit.name_with_type}.`,
            `The person with this ID is registered outside ${ctx.unit.name_with_type}.`,
          );
    if (registered === null)
      return problem(
        'nationalId',
        'Số CCCD/CMND này thuộc một hồ sơ đã gộp chưa xử lý xong: kiểm tra trong sổ dân cư.',
        'This ID belongs to a merged record still being reviewed: check the registry.',
      );
    if (!r.commune) return { kind: 'rejected', problems: [r.communeProblem!] };
    const person = valid(r);
    if (!person) return { kind: 'rejected', problems: persons.get(r) as Problem[] };
    const key = nameKey(r.commune.code, foldDiacritics(person.fullName), effectiveBirthDate(person));
    // A namesake holding another national ID is another person.
    const same = (namesakes.get(key) ?? []).filter((p) => !r.nationalId || !p.national_id);
    if (same.length > 1)
      return problem(
        'fullName',
        `Có ${same.length} người cùng họ tên và ngày sinh trong xã: ghi số CCCD/CMND để phân biệt.`,
        `${same.length} persons share this name and birth date in the commune: add the national ID.`,
      );
    if (same.length === 1) return { kind: 'registered', person: same[0]!, by: 'nameAndBirth' };
    return { kind: 'new', key: r.nationalId ?? key, person, commune: r.commune };
  });
}
