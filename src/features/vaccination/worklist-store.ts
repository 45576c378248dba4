/**
 * Worklists for a commune or a village (journey 3): who is not vaccinated, whose next dose is due, whose is
 * overdue, with phones and the last contact outcome; and the "no one missed" account of seed 004: every
 * eligible resident is vaccinated, on schedule, or has a recorded reason — the rest are listed by name.
 * Personal data: every read is audited.
 */
import { sql } from 'kysely';
import { vietnamToday } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { placeColumn, unitInScope } from '../admin-units/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { maskNationalId, personCards } from '../persons/index.ts';
import { communeInScope } from './access.ts';
import { bandsFrom } from './rules/age-groups.ts';
import { type ContactOutcome, isRecordedReason } from './rules/contact-outcomes.ts';
import { WORKLISTS } from './schemas.ts';
import { syncStatuses } from './status-store.ts';

export { WORKLISTS };
export type Worklist = (typeof WORKLISTS)[number];

export interface WorklistFilter {
  unitCode: string;
  villageId?: number;
  list: Worklist;
  minAge: number;
  /** Leave out people whose last contact gave a reason (refused, deferred, moved…). */
  withoutReason?: boolean;
}

/** The longest worklist served: a large commune's adults. */
const WORKLIST_LIMIT = 20_000;
/** Rows of a worklist page: a screenful or two on a phone, a few kB on a slow link. */
export const WORKLIST_PAGE = 50;
const MISSED_SHOWN = 1_000;

/** Statuses of counted persons, with their village's name; the persons' names come from the registry. */
function statusRows(db: Db) {
  return db.db
    .selectFrom('vaccination_status as s')
    .leftJoin('villages as v', 'v.id', 's.village_id')
    .select([
      's.person_id',
      's.village_id',
      'v.name as village_name',
      's.age_band',
      's.coverage',
      's.next_kind',
      's.next_number',
      's.next_due_from',
      's.next_overdue_from',
      's.outcome',
      's.outcome_reason',
      's.outcome_until',
      's.outcome_date',
    ])
    .where('s.counted', '=', 1);
}

type StatusRow = Awaited<ReturnType<ReturnType<typeof statusRows>['execute']>>[number];

/** The rows with their persons' cards, by village name then name (people without a village last), at most `limit`. */
async function withPersons(db: Db, rows: StatusRow[], limit: number) {
  const cards = await personCards(
    db.db,
    rows.map((r) => r.person_id),
  );
  const compare = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
  return rows
    .flatMap((r) => {
      const p = cards.get(r.person_id);
      return p ? [{ ...r, p }] : [];
    })
    .sort(
      (a, b) =>
        compare(a.village_name, b.village_name) || compare(a.p.nameFolded, b.p.nameFolded) || a.p.id - b.p.id,
    )
    .slice(0, limit);
}

type PersonRow = Awaited<ReturnType<typeof withPersons>>[number];

function entry(r: PersonRow, today: string) {
  const outcome = r.outcome
    ? {
        outcome: r.outcome as ContactOutcome,
        reason: r.outcome_reason,
        until: r.outcome_until,
        date: r.outcome_date!,
      }
    : null;
  const list: Exclude<Worklist, 'all'> =
    r.coverage === 'notVaccinated'
      ? 'notVaccinated'
      : r.next_overdue_from && r.next_overdue_from <= today
        ? 'overdue'
        : 'due';
  return {
    personId: r.p.id,
    fullName: r.p.fullName,
    birthDate: r.p.birthDate,
    birthYear: r.p.birthYear,
    sex: r.p.sex,
    phone: r.p.phone,
    nationalId: r.p.nationalId,
    villageId: r.village_id,
    villageName: r.village_name,
    ageBand: r.age_band,
    coverage: r.coverage,
    list,
    next: r.next_kind
      ? {
          kind: r.next_kind,
          number: r.next_number,
          dueFrom: r.next_due_from,
          overdueFrom: r.next_overdue_from,
        }
      : null,
    outcome,
    hasReason: isRecordedReason(outcome, today),
  };
}

export type WorklistEntry = ReturnType<typeof entry>;

/** An entry for a list on screen: the national ID reduced to its last digits. */
const masked = (e: WorklistEntry): WorklistEntry => ({
  ...e,
  nationalId: e.nationalId && maskNationalId(e.nationalId),
});

/** The whole list, in order (the .xlsx the community team prints); audited. */
export async function worklist(db: Db, scope: Scope, f: WorklistFilter, today = vietnamToday()) {
  const { commune, persons } = await entries(db, scope, f, today);
  await auditRead(db, scope, commune.code, { ...f, shown: persons.length }, persons);
  return { unit: { code: commune.code, name: commune.name_with_type }, asOf: today, ...f, persons };
}

/**
 * One page of the list for a screen (a phone on a slow link gets 50 rows, not the commune), with the counts of
 * the whole list; national IDs masked. Audited.
 */
