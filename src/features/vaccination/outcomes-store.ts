/** Contact outcomes: what the community team or the station recorded after contacting a person. */
import type { Kysely } from 'kysely';
import { vietnamToday } from '../../core/dates.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { personInScope } from '../persons/index.ts';
import { type ContactOutcome, deferralEndsBeforeContact, REASON_REQUIRED } from './rules/contact-outcomes.ts';
import { refreshStatuses, writeTransaction } from './status-store.ts';

export interface OutcomeInput {
  personId: number;
  outcome: ContactOutcome;
  reason?: string | null;
  /** A deferral's end. */
  until?: string | null;
  date?: string;
  sessionId?: number | null;
}

const invalid = (field: string, vi: string, en: string) =>
  badRequest({ vi, en }, [{ field, message: { vi, en } }]);

/** Writes outcomes and makes each the person's last one, inside the caller's transaction. */
export async function insertOutcomes(
  trx: Kysely<Database>,
  person: { id: number; province_code: string; commune_code: string },
  o: {
    outcome: ContactOutcome;
    reason: string | null;
    until: string | null;
    date: string;
    sessionId: number | null;
  },
  userId: number | null,
) {
  const { id } = await trx
    .insertInto('contact_outcomes')
    .values({
      person_id: person.id,
      province_code: person.province_code,
      commune_code: person.commune_code,
      outcome: o.outcome,
      reason: o.reason,
      until: o.until,
      date: o.date,
      session_id: o.sessionId,
      user_id: userId,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('vaccination_status')
    .set({ outcome: o.outcome, outcome_reason: o.reason, outcome_until: o.until, outcome_date: o.date })
    .where('person_id', '=', person.id)
    .execute();
  return id;
}

export async function recordOutcome(db: Db, scope: Scope, input: OutcomeInput, today = vietnamToday()) {
  const card = await personInScope(db, scope, input.personId);
  const person = { id: card.id, province_code: card.provinceCode, commune_code: card.communeCode };
  const reason = input.reason?.trim() || null;
  if (REASON_REQUIRED.has(input.outcome) && !reason)
    throw invalid('reason', 'Hãy ghi lý do.', 'Give the reason.');
  const date = input.date ?? today;
  if (date > today) throw invalid('date', 'Ngày liên hệ ở tương lai.', 'The contact date is in the future.');
  if (deferralEndsBeforeContact(input.until ?? null, date))
    throw invalid('until', 'Ngày hết tạm hoãn trước ngày liên hệ.', 'The deferral ends before the contact.');
  if (input.sessionId) {
    const session = await db.db
      .selectFrom('vaccination_sessions')
      .select('unit_code')
      .where('id', '=', input.sessionId)
      .executeTakeFirst();
    if (session?.unit_code !== person.commune_code)
      throw notFound({ vi: 'Không tìm thấy buổi tiêm của xã này.', en: 'No such session in this commune.' });
  }
  return writeTransaction(db, async (trx) => {
    // The outcome is written on the person's status row: make sure it is there (a person just registered).
    await refreshStatuses(db, trx, [person.id], today);
    const outcome = {
      outcome: input.outcome,
      reason,
      until: input.outcome === 'deferred' ? (input.until ?? null) : null,
      date,
      sessionId: input.sessionId ?? null,
    };
    const id = await insertOutcomes(trx, person, outcome, scope.userId);
    await appendAudit(trx, db, scope, [
      {
        action: 'create',
        entity: 'contact_outcome',
        entityId: id,
        unitCode: person.commune_code,
        details: { personId: person.id, ...outcome },
      },
    ]);
    return { id, personId: person.id, ...outcome };
  });
}
