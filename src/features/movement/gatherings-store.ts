import type { Selectable } from 'kysely';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { placeColumn, recordInScope, unitInScope } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import { communeLevelsOnDay } from '../risk-levels/index.ts';
import {
  checkDecisionDate,
  type DecisionRecord,
  decisionView,
  GATHERING_WORKFLOW,
  insertAudited,
  reasonRequired,
  signedDecision,
  takeDecision,
} from './decisions.ts';
import type { OriginLevel } from './rules/arrival-rules.ts';
import { type GatheringConditions, gatheringConditions, type Venue } from './rules/gathering-rules.ts';
import type { GatheringTable } from './tables.ts';

export const GATHERING_KINDS = [
  'festival',
  'wedding',
  'funeral',
  'religious',
  'sport',
  'fair',
  'other',
] as const;

export interface GatheringInput {
  communeCode: string;
  name: string;
  kind: (typeof GATHERING_KINDS)[number];
  organiser: string;
  place: string;
  venue: Venue;
  date: string;
  participants: number;
  allParticipantsCovered: boolean;
}

const gatheringNotFound = () => notFound({ vi: 'Không tìm thấy sự kiện.', en: 'Event not found.' });

function view(g: Selectable<GatheringTable>) {
  return {
    id: Number(g.id),
    communeCode: g.commune_code,
    name: g.name,
    kind: g.kind,
    organiser: g.organiser,
    place: g.place,
    venue: g.venue,
    date: g.date,
    participants: g.participants,
    allParticipantsCovered: g.all_covered === 1,
    level: g.level,
    levelKnown: g.level_known === 1,
    conditions: JSON.parse(g.conditions) as GatheringConditions,
    status: g.status,
    decisionReason: g.decision_reason,
    decidedAt: g.decided_at,
    /** The approval or refusal as signed: number, date, signer (null before a decision, or before 0094). */
    decided:
      g.decision_number && g.decision_date
        ? decisionView(g.decision_number, g.decision_date, g.signer_name, g.signer_title)
        : null,
  };
}

/** The conditions for an event at its commune's level on its date (the latest known level for a later date). */
async function conditionsFor(db: Db, input: GatheringInput, today: string) {
  const day = input.date < today ? input.date : today;
  const level = (await communeLevelsOnDay(db, [input.communeCode], day)).get(input.communeCode);
  const c = gatheringConditions({
    date: input.date,
    level: (level?.level ?? null) as OriginLevel | null,
    venue: input.venue,
    participants: input.participants,
    allParticipantsCovered: input.allParticipantsCovered,
  });
  if (!c)
    throw badRequest({ vi: 'Chưa có quy định cho ngày này.', en: 'No rule set in force that day.' }, [
      {
        field: 'date',
        message: { vi: 'trước Nghị quyết 128 (12/10/2021)', en: 'before Resolution 128 (12/10/2021)' },
      },
    ]);
  return c;
}

/** A request to hold an event: recorded with its conditions and the system's proposal. Answers the event. */
export async function requestGathering(db: Db, scope: Scope, input: GatheringInput, today: string) {
  const commune = await unitInScope(db, scope, input.communeCode);
  if (commune.level !== 3)
    throw new AppError(
      422,
      'invalid_gathering',
      { vi: 'Sự kiện thuộc một xã.', en: 'An event belongs to a commune.' },
      [{ field: 'communeCode', message: { vi: 'phải là xã, phường, thị trấn', en: 'must be a commune' } }],
    );
  const c = await conditionsFor(db, input, today);
  const row = await insertAudited(
    db,
    scope,
    'gatherings',
    { entity: 'gathering', unitCode: commune.code },
    {
      province_code: commune.province_code!,
      district_code: commune.district_code!,
      commune_code: commune.code,
      name: input.name.trim(),
      kind: input.kind,
      organiser: input.organiser.trim(),
      place: input.place.trim(),
      venue: input.venue,
      date: input.date,
      participants: input.participants,
      all_covered: input.allParticipantsCovered ? 1 : 0,
      level: c.level,
      level_known: c.levelKnown ? 1 : 0,
      rule_set_id: c.ruleSet.id,
      conditions: JSON.stringify(c),
      status: 'requested',
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      decision_number: null,
      decision_date: null,
      signer_name: null,
      signer_title: null,
      created_by: scope.userId,
      created_at: new Date().toISOString(),
    },
  );
  return view(row);
}

/**
 * Approves or refuses a requested event by a signed decision (number, date not after `today`, signer). A
 * refusal gives its reasons; so does an approval against the system's proposal (the committee may know better,
 * and says why). Two officers deciding at once: the first wins, the other gets 409 `decided`.
 */
export async function decideGathering(
  db: Db,
  scope: Scope,
  id: number,
  d: DecisionRecord & { decision: 'approve' | 'refuse'; reason?: string | null },
  today: string,
) {
  const g = await db.db.selectFrom('gatherings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!g) throw gatheringNotFound();
  await recordInScope(db, scope, g.commune_code, gatheringNotFound, g);
  const proposal = (JSON.parse(g.conditions) as GatheringConditions).proposal;
  const reason = d.reason?.trim() || null;
  // An approval against the system's proposal says why too.
  if (!reason && g.status === 'requested' && proposal !== d.decision) throw reasonRequired();
  if (g.status === 'requested') checkDecisionDate(d, today);
  const signed = signedDecision(d);
  const decided = {
    decision_reason: reason,
    decided_by: scope.userId,
    decided_at: new Date().toISOString(),
    decision_number: signed.decisionNumber,
    decision_date: signed.decisionDate,
    signer_name: signed.signerName,
    signer_title: signed.signerTitle,
  };
  const status = await takeDecision(
    db,
    scope,
    GATHERING_WORKFLOW,
    {
      table: 'gatherings',
      entity: 'gathering',
      id,
      state: g.status as 'requested',
      unitCode: g.commune_code,
    },
    d.decision,
    {
      set: decided,
      reason,
      decided: { vi: 'Sự kiện đã được quyết định.', en: 'The event was already decided.' },
      details: { decided: signed },
    },
  );
  return view({ ...g, status, ...decided });
}

/** The unit's events between two days (and of a status), by date. Paged. */
export async function listGatherings(
  db: Db,
  scope: Scope,
  unitCode: string,
  f: { from: string; to: string; status?: string; limit: number; offset: number },
) {
  const unit = await unitInScope(db, scope, unitCode);
  const column = placeColumn('gatherings', unit.level);
  let q = db.db.selectFrom('gatherings').where('date', '>=', f.from).where('date', '<=', f.to);
  if (column) q = q.where(column, '=', unit.code);
  if (f.status) q = q.where('status', '=', f.status);
  const [{ n }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q.selectAll().orderBy('date').orderBy('id').limit(f.limit).offset(f.offset).execute(),
  ]);
  return { unit: unit.code, from: f.from, to: f.to, total: Number(n), gatherings: rows.map(view) };
}
