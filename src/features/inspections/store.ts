/**
 * The only code that touches establishments, their self-assessments and inspections. Every function takes the
 * caller's scope: an establishment outside it answers 404; every change writes its audit row in its transaction.
 */

import { addDays } from '../../core/dates.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import { foldDiacritics } from '../../core/text.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope } from '../admin-units/index.ts';
import { appendAudit, recordAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { openTasks, tasksOfSource } from '../directives/index.ts';
import {
  answerProblems,
  checklistInForce,
  criteriaOf,
  daysOverdue,
  inspectionDue,
  type RiskClass,
  riskClassOf,
  type SafetyClass,
  type Sector,
  type Size,
  scoreChecklist,
  validUntil,
} from './rules/checklists.ts';
import { type PenaltyKind, type ViolationInput, violationProblems } from './rules/violations.ts';
import type { EstablishmentTable } from './tables.ts';
import './tables.ts';

/** What opened an inspection's follow-up tasks (directives' sourced tasks). */
export const INSPECTION_SOURCE = 'inspection';

export const establishmentNotFound = () =>
  new AppError(
    404,
    'not_found',
    {
      vi: 'Không tìm thấy cơ sở (hoặc ngoài địa bàn của bạn).',
      en: 'Establishment not found (or outside your area).',
    },
    [
      {
        field: 'establishment',
        message: { vi: 'Không tìm thấy cơ sở.', en: 'No such establishment in your area.' },
      },
    ],
  );

function refuse(problems: { field: string; message: { vi: string; en: string } }[]) {
  if (problems.length) throw badRequest(problems[0]!.message, problems);
}

const columnOf = (level: number) =>
  level === 1 ? 'province_code' : level === 2 ? 'district_code' : ('commune_code' as const);

type EstablishmentRow = EstablishmentTable & { id: number };

function view(row: EstablishmentRow, today: string) {
  return {
    id: Number(row.id),
    communeCode: row.commune_code,
    name: row.name,
    sector: row.sector as Sector,
    size: row.size as Size,
    riskClass: row.risk_class as RiskClass,
    address: row.address,
    workers: row.workers == null ? null : Number(row.workers),
    registeredOn: row.registered_on,
    lastInspectedOn: row.last_inspected_on,
    nextDueOn: row.next_due_on,
    daysOverdue: daysOverdue(row.next_due_on, today),
    safetyClass: row.safety_class as SafetyClass | null,
    safetyValidUntil: row.safety_valid_until,
    /** The self-assessment's validity has ended (or there is none). */
    safetyExpired: !row.safety_valid_until || row.safety_valid_until < today,
    provisional: checklistInForce(today).provisional,
  };
}
export type EstablishmentView = ReturnType<typeof view>;

async function establishmentInScope(db: Db, scope: Scope, id: number) {
  const row = await db.db.selectFrom('establishments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw establishmentNotFound();
  return recordInScope(db, scope, row.commune_code, establishmentNotFound, row as EstablishmentRow);
}

export interface EstablishmentInput {
  commune: string;
  name: string;
  sector: Sector;
  size: Size;
  address?: string | null;
  ownerName?: string | null;
  phone?: string | null;
  workers?: number | null;
  registeredOn?: string;
}

export async function createEstablishment(db: Db, scope: Scope, input: EstablishmentInput, today: string) {
  const unit = await unitInScope(db, scope, input.commune);
  if (unit.level !== 3)
    throw badRequest({ vi: 'Cơ sở thuộc một xã.', en: 'An establishment belongs to a commune.' }, [
      { field: 'commune', message: { vi: 'Chọn một xã.', en: 'Choose a commune.' } },
    ]);
  const registeredOn = input.registeredOn ?? today;
  if (registeredOn > today)
    refuse([{ field: 'registeredOn', message: { vi: 'Ngày trong tương lai.', en: 'A day in the future.' } }]);
  const riskClass = riskClassOf(input.sector, input.size);
  const now = new Date().toISOString();
  const row = await db.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('establishments')
      .values({
        province_code: unit.province_code!,
        district_code: unit.district_code!,
        commune_code: unit.code,
        name: input.name.trim(),
        name_folded: foldDiacritics(input.name.trim()),
        sector: input.sector,
        size: input.size,
        risk_class: riskClass,
        address: input.address ?? null,
        owner_name: input.ownerName ?? null,
        phone: input.phone ?? null,
        workers: input.workers ?? null,
        registered_on: registeredOn,
        last_inspected_on: null,
        next_due_on: inspectionDue(checklistInForce(today), riskClass, null, registeredOn),
        safety_class: null,
        safety_valid_until: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db, scope, [
      { action: 'create', entity: 'establishment', entityId: created.id, unitCode: unit.code },
    ]);
    return created as EstablishmentRow;
  });
  return view(row, today);
}

export interface EstablishmentFilter {
  unit: string;
  q?: string;
  sector?: Sector;
  overdue?: boolean;
  limit: number;
  offset: number;
}

/** A unit's establishments (the district's overdue list with `overdue`: most overdue first), one page. */
export async function listEstablishments(db: Db, scope: Scope, f: EstablishmentFilter, today: string) {
  const unit = await unitInScope(db, scope, f.unit);
  let q = db.db.selectFrom('establishments');
  if (unit.level > 0) q = q.where(columnOf(unit.level), '=', unit.code);
  if (f.sector) q = q.where('sector', '=', f.sector);
  if (f.q?.trim()) q = q.where('name_folded', 'like', `%${foldDiacritics(f.q.trim()).replace(/[%_]/g, '')}%`);
  if (f.overdue) q = q.where('next_due_on', '<', today);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await (f.overdue ? q.orderBy('next_due_on') : q.orderBy('name_folded'))
    .selectAll()
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(total),
    establishments: rows.map((r) => view(r as EstablishmentRow, today)),
    intervals: checklistInForce(today).inspectionIntervalDays,
    provisional: checklistInForce(today).provisional,
  };
}

