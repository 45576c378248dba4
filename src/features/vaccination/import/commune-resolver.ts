/**
 * The commune of a dose row: its GSO code ("Mã xã"), or its name with, when names repeat, the district and
 * province columns; a file made for one commune may leave the column out, and then the file's commune (its
 * title's, or the unit's) stands. Only communes within the unit the import is made for are found.
 */

import type { Kysely } from 'kysely';
import type { Message } from '../../../core/errors.ts';
import type { AdminUnitTable, Database } from '../../../db/schema.ts';
import type { UnitTree } from '../../admin-units/index.ts';
import { cellText, communesWithPersons } from '../../persons/index.ts';
import { communesUnder } from '../access.ts';
import { unitNameKey } from '../rules/dose-headers.ts';
import { leadingNames, type TitlePlaces, titlePlaces } from '../rules/title-places.ts';

export interface CommuneCells {
  communeCode?: unknown;
  commune?: unknown;
  district?: unknown;
  province?: unknown;
}

export type CommuneMatch =
  | { ok: true; commune: AdminUnitTable }
  | { ok: false; field: string; reason: Message };

/**
 * The communes within the unit a title names: by the longest leading words of each commune phrase that name
 * one, narrowed by the districts and provinces it names when that leaves any.
 */
export function communesInTitle(tree: UnitTree, unit: AdminUnitTable, places: TitlePlaces): AdminUnitTable[] {
  const named = (phrases: string[], key: (c: AdminUnitTable) => string, among: AdminUnitTable[]) => {
    const found = new Set<AdminUnitTable>();
    for (const phrase of phrases) {
      const name = leadingNames(phrase).find((n) => among.some((c) => key(c) === n));
      for (const c of among) if (name && key(c) === name) found.add(c);
    }
    return [...found];
  };
  let found = named(places.commune, (c) => unitNameKey(c.name), communesUnder(tree, unit));
  for (const [phrases, code] of [
    [places.district, 'district_code'],
    [places.province, 'province_code'],
  ] as const) {
    const narrowed = named(phrases, (c) => unitNameKey(tree.get(c[code] ?? '')?.name ?? ''), found);
    if (narrowed.length) found = narrowed;
  }
  return found;
}

/**
 * The commune of a file's rows that name none: the unit when it is a commune, else the one the title names —
 * among communes of the same name, the one whose persons the registry holds (where name + birth date can match).
 */
export async function fileCommune(
  q: Kysely<Database>,
  tree: UnitTree,
  unit: AdminUnitTable,
  titles: string[],
): Promise<CommuneMatch> {
  if (unit.level === 3) return { ok: true, commune: unit };
  let named = communesInTitle(tree, unit, titlePlaces(titles));
  if (named.length > 1) {
    const registered = new Set(
      await communesWithPersons(
        q,
        named.map((c) => c.code),
      ),
    );
    if (registered.size) named = named.filter((c) => registered.has(c.code));
  }
  if (named.length === 1) return { ok: true, commune: named[0]! };
  const where = unit.name_with_type;
  if (named.length > 1)
    return {
      ok: false,
      field: 'commune',
      reason: {
        vi: `Tiêu đề ghi xã “${named[0]!.name}” nhưng ${where} có ${named.length} xã tên này: thêm cột Xã/Phường, Quận/Huyện hoặc chọn đơn vị nhập.`,
        en: `The title names “${named[0]!.name}”, a name ${named.length} communes share within ${where}: add the commune and district columns, or choose the unit.`,
      },
    };
  return {
    ok: false,
    field: 'commune',
    reason: {
      vi: 'Thiếu xã, phường: thêm cột Xã/Phường, ghi tên xã ở tiêu đề, hoặc chọn xã khi nhập.',
      en: 'The commune is missing: add a commune column, name it in the title, or choose the commune.',
    },
  };
}

/** `fileCommune`: a row without commune cells is of this commune (or of none, and why). */
export function communeResolver(tree: UnitTree, unit: AdminUnitTable, fileCommune: CommuneMatch) {
  const communes = communesUnder(tree, unit);
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const byName = new Map<string, AdminUnitTable[]>();
  for (const c of communes) {
    const key = unitNameKey(c.name);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  const nameOf = (code: string | null) => unitNameKey(tree.get(code ?? '')?.name ?? '');
  const fail = (field: string, vi: string, en: string): CommuneMatch => ({
    ok: false,
    field,
    reason: { vi, en },
  });
  const answers = new Map<string, CommuneMatch>();

  function resolve(cells: CommuneCells): CommuneMatch {
    const code = cellText(cells.communeCode).trim();
    if (code) {
      const padded = /^\d{1,5}$/.test(code) ? code.padStart(5, '0') : code;
      const found = byCode.get(padded);
      if (found) return { ok: true, commune: found };
      return fail(
        'communeCode',
        `Mã xã “${code}” không phải một xã thuộc ${unit.name_with_type}.`,
        `“${code}” is not the code of a commune within ${unit.name_with_type}.`,
      );
    }
    const name = cellText(cells.commune).trim();
    if (!name) return fileCommune;
    const district = unitNameKey(cellText(cells.district));
    const province = unitNameKey(cellText(cells.province));
    const found = (byName.get(unitNameKey(name)) ?? []).filter(
      (c) =>
        (!district || nameOf(c.district_code) === district) &&
        (!province || nameOf(c.province_code) === province),
    );
    if (found.length === 1) return { ok: true, commune: found[0]! };
    if (found.length === 0)
      return fail(
        'commune',
        `Không có xã “${name}” trong ${unit.name_with_type}.`,
        `There is no commune “${name}” within ${unit.name_with_type}.`,
      );
    return fail(
      'commune',
      `Có ${found.length} xã tên “${name}”: thêm cột Quận/Huyện hoặc Mã xã.`,
      `${found.length} communes are called “${name}”: add the district or the commune code.`,
    );
  }

  /** Rows of one commune repeat the same cells: answers are kept by cell text. */
  return (cells: CommuneCells): CommuneMatch => {
    const key = [cells.communeCode, cells.commune, cells.district, cells.province].map(cellText).join('\t');
    let match = answers.get(key);
    if (!match) {
      match = resolve(cells);
      answers.set(key, match);
    }
    return match;
  };
}
