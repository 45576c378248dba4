/** Who sees a task and in which capacity: the rule every task read and action goes through. */
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isWithin, type UnitTree, unitTree } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import type { TaskRow } from './json.ts';
import { directivePermissions } from './permissions.ts';
import type { TaskParty } from './rules/task-lifecycle.ts';

export const taskNotFound = () => notFound({ vi: 'Không tìm thấy nhiệm vụ.', en: 'Task not found.' });

type Placed = Pick<TaskRow, 'assignee_unit_code' | 'issuer_unit_code'>;

/** Within the caller's jurisdiction: the unit the task is assigned to, or the unit that gave it. */
export function taskVisible(tree: UnitTree, task: Placed, scopeCode: string): boolean {
  return [task.assignee_unit_code, task.issuer_unit_code].some((code) => {
    const unit = code ? tree.get(code) : undefined;
    return unit !== undefined && isWithin(unit, scopeCode);
  });
}

/**
 * The assignee is the unit the task is assigned to (with a role that reports); the superior is the unit that
 * gave it or any unit above the assignee (with a role that writes directives).
 */
export function partiesOf(tree: UnitTree, task: Placed, scope: Scope): Set<TaskParty> {
  const parties = new Set<TaskParty>();
  const assignee = task.assignee_unit_code ? tree.get(task.assignee_unit_code) : undefined;
  if (assignee?.code === scope.unitCode && canAs(scope.role, 'directives.report')) parties.add('assignee');
  const above =
    assignee !== undefined && assignee.code !== scope.unitCode && isWithin(assignee, scope.unitCode);
  if ((task.issuer_unit_code === scope.unitCode || above) && canAs(scope.role, 'directives.write'))
    parties.add('superior');
  return parties;
}

/** The task if the caller may see it; 404 otherwise (its existence outside the jurisdiction is not told). */
export async function taskInScope(db: Db, scope: Scope, id: number) {
  const task = await db.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  const tree = await unitTree(db);
  if (!task || !taskVisible(tree, task, scope.unitCode)) throw taskNotFound();
  return { task, tree };
}

/** The feature's own rights table decides who may act on its tasks. */
function canAs(role: string, permission: keyof typeof directivePermissions): boolean {
  return (directivePermissions[permission] as readonly string[]).includes(role);
}
