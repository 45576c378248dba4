/**
 * Reports up the chain (issue 18): compile a unit's report from the records, review, correct (the computed
 * value kept beside the corrected one, with its reason), sign off, submit; roll up the units below. The only
 * code that touches `reports` and `report_corrections`; every function takes the caller's scope. A submitted
 * row is never updated: a new version supersedes it.
 */
import type { Kysely } from 'kysely';
import { addDays, isIsoDay, vietnamToday, weekStart } from '../../core/dates.ts';
import { badRequest, conflict, type Message, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable, Database } from '../../db/schema.ts';
import { isWithin, recordInScope, unitInScope, unitTree } from '../admin-units/index.ts';
import { appendAudit, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { openTasks, tasksOfSource } from '../directives/index.ts';
import { reportQuery } from './queries.ts';
import {
  correctionProblem,
  deadlineOf,
  type FormDef,
  type FormId,
  formFor,
  formVersion,
  isLate,
  periodEnd,
  type ReportState,
  refusal,
  rollUpValues,
} from './rules/forms.ts';
import type { ReportTable } from './tables.ts';

type ReportRow = Omit<ReportTable, 'id'> & { id: number };

import './tables.ts';

type Values = Record<string, number | null>;

/** Vietnam local time now, on the system's calendar day: 'YYYY-MM-DDTHH:MM'. */
export function localNow(today: string, now = new Date()) {
  return `${today}T${new Date(now.getTime() + 7 * 3600_000).toISOString().slice(11, 16)}`;
}

const reportNotFound = () => notFound({ vi: 'Không tìm thấy báo cáo', en: 'Report not found' });

/** A period the form accepts: a day not after today; a week is named by any of its days (its Monday kept). */
export function checkPeriod(formId: FormId, period: string, today: string) {
  if (formId === 'directive') {
    // A document's id: a positive integer column (2^31 - 1 at most on PostgreSQL).
    if (!/^[1-9]\d{0,9}$/.test(period) || Number(period) > 2_147_483_647)
      throw badRequest({ vi: 'Văn bản không hợp lệ', en: 'Invalid directive' }, [
        { field: 'period', message: { vi: 'mã văn bản', en: 'a directive id' } },
      ]);
    return period;
  }
  if (!isIsoDay(period))
    throw badRequest({ vi: 'Ngày báo cáo không hợp lệ', en: 'Invalid report day' }, [
      { field: 'period', message: { vi: 'một ngày có thật, dạng yyyy-mm-dd', en: 'a real day, yyyy-mm-dd' } },
    ]);
  const day = formId === 'weekly' ? weekStart(period) : period;
  if (day > today)
    throw badRequest(
      { vi: 'Không thể báo cáo cho ngày trong tương lai.', en: 'A report cannot be made for a future day.' },
      [{ field: 'date', message: { vi: 'ngày sau hôm nay', en: 'a day after today' } }],
    );
  return day;
}

/** The form's numbers for a unit and period, from the registered queries (one call per query). */
export async function compile(
  db: Db,
  scope: Scope,
  form: FormDef,
  unit: AdminUnitTable,
  period: string,
  today: string,
) {
  const answers = new Map<string, Values>();
  for (const name of new Set(form.fields.map((f) => f.query)))
    answers.set(name, await reportQuery(name)({ db, scope, unit, period, today }));
  const out: Values = {};
  for (const f of form.fields) {
    const v = answers.get(f.query)?.[f.pick];
    out[f.key] = v === undefined || v === null ? null : Number(v);
  }
  return out;
}

const parse = <T>(text: string | null): T => (text ? JSON.parse(text) : null) as T;

async function versions(db: Kysely<Database>, unitCode: string, form: FormId, period: string) {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('form', '=', form)
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .execute();
}

async function correctionsOf(db: Kysely<Database>, reportIds: number[]) {
  if (!reportIds.length) return new Map<number, Map<string, CorrectionRow>>();
  const rows = await db
    .selectFrom('report_corrections')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .orderBy('id')
    .execute();
  const out = new Map<number, Map<string, CorrectionRow>>();
  for (const r of rows) {
    const m = out.get(r.report_id) ?? new Map();
    m.set(r.field, r); // the latest correction of a field holds
    out.set(r.report_id, m);
  }
  return out;
}
type CorrectionRow = Awaited<ReturnType<typeof correctionRowsType>>[number];
const correctionRowsType = (db: Kysely<Database>) =>
  db.selectFrom('report_corrections').selectAll().execute();

/** The report's final values: the computed ones with the corrections applied. */
function finalValues(computed: Values, corrections: Map<string, CorrectionRow> | undefined): Values {
  const out = { ...computed };
  for (const [field, c] of corrections ?? []) out[field] = Number(c.value);
  return out;
}

function reportJson(
  row: ReportRow,
  form: FormDef,
  computed: Values,
  corrections?: Map<string, CorrectionRow>,
) {
  const values = finalValues(computed, corrections);
  return {
    id: row.id,
    version: row.version,
    state: row.state as ReportState,
    formVersion: row.form_version,
    number: row.number,
    values,
    fields: form.fields.map((f) => {
      const c = corrections?.get(f.key);
      return {
        key: f.key,
        computed: computed[f.key] ?? null,
        value: values[f.key] ?? null,
        asOf: f.asOf,
        correction: c ? { reason: c.reason, by: c.username, at: c.at } : null,
      };
    }),
    texts: parse<Record<string, string>>(row.texts) ?? {},
    signedBy: row.signed_by_name,
    signedById: row.signed_by,
    signedAt: row.signed_at,
    submittedBy: row.submitted_by_name,
    submittedAt: row.submitted_at,
    submittedLocal: row.submitted_local,
    late: row.late === 1,
  };
}

interface ChildStatus {
  code: string;
  name: string;
  state: ReportState | 'missing';
  submitted: boolean;
  late: boolean;
  submittedLocal: string | null;
  values: Values | null;
}

/**
 * The units directly below (communes of a district, districts of a province) with their latest submitted
 * report of the period: one query over the period's reports of the unit's province (index on province, form,
 * period), corrections in a second.
 */
async function childStatuses(db: Db, unit: AdminUnitTable, form: FormDef, period: string, nowLocal: string) {
  const tree = await unitTree(db);
  const children = unit.level === 1 || unit.level === 2 ? tree.children(unit.code) : [];
  if (!children.length) return [];
  const province = unit.level === 1 ? unit.code : unit.province_code!;
  let q = db.db
    .selectFrom('reports')
    .selectAll()
    .where('province_code', '=', province)
    .where('form', '=', form.id)
    .where('period', '=', period)
    .where('unit_level', '=', unit.level + 1);
  if (unit.level === 2) q = q.where('district_code', '=', unit.code);
  const rows = await q.execute();
  const submitted = new Map<string, (typeof rows)[number]>();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    if (r.state === 'submitted' && (submitted.get(r.unit_code)?.version ?? 0) < r.version)
      submitted.set(r.unit_code, r);
    if ((latest.get(r.unit_code)?.version ?? 0) < r.version) latest.set(r.unit_code, r);
  }
  const corrections = await correctionsOf(
    db.db,
    [...submitted.values()].map((r) => r.id),
  );
  const deadline = deadlineOf(form, periodEnd(form, period, addDays), addDays);
  return children.map((c): ChildStatus => {
    const s = submitted.get(c.code);
    // The first submission decides lateness; a later version superseding it does not make it late.
    const first = rows
      .filter((r) => r.unit_code === c.code && r.state === 'submitted')
      .sort((a, b) => a.version - b.version)[0];
    return {
      code: c.code,
      name: c.name_with_type,
      state: s ? 'submitted' : ((latest.get(c.code)?.state as ReportState | undefined) ?? 'missing'),
      submitted: !!s,
      late: isLate(deadline, first?.submitted_local ?? null, nowLocal),
      submittedLocal: first?.submitted_local ?? null,
      values: s ? passedUp(s, corrections.get(s.id)) : null,
    };
  });
}

