import type { DoseGroup } from '../rules/dose-groups.ts';
import type { Cells } from './dose-row.ts';

const blank = (v: unknown) => v == null || String(v).trim() === '';

/**
 * The doses of one person's row in the wide layout: one per group with a date or a vaccine, each with the
 * row's person cells, the group's cells (the row's own vaccine column when the group has none) and the group's
 * dose number; `names` are the group's headers, for the error report. A person with no dose yields none.
 */
export function dosesOfWideRow(base: Cells, cells: unknown[], groups: readonly DoseGroup[]) {
  return groups.flatMap((group) => {
    const own = Object.entries(group.columns).map(([field, c]) => [field, cells[c.index]] as const);
    if (own.every(([, value]) => blank(value))) return [];
    const names = new Map(Object.entries(group.columns).map(([field, c]) => [field, c.header]));
    names.set('doseNumber', group.label);
    const dose: Cells = { ...base, ...Object.fromEntries(own), doseNumber: group.doseNumber };
    return [{ cells: dose, names }];
  });
}
