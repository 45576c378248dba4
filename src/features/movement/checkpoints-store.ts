import type { Selectable } from 'kysely';
import { AppError, conflict, type FieldError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { placeColumn, recordInScope, unitInScope } from '../admin-units/index.ts';
import { recordAudit, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import {
  CHECKPOINT_WORKFLOW,
  checkDecisionDate,
  type DecisionRecord,
  decisionView,
  insertAudited,
  signedDecision,
  takeDecision,
} from './decisions.ts';
import type { CheckpointShiftTable, CheckpointTable } from './tables.ts';

export const SHIFTS = ['morning', 'afternoon', 'night'] as const;
export type Shift = (typeof SHIFTS)[number];

export interface CheckpointInput extends DecisionRecord {
  communeCode: string;
  name: string;
  place: string;
}

export interface ShiftInput {
  day: string;
  shift: Shift;
  staff: string[];
  countIn: number;
  countOut: number;
  turnedBack: number;
  sentToTesting: number;
  notes?: string | null;
}

const checkpointNotFound = () =>
  notFound({ vi: 'Không tìm thấy chốt kiểm soát.', en: 'Checkpoint not found.' });
const unprocessable = (f: FieldError) => new AppError(422, 'invalid_checkpoint', f.message, [f]);

function checkpointView(c: Selectable<CheckpointTable>) {
  return {
    id: Number(c.id),
    communeCode: c.commune_code,
    name: c.name,
    place: c.place,
    status: c.status,
    opened: decisionView(
      c.opened_decision_number,
      c.opened_decision_date,
      c.opened_signer_name,
      c.opened_signer_title,
    ),
    closed: c.closed_decision_number
      ? decisionView(
          c.closed_decision_number,
          c.closed_decision_date!,
          c.closed_signer_name,
          c.closed_signer_title,
        )
      : null,
  };
}

function shiftView(s: Selectable<CheckpointShiftTable>) {
  return {
    id: Number(s.id),
    checkpointId: Number(s.checkpoint_id),
    day: s.day,
    shift: s.shift,
    staff: JSON.parse(s.staff) as string[],
    countIn: s.count_in,
    countOut: s.count_out,
    turnedBack: s.turned_back,
    sentToTesting: s.sent_to_testing,
    notes: s.notes,
    handover: s.handed_over_at ? { to: s.handover_to!, note: s.handover_note, at: s.handed_over_at } : null,
  };
}

async function checkpointInScope(db: Db, scope: Scope, id: number) {
  const c = await db.db.selectFrom('checkpoints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw checkpointNotFound();
  return recordInScope(db, scope, c.commune_code, checkpointNotFound, c);
}

/** Opens a checkpoint by decision (number, date not after `today`, signer): answers it. */
export async function openCheckpoint(db: Db, scope: Scope, input: CheckpointInput, today: string) {
  checkDecisionDate(input, today);
  const d = signedDecision(input);
  const commune = await unitInScope(db, scope, input.communeCode);
  if (commune.level !== 3)
    throw unprocessable({
      field: 'communeCode',
      message: { vi: 'Chốt đặt tại một xã, phường, thị trấn.', en: 'A checkpoint stands in a commune.' },
    });
  const row = await insertAudited(
    db,
    scope,
    'checkpoints',
    { entity: 'checkpoint', unitCode: commune.code, details: { opened: d } },
    {
      province_code: commune.province_code!,
      district_code: commune.district_code!,
      commune_code: commune.code,
      name: input.name.trim(),
      place: input.place.trim(),
      status: 'open',
      opened_decision_number: d.decisionNumber,
      opened_decision_date: d.decisionDate,
      opened_signer_name: d.signerName,
      opened_signer_title: d.signerTitle,
      closed_decision_number: null,
      closed_decision_date: null,
      closed_signer_name: null,
      closed_signer_title: null,
      created_by: scope.userId,
      created_at: new Date().toISOString(),
    },
  );
  return checkpointView(row);
}

/**
 * Closes an open checkpoint by decision, dated on or after the one that opened it and not after `today`. Two
 * officers closing it at once: one closes it, the other gets 409 `decided` (takeDecision's guard).
 */
export async function closeCheckpoint(
  db: Db,
  scope: Scope,
  id: number,
  input: DecisionRecord,
  today: string,
) {
  const c = await checkpointInScope(db, scope, id);
  if (c.status === 'open')
    checkDecisionDate(input, today, {
      day: c.opened_decision_date,
      why: {
        vi: 'Quyết định đóng chốt trước ngày mở chốt.',
        en: 'The closing decision predates the opening.',
      },
    });
  const d = signedDecision(input);
  const closed = {
    closed_decision_number: d.decisionNumber,
    closed_decision_date: d.decisionDate,
    closed_signer_name: d.signerName,
    closed_signer_title: d.signerTitle,
  };
  const status = await takeDecision(
    db,
    scope,
    CHECKPOINT_WORKFLOW,
    { table: 'checkpoints', entity: 'checkpoint', id, state: c.status as 'open', unitCode: c.commune_code },
    'close',
    {
      set: closed,
      decided: { vi: 'Chốt đã đóng.', en: 'The checkpoint is already closed.' },
      details: { closed: d },
    },
  );
  return checkpointView({ ...c, status, ...closed });
}

/** The unit's checkpoints (open first), each with its totals of the last 7 days of shifts. */
export async function listCheckpoints(db: Db, scope: Scope, unitCode: string, status?: 'open' | 'closed') {
  const unit = await unitInScope(db, scope, unitCode);
  const column = placeColumn('checkpoints', unit.level);
  let q = db.db.selectFrom('checkpoints').selectAll();
  if (column) q = q.where(column, '=', unit.code);
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('status', 'desc').orderBy('id').limit(200).execute();
  return { checkpoints: rows.map(checkpointView) };
}

/** A shift's record at an open checkpoint: one per checkpoint, day and shift. Answers the shift. */
export async function recordShift(db: Db, scope: Scope, checkpointId: number, input: ShiftInput) {
  const c = await checkpointInScope(db, scope, checkpointId);
  if (input.day < c.opened_decision_date || (c.closed_decision_date && input.day > c.closed_decision_date))
    throw unprocessable({
      field: 'day',
      message: {
        vi: 'Ngày ngoài thời gian chốt hoạt động.',
        en: 'The day is outside the checkpoint’s opening.',
      },
    });
  if (input.turnedBack + input.sentToTesting > input.countIn)
    throw unprocessable({
      field: 'turnedBack',
      message: {
        vi: 'Số người quay đầu và chuyển xét nghiệm vượt số lượt vào.',
        en: 'Turned back and sent to testing exceed the count in.',
      },
    });
  const taken = await db.db
    .selectFrom('checkpoint_shifts')
    .select('id')
    .where('checkpoint_id', '=', checkpointId)
    .where('day', '=', input.day)
    .where('shift', '=', input.shift)
    .executeTakeFirst();
  if (taken)
    throw conflict({ vi: 'Ca này đã được ghi.', en: 'This shift is already recorded.' }, [
      { field: 'shift', message: { vi: 'đã có', en: 'already recorded' } },
    ]);
  const row = await insertAudited(
    db,
    scope,
    'checkpoint_shifts',
    { entity: 'checkpoint_shift', unitCode: c.commune_code },
    {
      province_code: c.province_code,
      checkpoint_id: checkpointId,
      day: input.day,
      shift: input.shift,
      staff: JSON.stringify(input.staff.map((s) => s.trim()).filter(Boolean)),
      count_in: input.countIn,
      count_out: input.countOut,
      turned_back: input.turnedBack,
      sent_to_testing: input.sentToTesting,
      notes: input.notes ?? null,
      handover_to: null,
      handover_note: null,
      handed_over_at: null,
      created_by: scope.userId,
      created_at: new Date().toISOString(),
    },
  );
  return shiftView(row);
}

/** Hands a shift over to the next team (once). Answers the shift. */
export async function handOverShift(db: Db, scope: Scope, shiftId: number, to: string, note: string | null) {
  const s = await db.db
    .selectFrom('checkpoint_shifts')
    .selectAll()
    .where('id', '=', shiftId)
    .executeTakeFirst();
  if (!s) throw notFound({ vi: 'Không tìm thấy ca trực.', en: 'Shift not found.' });
  const c = await checkpointInScope(db, scope, Number(s.checkpoint_id)).catch(() => {
    throw notFound({ vi: 'Không tìm thấy ca trực.', en: 'Shift not found.' });
  });
  if (s.handed_over_at) throw conflict({ vi: 'Ca đã bàn giao.', en: 'The shift was already handed over.' });
  const at = new Date().toISOString();
  await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .updateTable('checkpoint_shifts')
        .set({ handover_to: to.trim(), handover_note: note, handed_over_at: at })
        .where('id', '=', shiftId)
        .execute(),
    {
      action: 'update',
      entity: 'checkpoint_shift',
      entityId: shiftId,
      unitCode: c.commune_code,
      details: { handover: true },
    },
  );
  return shiftView({ ...s, handover_to: to.trim(), handover_note: note, handed_over_at: at });
}

/** A checkpoint and its latest shifts (staff names: the read is audited). */
export async function checkpointShifts(db: Db, scope: Scope, checkpointId: number, limit: number) {
  const c = await checkpointInScope(db, scope, checkpointId);
  const rows = await db.db
    .selectFrom('checkpoint_shifts')
    .selectAll()
    .where('checkpoint_id', '=', checkpointId)
    .orderBy('day', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'checkpoint_shift',
      entityId: checkpointId,
      unitCode: c.commune_code,
      details: { shown: rows.length },
    },
  ]);
  const shifts = rows.map(shiftView);
  const totals = shifts.reduce(
    (t, s) => ({
      countIn: t.countIn + s.countIn,
      countOut: t.countOut + s.countOut,
      turnedBack: t.turnedBack + s.turnedBack,
      sentToTesting: t.sentToTesting + s.sentToTesting,
    }),
    { countIn: 0, countOut: 0, turnedBack: 0, sentToTesting: 0 },
  );
  return { checkpoint: checkpointView(c), totals, shifts };
}