/**
 * What a submitted report passes up to the level above: a commune's final values (its records' numbers with
 * its corrections); a district's (or province's) roll-up of the reports it received, frozen at its sign-off, so
 * a commune's correction reaches the province through its district. A correction the unit made to its own
 * report is its last word on that figure and replaces the rolled-up one.
 */
function passedUp(row: Pick<ReportRow, 'computed' | 'roll_up'>, corrections?: Map<string, CorrectionRow>) {
  const rollUp = parse<{ numbers: Values } | null>(row.roll_up);
  return finalValues(rollUp?.numbers ?? parse<Values>(row.computed), corrections);
}

function rollUpOf(form: FormDef, children: ChildStatus[]) {
  return {
    numbers: rollUpValues(
      form,
      children.filter((c) => c.submitted).map((c) => c.values!),
    ),
    units: children.map(({ values, ...c }) => ({ ...c, values })),
    submitted: children.filter((c) => c.submitted).map((c) => c.code),
  };
}

export interface ViewInput {
  form: FormId;
  unitCode: string;
  period: string;
}

/**
 * A unit's report for a period as the page and GET /api/reports/daily show it: the numbers compiled from the
 * records now, the unit's latest version (frozen when submitted; a draft shows today's numbers with its
 * corrections), and for a district or province the roll-up of the units below with those missing or late.
 */
