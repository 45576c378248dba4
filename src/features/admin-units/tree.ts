import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable } from '../../db/schema.ts';

/**
 * The administrative hierarchy held in memory. Units are reference data: loaded once from the GSO list and
 * never changed through the API, so every lookup and child list is served from here, not from SQL
 * (an area page read went from six queries to three). `loadUnits` drops the copy when it loads the table.
 */
export interface UnitTree {
  get(code: string): AdminUnitTable | undefined;
  children(code: string): AdminUnitTable[];
}

const trees = new WeakMap<Db, Promise<UnitTree>>();

export function unitTree(db: Db): Promise<UnitTree> {
  let tree = trees.get(db);
  if (!tree) {
    tree = build(db);
    trees.set(db, tree);
  }
  return tree;
}

export function forgetUnitTree(db: Db) {
  trees.delete(db);
}

async function build(db: Db): Promise<UnitTree> {
  const rows = await db.db.selectFrom('admin_units').selectAll().orderBy('code').execute();
  const byCode = new Map(rows.map((u) => [u.code, u]));
  const byParent = new Map<string, AdminUnitTable[]>();
  for (const u of rows)
    if (u.parent_code) byParent.set(u.parent_code, [...(byParent.get(u.parent_code) ?? []), u]);
  return { get: (code) => byCode.get(code), children: (code) => byParent.get(code) ?? [] };
}
