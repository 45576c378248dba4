/**
 * Vaccination sessions (buổi tiêm): where, when, which vaccine and how many doses; people invited from the
 * worklist; doses recorded at the session. Invitations are contact outcomes ("invited") tied to the session.
 */

import { vietnamToday } from '../../core/dates.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope } from '../admin-units/index.ts';
import { appendAudit, recordAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { personCards, personNotFound } from '../persons/index.ts';
import { communeInScope } from './access.ts';
import { type DoseResult, recordDose } from './doses-store.ts';
import { insertOutcomes } from './outcomes-store.ts';
import type { DoseKind } from './rules/dose-series.ts';
import type { VaccineId } from './rules/vaccines.ts';
import { refreshStatuses, syncStatuses, writeTransaction } from './status-store.ts';

export interface SessionInput {
  unitCode: string;
  place: string;
  date: string;
  vaccine: VaccineId;
  dosesAvailable: number;
  note?: string | null;
}

const sessionNotFound = () => notFound({ vi: 'Không tìm thấy buổi tiêm.', en: 'Session not found.' });

export async function createSession(db: Db, scope: Scope, input: SessionInput) {
  const commune = await communeInScope(db, scope, input.unitCode);
  return writeTransaction(db, async (trx) => {
    const row = {
      province_code: commune.province_code!,
      district_code: commune.district_code!,
      unit_code: commune.code,
      place: input.place,
      date: input.date,
      vaccine: input.vaccine,
      doses_available: input.dosesAvailable,
      note: input.note ?? null,
      created_by: scope.userId,
      created_at: new Date().toISOString(),
    };
    const { id } = await trx
      .insertInto('vaccination_sessions')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db, scope, [
      { action: 'create', entity: 'vaccination_session', entityId: id, unitCode: commune.code, details: row },
    ]);
    return { id, ...row };
  });
}

async function sessionInScope(db: Db, scope: Scope, id: number) {
  const session = await db.db
    .selectFrom('vaccination_sessions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!session) throw sessionNotFound();
  return recordInScope(db, scope, session.unit_code, sessionNotFound, session);
}

/** Sessions of a unit and the units below it, newest first, with invitations and doses given. */
export async function listSessions(db: Db, scope: Scope, unitCode: string) {
  const unit = await unitInScope(db, scope, unitCode);
  let q = db.db.selectFrom('vaccination_sessions as s').select((eb) => [
    's.id',
    's.unit_code',
    's.place',
    's.date',
    's.vaccine',
    's.doses_available',
    's.note',
    eb
      .selectFrom('contact_outcomes as o')
      .select((e) => e.fn.count<number>('o.person_id').distinct().as('n'))
      .whereRef('o.session_id', '=', 's.id')
      .where('o.outcome', '=', 'invited')
      .as('invited'),
    eb
      .selectFrom('doses as d')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('d.session_id', '=', 's.id')
      .as('doses_given'),
  ]);
  if (unit.level > 0)
    q = q.where(
      unit.level === 1 ? 's.province_code' : unit.level === 2 ? 's.district_code' : 's.unit_code',
      '=',
      unit.code,
    );
  const sessions = await q.orderBy('s.date', 'desc').orderBy('s.id', 'desc').limit(500).execute();
  return {
    sessions: sessions.map((s) => ({
      ...s,
      invited: Number(s.invited ?? 0),
      doses_given: Number(s.doses_given ?? 0),
    })),
  };
}

/** The session with its invitees (last session outcome and vaccination status) and the doses recorded; audited. */
export async function sessionRoster(db: Db, scope: Scope, id: number, today = vietnamToday()) {
  const session = await sessionInScope(db, scope, id);
  await syncStatuses(db, today);
  const outcomeRows = await db.db
    .selectFrom('contact_outcomes as o')
    .leftJoin('vaccination_status as s', 's.person_id', 'o.person_id')
    .select([
      'o.id',
      'o.person_id',
      'o.outcome',
      'o.reason',
      'o.date',
      's.coverage',
      's.next_kind',
      's.next_number',
      's.next_due_from',
    ])
    .where('o.session_id', '=', id)
    .orderBy('o.id')
    .execute();
  const doseRows = await db.db
    .selectFrom('doses as d')
    .select(['d.id', 'd.person_id', 'd.vaccine', 'd.kind', 'd.dose_number', 'd.date', 'd.lot'])
    .where('d.session_id', '=', id)
    .orderBy('d.id')
    .execute();
  const cards = await personCards(db.db, [
    ...outcomeRows.map((o) => o.person_id),
    ...doseRows.map((d) => d.person_id),
  ]);
  const outcomes = outcomeRows.flatMap(({ coverage, next_kind, next_number, next_due_from, ...o }) => {
    const p = cards.get(o.person_id);
    return p
      ? [
          {
            ...o,
            full_name: p.fullName,
            birth_date: p.birthDate,
            birth_year: p.birthYear,
            phone: p.phone,
            coverage,
            next_kind,
            next_number,
            next_due_from,
          },
        ]
      : [];
  });
  const invitees = new Map<number, (typeof outcomes)[number]>();
  for (const o of outcomes) invitees.set(o.person_id, o);
  const doses = doseRows.flatMap(({ id: doseId, person_id, ...d }) => {
    const p = cards.get(person_id);
    return p ? [{ id: doseId, person_id, full_name: p.fullName, ...d }] : [];
  });
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'vaccination_session',
      entityId: id,
      unitCode: session.unit_code,
      details: { invitees: invitees.size, doses: doses.length },
    },
  ]);
  return {
    session: { ...session, doses_left: session.doses_available - doses.length },
    invitees: [...invitees.values()],
    doses,
  };
}