export async function reportView(db: Db, scope: Scope, input: ViewInput, today: string) {
  const unit = await unitInScope(db, scope, input.unitCode);
  const period = checkPeriod(input.form, input.period, today);
  const nowLocal = localNow(today);
  const all = await versions(db.db, unit.code, input.form, period);
  const latest = all[0];
  const form = latest ? formVersion(input.form, latest.form_version)! : formFor(input.form, period);
  const numbers = await compile(db, scope, form, unit, period, today);
  const corrections = await correctionsOf(db.db, latest ? [latest.id] : []);
  const submittedRow = all.find((r) => r.state === 'submitted');
  const children = await childStatuses(db, unit, form, period, nowLocal);
  const deadline = deadlineOf(form, periodEnd(form, period, addDays), addDays);
  return {
    unit: { code: unit.code, name: unit.name_with_type, level: unit.level },
    form: form.id,
    formVersion: form.version,
    period,
    date: period,
    today,
    deadline,
    deadlineProvisional: form.deadline?.provisional ?? false,
    /**
     * The day the shown numbers were compiled (a submitted version's day of submission, else today): the value of
     * a field marked `asOf: 'compiled'` (coverage, task status) is that day's, not the period's.
     */
    compiledOn: latest?.state === 'submitted' ? (latest.submitted_local ?? '').slice(0, 10) || today : today,
    asOfCompiled: form.fields.filter((f) => f.asOf === 'compiled').map((f) => f.key),
    submitted: !!submittedRow,
    late: isLate(
      deadline,
      all.filter((r) => r.state === 'submitted').at(-1)?.submitted_local ?? null,
      nowLocal,
    ),
    numbers,
    report: latest
      ? reportJson(
          latest,
          form,
          latest.state === 'submitted' ? parse<Values>(latest.computed) : numbers,
          corrections.get(latest.id),
        )
      : null,
    versions: all.map((r) => ({ id: r.id, version: r.version, state: r.state, submittedAt: r.submitted_at })),
    missing: children.filter((c) => !c.submitted).map((c) => c.code),
    lateUnits: children.filter((c) => c.late).map((c) => c.code),
    rollUp: unit.level === 1 || unit.level === 2 ? rollUpOf(form, children) : null,
  };
}
export type ReportView = Awaited<ReturnType<typeof reportView>>;

