/**
 * The steering committee (Ban Chỉ đạo) of a unit: its members and the area each supervises (seed 004), and
 * the log of supervision visits, each of which may open tasks for the units visited.
 */

import type { Kysely } from 'kysely';
import { vietnamToday } from '../../core/dates.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { isWithin, type UnitTree, unitInScope, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { taskJson } from './json.ts';

export interface MemberInput {
  name: string;
  position: string;
  organizationId?: number | null;
  assignedAreaCode?: string | null;
}

export interface VisitTaskInput {
  text: string;
  assigneeUnitCode: string;
  deadline?: string | null;
  urgent?: boolean;
}

export interface VisitInput {
  memberId?: number | null;
  date: string;
  areaCode: string;
  findings: string;
}

const memberNotFound = () =>
  notFound({ vi: 'Không tìm thấy thành viên Ban Chỉ đạo.', en: 'Steering committee member not found.' });
const visitNotFound = () =>
  notFound({ vi: 'Không tìm thấy lần kiểm tra, giám sát.', en: 'Supervision visit not found.' });

/** An area, assignee or organization must lie within the committee's unit: 400 naming the field otherwise. */
function requireWithin(tree: UnitTree, code: string, unitCode: string, field: string) {
  const unit = tree.get(code);
  if (unit && isWithin(unit, unitCode)) return unit;
  const message = {
    vi: 'Địa bàn phải thuộc đơn vị của Ban Chỉ đạo.',
    en: "The area must be within the steering committee's unit.",
  };
  throw badRequest(message, [{ field, message }]);
}

async function requireOrganization(db: Db, tree: UnitTree, id: number, unitCode: string) {
  const org = await db.db
    .selectFrom('organizations')
    .select('unit_code')
    .where('id', '=', id)
    .executeTakeFirst();
  const unit = org ? tree.get(org.unit_code) : undefined;
  if (unit && isWithin(unit, unitCode)) return;
  const message = { vi: 'Cơ quan không thuộc đơn vị này.', en: 'The organization is not of this unit.' };
  throw badRequest(message, [{ field: 'organizationId', message }]);
}

export async function listMembers(db: Db, scope: Scope, unitCode: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const tree = await unitTree(db);
  const rows = await db.db
    .selectFrom('steering_members')
    .leftJoin('organizations', 'organizations.id', 'steering_members.organization_id')
    .select([
      'steering_members.id',
      'steering_members.unit_code',
      'steering_members.name',
      'position',
      'organization_id',
      'organizations.name as organization_name',
      'assigned_area_code',
    ])
    .where('steering_members.unit_code', '=', unit.code)
    .orderBy('steering_members.id')
    .execute();
  return {
    members: rows.map((m) => ({
      id: m.id,
      unitCode: m.unit_code,
      name: m.name,
      position: m.position,
      organizationId: m.organization_id,
      organizationName: m.organization_name,
      assignedArea: m.assigned_area_code
        ? { code: m.assigned_area_code, name: tree.get(m.assigned_area_code)?.name_with_type ?? null }
        : null,
    })),
  };
}