/** One establishment with its contact, the checklist of its sector, its last assessments and inspections. */
export async function establishmentDetail(db: Db, scope: Scope, id: number, today: string) {
  const row = await establishmentInScope(db, scope, id);
  const [assessments, inspections] = await Promise.all([
    db.db
      .selectFrom('safety_assessments')
      .select(['id', 'assessed_on', 'score', 'safety_class', 'valid_until', 'provisional'])
      .where('establishment_id', '=', id)
      .orderBy('assessed_on', 'desc')
      .orderBy('id', 'desc')
      .limit(10)
      .execute(),
    db.db
      .selectFrom('inspections')
      .select(['id', 'inspected_on', 'inspector_unit_code', 'score', 'safety_class', 'findings'])
      .where('establishment_id', '=', id)
      .orderBy('inspected_on', 'desc')
      .orderBy('id', 'desc')
      .limit(10)
      .execute(),
  ]);
  const violations = inspections.length
    ? await db.db
        .selectFrom('inspection_violations')
        .selectAll()
        .where(
          'inspection_id',
          'in',
          inspections.map((i) => Number(i.id)),
        )
        .orderBy('id')
        .execute()
    : [];
  await recordAudit(db, scope, [
    { action: 'read', entity: 'establishment', entityId: id, unitCode: row.commune_code },
  ]);
  const set = checklistInForce(today);
  return {
    ...view(row, today),
    ownerName: row.owner_name,
    phone: row.phone,
    checklist: criteriaOf(set, row.sector as Sector).map((k) => ({
      id: k.id,
      vi: k.vi,
      en: k.en,
      weight: k.weight,
      critical: k.critical,
    })),
    assessments: assessments.map((a) => ({
      id: Number(a.id),
      assessedOn: a.assessed_on,
      score: Number(a.score),
      safetyClass: a.safety_class as SafetyClass,
      validUntil: a.valid_until,
      provisional: Number(a.provisional) === 1,
    })),
    inspections: inspections.map((i) => ({
      id: Number(i.id),
      inspectedOn: i.inspected_on,
      inspectorUnitCode: i.inspector_unit_code,
      score: Number(i.score),
      safetyClass: i.safety_class as SafetyClass,
      findings: i.findings,
      violations: violations.filter((v) => Number(v.inspection_id) === Number(i.id)).map(violationView),
    })),
  };
}

function violationView(v: {
  id: number;
  description: string;
  penalty_kind: string | null;
  penalty_amount: number | null;
  fix_by: string | null;
}) {
  return {
    id: Number(v.id),
    description: v.description,
    penaltyKind: v.penalty_kind as PenaltyKind | null,
    penaltyAmount: v.penalty_amount == null ? null : Number(v.penalty_amount),
    fixBy: v.fix_by,
  };
}