/** What the situation room shows of a unit's daily report: its own state and the units below missing or late. */
export async function dailyReportStatus(
  db: Db,
  scope: Scope,
  unitCode: string,
  day: string,
  today = vietnamToday(),
) {
  const unit = await unitInScope(db, scope, unitCode);
  const form = formFor('daily', day);
  const own = await db.db
    .selectFrom('reports')
    .select('id')
    .where('unit_code', '=', unit.code)
    .where('form', '=', 'daily')
    .where('period', '=', day)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  const children = await childStatuses(db, unit, form, day, localNow(today));
  return {
    submitted: !!own,
    missing: children.filter((c) => !c.submitted).map((c) => c.code),
    late: children.filter((c) => c.late).map((c) => c.code),
  };
}

async function reportInScope(db: Db, scope: Scope, id: number) {
  const row = await db.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw reportNotFound();
  return recordInScope(db, scope, row.unit_code, reportNotFound, row);
}

/** One stored version (the archive reads these). */
export async function storedReport(db: Db, scope: Scope, id: number) {
  const row = await reportInScope(db, scope, id);
  const form = formVersion(row.form as FormId, row.form_version)!;
  const corrections = await correctionsOf(db.db, [row.id]);
  const unit = (await unitTree(db)).get(row.unit_code)!;
  return {
    unit: { code: unit.code, name: unit.name_with_type, level: unit.level },
    form: form.id,
    period: row.period,
    rollUp: parse<ReturnType<typeof rollUpOf> | null>(row.roll_up),
    ...reportJson(row, form, parse<Values>(row.computed), corrections.get(row.id)),
  };
}