export async function createMember(db: Db, scope: Scope, unitCode: string, input: MemberInput) {
  const unit = await unitInScope(db, scope, unitCode);
  const tree = await unitTree(db);
  if (input.assignedAreaCode) requireWithin(tree, input.assignedAreaCode, unit.code, 'assignedAreaCode');
  if (input.organizationId != null) await requireOrganization(db, tree, input.organizationId, unit.code);
  const now = new Date().toISOString();
  const member = await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .insertInto('steering_members')
        .values({
          province_code: unit.province_code ?? unit.code,
          unit_code: unit.code,
          name: input.name,
          position: input.position,
          organization_id: input.organizationId ?? null,
          assigned_area_code: input.assignedAreaCode ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    ({ id }) => ({
      action: 'create',
      entity: 'steering_member',
      entityId: id,
      unitCode: unit.code,
      details: { ...input },
    }),
  );
  return { id: member.id };
}

/** A member or visit of a committee outside the caller's jurisdiction does not exist: 404 as for an unknown id. */
async function committeeRecordInScope<T extends { unit_code: string }>(
  db: Db,
  scope: Scope,
  record: T | undefined,
  missing: () => Error,
) {
  const unit = record ? (await unitTree(db)).get(record.unit_code) : undefined;
  if (!record || !unit || !isWithin(unit, scope.unitCode)) throw missing();
  return record;
}

async function memberInScope(db: Db, scope: Scope, id: number) {
  const member = await db.db
    .selectFrom('steering_members')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return committeeRecordInScope(db, scope, member, memberNotFound);
}

export async function updateMember(db: Db, scope: Scope, id: number, input: Partial<MemberInput>) {
  const before = await memberInScope(db, scope, id);
  const tree = await unitTree(db);
  if (input.assignedAreaCode)
    requireWithin(tree, input.assignedAreaCode, before.unit_code, 'assignedAreaCode');
  if (input.organizationId != null)
    await requireOrganization(db, tree, input.organizationId, before.unit_code);
  await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .updateTable('steering_members')
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.position !== undefined ? { position: input.position } : {}),
          ...(input.organizationId !== undefined ? { organization_id: input.organizationId } : {}),
          ...(input.assignedAreaCode !== undefined ? { assigned_area_code: input.assignedAreaCode } : {}),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute(),
    {
      action: 'update',
      entity: 'steering_member',
      entityId: id,
      unitCode: before.unit_code,
      details: { before, after: input },
    },
  );
}

/**
 * A member leaves the committee; the visits he or she made stay in the log, without the member (set here: on
 * PostgreSQL distributed by province the foreign key that did it is gone, migration 0099).
 */
export async function deleteMember(db: Db, scope: Scope, id: number) {
  const before = await memberInScope(db, scope, id);
  const leave = async (trx: Kysely<Database>) => {
    await trx
      .updateTable('supervision_visits')
      .set({ member_id: null })
      .where('member_id', '=', id)
      .execute();
    await trx.deleteFrom('steering_members').where('id', '=', id).execute();
  };
  await writeAudited(db, scope, leave, {
    action: 'delete',
    entity: 'steering_member',
    entityId: id,
    unitCode: before.unit_code,
    details: { before },
  });
}

