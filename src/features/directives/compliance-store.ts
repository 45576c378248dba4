/** How the units below a unit carry out their tasks: per unit, counts by compliance class and by state. */
import type { ExpressionBuilder } from 'kysely';
import { vietnamToday } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable, Database } from '../../db/schema.ts';
import { COUNTRY_CODE, unitInScope, unitTree } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import {
  COMPLIANCE_CLASSES,
  type ComplianceClass,
  complianceOf,
  TASK_STATES,
  type TaskState,
} from './rules/task-lifecycle.ts';

type Counts = Record<ComplianceClass | 'total', number> & { states: Record<TaskState, number> };

const emptyCounts = (): Counts => ({
  ...(Object.fromEntries([...COMPLIANCE_CLASSES, 'total'].map((c) => [c, 0])) as Record<
    ComplianceClass | 'total',
    number
  >),
  states: Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>,
});

/** Tasks assigned to the unit or below it (SQL form of isWithin over the assignee's unit). */
export function assignedWithin(db: Db, unitCode: string) {
  const within = (eb: ExpressionBuilder<Database, 'tasks' | 'admin_units'>) =>
    eb.or([
      eb('admin_units.code', '=', unitCode),
      eb('admin_units.province_code', '=', unitCode),
      eb('admin_units.district_code', '=', unitCode),
    ]);
  const q = db.db
    .selectFrom('tasks')
    .innerJoin('admin_units', 'admin_units.code', 'tasks.assignee_unit_code');
  return unitCode === COUNTRY_CODE ? q : q.where(within);
}

/** The unit one level below `parentLevel` that contains `unit` (itself when it is that level). */
function childOnPath(
  unit: Pick<AdminUnitTable, 'code' | 'level' | 'province_code' | 'district_code'>,
  parentLevel: number,
) {
  if (unit.level === parentLevel + 1) return unit.code;
  return parentLevel === 0 ? unit.province_code : unit.district_code;
}

export interface ComplianceFilter {
  unitCode: string;
  /** Only the tasks of one document. */
  documentId?: number;
}

/**
 * One row per unit directly below (all of them, with zero counts where nothing was assigned), then one per
 * organization of the unit itself and one for the unit itself when they hold tasks.
 */
export async function compliance(db: Db, scope: Scope, f: ComplianceFilter, today = vietnamToday()) {
  const unit = await unitInScope(db, scope, f.unitCode);
  let q = assignedWithin(db, unit.code);
  if (f.documentId !== undefined) q = q.where('tasks.document_id', '=', f.documentId);
  const tasks = await q
    .select([
      'tasks.state',
      'tasks.deadline',
      'tasks.done_at',
      'tasks.assignee_organization_id',
      'admin_units.code',
      'admin_units.level',
      'admin_units.province_code',
      'admin_units.district_code',
    ])
    .execute();
  const tree = await unitTree(db);
  const organizations = await db.db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('unit_code', '=', unit.code)
    .orderBy('id')
    .execute();
  const rows = new Map<
    string,
    { unitCode: string; organizationId: number | null; name: string; counts: Counts }
  >();
  for (const child of tree.children(unit.code))
    rows.set(child.code, {
      unitCode: child.code,
      organizationId: null,
      name: child.name_with_type,
      counts: emptyCounts(),
    });
  const ownRow = (organizationId: number | null) => {
    const key = `${unit.code}/${organizationId ?? ''}`;
    let row = rows.get(key);
    if (!row) {
      const name = organizations.find((o) => o.id === organizationId)?.name ?? unit.name_with_type;
      row = { unitCode: unit.code, organizationId, name, counts: emptyCounts() };
      rows.set(key, row);
    }
    return row;
  };
  const totals = emptyCounts();
  for (const t of tasks) {
    const row =
      t.code === unit.code ? ownRow(t.assignee_organization_id) : rows.get(childOnPath(t, unit.level) ?? '');
    const cls = complianceOf({ state: t.state as TaskState, deadline: t.deadline, doneAt: t.done_at }, today);
    for (const counts of row ? [row.counts, totals] : [totals]) {
      counts[cls] += 1;
      // A withdrawn task no longer asks anything of the unit: shown, but not in its total.
      if (cls !== 'withdrawn') counts.total += 1;
      counts.states[t.state as TaskState] += 1;
    }
  }
  return {
    unit: { code: unit.code, name: unit.name_with_type, level: unit.level },
    today,
    totals,
    rows: [...rows.values()],
  };
}