/** Every submitted report of a unit and the units below, newest first, one page. */
export async function archive(
  db: Db,
  scope: Scope,
  f: { unitCode: string; form?: FormId; limit: number; offset: number },
) {
  const unit = await unitInScope(db, scope, f.unitCode);
  let q = db.db.selectFrom('reports').where('state', '=', 'submitted');
  if (unit.level === 1) q = q.where('province_code', '=', unit.code);
  else if (unit.level === 2) q = q.where('district_code', '=', unit.code);
  else if (unit.level === 3) q = q.where('unit_code', '=', unit.code);
  if (f.form) q = q.where('form', '=', f.form);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .select(['id', 'unit_code', 'form', 'period', 'version', 'submitted_at', 'submitted_by_name', 'late'])
    .orderBy('period', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const tree = await unitTree(db);
  const latest = new Map<string, number>();
  for (const r of await db.db
    .selectFrom('reports')
    .select(['unit_code', 'form', 'period', 'version'])
    .where('state', '=', 'submitted')
    .where('unit_code', 'in', rows.length ? [...new Set(rows.map((r) => r.unit_code))] : [''])
    .execute()) {
    const key = `${r.unit_code}|${r.form}|${r.period}`;
    latest.set(key, Math.max(latest.get(key) ?? 0, r.version));
  }
  return {
    total,
    reports: rows.map((r) => ({
      id: r.id,
      unitCode: r.unit_code,
      unitName: tree.get(r.unit_code)?.name_with_type ?? r.unit_code,
      form: r.form,
      period: r.period,
      version: r.version,
      submittedAt: r.submitted_at,
      submittedBy: r.submitted_by_name,
      late: r.late === 1,
      superseded: (latest.get(`${r.unit_code}|${r.form}|${r.period}`) ?? 0) > r.version,
    })),
  };
}

const audited =
  (db: Db, scope: Scope, unitCode: string, details: Record<string, unknown>) =>
  <T extends { id: number }>(write: (trx: Kysely<Database>) => Promise<T>) =>
    writeAudited(db, scope, write, (r) => ({
      action: 'update',
      entity: 'report',
      entityId: r.id,
      unitCode,
      details,
    }));

/**
 * The unit's draft for the period (created when none is open): `revise` starts a new version after a
 * submitted one, carrying its texts and corrections; without it, a submitted report refuses the edit.
 */
export async function openDraft(
  db: Db,
  scope: Scope,
  input: ViewInput & { revise?: boolean },
  today: string,
): Promise<{ id: number }> {
  const unit = await unitInScope(db, scope, input.unitCode);
  const period = checkPeriod(input.form, input.period, today);
  const now = new Date().toISOString();
  // Compiled before the transaction: the queries read through `db` (on SQLite, one writer at a time).
  const computed = JSON.stringify(await compile(db, scope, formFor(input.form, period), unit, period, today));
  return writeAudited(
    db,
    scope,
    async (trx) => {
      const latest = (await versions(trx, unit.code, input.form, period))[0];
      if (latest && latest.state !== 'submitted') return { id: latest.id, created: false };
      if (latest && !input.revise)
        throw conflict(refusal('edit', { state: 'submitted', signedBy: null }, null)!);
      const form = formFor(input.form, period);
      const row = await trx
        .insertInto('reports')
        .values({
          province_code: unit.level === 1 ? unit.code : unit.province_code!,
          district_code: unit.level === 3 ? unit.district_code : unit.level === 2 ? unit.code : null,
          unit_code: unit.code,
          unit_level: unit.level,
          form: form.id,
          form_version: form.version,
          period,
          version: (latest?.version ?? 0) + 1,
          state: 'draft',
          computed,
          texts: latest?.texts ?? '{}',
          roll_up: null,
          number: latest?.number ?? null,
          created_by: scope.username,
          created_at: now,
          updated_at: now,
          signed_by: null,
          signed_by_name: null,
          signed_at: null,
          submitted_by_name: null,
          submitted_at: null,
          submitted_local: null,
          late: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (latest)
        for (const c of (await correctionsOf(trx, [latest.id])).get(latest.id)?.values() ?? [])
          await trx
            .insertInto('report_corrections')
            .values({ ...c, id: undefined, report_id: Number(row.id) } as never)
            .execute();
      return { id: Number(row.id), created: true };
    },
    (r) => ({
      action: r.created ? 'create' : 'read',
      entity: 'report',
      entityId: r.id,
      unitCode: unit.code,
      details: { form: input.form, period },
    }),
  );
}

/** Locks the row's state for the change: the transaction re-reads it (two users at once see one outcome). */
async function editable(
  trx: Kysely<Database>,
  id: number,
  action: 'edit' | 'sign' | 'submit',
  userId: number | null,
) {
  const row = await trx.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const problem = refusal(action, { state: row.state as ReportState, signedBy: row.signed_by }, userId);
  if (problem) throw conflict(problem);
  return row;
}

/** Texts and the document number of a draft; a signed report goes back to draft (its sign-off no longer holds). */
export async function editReport(
  db: Db,
  scope: Scope,
  id: number,
  input: { texts?: Record<string, string>; number?: string | null },
) {
  const row = await reportInScope(db, scope, id);
  const form = formVersion(row.form as FormId, row.form_version)!;
  const keys = new Set(form.sections.map((s) => s.key));
  const unknown = Object.keys(input.texts ?? {}).filter((k) => !keys.has(k));
  if (unknown.length)
    throw badRequest({ vi: 'Mục không có trong mẫu báo cáo', en: 'No such section in the form' }, [
      { field: `texts.${unknown[0]}`, message: { vi: 'mục không tồn tại', en: 'unknown section' } },
    ]);
  await audited(db, scope, row.unit_code, { edit: Object.keys(input) })(async (trx) => {
    const current = await editable(trx, id, 'edit', scope.userId);
    await trx
      .updateTable('reports')
      .set({
        texts: JSON.stringify({ ...parse<Record<string, string>>(current.texts), ...input.texts }),
        ...(input.number === undefined ? {} : { number: input.number }),
        ...unsign,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    return { id };
  });
  return storedReport(db, scope, id);
}

const unsign = { state: 'draft', signed_by: null, signed_by_name: null, signed_at: null } as const;

/** Corrects one field: the computed value is kept beside it; a reason is mandatory. */
export async function correctField(
  db: Db,
  scope: Scope,
  id: number,
  input: { field: string; value: number; reason?: string | null },
  today: string,
) {
  const row = await reportInScope(db, scope, id);
  const form = formVersion(row.form as FormId, row.form_version)!;
  if (!form.fields.some((f) => f.key === input.field))
    throw badRequest({ vi: 'Chỉ tiêu không có trong mẫu', en: 'No such field in the form' }, [
      { field: 'field', message: { vi: 'chỉ tiêu không tồn tại', en: 'unknown field' } },
    ]);
  const problem = correctionProblem({ value: input.value, reason: input.reason });
  if (problem) throw badRequest(problem.message, [problem]);
  const unit = (await unitTree(db)).get(row.unit_code)!;
  const computed = await compile(db, scope, form, unit, row.period, today);
  await audited(db, scope, row.unit_code, { correct: input.field, value: input.value })(async (trx) => {
    await editable(trx, id, 'edit', scope.userId);
    await trx
      .insertInto('report_corrections')
      .values({
        report_id: id,
        province_code: row.province_code,
        field: input.field,
        computed: computed[input.field] ?? null,
        value: input.value,
        reason: input.reason!.trim(),
        username: scope.username,
        at: new Date().toISOString(),
      })
      .execute();
    await trx
      .updateTable('reports')
      .set({ ...unsign, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    return { id };
  });
  return storedReport(db, scope, id);
}

/** The name a document prints for the user (the account's display name; its username when it has none). */
async function nameOf(trx: Kysely<Database>, scope: Scope) {
  if (scope.userId === null) return scope.username;
  const user = await trx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', scope.userId)
    .executeTakeFirst();
  return user?.display_name?.trim() || scope.username;
}

/** Sign-off freezes the numbers compiled now (and a district's or province's roll-up). */
export async function signReport(db: Db, scope: Scope, id: number, today: string) {
  const row = await reportInScope(db, scope, id);
  const form = formVersion(row.form as FormId, row.form_version)!;
  const unit = (await unitTree(db)).get(row.unit_code)!;
  const computed = await compile(db, scope, form, unit, row.period, today);
  const children = await childStatuses(db, unit, form, row.period, localNow(today));
  const now = new Date().toISOString();
  await audited(db, scope, row.unit_code, { sign: true })(async (trx) => {
    await editable(trx, id, 'sign', scope.userId);
    await trx
      .updateTable('reports')
      .set({
        state: 'signed',
        computed: JSON.stringify(computed),
        roll_up: unit.level === 1 || unit.level === 2 ? JSON.stringify(rollUpOf(form, children)) : null,
        signed_by: scope.userId,
        signed_by_name: await nameOf(trx, scope),
        signed_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    return { id };
  });
  return storedReport(db, scope, id);
}

/** Submission by the signer only; after it the row is never updated again. */
export async function submitReport(db: Db, scope: Scope, id: number, today: string) {
  const row = await reportInScope(db, scope, id);
  const form = formVersion(row.form as FormId, row.form_version)!;
  const local = localNow(today);
  const deadline = deadlineOf(form, periodEnd(form, row.period, addDays), addDays);
  const now = new Date().toISOString();
  await audited(db, scope, row.unit_code, { submit: true })(async (trx) => {
    await editable(trx, id, 'submit', scope.userId);
    // A version superseding an earlier submission keeps the first submission's timeliness.
    const first = await trx
      .selectFrom('reports')
      .select('submitted_local')
      .where('unit_code', '=', row.unit_code)
      .where('form', '=', row.form)
      .where('period', '=', row.period)
      .where('state', '=', 'submitted')
      .orderBy('version')
      .executeTakeFirst();
    await trx
      .updateTable('reports')
      .set({
        state: 'submitted',
        submitted_by_name: await nameOf(trx, scope),
        submitted_at: now,
        submitted_local: local,
        late: isLate(deadline, first?.submitted_local ?? local, local) ? 1 : 0,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('state', '=', 'signed')
      .execute();
    return { id };
  });
  return storedReport(db, scope, id);
}

/**
 * Reminders to the units below that are late with the period's report: one task each, through the directive
 * task lifecycle (source kind 'report'), opened once per unit and period.
 */
export async function remindLate(db: Db, scope: Scope, input: ViewInput, today: string) {
  const unit = await unitInScope(db, scope, input.unitCode);
  const period = checkPeriod(input.form, input.period, today);
  const form = formFor(input.form, period);
  const deadline = deadlineOf(form, periodEnd(form, period, addDays), addDays);
  const late = (await childStatuses(db, unit, form, period, localNow(today))).filter(
    (c) => !c.submitted && c.late,
  );
  const opened: { unitCode: string; taskId: number }[] = [];
  const sourceOf = (code: string) => ({ kind: 'report', ref: `${form.id}:${period}:${code}` });
  const toRemind: typeof late = [];
  for (const c of late) if (!(await tasksOfSource(db, sourceOf(c.code))).length) toRemind.push(c);
  await db.db.transaction().execute(async (trx) => {
    for (const c of toRemind) {
      const source = sourceOf(c.code);
      const title: Message = form.title;
      const [taskId] = await openTasks(trx, db, scope, {
        issuerUnitCode: unit.code,
        source,
        tasks: [
          {
            text: `${title.vi} ${period.split('-').reverse().join('/')}: quá hạn ${deadline?.slice(11) ?? ''}, đề nghị gửi ngay.`,
            assigneeUnitCode: c.code,
            deadline: today,
            urgent: true,
          },
        ],
      });
      opened.push({ unitCode: c.code, taskId: taskId! });
    }
    if (opened.length)
      await appendAudit(trx, db, scope, [
        { action: 'create', entity: 'report_reminder', unitCode: unit.code, details: { period, opened } },
      ]);
  });
  return { period, late: late.map((c) => c.code), opened };
}

/** Whether a unit is within another (for the routes' checks of a report's unit). */
export const within = isWithin;

/** A stored version in the shape of the compiled view, for its .docx and .xlsx (the archive's copies). */
export async function storedView(db: Db, scope: Scope, id: number): Promise<ReportView> {
  const s = await storedReport(db, scope, id);
  const row = await reportInScope(db, scope, id);
  const form = formVersion(s.form, row.form_version)!;
  const deadline = deadlineOf(form, periodEnd(form, s.period, addDays), addDays);
  const rollUp = s.rollUp;
  const { unit, form: _f, period, rollUp: _r, ...report } = s;
  return {
    unit,
    form: form.id,
    formVersion: form.version,
    period,
    date: period,
    today: (row.submitted_local ?? row.signed_at ?? row.updated_at).slice(0, 10),
    deadline,
    deadlineProvisional: form.deadline?.provisional ?? false,
    compiledOn: (row.submitted_local ?? row.signed_at ?? row.updated_at).slice(0, 10),
    asOfCompiled: form.fields.filter((f) => f.asOf === 'compiled').map((f) => f.key),
    submitted: row.state === 'submitted',
    late: row.late === 1,
    numbers: report.values,
    report,
    versions: [],
    missing: rollUp?.units.filter((u) => !u.submitted).map((u) => u.code) ?? [],
    lateUnits: rollUp?.units.filter((u) => u.late).map((u) => u.code) ?? [],
    rollUp,
  };
}

/** The unit and the one it reports to, for the letterhead. */
export async function unitWithParent(db: Db, code: string) {
  const tree = await unitTree(db);
  const unit = tree.get(code)!;
  return { unit, parent: unit.parent_code ? (tree.get(unit.parent_code) ?? null) : null };
}