function dayProblems(field: string, day: string, today: string, notBefore?: string) {
  if (day > today) return [{ field, message: { vi: 'Ngày trong tương lai.', en: 'A day in the future.' } }];
  if (notBefore && day < notBefore)
    return [
      {
        field,
        message: { vi: 'Ngày trước khi cơ sở được đăng ký.', en: 'Before the establishment was registered.' },
      },
    ];
  return [];
}

/** The establishment's antoancovid-style self-assessment (entered by it or for it by the commune). */
export async function recordAssessment(
  db: Db,
  scope: Scope,
  id: number,
  input: { assessedOn?: string; answers: Record<string, boolean> },
  today: string,
) {
  const row = await establishmentInScope(db, scope, id);
  const day = input.assessedOn ?? today;
  const set = checklistInForce(day);
  refuse([
    ...dayProblems('assessedOn', day, today),
    ...answerProblems(set, row.sector as Sector, input.answers),
  ]);
  const result = scoreChecklist(set, row.sector as Sector, input.answers);
  const until = validUntil(set, day);
  return db.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('safety_assessments')
      .values({
        province_code: row.province_code,
        commune_code: row.commune_code,
        establishment_id: id,
        assessed_on: day,
        answers: JSON.stringify(input.answers),
        score: result.score,
        safety_class: result.safetyClass,
        valid_until: until,
        rule_set_id: set.id,
        provisional: set.provisional ? 1 : 0,
        created_by: scope.userId,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The latest assessment is the establishment's current class.
    if (!row.safety_valid_until || row.safety_valid_until <= until)
      await trx
        .updateTable('establishments')
        .set({
          safety_class: result.safetyClass,
          safety_valid_until: until,
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute();
    await appendAudit(trx, db, scope, [
      {
        action: 'create',
        entity: 'safety_assessment',
        entityId: created.id,
        unitCode: row.commune_code,
        details: { establishmentId: id, score: result.score, class: result.safetyClass },
      },
    ]);
    return {
      id: Number(created.id),
      establishmentId: id,
      assessedOn: day,
      score: result.score,
      safetyClass: result.safetyClass,
      unmet: result.unmet,
      criticalUnmet: result.criticalUnmet,
      validUntil: until,
      ruleSet: result.ruleSet,
    };
  });
}

export interface InspectionInput {
  inspectedOn?: string;
  inspectors?: string | null;
  answers: Record<string, boolean>;
  findings?: string | null;
  violations: ViolationInput[];
}

/**
 * An inspection visit: its checklist and score, findings, violations with their penalties (amounts as
 * entered), and for each violation to fix within a number of days a follow-up task to the establishment's
 * commune with that deadline, through the directive task lifecycle (source 'inspection', the inspection's id).
 * The establishment's next due day moves with it.
 */
export async function recordInspection(
  db: Db,
  scope: Scope,
  id: number,
  input: InspectionInput,
  today: string,
) {
  const row = await establishmentInScope(db, scope, id);
  const day = input.inspectedOn ?? today;
  const set = checklistInForce(day);
  refuse([
    ...dayProblems('inspectedOn', day, today, row.registered_on),
    ...answerProblems(set, row.sector as Sector, input.answers),
    ...violationProblems(input.violations),
  ]);
  const result = scoreChecklist(set, row.sector as Sector, input.answers);
  // The issuer is the inspecting commune, else the establishment's district (a province's or an administrator's
  // inspection is followed up through the district, as the district's own is).
  const issuer = scope.unitCode === row.commune_code ? row.commune_code : row.district_code;
  const now = new Date().toISOString();
  return db.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('inspections')
      .values({
        province_code: row.province_code,
        district_code: row.district_code,
        commune_code: row.commune_code,
        establishment_id: id,
        inspected_on: day,
        inspector_unit_code: issuer,
        inspectors: input.inspectors ?? null,
        answers: JSON.stringify(input.answers),
        score: result.score,
        safety_class: result.safetyClass,
        findings: input.findings ?? null,
        rule_set_id: set.id,
        provisional: set.provisional ? 1 : 0,
        created_by: scope.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inspectionId = Number(created.id);
    const violations = input.violations.map((v) => ({
      province_code: row.province_code,
      inspection_id: inspectionId,
      description: v.description.trim(),
      penalty_kind: v.penaltyKind ?? null,
      penalty_amount: v.penaltyAmount ?? null,
      fix_by: v.fixWithinDays ? addDays(day, v.fixWithinDays) : null,
      created_at: now,
    }));
    const stored = [];
    for (const v of violations)
      stored.push(
        await trx.insertInto('inspection_violations').values(v).returningAll().executeTakeFirstOrThrow(),
      );
    const last = row.last_inspected_on && row.last_inspected_on > day ? row.last_inspected_on : day;
    await trx
      .updateTable('establishments')
      .set({
        last_inspected_on: last,
        next_due_on: inspectionDue(set, row.risk_class as RiskClass, last, row.registered_on),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const taskIds = await openTasks(trx, db, scope, {
      issuerUnitCode: issuer,
      source: { kind: INSPECTION_SOURCE, ref: String(inspectionId) },
      tasks: violations
        .filter((v) => v.fix_by)
        .map((v) => ({
          text: `Khắc phục vi phạm tại ${row.name}: ${v.description}`,
          assigneeUnitCode: row.commune_code,
          deadline: v.fix_by,
        })),
    });
    await appendAudit(trx, db, scope, [
      {
        action: 'create',
        entity: 'inspection',
        entityId: inspectionId,
        unitCode: row.commune_code,
        details: {
          establishmentId: id,
          score: result.score,
          violations: violations.length,
          tasks: taskIds.length,
        },
      },
    ]);
    return {
      id: inspectionId,
      establishmentId: id,
      inspectedOn: day,
      score: result.score,
      safetyClass: result.safetyClass,
      unmet: result.unmet,
      findings: input.findings ?? null,
      violations: stored.map(violationView),
      taskIds,
      nextDueOn: inspectionDue(set, row.risk_class as RiskClass, last, row.registered_on),
      ruleSet: result.ruleSet,
    };
  });
}

/** The follow-up tasks an inspection opened (their state in the directive lifecycle). */
export async function inspectionTasks(db: Db, scope: Scope, inspectionId: number) {
  const row = await db.db
    .selectFrom('inspections')
    .select(['establishment_id'])
    .where('id', '=', inspectionId)
    .executeTakeFirst();
  if (!row) throw establishmentNotFound();
  await establishmentInScope(db, scope, Number(row.establishment_id));
  return tasksOfSource(db, { kind: INSPECTION_SOURCE, ref: String(inspectionId) });
}

/**
 * A unit's inspection figures over a period (the weekly report): inspection visits made in it, the violations they
 * found, and the establishments overdue for inspection on its last day — as the records stood then: an
 * establishment registered by that day whose last inspection on or before it (else its registration), plus its
 * risk class's interval, fell before the day. Aggregates, not personal data: not audited.
 */
export async function inspectionFigures(db: Db, scope: Scope, unitCode: string, from: string, to: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const column = columnOf(unit.level);
  const visits = await db.db
    .selectFrom('inspections')
    .leftJoin('inspection_violations', 'inspection_violations.inspection_id', 'inspections.id')
    .select((eb) => [
      eb.fn.count<number>('inspections.id').distinct().as('visits'),
      eb.fn.count<number>('inspection_violations.id').as('violations'),
    ])
    .where('inspections.inspected_on', '>=', from)
    .where('inspections.inspected_on', '<=', to)
    .$if(unit.level > 0, (q) => q.where(`inspections.${column}`, '=', unit.code))
    .executeTakeFirstOrThrow();
  const establishments = await db.db
    .selectFrom('establishments')
    .leftJoin('inspections', (j) =>
      j
        .onRef('inspections.establishment_id', '=', 'establishments.id')
        .on('inspections.inspected_on', '<=', to),
    )
    .select((eb) => [
      'establishments.risk_class',
      'establishments.registered_on',
      eb.fn.max('inspections.inspected_on').as('last'),
    ])
    .where('establishments.registered_on', '<=', to)
    .$if(unit.level > 0, (q) => q.where(`establishments.${column}`, '=', unit.code))
    .groupBy(['establishments.id', 'establishments.risk_class', 'establishments.registered_on'])
    .execute();
  const set = checklistInForce(to);
  const overdue = establishments.filter(
    (e) =>
      inspectionDue(set, e.risk_class as RiskClass, (e.last as string | null) ?? null, e.registered_on) < to,
  ).length;
  return {
    visits: Number(visits.visits),
    violations: Number(visits.violations),
    establishmentsOverdue: overdue,
  };
}
