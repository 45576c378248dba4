/** Jurisdiction for vaccination records: a person, dose or session outside the caller's area does not exist. */
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable } from '../../db/schema.ts';
import type { UnitTree } from '../admin-units/index.ts';
import { unitInScope } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';

/** A commune within the caller's area (worklists and sessions are per commune). */
export async function communeInScope(db: Db, scope: Scope, code: string) {
  const unit = await unitInScope(db, scope, code);
  if (unit.level !== 3) {
    const message = { vi: 'Hãy chọn một xã, phường, thị trấn.', en: 'Choose a commune.' };
    throw badRequest(message, [{ field: 'unit', message }]);
  }
  return unit;
}

export function communesUnder(tree: UnitTree, unit: AdminUnitTable): AdminUnitTable[] {
  if (unit.level === 3) return [unit];
  return tree.children(unit.code).flatMap((child) => communesUnder(tree, child));
}
