/**
 * The only code that touches community teams and requests for support. Every function takes the caller's scope
 * (objects outside it answer 404) and writes its audit row in the change's transaction; rosters (names, phones)
 * are personal data and their reads are audited too.
 */
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope } from '../admin-units/index.ts';
import { appendAudit, recordAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { villageWorkload } from '../cases/index.ts';
import {
  isRequestOverdue,
  requestProblems,
  SUPPORT_WORKFLOW,
  type SupportAction,
  type SupportKind,
  type SupportState,
} from './rules/support-requests.ts';
import {
  DUTIES_PROVISIONAL,
  type Member,
  normalizePhone,
  type TeamDuty,
  type TeamKind,
  teamProblems,
  teamWorkload,
} from './rules/teams.ts';
import type { SupportRequestTable } from './tables.ts';
import './tables.ts';

function refuse(problems: { field: string; message: { vi: string; en: string } }[]) {
  if (problems.length) throw badRequest(problems[0]!.message, problems);
}

const columnOf = (level: number) =>
  level === 1 ? 'province_code' : level === 2 ? 'district_code' : ('commune_code' as const);

const teamNotFound = () => notFound({ vi: 'Không tìm thấy tổ.', en: 'Team not found.' });
const requestNotFound = () =>
  notFound({ vi: 'Không tìm thấy đề nghị hỗ trợ.', en: 'Request for support not found.' });

async function communeInScope(db: Db, scope: Scope, code: string) {
  const unit = await unitInScope(db, scope, code);
  if (unit.level !== 3)
    throw badRequest({ vi: 'Chọn một xã.', en: 'Choose a commune.' }, [
      { field: 'commune', message: { vi: 'Chọn một xã.', en: 'Choose a commune.' } },
    ]);
  return unit;
}

export interface TeamInput {
  commune: string;
  kind: TeamKind;
  name: string;
  leaderName?: string | null;
  phone?: string | null;
  duties: string[];
  villageIds: number[];
  members: Member[];
}

async function villagesOf(db: Db, communeCode: string) {
  return db.db
    .selectFrom('villages')
    .select(['id', 'name'])
    .where('commune_code', '=', communeCode)
    .orderBy('name')
    .execute();
}

async function checkTeam(db: Db, input: Omit<TeamInput, 'commune'>, communeCode: string) {
  refuse(teamProblems(input));
  const own = new Set((await villagesOf(db, communeCode)).map((v) => Number(v.id)));
  const i = input.villageIds.findIndex((id) => !own.has(id));
  if (i >= 0)
    refuse([
      {
        field: `villageIds.${i}`,
        message: { vi: 'Thôn không thuộc xã này.', en: 'The village is not in this commune.' },
      },
    ]);
}

function teamValues(input: Omit<TeamInput, 'commune'>) {
  return {
    kind: input.kind,
    name: input.name.trim(),
    leader_name: input.leaderName?.trim() || null,
    phone: input.phone ? normalizePhone(input.phone) : null,
    duties: JSON.stringify([...new Set(input.duties)]),
    village_ids: JSON.stringify([...new Set(input.villageIds)]),
    members: JSON.stringify(
      input.members.map((m) => ({
        name: m.name.trim(),
        phone: m.phone ? normalizePhone(m.phone) : null,
        role: m.role?.trim() || null,
      })),
    ),
  };
}

type TeamRow = Awaited<ReturnType<typeof teamRow>>;
function teamRow(db: Db, id: number) {
  return db.db.selectFrom('community_teams').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function teamView(
  row: TeamRow,
  villages: Map<number, string>,
  byVillage?: Map<number | null, { homeTreatment: number; quarantine: number }>,
) {
  const villageIds = JSON.parse(row.village_ids) as number[];
  return {
    id: Number(row.id),
    communeCode: row.commune_code,
    kind: row.kind as TeamKind,
    name: row.name,
    leaderName: row.leader_name,
    phone: row.phone,
    duties: JSON.parse(row.duties) as TeamDuty[],
    dutiesProvisional: DUTIES_PROVISIONAL,
    villages: villageIds.map((id) => ({ id, name: villages.get(id) ?? '' })),
    members: JSON.parse(row.members) as { name: string; phone: string | null; role: string | null }[],
    workload: byVillage
      ? teamWorkload(villageIds, byVillage as Map<number, { homeTreatment: number; quarantine: number }>)
      : null,
  };
}
export type TeamView = ReturnType<typeof teamView>;

export async function createTeam(db: Db, scope: Scope, input: TeamInput) {
  const unit = await communeInScope(db, scope, input.commune);
  await checkTeam(db, input, unit.code);
  const now = new Date().toISOString();
  const id = await db.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('community_teams')
      .values({
        province_code: unit.province_code!,
        district_code: unit.district_code!,
        commune_code: unit.code,
        ...teamValues(input),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db, scope, [
      { action: 'create', entity: 'community_team', entityId: row.id, unitCode: unit.code },
    ]);
    return Number(row.id);
  });
  const villages = new Map((await villagesOf(db, unit.code)).map((v) => [Number(v.id), v.name]));
  return teamView(await teamRow(db, id), villages);
}

export async function updateTeam(db: Db, scope: Scope, id: number, input: Omit<TeamInput, 'commune'>) {
  const row = await db.db.selectFrom('community_teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw teamNotFound();
  await recordInScope(db, scope, row.commune_code, teamNotFound, row);
  await checkTeam(db, input, row.commune_code);
  await db.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('community_teams')
      .set({ ...teamValues(input), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, db, scope, [
      { action: 'update', entity: 'community_team', entityId: id, unitCode: row.commune_code },
    ]);
  });
  const villages = new Map((await villagesOf(db, row.commune_code)).map((v) => [Number(v.id), v.name]));
  return teamView(await teamRow(db, id), villages);
}

/**
 * A commune's teams (or a district's, by commune) with their members and their workload on `day`: home-treated
 * cases and contacts in quarantine in their villages (from the cases feature's counts).
 */
export async function listTeams(
  db: Db,
  scope: Scope,
  f: { unit: string; limit: number; offset: number },
  day: string,
) {
  const unit = await unitInScope(db, scope, f.unit);
  let q = db.db.selectFrom('community_teams');
  if (unit.level > 0) q = q.where(columnOf(unit.level), '=', unit.code);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('commune_code')
    .orderBy('name')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const communes = [...new Set(rows.map((r) => r.commune_code))];
  const villages = new Map<number, string>();
  const workloads = new Map<string, Map<number | null, { homeTreatment: number; quarantine: number }>>();
  for (const c of communes) {
    for (const v of await villagesOf(db, c)) villages.set(Number(v.id), v.name);
    workloads.set(c, await villageWorkload(db, c, day));
  }
  if (rows.length)
    await recordAudit(db, scope, [
      {
        action: 'read',
        entity: 'community_team',
        unitCode: unit.code,
        details: { teams: rows.map((r) => Number(r.id)) },
      },
    ]);
  return {
    total: Number(total),
    date: day,
    teams: rows.map((r) => teamView(r, villages, workloads.get(r.commune_code))),
  };
}

// Requests for support.

type RequestRow = SupportRequestTable & { id: number };
function requestView(r: RequestRow, today: string) {
  return {
    id: Number(r.id),
    communeCode: r.commune_code,
    kind: r.kind as SupportKind,
    details: r.details,
    requestedOn: r.requested_on,
    neededBy: r.needed_by,
    state: r.state as SupportState,
    answer: r.answer,
    answeredOn: r.answered_on,
    overdue: isRequestOverdue(r.state as SupportState, r.needed_by, today),
  };
}

export async function createRequest(
  db: Db,
  scope: Scope,
  input: { commune: string; kind: SupportKind; details: string; neededBy: string },
  today: string,
) {
  const unit = await communeInScope(db, scope, input.commune);
  refuse(requestProblems(input, today));
  const row = await db.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('support_requests')
      .values({
        province_code: unit.province_code!,
        district_code: unit.district_code!,
        commune_code: unit.code,
        kind: input.kind,
        details: input.details.trim(),
        requested_on: today,
        needed_by: input.neededBy,
        state: 'requested',
        answer: null,
        answered_on: null,
        answered_by: null,
        created_by: scope.userId,
        created_at: new Date().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db, scope, [
      {
        action: 'create',
        entity: 'support_request',
        entityId: created.id,
        unitCode: unit.code,
        details: { kind: input.kind },
      },
    ]);
    return created as RequestRow;
  });
  return requestView(row, today);
}

