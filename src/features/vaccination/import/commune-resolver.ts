/**
 * The commune of a dose row: its GSO code ("Mã xã"), or its name with, when names repeat, the district and
 * province columns; a file made for one commune may leave the column out. Only communes within the unit the
 * import is made for are found.
 */
import type { Message } from '../../../core/errors.ts';
import type { AdminUnitTable } from '../../../db/schema.ts';
import type { UnitTree } from '../../admin-units/index.ts';
import { cellText } from '../../persons/index.ts';
import { communesUnder } from '../access.ts';
import { unitNameKey } from '../rules/dose-headers.ts';

export interface CommuneCells {
  communeCode?: unknown;
  commune?: unknown;
  district?: unknown;
  province?: unknown;
}

export type CommuneMatch =
  | { ok: true; commune: AdminUnitTable }
  | { ok: false; field: string; reason: Message };

export function communeResolver(tree: UnitTree, unit: AdminUnitTable) {
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
    if (!name) {
      if (unit.level === 3) return { ok: true, commune: unit };
      return fail('commune', 'Thiếu xã, phường.', 'The commune is missing.');
    }
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
