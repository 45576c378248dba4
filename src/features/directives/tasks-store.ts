/** A unit's inbox, one task's page, and what the parties do to a task: actions, progress reports, reassignment. */

import type { Kysely } from 'kysely';
import { vietnamToday } from '../../core/dates.ts';
import { AppError, badRequest, forbidden, type Message, notFound } from '../../core/errors.ts';
import { groupCommit } from '../../core/group-commit.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { noteAuditEvents } from '../../server/request-context.ts';
import { isWithin, type UnitTree, unitInScope, unitTree } from '../admin-units/index.ts';
import { appendAudit, recordAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { documentSummaryJson, SUMMARY_FIELDS, type TaskRow, taskJson } from './json.ts';
import {
  availableActions,
  canReportProgress,
  TASK_ACTIONS,
  TASK_STATES,
  TASK_WORKFLOW,
  type TaskAction,
  type TaskParty,
  type TaskState,
  transition,
} from './rules/task-lifecycle.ts';
import { checkUpload, fileInfo, insertFile, readFile, type Upload } from './stored-files.ts';
import { partiesOf, taskInScope, taskNotFound, taskVisible } from './task-access.ts';

const today = () => vietnamToday();

export interface InboxFilter {
  unitCode: string;
  state?: TaskState;
  limit: number;
  offset: number;
}

/** Tasks assigned to the unit (or its organizations), newest first, with the count in each state. */
export async function inbox(db: Db, scope: Scope, f: InboxFilter, day = today()) {
  const unit = await unitInScope(db, scope, f.unitCode);
  const byState = await db.db
    .selectFrom('tasks')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignee_unit_code', '=', unit.code)
    .groupBy('state')
    .execute();
  let q = db.db.selectFrom('tasks').where('assignee_unit_code', '=', unit.code);
  if (f.state) q = q.where('state', '=', f.state);
  const rows = await q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  const documentIds = [...new Set(rows.flatMap((r) => (r.document_id === null ? [] : [r.document_id])))];
  const documents = documentIds.length
    ? await db.db
        .selectFrom('documents')
        .select([...SUMMARY_FIELDS])
        .where('id', 'in', documentIds)
        .execute()
    : [];
  const byId = new Map(documents.map((d) => [d.id, documentSummaryJson(d)]));
  const tree = await unitTree(db);
  const counts = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
  for (const row of byState) counts[row.state as TaskState] = Number(row.n);
  return {
    unit: { code: unit.code, name: unit.name_with_type },
    counts,
    total: f.state ? counts[f.state] : Object.values(counts).reduce((a, b) => a + b, 0),
    tasks: rows.map((r) => ({
      ...taskJson(r, day, (c) => tree.get(c)?.name_with_type),
      document: r.document_id === null ? null : (byId.get(r.document_id) ?? null),
    })),
  };
}

/** The task page: the task, its document, history, progress reports and the actions the caller may take. */
export async function taskView(db: Db, scope: Scope, id: number, day = today()) {
  const { task, tree } = await taskInScope(db, scope, id);
  const [document, events, reports] = await Promise.all([
    task.document_id === null
      ? undefined
      : db.db
          .selectFrom('documents')
          .select([...SUMMARY_FIELDS])
          .where('id', '=', task.document_id)
          .executeTakeFirst(),
    db.db
      .selectFrom('task_events')
      .leftJoin('users', 'users.id', 'task_events.user_id')
      .select(EVENT_FIELDS)
      .where('task_id', '=', id)
      .orderBy('task_events.id')
      .execute(),
    db.db
      .selectFrom('progress_reports')
      .leftJoin('users', 'users.id', 'progress_reports.user_id')
      .select([
        'progress_reports.id',
        'text',
        'percent',
        'attachment_file_id',
        'users.display_name as by',
        'at',
      ])
      .where('task_id', '=', id)
      .orderBy('progress_reports.id')
      .execute(),
  ]);
  const files = new Map(
    (
      await fileInfo(
        db,
        reports.flatMap((r) => (r.attachment_file_id ? [r.attachment_file_id] : [])),
      )
    ).map((f) => [f.id, { name: f.name, mediaType: f.media_type, size: f.size }]),
  );
  const parties = partiesOf(tree, task, scope);
  return {
    task: taskJson(task, day, (c) => tree.get(c)?.name_with_type),
    document: document ? documentSummaryJson(document) : null,
    events: events.map(eventJson),
    reports: reports.map((r) => ({
      id: r.id,
      text: r.text,
      percent: r.percent,
      attachment: r.attachment_file_id ? (files.get(r.attachment_file_id) ?? null) : null,
      by: r.by,
      at: r.at,
    })),
    parties: [...parties],
    actions: availableActions(task.state as TaskState, parties),
    canReport: parties.has('assignee') && canReportProgress(task.state as TaskState),
  };
}

const STATE_REFUSAL: Message = {
  vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của nhiệm vụ.',
  en: 'This action is not allowed in the task’s current state.',
};
const PARTY_REFUSAL: Record<'assignee' | 'superior', Message> = {
  assignee: {
    vi: 'Chỉ đơn vị được giao nhiệm vụ mới thực hiện được thao tác này.',
    en: 'Only the unit the task is assigned to may do this.',
  },
  superior: {
    vi: 'Chỉ đơn vị giao nhiệm vụ hoặc cấp trên của đơn vị được giao mới thực hiện được thao tác này.',
    en: 'Only the issuing unit or a unit above the assignee may do this.',
  },
};
const REASON_REQUIRED: Message = {
  vi: 'Cần ghi rõ lý do trả lại.',
  en: 'Say why the task is returned.',
};

/** Applies one action of the state machine, with its history row and audit row in one transaction. */
export async function actOnTask(
  db: Db,
  scope: Scope,
  id: number,
  action: TaskAction,
  input: { note?: string | null; reason?: string | null },
) {
  const { task, tree } = await taskInScope(db, scope, id);
  const to = allowedMove(task.state as TaskState, action, partiesOf(tree, task, scope), input.reason);
  const eventId = await db.db
    .transaction()
    .execute((trx) => writeMove(trx, db, scope, task, action, to, input));
  return taskMoved(db, scope, id, eventId);
}

/**
 * What a move changed: the task, its new history row and what the caller may do next; not the whole history
 * (a busy task's answer would grow with every report, and the 17:00 rush pays for it).
 */
async function taskMoved(db: Db, scope: Scope, id: number, eventId: number, day = today()) {
  const { task, tree } = await taskInScope(db, scope, id);
  const event = await db.db
    .selectFrom('task_events')
    .leftJoin('users', 'users.id', 'task_events.user_id')
    .select(EVENT_FIELDS)
    .where('task_events.id', '=', eventId)
    .executeTakeFirstOrThrow();
  const parties = partiesOf(tree, task, scope);
  return {
    task: taskJson(task, day, (c) => tree.get(c)?.name_with_type),
    event: eventJson(event),
    parties: [...parties],
    actions: availableActions(task.state as TaskState, parties),
    canReport: parties.has('assignee') && canReportProgress(task.state as TaskState),
  };
}

const EVENT_FIELDS = [
  'task_events.id',
  'from_state',
  'to_state',
  'action',
  'note',
  'percent',
  'users.display_name as by',
  'at',
] as const;

function eventJson(e: {
  id: number;
  from_state: string;
  to_state: string;
  action: string;
  note: string | null;
  percent: number | null;
  by: string | null;
  at: string;
}) {
  return {
    id: e.id,
    from: e.from_state,
    to: e.to_state,
    action: e.action,
    note: e.note,
    percent: e.percent,
    by: e.by,
    at: e.at,
  };
}

function allowedMove(
  from: TaskState,
  action: TaskAction,
  parties: ReadonlySet<TaskParty>,
  reason?: string | null,
): TaskState {
  const moved = transition(from, action, parties, reason);
  if (moved.ok) return moved.to;
  if (moved.refusal === 'party') throw new AppError(403, 'forbidden', PARTY_REFUSAL[TASK_ACTIONS[action].by]);
  if (moved.refusal === 'reason')
    throw badRequest(REASON_REQUIRED, [{ field: 'reason', message: REASON_REQUIRED }]);
  throw new AppError(409, 'task_state', STATE_REFUSAL);
}

async function writeMove(
  trx: Kysely<Database>,
  db: Db,
  scope: Scope,
  task: TaskRow,
  action: TaskAction,
  to: TaskState,
  input: { note?: string | null; reason?: string | null; percent?: number | null },
) {
  const now = new Date().toISOString();
  // The state in the WHERE makes a concurrent action on the same task lose instead of overwrite.
  const updated = await trx
    .updateTable('tasks')
    .set({
      state: to,
      state_changed_at: now,
      ...(action === 'reportDone' ? { done_at: now } : {}),
      ...(action === 'return' ? { returned_reason: input.reason!.trim() } : {}),
    })
    .where('id', '=', task.id)
    .where('state', '=', task.state)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'task_state', STATE_REFUSAL);
  const note = (action === 'return' ? input.reason : input.note)?.trim() || null;
  const event = await trx
    .insertInto('task_events')
    .values({
      province_code: task.province_code,
      task_id: task.id,
      from_state: task.state,
      to_state: to,
      action,
      note,
      percent: input.percent ?? null,
      user_id: scope.userId,
      at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, db, scope, [
    {
      action: 'update',
      entity: 'task',
      entityId: task.id,
      unitCode: task.assignee_unit_code,
      details: { action, from: task.state, to, note },
    },
  ]);
  return event.id;
}

export interface ProgressInput {
  text: string;
  percent: number;
  /** Reports the task done in the same step (the reportDone action). */
  done?: boolean;
  attachment?: Upload | null;
}

/** A progress report to write, with its task and the file already stored (if any). */
interface ReportWrite {
  scope: Scope;
  task: TaskRow;
  taskId: number;
  input: ProgressInput;
  fileId: number | null;
  fileName: string | null;
  at: string;
}

/**
 * What a progress report may do to the task as it stands: refused (404 outside the jurisdiction, 403 for a
 * unit that is not the assignee, 409 before acknowledging or after done), else the state `done` moves it to.
 */
function reportableMove(tree: UnitTree, task: TaskRow | undefined, scope: Scope, input: ProgressInput) {
  if (!task || !taskVisible(tree, task, scope.unitCode)) throw taskNotFound();
  const parties = partiesOf(tree, task, scope);
  if (!parties.has('assignee')) throw new AppError(403, 'forbidden', PARTY_REFUSAL.assignee);
  const doneTo = input.done ? allowedMove(task.state as TaskState, 'reportDone', parties) : null;
  if (!doneTo && !canReportProgress(task.state as TaskState))
    throw new AppError(409, 'task_state', {
      vi: 'Chỉ báo cáo tiến độ sau khi đã tiếp nhận và trước khi hoàn thành nhiệm vụ.',
      en: 'Progress is reported after acknowledging a task and before it is done.',
    });
  return doneTo;
}

/** Inserts progress reports and an audit entry each (by its own author), in `trx`; the reports in their order. */
async function insertReports(trx: Kysely<Database>, db: Db, reports: ReportWrite[]) {
  const rows = await trx
    .insertInto('progress_reports')
    .values(
      reports.map((r) => ({
        province_code: r.task.province_code,
        task_id: r.taskId,
        text: r.input.text,
        percent: r.input.percent,
        attachment_file_id: r.fileId,
        user_id: r.scope.userId,
        at: r.at,
      })),
    )
    .returning(['id', 'text', 'percent', 'at'])
    .execute()
    // Ids are taken in the rows' order; RETURNING's own order is not promised.
    .then((all) => all.sort((a, b) => Number(a.id) - Number(b.id)));
  await appendAudit(
    trx,
    db,
    reports[0]!.scope,
    reports.map((r, i) => ({
      action: 'create',
      entity: 'progress_report',
      entityId: rows[i]!.id,
      unitCode: r.task.assignee_unit_code,
      details: { taskId: r.taskId, percent: r.input.percent, attachment: r.fileName },
      actor: r.scope,
    })),
  );
  return rows;
}

type PlainReport = Omit<ReportWrite, 'task' | 'fileId' | 'fileName'>;
type PlainWritten =
  | { report: Awaited<ReturnType<typeof insertReports>>[number]; task: TaskRow; file: null }
  | { refused: unknown };

/**
 * Plain progress reports (no file, the task's state unchanged) commit in groups: the 17:00 rush of every
 * commune (core/group-commit.ts). The group's transaction reads its tasks in one query and checks each report
 * against its task as it stands there (no read per request before it: on PostgreSQL that round trip doubled the
 * rush's latency), then writes the accepted ones with their audit entries. The transaction runs in the context
 * of the request that opened it: each request notes its own entry, as if it had written it.
 */
const commitReports = groupCommit<Db, PlainReport, PlainWritten>(async (db, reports) => {
  // Before the transaction: on SQLite a query outside it would wait for the transaction's one connection.
  const tree = await unitTree(db);
  return db.db.transaction().execute(async (trx) => {
    const tasks = await trx
      .selectFrom('tasks')
      .selectAll()
      .where('id', 'in', [...new Set(reports.map((r) => r.taskId))])
      // A state change waits for the reports checked against the state it changes.
      .$if(db.engine === 'postgres', (q) => q.forShare())
      .execute();
    const byId = new Map(tasks.map((t) => [Number(t.id), t]));
    const checked = reports.map((r): ReportWrite | { refused: unknown } => {
      try {
        reportableMove(tree, byId.get(r.taskId), r.scope, r.input);
        return { ...r, task: byId.get(r.taskId)!, fileId: null, fileName: null };
      } catch (refused) {
        return { refused };
      }
    });
    const accepted = checked.filter((c): c is ReportWrite => !('refused' in c));
    const rows = accepted.length ? await insertReports(trx, db, accepted) : [];
    let next = 0;
    return checked.map(
      (c): PlainWritten => ('refused' in c ? c : { report: rows[next++]!, task: c.task, file: null }),
    );
  });
});

/**
 * A progress report by the assignee: text, percent and an optional attachment (a photo of the minutes);
 * with `done`, the task is reported done in the same transaction. Answers the new report and the task (its
 * state may have changed), not the task's history: a busy task has thousands of reports.
 */
export async function reportProgress(db: Db, scope: Scope, id: number, input: ProgressInput, day = today()) {
  const at = new Date().toISOString();
  const plain = !input.attachment && !input.done;
  const written = plain
    ? await commitReports(db, { scope, taskId: id, input, at })
    : await reportWithChange(db, scope, id, input, at);
  if ('refused' in written) throw written.refused;
  if (plain) noteAuditEvents(['create']);
  const tree = await unitTree(db);
  const file = written.file;
  const by =
    scope.displayName ??
    (scope.userId === null
      ? null
      : ((
          await db.db
            .selectFrom('users')
            .select('display_name')
            .where('id', '=', scope.userId)
            .executeTakeFirst()
        )?.display_name ?? null));
  return {
    report: {
      ...written.report,
      attachment: file ? { name: file.name, mediaType: file.mediaType, size: file.bytes.length } : null,
      by,
    },
    task: taskJson(written.task, day, (c) => tree.get(c)?.name_with_type),
  };
}

/** A report with a file, or one that reports the task done: its own transaction, the task read first. */
async function reportWithChange(db: Db, scope: Scope, id: number, input: ProgressInput, at: string) {
  const { task, tree } = await taskInScope(db, scope, id);
  const doneTo = reportableMove(tree, task, scope, input);
  const file = input.attachment ? checkUpload(input.attachment, 'attachment', 'attachment') : null;
  return db.db.transaction().execute(async (trx) => {
    const fileId = file
      ? await insertFile(
          trx,
          { unitCode: task.assignee_unit_code!, provinceCode: task.province_code, userId: scope.userId },
          file,
        )
      : null;
    const [report] = await insertReports(trx, db, [
      { scope, task, taskId: id, input, fileId, fileName: file?.name ?? null, at },
    ]);
    if (!doneTo) return { report: report!, task, file };
    await writeMove(trx, db, scope, task, 'reportDone', doneTo, { note: input.text, percent: input.percent });
    return {
      report: report!,
      task: await trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      file,
    };
  });
}

export async function reportAttachment(db: Db, scope: Scope, reportId: number) {
  const report = await db.db
    .selectFrom('progress_reports')
    .select(['task_id', 'attachment_file_id'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  const missing = () => notFound({ vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' });
  if (!report) throw missing();
  await taskInScope(db, scope, report.task_id).catch((e) => {
    throw e.status === 404 ? missing() : e;
  });
  const file = report.attachment_file_id === null ? undefined : await readFile(db, report.attachment_file_id);
  if (!file) throw missing();
  // Recorded here, before the file is sent (the request context's own record would come after it).
  await recordAudit(db, scope, [
    { action: 'read', entity: 'progress_report_attachment', entityId: reportId, unitCode: scope.unitCode },
  ]);
  return file;
}

/**
 * Gives a task not yet acknowledged to another unit or organization (a name the letter gave that matched
 * nothing, or matched the wrong unit). Only the issuing unit or a unit above it, within its jurisdiction.
 */
export async function reassignTask(
  db: Db,
  scope: Scope,
  id: number,
  input: { unitCode: string; organizationId?: number | null },
) {
  const { task, tree } = await taskInScope(db, scope, id);
  // Reassigning is the issuing unit's (or a unit above it): it is the superior for this action.
  const parties = new Set<TaskParty>(
    isWithin(tree.get(task.issuer_unit_code)!, scope.unitCode) ? ['superior'] : [],
  );
  const state = task.state as TaskState;
  const moved = transition(state, 'reassign', parties);
  if (!moved.ok && moved.refusal === 'party') throw forbidden();
  if (!moved.ok)
    throw new AppError(409, 'task_state', {
      vi: 'Chỉ giao lại được nhiệm vụ chưa được tiếp nhận.',
      en: 'Only a task not yet acknowledged can be reassigned.',
    });
  const target = tree.get(input.unitCode);
  const outside = {
    vi: 'Đơn vị nhận phải thuộc địa bàn của đơn vị giao nhiệm vụ.',
    en: 'The new assignee must be within the issuing unit’s jurisdiction.',
  };
  if (!target || !isWithin(target, task.issuer_unit_code))
    throw badRequest(outside, [{ field: 'unitCode', message: outside }]);
  if (input.organizationId != null) {
    const org = await db.db
      .selectFrom('organizations')
      .select('unit_code')
      .where('id', '=', input.organizationId)
      .executeTakeFirst();
    const notOfUnit = { vi: 'Cơ quan không thuộc đơn vị này.', en: 'The organization is not of this unit.' };
    if (org?.unit_code !== target.code)
      throw badRequest(notOfUnit, [{ field: 'organizationId', message: notOfUnit }]);
  }
  const before = task.assignee_unit_code ? tree.get(task.assignee_unit_code) : undefined;
  const event = TASK_WORKFLOW.event(
    state,
    'reassign',
    `${before?.name_with_type ?? (task.assignee_text || '—')} → ${target.name_with_type}`,
  );
  const eventId = await db.db.transaction().execute(async (trx) => {
    // The state in the WHERE makes a concurrent acknowledgement win instead of being overwritten.
    const updated = await trx
      .updateTable('tasks')
      .set({ assignee_unit_code: target.code, assignee_organization_id: input.organizationId ?? null })
      .where('id', '=', id)
      .where('state', '=', event.from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'task_state', STATE_REFUSAL);
    const row = await trx
      .insertInto('task_events')
      .values({
        province_code: task.province_code,
        task_id: id,
        from_state: event.from,
        to_state: event.to,
        action: event.action,
        note: event.note,
        percent: null,
        user_id: scope.userId,
        at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db, scope, [
      {
        action: 'update',
        entity: 'task',
        entityId: id,
        unitCode: target.code,
        details: {
          reassigned: true,
          before: { unitCode: task.assignee_unit_code, organizationId: task.assignee_organization_id },
          after: { unitCode: target.code, organizationId: input.organizationId ?? null },
        },
      },
    ]);
    return row.id;
  });
  return taskMoved(db, scope, id, eventId);
}
