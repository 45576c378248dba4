/**
 * The cascade of a document: its tasks, the documents that implement it (a district's letter implementing
 * the province's), their tasks, and so on down to every commune task and its state, as far as the caller sees.
 */

import { vietnamToday } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { isWithin } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import { documentInScope } from './documents-store.ts';
import { type DocumentRow, documentSummaryJson, SUMMARY_FIELDS, type TaskJson, taskJson } from './json.ts';
import { COMPLIANCE_CLASSES, type ComplianceClass } from './rules/task-lifecycle.ts';
import { taskVisible } from './task-access.ts';

/** Province → district → commune → village team: deeper chains are not expected; the bound stops a loop. */
const MAX_DEPTH = 6;

export interface CascadeNode {
  document: ReturnType<typeof documentSummaryJson>;
  counts: Record<ComplianceClass | 'total', number>;
  tasks: TaskJson[];
  children: CascadeNode[];
}

export async function cascade(db: Db, scope: Scope, id: number, today = vietnamToday()) {
  const { doc: root, tree } = await documentInScope(db, scope, id);
  const names = (code: string) => tree.get(code)?.name_with_type;
  const nodes = new Map<number, CascadeNode>();
  let frontier: Pick<DocumentRow, (typeof SUMMARY_FIELDS)[number]>[] = [root];
  for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
    const ids = frontier.map((d) => d.id);
    const [tasks, children] = await Promise.all([
      db.db.selectFrom('tasks').selectAll().where('document_id', 'in', ids).orderBy('id').execute(),
      db.db
        .selectFrom('documents')
        .select([...SUMMARY_FIELDS])
        .where('parent_document_id', 'in', ids)
        .orderBy('id')
        .execute(),
    ]);
    for (const d of frontier) {
      const whole = isWithin(tree.get(d.unit_code)!, scope.unitCode);
      const own = tasks.filter(
        (t) => t.document_id === d.id && (whole || taskVisible(tree, t, scope.unitCode)),
      );
      // A document the caller neither registered (nor a unit below) nor has tasks in is left out.
      if (!whole && own.length === 0 && d.id !== root.id) continue;
      const node: CascadeNode = {
        document: documentSummaryJson(d),
        counts: Object.fromEntries(
          [...COMPLIANCE_CLASSES, 'total'].map((c) => [c, 0]),
        ) as CascadeNode['counts'],
        tasks: own.map((t) => taskJson(t, today, names)),
        children: [],
      };
      for (const t of node.tasks) {
        node.counts[t.compliance] += 1;
        node.counts.total += 1;
      }
      nodes.set(d.id, node);
      if (d.parent_document_id !== null && d.id !== root.id)
        nodes.get(d.parent_document_id)?.children.push(node);
    }
    frontier = children.filter((c) => nodes.has(c.parent_document_id!) && !nodes.has(c.id));
  }
  return nodes.get(root.id)!;
}
