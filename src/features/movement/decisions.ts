import { AppError, type Message } from '../../core/errors.ts';
import { defineWorkflow, type Workflow } from '../../core/workflow.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';

/**
 * What the committee decides in this feature, as small workflows (core/workflow.ts): a checkpoint is opened by one
 * decision and closed by another; an event is approved or refused (a refusal says why). The stores take a
 * decision through `takeDecision`: the state check, the audited change, and a guard that the record is still in
 * the state it was read in (two officers deciding at once: the second gets a conflict, not a silent overwrite).
 */
export const CHECKPOINT_WORKFLOW = defineWorkflow({
  states: ['open', 'closed'] as const,
  actions: { close: { allowedFrom: ['open'], to: 'closed', by: 'committee' } },
});

export const GATHERING_WORKFLOW = defineWorkflow({
  states: ['requested', 'approved', 'refused'] as const,
  actions: {
    approve: { allowedFrom: ['requested'], to: 'approved', by: 'committee' },
    refuse: {
      allowedFrom: ['requested'],
      to: 'refused',
      by: 'committee' as const,
      needsReason: true as const,
    },
  },
});

const COMMITTEE: ReadonlySet<string> = new Set(['committee']);

/**
 * A decision as the committee signs it: its number (số quyết định, e.g. "125/QĐ-UBND"), its date, and who
 * signed it (người ký: name and position, e.g. "Chủ tịch UBND xã"). Every new decision carries all four.
 */
export interface DecisionRecord {
  decisionNumber: string;
  decisionDate: string;
  signerName: string;
  signerTitle: string;
}

/** The decision as stored and audited: its texts trimmed. */
export const signedDecision = (d: DecisionRecord): DecisionRecord => ({
  decisionNumber: d.decisionNumber.trim(),
  decisionDate: d.decisionDate,
  signerName: d.signerName.trim(),
  signerTitle: d.signerTitle.trim(),
});

/** A stored decision as answered: the signer is null on decisions recorded before signers were (0094). */
export function decisionView(
  number: string,
  date: string,
  signerName: string | null,
  signerTitle: string | null,
) {
  return { decisionNumber: number, decisionDate: date, signerName, signerTitle };
}

/**
 * A decision is dated on the app's calendar: not after today (the demo lives on its own calendar: the
 * request context's today), and not before `notBefore` when given (`why` says what came first). 422 naming
 * `decisionDate` otherwise.
 */
export function checkDecisionDate(
  d: Pick<DecisionRecord, 'decisionDate'>,
  today: string,
  notBefore?: { day: string; why: Message },
) {
  const wrong = (message: Message) =>
    new AppError(422, 'invalid_decision', message, [{ field: 'decisionDate', message }]);
  if (d.decisionDate > today)
    throw wrong({
      vi: 'Ngày ký quyết định ở tương lai (sau hôm nay).',
      en: 'The decision is dated after today.',
    });
  if (notBefore && d.decisionDate < notBefore.day) throw wrong(notBefore.why);
}

/** 409 `decided`: the record was decided already (or meanwhile, by another officer). */
export const alreadyDecided = (text: Message) => new AppError(409, 'decided', text);

export const reasonRequired = () =>
  new AppError(422, 'reason_required', { vi: 'Cần nêu lý do.', en: 'A reason is required.' }, [
    {
      field: 'reason',
      message: {
        vi: 'nêu lý do từ chối hoặc lý do khác đề xuất',
        en: 'give the reason for refusing or for departing from the proposal',
      },
    },
  ]);

/**
 * Takes `action` on a record of `table` read in `state`: refused with 409 (`decided`) if the state does not allow
 * it (or changed meanwhile), 422 naming `reason` if the action needs one; else the record's new state and
 * `set` are written with the audit event in one transaction. Answers the new state.
 */
export async function takeDecision<S extends string, A extends string>(
  db: Db,
  scope: Scope,
  workflow: Workflow<S, string, A>,
  record: { table: 'checkpoints' | 'gatherings'; entity: string; id: number; state: S; unitCode: string },
  action: A,
  change: {
    set: Record<string, unknown>;
    reason?: string | null;
    decided: Message;
    details?: Record<string, unknown>;
  },
): Promise<S> {
  const step = workflow.transition(record.state, action, COMMITTEE, change.reason);
  if (!step.ok) throw step.refusal === 'reason' ? reasonRequired() : alreadyDecided(change.decided);
  await writeAudited(
    db,
    scope,
    async (trx) => {
      const { numUpdatedRows } = await trx
        .updateTable(record.table)
        .set({ ...change.set, status: step.to } as never)
        .where('id', '=', record.id)
        .where('status', '=', record.state)
        .executeTakeFirst();
      if (Number(numUpdatedRows) !== 1) throw alreadyDecided(change.decided);
    },
    {
      action: 'update',
      entity: record.entity,
      entityId: record.id,
      unitCode: record.unitCode,
      details: { ...workflow.event(record.state, action, change.reason ?? null), ...change.details },
    },
  );
  return step.to;
}

/** Records a new row of `table` with its audit event (create), in one transaction: answers it with its id. */
export function insertAudited<T extends object>(
  db: Db,
  scope: Scope,
  table: 'checkpoints' | 'gatherings' | 'checkpoint_shifts',
  record: { entity: string; unitCode: string; details?: Record<string, unknown> },
  values: T,
) {
  return writeAudited(
    db,
    scope,
    async (trx) => {
      const { id } = await trx
        .insertInto(table)
        .values(values as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(id), ...values };
    },
    (row) => ({
      action: 'create',
      entity: record.entity,
      entityId: row.id,
      unitCode: record.unitCode,
      ...(record.details ? { details: record.details } : {}),
    }),
  );
}