export async function worklistPage(
  db: Db,
  scope: Scope,
  f: WorklistFilter & { page: number; exceptSession?: number },
  today = vietnamToday(),
) {
  const { page, exceptSession, ...filter } = f;
  const { commune, persons: all } = await entries(db, scope, filter, today);
  const invited = exceptSession ? await invitedTo(db, exceptSession, commune.code) : new Set<number>();
  const persons = invited.size ? all.filter((p) => !invited.has(p.personId)) : all;
  const counts = { total: persons.length, notVaccinated: 0, due: 0, overdue: 0, withReason: 0 };
  for (const p of persons) {
    counts[p.list] += 1;
    if (p.hasReason) counts.withReason += 1;
  }
  const shown = persons.slice((page - 1) * WORKLIST_PAGE, page * WORKLIST_PAGE).map(masked);
  await auditRead(db, scope, commune.code, { ...f, shown: shown.length }, shown);
  return {
    unit: { code: commune.code, name: commune.name_with_type },
    asOf: today,
    counts,
    page,
    pageSize: WORKLIST_PAGE,
    persons: shown,
  };
}

async function entries(db: Db, scope: Scope, f: WorklistFilter, today: string) {
  const commune = await communeInScope(db, scope, f.unitCode);
  await syncStatuses(db, today);
  let q = statusRows(db)
    .where('s.commune_code', '=', commune.code)
    .where('s.age_band', 'in', bandsFrom(f.minAge));
  if (f.villageId) q = q.where('s.village_id', '=', f.villageId);
  if (f.list === 'notVaccinated') q = q.where('s.coverage', '=', 'notVaccinated');
  else if (f.list === 'due')
    q = q.where('s.next_due_from', '<=', today).where('s.next_overdue_from', '>', today);
  else if (f.list === 'overdue') q = q.where('s.next_overdue_from', '<=', today);
  else
    q = q.where((eb) => eb.or([eb('s.coverage', '=', 'notVaccinated'), eb('s.next_due_from', '<=', today)]));
  const rows = await withPersons(db, await q.execute(), WORKLIST_LIMIT);
  const persons = rows.map((r) => entry(r, today)).filter((e) => !f.withoutReason || !e.hasReason);
  return { commune, persons };
}

/** Persons of the commune already invited to one of its sessions (the invitation picker leaves them out). */
async function invitedTo(db: Db, sessionId: number, communeCode: string) {
  const rows = await db.db
    .selectFrom('contact_outcomes as o')
    .innerJoin('vaccination_sessions as v', 'v.id', 'o.session_id')
    .select('o.person_id')
    .where('o.session_id', '=', sessionId)
    .where('v.unit_code', '=', communeCode)
    .where('o.outcome', '=', 'invited')
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

function auditRead(
  db: Db,
  scope: Scope,
  unitCode: string,
  details: Record<string, unknown>,
  persons: readonly WorklistEntry[],
) {
  return recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'vaccination_worklist',
      unitCode,
      details: { ...details, ids: persons.slice(0, 200).map((p) => p.personId) },
    },
  ]);
}

const REASON_OUTCOMES = ['refused', 'contraindicated', 'moved', 'wrongData'] as const;

/**
 * The account of seed 004's "no one missed" for a unit: eligible residents (aged minAge and over) in four
 * classes — series complete, in progress (next dose not yet overdue), not vaccinated but with a recorded
 * reason, missed — and the missed persons by name (communes and villages only: that is where they are found).
 */
export async function missed(db: Db, scope: Scope, unitCode: string, minAge: number, today = vietnamToday()) {
  const unit = await unitInScope(db, scope, unitCode);
  await syncStatuses(db, today);
  const column = placeColumn('s', unit.level);
  // Each condition is false, never null, on missing values: they are negated below.
  const complete = sql<boolean>`s.coverage in ('primaryComplete', 'booster')`;
  const inProgress = sql<boolean>`(s.coverage = 'partial' and s.next_overdue_from is not null and s.next_overdue_from > ${today})`;
  const reason = sql<boolean>`(s.outcome is not null and (s.outcome in (${sql.join([...REASON_OUTCOMES])}) or (s.outcome = 'deferred' and (s.outcome_until is null or s.outcome_until >= ${today}))))`;
  const classOf = sql<string>`case when ${complete} then 'complete' when ${inProgress} then 'inProgress' when ${reason} then 'withReason' else 'missed' end`;
  let q = db.db
    .selectFrom('vaccination_status as s')
    .where('s.counted', '=', 1)
    .where('s.age_band', 'in', bandsFrom(minAge));
  if (column) q = q.where(column, '=', unit.code);
  const counts = { eligible: 0, complete: 0, inProgress: 0, withReason: 0, missed: 0 };
  const classes = db.db
    .selectFrom(q.select(classOf.as('class')).as('c'))
    .select(['c.class', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.class');
  for (const r of await classes.execute()) {
    counts[r.class as keyof typeof counts] += Number(r.n);
    counts.eligible += Number(r.n);
  }
  const persons =
    unit.level === 3
      ? (
          await withPersons(
            db,
            await statusRows(db)
              .where('s.commune_code', '=', unit.code)
              .where('s.age_band', 'in', bandsFrom(minAge))
              .where(sql<boolean>`not (${complete}) and not (${inProgress}) and not ${reason}`)
              .execute(),
            MISSED_SHOWN,
          )
        ).map((r) => masked(entry(r, today)))
      : [];
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'vaccination_missed',
      unitCode: unit.code,
      details: {
        minAge,
        ...counts,
        shown: persons.length,
        ids: persons.slice(0, 200).map((p) => p.personId),
      },
    },
  ]);
  return {
    unit: { code: unit.code, name: unit.name_with_type },
    asOf: today,
    minAge,
    ...counts,
    /** True when every eligible resident is vaccinated, on schedule or has a recorded reason. */
    noOneMissed: counts.missed === 0,
    persons,
  };
}
