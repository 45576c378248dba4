import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ageOnDay } from '../../core/dates.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { groupCommit } from '../../core/group-commit.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { recordInScope, unitInScope } from '../admin-units/index.ts';
import { type Actor, appendAudit, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { personCards } from '../persons/index.ts';
import { CHECKS_PER_DAY } from './rules/daily-check.ts';
import { checkPeriod, escalationFor } from './rules/escalation.ts';
import { type CheckMeasures, warningsFor } from './rules/warning-signs.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const linkNotFound = () =>
  notFound({
    vi: 'Đường dẫn theo dõi không còn hiệu lực (đã kết thúc điều trị hoặc đã được cấp lại).',
    en: 'This check link is no longer valid (treatment ended or a new link was issued).',
  });
const caseNotFound = () => notFound({ vi: 'Không tìm thấy ca bệnh.', en: 'Case not found.' });

/** More than this many checks of one case in a day is a flood, not a sick person (twice a day, or at any sign). */
const MAX_CHECKS_PER_DAY = 24;

async function caseInScope(db: Db, scope: Scope, id: number) {
  const row = await db.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw caseNotFound();
  return recordInScope(db, scope, row.commune_code, caseNotFound, row);
}

/**
 * Issues the case's personal link (a new one replaces the old): the person posts checks with it, without an
 * account. Only the token's hash is kept; the link dies when treatment ends.
 */
export async function issueCheckLink(db: Db, scope: Scope, caseId: number) {
  const c = await caseInScope(db, scope, caseId);
  const token = randomBytes(24).toString('base64url');
  await writeAudited(
    db,
    scope,
    async (trx) => {
      await trx.deleteFrom('check_links').where('case_id', '=', caseId).execute();
      await trx
        .insertInto('check_links')
        .values({
          case_id: caseId,
          province_code: c.province_code,
          token_hash: sha256(token),
          created_at: new Date().toISOString(),
        })
        .execute();
    },
    { action: 'create', entity: 'check_link', entityId: caseId, unitCode: c.commune_code },
  );
  return { token, path: `/theo-doi/${token}` };
}

/**
 * The case behind a personal link, with what a check needs of its person and its day, in one query (the
 * morning rush reads this once per check).
 */
async function linkedCase(db: Db, token: string, today: string) {
  const row = await db.db
    .selectFrom('check_links as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select(['p.full_name as person_full_name', 'p.birth_sort as person_birth'])
    .select((eb) =>
      eb
        .selectFrom('daily_checks as d')
        .select((d) => d.fn.countAll<number>().as('n'))
        .whereRef('d.case_id', '=', 'c.id')
        .where('d.day', '=', today)
        .as('checks_today'),
    )
    .where('l.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (row?.status !== 'treating') throw linkNotFound();
  const { person_full_name, person_birth, checks_today, ...c } = row;
  return { c, fullName: person_full_name, facts: { birth: person_birth, checksToday: Number(checks_today) } };
}

async function checksOn(db: Db, caseId: number, day: string) {
  const { n } = await db.db
    .selectFrom('daily_checks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** What the personal link's page shows: the given name only, and today's checks. */
export async function checkLinkForm(db: Db, token: string, today: string) {
  const { fullName, facts } = await linkedCase(db, token, today);
  return {
    givenName: fullName.split(/\s+/).at(-1) ?? '',
    day: today,
    checksToday: facts.checksToday,
    checksPerDay: CHECKS_PER_DAY,
  };
}

type CaseRow = Awaited<ReturnType<typeof linkedCase>>['c'];

/** What a check needs of its person and day: the birth (warning signs by age) and the checks already made. */
interface CheckFacts {
  birth: string;
  checksToday: number;
}

type Measures = Omit<CheckMeasures, 'ageYears'> & { temperature?: number | null };

/** A check ready to be written: its case, measures and the warnings and escalation they raised. */
interface CheckWrite {
  actor: Actor;
  c: CaseRow;
  measures: Measures;
  today: string;
  byLink: boolean;
  warnings: number[];
  ruleSetId: string;
  plan: ReturnType<typeof escalationFor>;
  now: Date;
}

/** Writes checks, the escalations they raise and an audit entry each (by its own actor), in `trx`; their ids. */
async function writeChecks(trx: Kysely<Database>, db: Db, checks: CheckWrite[]): Promise<number[]> {
  const ids = await trx
    .insertInto('daily_checks')
    .values(
      checks.map(({ c, measures, today, byLink, warnings, ruleSetId, actor, now }) => ({
        province_code: c.province_code,
        commune_code: c.commune_code,
        case_id: Number(c.id),
        day: today,
        period: checkPeriod(now),
        respiratory_rate: measures.respiratoryRate ?? null,
        spo2: measures.spo2 ?? null,
        pulse: measures.pulse ?? null,
        temperature: measures.temperature ?? null,
        systolic: measures.systolic ?? null,
        diastolic: measures.diastolic ?? null,
        signs: JSON.stringify(measures.signs ?? []),
        warnings: JSON.stringify(warnings),
        rule_set_id: ruleSetId,
        entered_by: byLink ? 'link' : 'team',
        user_id: actor.userId,
        created_at: now.toISOString(),
      })),
    )
    .returning('id')
    .execute()
    // Ids are taken in the rows' order; RETURNING's own order is not promised.
    .then((rows) => rows.map((r) => Number(r.id)).sort((a, b) => a - b));
  const escalating = checks.flatMap((k, i) => (k.plan ? [{ k, plan: k.plan, checkId: ids[i]! }] : []));
  if (escalating.length)
    await trx
      .insertInto('escalations')
      .values(
        escalating.map(({ k: { c, warnings, now }, plan, checkId }) => ({
          province_code: c.province_code,
          district_code: c.district_code,
          commune_code: c.commune_code,
          case_id: Number(c.id),
          check_id: checkId,
          warnings: JSON.stringify(warnings),
          actor: plan.actor,
          act_by: plan.actBy,
          call_115: plan.call115 ? 1 : 0,
          status: 'open',
          handled_by: null,
          handled_at: null,
          note: null,
          created_at: now.toISOString(),
        })),
      )
      .execute();
  await appendAudit(
    trx,
    db,
    checks[0]!.actor,
    checks.map((k, i) => ({
      action: 'create',
      entity: 'daily_check',
      entityId: ids[i]!,
      unitCode: k.c.commune_code,
      details: { caseId: Number(k.c.id), warnings: k.warnings },
      actor: k.actor,
    })),
  );
  return ids;
}

/** Checks posted through links commit in groups: the morning's rush of home-treated F0 (core/group-commit.ts). */
const commitLinkCheck = groupCommit<Db, CheckWrite, number>((db, checks) =>
  db.db.transaction().execute((trx) => writeChecks(trx, db, checks)),
);

async function recordCheck(
  db: Db,
  actor: Actor,
  c: CaseRow,
  facts: CheckFacts,
  measures: Measures,
  today: string,
  byLink: boolean,
) {
  if (facts.checksToday >= MAX_CHECKS_PER_DAY)
    throw new AppError(429, 'too_many_checks', {
      vi: `Đã ghi ${MAX_CHECKS_PER_DAY} lần theo dõi hôm nay. Nếu có dấu hiệu nặng, gọi ngay 115.`,
      en: `${MAX_CHECKS_PER_DAY} checks were recorded today. If you feel worse, call 115 now.`,
    });
  const evaluated = warningsFor(today, { ...measures, ageYears: ageOnDay(facts.birth, today) });
  const warnings = evaluated?.warnings ?? [];
  const now = new Date();
  const plan = escalationFor(
    warnings.map((w) => w.number),
    now,
  );
  const check: CheckWrite = {
    actor,
    c,
    measures,
    today,
    byLink,
    warnings: warnings.map((w) => w.number),
    ruleSetId: evaluated?.ruleSet.id ?? '',
    plan,
    now,
  };
  const id = byLink
    ? await commitLinkCheck(db, check)
    : (await db.db.transaction().execute((trx) => writeChecks(trx, db, [check])))[0]!;
  return { id, day: today, ruleSet: evaluated?.ruleSet ?? null, warnings, escalation: plan };
}

/** A check posted by the person through the link. */
export async function checkThroughLink(
  db: Db,
  token: string,
  measures: Measures,
  today: string,
  ip: string | null,
) {
  const { c, facts } = await linkedCase(db, token, today);
  const actor = { userId: null, username: `check-link:${c.id}`, ip };
  return recordCheck(db, actor, c, facts, measures, today, true);
}

/** A check entered by the team (a community team member at the door, the station by phone). */
export async function checkByTeam(db: Db, scope: Scope, caseId: number, measures: Measures, today: string) {
  const c = await caseInScope(db, scope, caseId);
  if (c.status !== 'treating')
    throw new AppError(409, 'conflict', {
      vi: 'Ca bệnh này đã kết thúc điều trị.',
      en: 'This case has already left treatment.',
    });
  const person = Number(c.person_id);
  const facts = {
    birth: (await personCards(db.db, [person])).get(person)!.birth,
    checksToday: await checksOn(db, Number(c.id), today),
  };
  return recordCheck(db, scope, c, facts, measures, today, false);
}

/** Open (or all) escalations of a unit, the most urgent deadline first, with the person's name and phone. */
export async function listEscalations(
  db: Db,
  scope: Scope,
  unit: string,
  status: 'open' | 'handled',
  limit: number,
  offset: number,
) {
  const u = await unitInScope(db, scope, unit);
  const column = u.level === 1 ? 'e.province_code' : u.level === 2 ? 'e.district_code' : 'e.commune_code';
  let q = db.db
    .selectFrom('escalations as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .where('e.status', '=', status);
  if (u.level > 0) q = q.where(column, '=', u.code);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'e.id',
      'e.case_id',
      'e.commune_code',
      'e.warnings',
      'e.actor',
      'e.act_by',
      'e.call_115',
      'e.status',
      'e.created_at',
      'e.note',
      'c.person_id',
    ])
    .orderBy('e.act_by')
    .limit(limit)
    .offset(offset)
    .execute();
  const cards = await personCards(
    db.db,
    rows.map((r) => Number(r.person_id)),
  );
  return {
    total: Number(total),
    escalations: rows.map((r) => {
      const card = cards.get(Number(r.person_id));
      return {
        id: Number(r.id),
        caseId: Number(r.case_id),
        communeCode: r.commune_code,
        fullName: card?.fullName ?? '',
        phone: card?.phone ?? null,
        warnings: JSON.parse(r.warnings) as number[],
        actor: r.actor,
        actBy: r.act_by,
        call115: r.call_115 === 1,
        status: r.status,
        raisedAt: r.created_at,
        note: r.note,
      };
    }),
  };
}

/** The station (or the mobile station, the district) acted on an escalation. */
export async function handleEscalation(db: Db, scope: Scope, id: number, note: string | null) {
  const row = await db.db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
  const missing = () => notFound({ vi: 'Không tìm thấy cảnh báo.', en: 'Escalation not found.' });
  if (!row) throw missing();
  await recordInScope(db, scope, row.commune_code, missing, row);
  const handled_at = new Date().toISOString();
  await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .updateTable('escalations')
        .set({ status: 'handled', handled_by: scope.userId, handled_at, note })
        .where('id', '=', id)
        .execute(),
    { action: 'update', entity: 'escalation', entityId: id, unitCode: row.commune_code },
  );
  return { id, status: 'handled', handledAt: handled_at, note };
}

/** Cases under treatment at home in a unit with fewer checks than the day asks (the missed checks list). */
export async function missedChecks(db: Db, scope: Scope, unit: string, day: string) {
  const u = await unitInScope(db, scope, unit);
  const column = u.level === 1 ? 'c.province_code' : u.level === 2 ? 'c.district_code' : 'c.commune_code';
  let q = db.db
    .selectFrom('cases as c')
    .leftJoin('daily_checks as d', (j) => j.onRef('d.case_id', '=', 'c.id').on('d.day', '=', day))
    .where('c.status', '=', 'treating')
    .where('c.confirmed_on', '<=', day)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_transfers as t')
            .select('t.id')
            .whereRef('t.case_id', '=', 'c.id')
            .where('t.place_of_care', '!=', 'home'),
        ),
      ),
    )
    .where('c.place_of_care', '=', 'home');
  if (u.level > 0) q = q.where(column, '=', u.code);
  const rows = await q
    .select(['c.id', 'c.commune_code', 'c.person_id', (eb) => eb.fn.count<number>('d.id').as('checks')])
    .groupBy(['c.id', 'c.commune_code', 'c.person_id'])
    .having((eb) => eb.fn.count('d.id'), '<', CHECKS_PER_DAY)
    .orderBy('c.id')
    .limit(500)
    .execute();
  const cards = await personCards(
    db.db,
    rows.map((r) => Number(r.person_id)),
  );
  return {
    day,
    cases: rows.map((r) => ({
      caseId: Number(r.id),
      communeCode: r.commune_code,
      fullName: cards.get(Number(r.person_id))?.fullName ?? '',
      phone: cards.get(Number(r.person_id))?.phone ?? null,
      checks: Number(r.checks),
    })),
  };
}
