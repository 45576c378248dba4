/**
 * Tasks another capability opens (a level's checklist, an inspection's follow-up, a reminder to a late unit):
 * the same rows, inbox, lifecycle and compliance as a letter's tasks, tagged with what opened them so the
 * opener can list them and withdraw those still open when the reason is gone. Called inside the opener's
 * transaction, so the tasks and the opener's own change land together.
 */
import type { Kysely } from 'kysely';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { type TaskState, transition } from './rules/task-lifecycle.ts';

/** What opened the tasks: a capability's name and its own key (e.g. 'risk-level', '20261@2022-01-09'). */
export interface TaskSource {
  kind: string;
  ref: string;
}

export interface SourcedTask {
  text: string;
  assigneeUnitCode: string;
  /** ISO day, or null when the opener sets none. */
  deadline: string | null;
  urgent?: boolean;
}

/** Opens the tasks, numbered from 1, issued by `issuerUnitCode`; answers their ids. */
export async function openTasks(
  trx: Kysely<Database>,
  db: Db,
  scope: Scope,
  input: { issuerUnitCode: string; source: TaskSource; tasks: readonly SourcedTask[] },
): Promise<number[]> {
  if (input.tasks.length === 0) return [];
  const codes = [...new Set([input.issuerUnitCode, ...input.tasks.map((t) => t.assigneeUnitCode)])];
  const units = await trx
    .selectFrom('admin_units')
    .select(['code', 'name', 'province_code'])
    .where('code', 'in', codes)
    .execute();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const issuer = byCode.get(input.issuerUnitCode);
  const missing = codes.find((code) => !byCode.has(code));
  if (!issuer || missing)
    throw badRequest({ vi: `Không có đơn vị mã ${missing}.`, en: `No unit has the code ${missing}.` });
  const now = new Date().toISOString();
  const provinceCode = issuer.province_code ?? issuer.code;
  const ids: number[] = [];
  for (const [i, t] of input.tasks.entries()) {
    const row = await trx
      .insertInto('tasks')
      .values({
        province_code: provinceCode,
        issuer_unit_code: issuer.code,
        document_id: null,
        source_visit_id: null,
        source_kind: input.source.kind,
        source_ref: input.source.ref,
        ordinal: String(i + 1),
        text: t.text,
        lead_unit_text: null,
        lead_unit_code: t.assigneeUnitCode,
        lead_organization_id: null,
        coordinating: '[]',
        assignee_text: byCode.get(t.assigneeUnitCode)!.name,
        assignee_unit_code: t.assigneeUnitCode,
        assignee_organization_id: null,
        deadline: t.deadline,
        deadline_text: null,
        urgent: t.urgent ? 1 : 0,
        state: 'assigned',
        state_changed_at: now,
        done_at: null,
        returned_reason: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  await appendAudit(
    trx,
    db,
    scope,
    ids.map((id, i) => ({
      action: 'create',
      entity: 'task',
      entityId: id,
      unitCode: input.tasks[i]!.assigneeUnitCode,
      details: { source: input.source, deadline: input.tasks[i]!.deadline },
    })),
  );
  return ids;
}

/** The tasks a source opened, oldest first, with their state. */
export function tasksOfSource(db: Db | Kysely<Database>, source: TaskSource) {
  const q = 'db' in db ? db.db : db;
  return q
    .selectFrom('tasks')
    .select(['id', 'province_code', 'text', 'assignee_unit_code', 'deadline', 'state'])
    .where('source_kind', '=', source.kind)
    .where('source_ref', '=', source.ref)
    .orderBy('id')
    .execute();
}

/** Withdraws the source's tasks not yet accepted (or withdrawn), with the reason; answers how many. */
export async function withdrawTasks(
  trx: Kysely<Database>,
  db: Db,
  scope: Scope,
  source: TaskSource,
  reason: string,
): Promise<number> {
  const open = (await tasksOfSource(trx, source)).filter(
    (t) => transition(t.state as TaskState, 'withdraw', new Set(['superior']), reason).ok,
  );
  if (open.length === 0) return 0;
  const now = new Date().toISOString();
  for (const t of open) {
    await trx
      .updateTable('tasks')
      .set({ state: 'withdrawn', state_changed_at: now })
      .where('id', '=', t.id)
      .execute();
    await trx
      .insertInto('task_events')
      .values({
        province_code: t.province_code,
        task_id: t.id,
        from_state: t.state,
        to_state: 'withdrawn',
        action: 'withdraw',
        note: reason,
        percent: null,
        user_id: scope.userId,
        at: now,
      })
      .execute();
  }
  await appendAudit(
    trx,
    db,
    scope,
    open.map((t) => ({
      action: 'update',
      entity: 'task',
      entityId: t.id,
      unitCode: t.assignee_unit_code,
      details: { action: 'withdraw', from: t.state, to: 'withdrawn', source, reason },
    })),
  );
  return open.length;
}