export async function listRequests(
  db: Db,
  scope: Scope,
  f: { unit: string; state?: SupportState; overdue?: boolean; limit: number; offset: number },
  today: string,
) {
  const unit = await unitInScope(db, scope, f.unit);
  let q = db.db.selectFrom('support_requests');
  if (unit.level > 0) q = q.where(columnOf(unit.level), '=', unit.code);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.overdue) q = q.where('state', '=', 'requested').where('needed_by', '<', today);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const { overdue } = await (unit.level > 0
    ? db.db.selectFrom('support_requests').where(columnOf(unit.level), '=', unit.code)
    : db.db.selectFrom('support_requests')
  )
    .where('state', '=', 'requested')
    .where('needed_by', '<', today)
    .select((eb) => eb.fn.countAll<number>().as('overdue'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('requested_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(total),
    overdue: Number(overdue),
    requests: rows.map((r) => requestView(r as RequestRow, today)),
  };
}

/** The district's answer (or refusal, with its reason) to a commune's request; a commune cannot answer its own. */
export async function answerRequest(
  db: Db,
  scope: Scope,
  id: number,
  input: { action: SupportAction; answer?: string | null },
  today: string,
) {
  const row = await db.db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw requestNotFound();
  await recordInScope(db, scope, row.commune_code, requestNotFound, row);
  const parties = new Set(scope.unitCode === row.commune_code ? [] : (['superior'] as const));
  const step = SUPPORT_WORKFLOW.transition(row.state as SupportState, input.action, parties, input.answer);
  if (!step.ok) {
    if (step.refusal === 'reason')
      refuse([
        { field: 'answer', message: { vi: 'Ghi rõ lý do từ chối.', en: 'Give the reason for the refusal.' } },
      ]);
    throw conflict(
      step.refusal === 'party'
        ? { vi: 'Đề nghị do cấp huyện trả lời.', en: 'The district answers a request.' }
        : { vi: 'Đề nghị này đã được trả lời.', en: 'This request has been answered already.' },
    );
  }
  const updated = await db.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('support_requests')
      .set({
        state: step.to,
        answer: input.answer?.trim() || null,
        answered_on: today,
        answered_by: scope.userId,
      })
      .where('id', '=', id)
      .where('state', '=', row.state)
      .returningAll()
      .executeTakeFirst();
    if (!result)
      throw conflict({ vi: 'Đề nghị này đã được trả lời.', en: 'This request has been answered already.' });
    await appendAudit(trx, db, scope, [
      {
        action: 'update',
        entity: 'support_request',
        entityId: id,
        unitCode: row.commune_code,
        details: SUPPORT_WORKFLOW.event(
          row.state as SupportState,
          input.action,
          input.answer ?? null,
        ) as unknown as Record<string, unknown>,
      },
    ]);
    return result as RequestRow;
  });
  return requestView(updated, today);
}

/**
 * Home-care teams (tổ chăm sóc người bệnh tại nhà: community COVID teams with the F0 home-care follow-up duty)
 * of each commune of the districts: criterion 3's commune capacity (the capacity capability). The roster keeps
 * no history, so the count is the teams on record now. Aggregates by commune, not personal data: not audited.
 */
export async function homeCareTeamsByCommune(
  db: Db,
  districtCodes: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < districtCodes.length; i += 500)
    for (const r of await db.db
      .selectFrom('community_teams')
      .select(['commune_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('district_code', 'in', districtCodes.slice(i, i + 500))
      .where('kind', '=', 'communityTeam' satisfies TeamKind)
      .where('duties', 'like', `%"${'homeCareFollowUp' satisfies TeamDuty}"%`)
      .groupBy('commune_code')
      .execute())
      out.set(r.commune_code, Number(r.n));
  return out;
}
