/**
 * Finds the registered person of each F0 row, a chunk at a time, through the registry's interface: by
 * national ID; else by name and birth date in the commune; else, when the list gives only the birth year, by
 * name and that year if one person alone matches; else a person to register (if the row's person is valid).
 * Like the dose import's matcher (vaccination/import/match-persons.ts), which also takes birth years; the
 * two should become one in the persons interface.
 */
import type { Kysely } from 'kysely';
import type { FieldError } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';
import type { Database } from '../../../db/schema.ts';
import {
  cellText,
  checkNationalId,
  holdersOfNationalIds,
  type PersonInput,
  type PersonMatchFacts,
  personsByFoldedNames,
  type VillageRef,
  validatePersonRow,
} from '../../persons/index.ts';

export type CaseMatch =
  | { kind: 'registered'; person: PersonMatchFacts }
  | { kind: 'new'; key: string; person: PersonInput }
  | { kind: 'rejected'; problems: FieldError[] };

export interface PersonCells extends Record<string, unknown> {
  villageOrAddress?: unknown;
}

interface MatchContext {
  q: Kysely<Database>;
  commune: { code: string; name_with_type: string };
  villages: VillageRef[];
  noon: Date;
}

const rejected = (field: string, vi: string, en: string): CaseMatch => ({
  kind: 'rejected',
  problems: [{ field, message: { vi, en } }],
});

/** The row's person as the registry reads it; the village column names a village, or goes to the address. */
function personOf(cells: PersonCells, ctx: MatchContext) {
  const { villageOrAddress, ...rest } = cells;
  const options = { today: ctx.noon, villages: ctx.villages };
  if (villageOrAddress == null) return validatePersonRow(rest, options);
  const asVillage = validatePersonRow({ ...rest, village: villageOrAddress }, options);
  if (asVillage.ok || !asVillage.errors.every((e) => e.field === 'village')) return asVillage;
  const address = [cellText(villageOrAddress), cellText(rest.address)].filter(Boolean).join(', ');
  return validatePersonRow({ ...rest, address }, options);
}

export async function matchCasePersons(rows: PersonCells[], ctx: MatchContext): Promise<CaseMatch[]> {
  const ids = rows.map((r) => {
    const id = checkNationalId(cellText(r.nationalId));
    return id.ok ? id.value : null;
  });
  const holders = new Map(
    (await holdersOfNationalIds(ctx.q, [...new Set(ids.filter((id) => id !== null))])).map((h) => [
      h.nationalId,
      h.person,
    ]),
  );
  const persons = rows.map((r, i) => (ids[i] && holders.has(ids[i]) ? null : personOf(r, ctx)));
  const valid = persons.flatMap((p) => (p?.ok ? [p.person] : []));
  const namesakes = await personsByFoldedNames(
    ctx.q,
    [ctx.commune.code],
    [...new Set(valid.map((p) => foldDiacritics(p.fullName)))],
  );

  return rows.map((_, i): CaseMatch => {
    const id = ids[i];
    const holder = id ? holders.get(id) : undefined;
    if (holder)
      return holder.commune_code === ctx.commune.code
        ? { kind: 'registered', person: holder }
        : rejected(
            'nationalId',
            `Người có số CCCD/CMND này đăng ký ở xã khác, không thuộc ${ctx.commune.name_with_type}.`,
            `The person with this ID is registered outside ${ctx.commune.name_with_type}.`,
          );
    if (holder === null)
      return rejected(
        'nationalId',
        'Số CCCD/CMND này thuộc một hồ sơ đã gộp chưa xử lý xong: kiểm tra trong sổ dân cư.',
        'This ID belongs to a merged record still being reviewed: check the registry.',
      );
    const checked = persons[i]!;
    if (!checked.ok)
      return {
        kind: 'rejected',
        problems: checked.errors.map((e) => ({ field: e.field, message: e.reason })),
      };
    const p = checked.person;
    const folded = foldDiacritics(p.fullName);
    // A namesake holding another national ID is another person.
    const same = namesakes.filter(
      (n) =>
        n.name_folded === folded &&
        (p.birthDate ? n.birth_date === p.birthDate : n.birth_year === p.birthYear) &&
        !(p.nationalId && n.national_id),
    );
    if (same.length > 1)
      return p.birthDate
        ? rejected(
            'fullName',
            `Có ${same.length} người cùng họ tên và ngày sinh trong xã: ghi số CCCD/CMND để phân biệt.`,
            `${same.length} persons share this name and birth date in the commune: add the national ID.`,
          )
        : rejected(
            'birthDate',
            `Có ${same.length} người tên này sinh năm ${p.birthYear} trong xã: ghi ngày sinh đầy đủ hoặc số CCCD/CMND.`,
            `${same.length} persons of this name were born in ${p.birthYear} in the commune: give the full birth date or the national ID.`,
          );
    if (same.length === 1) return { kind: 'registered', person: same[0]! };
    return { kind: 'new', key: p.nationalId ?? `${folded}|${p.birthDate ?? p.birthYear}`, person: p };
  });
}