export async function listVisits(db: Db, scope: Scope, unitCode: string, today = vietnamToday()) {
  const unit = await unitInScope(db, scope, unitCode);
  const tree = await unitTree(db);
  const visits = await db.db
    .selectFrom('supervision_visits')
    .leftJoin('steering_members', 'steering_members.id', 'supervision_visits.member_id')
    .select([
      'supervision_visits.id',
      'supervision_visits.unit_code',
      'member_id',
      'steering_members.name as member_name',
      'date',
      'area_code',
      'findings',
      'supervision_visits.created_at',
    ])
    .where('supervision_visits.unit_code', '=', unit.code)
    .orderBy('date', 'desc')
    .orderBy('supervision_visits.id', 'desc')
    .execute();
  const tasks = visits.length
    ? await db.db
        .selectFrom('tasks')
        .selectAll()
        .where(
          'source_visit_id',
          'in',
          visits.map((v) => v.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const names = (code: string) => tree.get(code)?.name_with_type;
  return {
    visits: visits.map((v) => ({
      id: v.id,
      unitCode: v.unit_code,
      member: v.member_id === null ? null : { id: v.member_id, name: v.member_name },
      date: v.date,
      area: { code: v.area_code, name: names(v.area_code) ?? null },
      findings: v.findings,
      createdAt: v.created_at,
      tasks: tasks.filter((t) => t.source_visit_id === v.id).map((t) => taskJson(t, today, names)),
    })),
  };
}

async function requireMember(db: Db, memberId: number, unitCode: string) {
  const member = await db.db
    .selectFrom('steering_members')
    .select('unit_code')
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (member?.unit_code === unitCode) return;
  const message = {
    vi: 'Người kiểm tra không phải thành viên Ban Chỉ đạo của đơn vị.',
    en: "The member is not on this unit's steering committee.",
  };
  throw badRequest(message, [{ field: 'memberId', message }]);
}

/** Logs a visit and opens its tasks (issued by the committee's unit) in one transaction. */
export async function createVisit(
  db: Db,
  scope: Scope,
  unitCode: string,
  input: VisitInput & { tasks: VisitTaskInput[] },
) {
  const unit = await unitInScope(db, scope, unitCode);
  const tree = await unitTree(db);
  requireWithin(tree, input.areaCode, unit.code, 'areaCode');
  for (const [i, t] of input.tasks.entries())
    requireWithin(tree, t.assigneeUnitCode, unit.code, `tasks.${i}.assigneeUnitCode`);
  if (input.memberId != null) await requireMember(db, input.memberId, unit.code);
  const now = new Date().toISOString();
  const provinceCode = unit.province_code ?? unit.code;
  const visit = await writeAudited(
    db,
    scope,
    async (trx) => {
      const visit = await trx
        .insertInto('supervision_visits')
        .values({
          province_code: provinceCode,
          unit_code: unit.code,
          member_id: input.memberId ?? null,
          date: input.date,
          area_code: input.areaCode,
          findings: input.findings,
          created_by: scope.userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.tasks.length > 0)
        await trx
          .insertInto('tasks')
          .values(
            input.tasks.map((t, i) => ({
              province_code: provinceCode,
              issuer_unit_code: unit.code,
              document_id: null,
              source_visit_id: visit.id,
              ordinal: String(i + 1),
              text: t.text,
              lead_unit_text: null,
              lead_unit_code: null,
              lead_organization_id: null,
              coordinating: '[]',
              assignee_text: tree.get(t.assigneeUnitCode)!.name_with_type,
              assignee_unit_code: t.assigneeUnitCode,
              assignee_organization_id: null,
              deadline: t.deadline ?? null,
              deadline_text: null,
              urgent: t.urgent ? 1 : 0,
              state: 'assigned',
              state_changed_at: now,
              done_at: null,
              returned_reason: null,
              created_at: now,
            })),
          )
          .execute();
      return visit;
    },
    ({ id }) => ({
      action: 'create',
      entity: 'supervision_visit',
      entityId: id,
      unitCode: unit.code,
      details: { ...input },
    }),
  );
  return { id: visit.id };
}

async function visitInScope(db: Db, scope: Scope, id: number) {
  const visit = await db.db
    .selectFrom('supervision_visits')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return committeeRecordInScope(db, scope, visit, visitNotFound);
}

export async function updateVisit(db: Db, scope: Scope, id: number, input: Partial<VisitInput>) {
  const before = await visitInScope(db, scope, id);
  if (input.areaCode) requireWithin(await unitTree(db), input.areaCode, before.unit_code, 'areaCode');
  if (input.memberId != null) await requireMember(db, input.memberId, before.unit_code);
  await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .updateTable('supervision_visits')
        .set({
          ...(input.memberId !== undefined ? { member_id: input.memberId } : {}),
          ...(input.date !== undefined ? { date: input.date } : {}),
          ...(input.areaCode !== undefined ? { area_code: input.areaCode } : {}),
          ...(input.findings !== undefined ? { findings: input.findings } : {}),
        })
        .where('id', '=', id)
        .execute(),
    {
      action: 'update',
      entity: 'supervision_visit',
      entityId: id,
      unitCode: before.unit_code,
      details: { before, after: input },
    },
  );
}

/** A visit that opened tasks stays: its tasks point to it. */
export async function deleteVisit(db: Db, scope: Scope, id: number) {
  const before = await visitInScope(db, scope, id);
  const opened = await db.db
    .selectFrom('tasks')
    .select('id')
    .where('source_visit_id', '=', id)
    .limit(1)
    .execute();
  if (opened.length > 0)
    throw conflict({
      vi: 'Lần kiểm tra này đã giao nhiệm vụ nên không xóa được.',
      en: 'This visit opened tasks and cannot be deleted.',
    });
  await writeAudited(
    db,
    scope,
    (trx) => trx.deleteFrom('supervision_visits').where('id', '=', id).execute(),
    {
      action: 'delete',
      entity: 'supervision_visit',
      entityId: id,
      unitCode: before.unit_code,
      details: { before },
    },
  );
}