/** Invites persons of the session's commune (from its worklist); those already invited are left as they are. */
export async function inviteToSession(
  db: Db,
  scope: Scope,
  id: number,
  personIds: number[],
  today = vietnamToday(),
) {
  const session = await sessionInScope(db, scope, id);
  const persons = [...(await personCards(db.db, personIds)).values()]
    .filter((p) => p.communeCode === session.unit_code && !p.mergedInto)
    .map((p) => ({ id: p.id, province_code: p.provinceCode, commune_code: p.communeCode }));
  if (persons.length !== new Set(personIds).size) throw personNotFound();
  const already = new Set(
    (
      await db.db
        .selectFrom('contact_outcomes')
        .select('person_id')
        .where('session_id', '=', id)
        .where('outcome', '=', 'invited')
        .execute()
    ).map((o) => o.person_id),
  );
  const fresh = persons.filter((p) => !already.has(p.id));
  await writeTransaction(db, async (trx) => {
    // Invitations are written on the persons' status rows: make sure they are there.
    await refreshStatuses(
      db,
      trx,
      fresh.map((p) => p.id),
      today,
    );
    for (const p of fresh)
      await insertOutcomes(
        trx,
        p,
        { outcome: 'invited', reason: null, until: null, date: today, sessionId: id },
        scope.userId,
      );
    await appendAudit(trx, db, scope, [
      {
        action: 'create',
        entity: 'session_invitation',
        entityId: id,
        unitCode: session.unit_code,
        details: { invited: fresh.map((p) => p.id) },
      },
    ]);
  });
  return { invited: fresh.length, alreadyInvited: persons.length - fresh.length };
}

export interface SessionDoseInput {
  personId: number;
  kind?: DoseKind;
  doseNumber?: number;
  lot?: string | null;
}

/** Records the doses given at the session (its date, vaccine and place), each checked on its own. */
export async function recordSessionDoses(
  db: Db,
  scope: Scope,
  id: number,
  doses: SessionDoseInput[],
  today = vietnamToday(),
) {
  const session = await sessionInScope(db, scope, id);
  const results: ({ personId: number } & (DoseResult | { result: 'rejected'; reason: AppError['text'] }))[] =
    [];
  for (const d of doses) {
    try {
      const recorded = await recordDose(
        db,
        scope,
        d.personId,
        {
          vaccine: session.vaccine as VaccineId,
          date: session.date,
          kind: d.kind,
          doseNumber: d.doseNumber,
          site: session.place,
          lot: d.lot ?? null,
          sessionId: id,
        },
        today,
      );
      results.push({ personId: d.personId, ...recorded });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      results.push({ personId: d.personId, result: 'rejected', reason: error.text });
    }
  }
  return { results };
}
