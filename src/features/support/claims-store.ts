/**
 * Support claims (Resolution 68, issue 17): the preview of what the unit's records make eligible, claims from
 * records or applications, review at the commune and approval at the district, one payment per person per
 * policy (the unique index `support_claims_one_payment`; a race lost on it answers the same 409 as the check
 * before it), the "no one missed" list. Every function takes the caller's scope and records its audit event.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../../core/dates.ts';
import { AppError, badRequest, conflict, notFound } from '../../core/errors.ts';
import { insertReturningIds } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { recordInScope, unitInScope, unitTree } from '../admin-units/index.ts';
import { appendAudit, recordAudit, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { type SupportEpisode, supportEpisodes } from '../cases/index.ts';
import { isUniqueViolation } from '../directives/index.ts';
import { personCards, personInScope } from '../persons/index.ts';
import { applicationDays, applicationProblems, claimAmount, isChild } from './rules/amounts.ts';
import {
  ACTIVE_CLAIM_STATES,
  CLAIM_LIFECYCLE,
  type ClaimAction,
  type ClaimState,
  PAYMENT_STATES,
  partiesOf,
} from './rules/claim-lifecycle.ts';
import {
  isRecordPolicy,
  RECORD_POLICIES,
  RESOLUTION_68,
  type RecordPolicy,
  SUPPORT_RULE_SETS,
  type SupportPolicyId,
  type SupportRuleSet,
} from './rules/policies.ts';
import type { SupportClaimTable } from './tables.ts';

export const claimNotFound = () => notFound({ vi: 'Không tìm thấy hồ sơ hỗ trợ.', en: 'Claim not found.' });

const unitColumn = (level: number) =>
  level === 1 ? 'province_code' : level === 2 ? 'district_code' : ('commune_code' as const);

/** The rule set records are paid under: the one whose period the policies run in (Resolution 68 today). */
const recordRuleSet = (): SupportRuleSet => SUPPORT_RULE_SETS.at(-1) ?? RESOLUTION_68;

export interface EligibleClaim {
  personId: number;
  policy: RecordPolicy;
  days: number;
  paidDays: number;
  amount: number;
  childSupplement: boolean;
  communeCode: string;
  firstDay: string;
  /** The records can still add days (treatment or quarantine not over while the policy runs). */
  open: boolean;
  provisional: boolean;
}

/**
 * What the records make eligible, per person and policy, set-based: one query per policy over the unit's cases
 * and contacts (cases/index.ts#supportEpisodes). A child's one-off supplement goes with the F0 claim when the
 * child was F0, else with the F1 claim.
 */
export async function eligibleFromRecords(
  db: Db,
  unit: { level: number; code: string },
  today: string,
  personIds?: readonly number[],
): Promise<EligibleClaim[]> {
  const set = recordRuleSet();
  const filter = { unitLevel: unit.level, unitCode: unit.code, personIds };
  const byPolicy = new Map<RecordPolicy, SupportEpisode[]>();
  for (const policy of RECORD_POLICIES) {
    const p = set.policies[policy];
    byPolicy.set(
      policy,
      await supportEpisodes(
        db,
        policy === 'f0Treatment' ? 'f0' : 'f1',
        filter,
        { from: p.periodFrom, to: p.periodTo },
        today,
      ),
    );
  }
  const childF0 = new Set<number>();
  const out: EligibleClaim[] = [];
  for (const policy of RECORD_POLICIES) {
    const p = set.policies[policy];
    for (const e of byPolicy.get(policy)!) {
      const child =
        isChild(e.birth, e.firstDay, set) && (policy === 'f0Treatment' || !childF0.has(e.personId));
      if (child && policy === 'f0Treatment') childF0.add(e.personId);
      const a = claimAmount(set, p, { days: e.days, childSupplement: child });
      out.push({
        personId: e.personId,
        policy,
        days: e.days,
        paidDays: a.paidDays ?? e.days,
        amount: a.amount,
        childSupplement: a.supplement > 0,
        communeCode: e.communeCode,
        firstDay: e.firstDay,
        open: e.open && today <= p.periodTo,
        provisional: p.provisional || (a.supplement > 0 && set.childSupplement.provisional),
      });
    }
  }
  return out;
}

/** Active claims (not rejected) of the record policies in the unit's province, by "person:policy". */
async function activeClaimsByKey(
  q: Kysely<Database>,
  provinceCode: string | null,
  personIds?: readonly number[],
) {
  let query = q
    .selectFrom('support_claims')
    .select(['id', 'person_id', 'policy', 'status', 'commune_code'])
    .where('status', 'in', [...ACTIVE_CLAIM_STATES]);
  if (provinceCode) query = query.where('province_code', '=', provinceCode);
  if (personIds) query = query.where('person_id', 'in', personIds.length ? [...personIds] : [-1]);
  const map = new Map<string, { id: number; status: string; commune_code: string }>();
  for (const r of await query.execute())
    map.set(`${r.person_id}:${r.policy}`, {
      id: Number(r.id),
      status: r.status,
      commune_code: r.commune_code,
    });
  return map;
}

/** POST /api/support/claims/preview: every claim the unit's records make eligible, and any claim already made. */
export async function previewClaims(db: Db, scope: Scope, unitCode: string, today: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const eligible = await eligibleFromRecords(db, unit, today);
  const claims = await activeClaimsByKey(db.db, unit.province_code ?? (unit.level === 1 ? unit.code : null));
  const set = recordRuleSet();
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'supportPreview',
      unitCode: unit.code,
      details: { claims: eligible.length },
    },
  ]);
  return {
    unit: unit.code,
    ruleSet: { id: set.id, name: set.name, legalBasis: set.legalBasis },
    claims: eligible.map((e) => {
      const made = claims.get(`${e.personId}:${e.policy}`);
      return { ...e, claimId: made?.id ?? null, claimStatus: made?.status ?? null };
    }),
  };
}

/** Eligible people with no claim yet, per commune, and one page of them with their names. */
export async function missedClaims(
  db: Db,
  scope: Scope,
  f: { unit: string; limit: number; offset: number },
  today: string,
) {
  const unit = await unitInScope(db, scope, f.unit);
  const eligible = await eligibleFromRecords(db, unit, today);
  const claims = await activeClaimsByKey(db.db, unit.province_code ?? (unit.level === 1 ? unit.code : null));
  const missed = eligible
    .filter((e) => !claims.has(`${e.personId}:${e.policy}`))
    .sort(
      (a, b) =>
        a.communeCode.localeCompare(b.communeCode) ||
        a.firstDay.localeCompare(b.firstDay) ||
        a.personId - b.personId,
    );
  const tree = await unitTree(db);
  const perCommune = new Map<string, { count: number; amount: number }>();
  for (const m of missed) {
    const c = perCommune.get(m.communeCode) ?? { count: 0, amount: 0 };
    c.count++;
    c.amount += m.amount;
    perCommune.set(m.communeCode, c);
  }
  const page = missed.slice(f.offset, f.offset + f.limit);
  const cards = await personCards(
    db.db,
    page.map((m) => m.personId),
  );
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'supportMissed',
      unitCode: unit.code,
      details: { shown: page.map((m) => m.personId) },
    },
  ]);
  return {
    total: missed.length,
    communes: [...perCommune].map(([code, c]) => ({
      code,
      name: tree.get(code)?.name_with_type ?? code,
      missed: c.count,
      amount: c.amount,
    })),
    people: page.map((m) => ({ ...m, fullName: cards.get(m.personId)?.fullName ?? '' })),
  };
}

type ClaimRow = Omit<SupportClaimTable, 'id'> & { id: number };

const claimView = (r: ClaimRow & { full_name?: string; commune_name?: string }) => ({
  id: Number(r.id),
  personId: Number(r.person_id),
  fullName: r.full_name ?? '',
  policy: r.policy as SupportPolicyId,
  ruleSetId: r.rule_set_id,
  source: r.source,
  communeCode: r.commune_code,
  communeName: r.commune_name ?? r.commune_code,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  days: Number(r.days),
  paidDays: r.paid_days === null ? null : Number(r.paid_days),
  childSupplement: Number(r.child_supplement) === 1,
  amount: Number(r.amount),
  provisional: Number(r.provisional) === 1,
  status: r.status as ClaimState,
  note: r.note,
  reason: r.reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
export type ClaimView = ReturnType<typeof claimView>;

/** 409 naming the earlier claim: its id, its commune and its state. */
async function duplicateClaim(db: Db, earlier: { id: number; commune_code: string; status: string }) {
  const tree = await unitTree(db);
  const commune = tree.get(earlier.commune_code)?.name_with_type ?? earlier.commune_code;
  const paid = (PAYMENT_STATES as readonly string[]).includes(earlier.status);
  return new AppError(409, 'duplicate_claim', {
    vi: `Người này đã có hồ sơ hỗ trợ theo chính sách này${paid ? ' được duyệt chi' : ''} (hồ sơ số ${earlier.id}, ${commune}): mỗi người chỉ được hỗ trợ một lần.`,
    en: `This person already has a claim under this policy${paid ? ' approved for payment' : ''} (claim ${earlier.id}, ${commune}): one payment per person per policy.`,
  });
}

async function earlierClaim(
  q: Kysely<Database>,
  personId: number,
  policy: string,
  states: readonly string[],
) {
  const row = await q
    .selectFrom('support_claims')
    .select(['id', 'commune_code', 'status'])
    .where('person_id', '=', personId)
    .where('policy', '=', policy)
    .where('status', 'in', [...states])
    .orderBy('id')
    .executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : null;
}

export interface ClaimInput {
  personId: number;
  policy: SupportPolicyId;
  /** The period of an application; a record policy without it is built from the records. */
  from?: string | null;
  to?: string | null;
  amount?: number | null;
  note?: string | null;
}

/**
 * A claim for a person of the registry: from the records (F0 / F1 without a period) or an application. A
 * person who already has a claim under the policy (anywhere, any commune) is refused with that claim's commune.
 */
export async function createClaim(db: Db, scope: Scope, input: ClaimInput, today: string) {
  const person = await personInScope(db, scope, input.personId);
  const set = recordRuleSet();
  const policy = set.policies[input.policy];
  const fromRecords = isRecordPolicy(input.policy) && !input.from && !input.to;
  let facts: {
    days: number;
    paidDays: number | null;
    amount: number;
    child: boolean;
    from: string | null;
    to: string | null;
  };
  if (fromRecords) {
    const e = (await eligibleFromRecords(db, { level: 0, code: 'VN' }, today, [person.id])).find(
      (x) => x.policy === input.policy,
    );
    if (!e) {
      const message = {
        vi: 'Hồ sơ ca bệnh, cách ly không có ngày nào trong thời hạn của chính sách: nhập thời gian điều trị, cách ly.',
        en: "The records hold no day inside the policy's dates: enter the period.",
      };
      throw badRequest(message, [{ field: 'from', message }]);
    }
    facts = {
      days: e.days,
      paidDays: e.paidDays,
      amount: e.amount,
      child: e.childSupplement,
      from: e.firstDay,
      to: null,
    };
  } else {
    const problems = applicationProblems(policy, input, today);
    if (problems.length) throw badRequest(problems[0]!.message, problems);
    const days = applicationDays(policy, input);
    const child =
      isRecordPolicy(input.policy) &&
      isChild(person.birth, input.from!, set) &&
      !(await db.db
        .selectFrom('support_claims')
        .select('id')
        .where('person_id', '=', person.id)
        .where('child_supplement', '=', 1)
        .where('status', 'in', [...ACTIVE_CLAIM_STATES])
        .executeTakeFirst());
    const a = claimAmount(set, policy, { days, childSupplement: child, entered: input.amount ?? null });
    if (a.ineligible) throw badRequest(a.ineligible, [{ field: 'to', message: a.ineligible }]);
    facts = {
      days,
      paidDays: a.paidDays,
      amount: a.amount,
      child: a.supplement > 0,
      from: input.from ?? null,
      to: input.to ?? null,
    };
  }
  const earlier = await earlierClaim(db.db, person.id, input.policy, ACTIVE_CLAIM_STATES);
  if (earlier) throw await duplicateClaim(db, earlier);
  const now = new Date().toISOString();
  const row = {
    province_code: person.provinceCode,
    district_code: person.districtCode,
    commune_code: person.communeCode,
    person_id: person.id,
    policy: input.policy,
    rule_set_id: set.id,
    source: fromRecords ? 'records' : 'application',
    period_from: facts.from,
    period_to: facts.to,
    days: facts.days,
    paid_days: facts.paidDays,
    child_supplement: facts.child ? 1 : 0,
    amount: facts.amount,
    provisional: policy.provisional || (facts.child && set.childSupplement.provisional) ? 1 : 0,
    status: 'submitted',
    note: input.note ?? null,
    reason: null,
    created_by: scope.userId,
    created_at: now,
    updated_at: now,
  };
  const id = await writeAudited(
    db,
    scope,
    async (trx) => {
      const [claimId] = await insertReturningIds(db, trx, 'support_claims', [row]);
      await trx
        .insertInto('support_claim_events')
        .values({
          province_code: row.province_code,
          claim_id: claimId!,
          action: 'submit',
          from_state: null,
          to_state: 'submitted',
          note: row.note,
          user_id: scope.userId,
          username: scope.username,
          at: now,
        })
        .execute();
      return claimId!;
    },
    (claimId) => ({
      action: 'create',
      entity: 'supportClaim',
      entityId: claimId,
      unitCode: row.commune_code,
      details: { personId: row.person_id, policy: row.policy, amount: row.amount },
    }),
  );
  return claimView({
    ...row,
    id,
    full_name: person.fullName,
    commune_name: await communeName(db, row.commune_code),
  });
}

async function communeName(db: Db, code: string) {
  return (await unitTree(db)).get(code)?.name_with_type ?? code;
}

/**
 * Claims for everyone the unit's records make eligible and who has none yet (closed records only: a treatment
 * or quarantine still running waits), in one transaction, audited as one event.
 */
export async function claimsFromRecords(db: Db, scope: Scope, unitCode: string, today: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const eligible = (await eligibleFromRecords(db, unit, today)).filter((e) => !e.open);
  const set = recordRuleSet();
  const tree = await unitTree(db);
  const now = new Date().toISOString();
  return db.db.transaction().execute(async (trx) => {
    const claims = await activeClaimsByKey(trx, null, [...new Set(eligible.map((e) => e.personId))]);
    const rows = eligible
      .filter((e) => !claims.has(`${e.personId}:${e.policy}`))
      .map((e) => {
        const c = tree.get(e.communeCode)!;
        return {
          province_code: c.province_code!,
          district_code: c.district_code!,
          commune_code: e.communeCode,
          person_id: e.personId,
          policy: e.policy,
          rule_set_id: set.id,
          source: 'records',
          period_from: e.firstDay,
          period_to: null,
          days: e.days,
          paid_days: e.paidDays,
          child_supplement: e.childSupplement ? 1 : 0,
          amount: e.amount,
          provisional: e.provisional ? 1 : 0,
          status: 'submitted',
          note: null,
          reason: null,
          created_by: scope.userId,
          created_at: now,
          updated_at: now,
        };
      });
    const ids = rows.length ? await insertReturningIds(db, trx, 'support_claims', rows) : [];
    if (ids.length)
      for (let i = 0; i < ids.length; i += 1000)
        await trx
          .insertInto('support_claim_events')
          .values(
            ids.slice(i, i + 1000).map((id, k) => ({
              province_code: rows[i + k]!.province_code,
              claim_id: id,
              action: 'submit',
              from_state: null,
              to_state: 'submitted',
              note: null,
              user_id: scope.userId,
              username: scope.username,
              at: now,
            })),
          )
          .execute();
    await appendAudit(trx, db, scope, [
      {
        action: 'create',
        entity: 'supportClaim',
        unitCode: unit.code,
        details: { fromRecords: true, created: ids.length, ids: ids.slice(0, 1000) },
      },
    ]);
    return { created: ids.length, amount: rows.reduce((s, r) => s + r.amount, 0) };
  });
}

export interface ClaimFilter {
  unit: string;
  status?: ClaimState;
  policy?: SupportPolicyId;
  limit: number;
  offset: number;
}

async function claimsQuery(db: Db, scope: Scope, f: Omit<ClaimFilter, 'limit' | 'offset'>) {
  const unit = await unitInScope(db, scope, f.unit);
  let q = db.db.selectFrom('support_claims');
  if (unit.level > 0) q = q.where(unitColumn(unit.level), '=', unit.code);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.policy) q = q.where('policy', '=', f.policy);
  return { unit, q };
}

/** A page of the unit's claims, newest first, with the persons' names (audited: personal data). */
export async function listClaims(db: Db, scope: Scope, f: ClaimFilter) {
  const { unit, q } = await claimsQuery(db, scope, f);
  const { total, amount } = await q
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('amount').as('amount')])
    .executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  const cards = await personCards(
    db.db,
    rows.map((r) => Number(r.person_id)),
  );
  const tree = await unitTree(db);
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'supportClaim',
      unitCode: unit.code,
      details: { shown: rows.map((r) => Number(r.id)) },
    },
  ]);
  return {
    total: Number(total),
    amount: Number(amount ?? 0),
    claims: rows.map((r) =>
      claimView({
        ...r,
        id: Number(r.id),
        full_name: cards.get(Number(r.person_id))?.fullName ?? '',
        commune_name: tree.get(r.commune_code)?.name_with_type ?? r.commune_code,
      }),
    ),
  };
}

/** Every claim of a payment list (approved or paid), for the .xlsx: streamed in pages by id. */
export async function paymentClaims(db: Db, scope: Scope, f: { unit: string; policy?: SupportPolicyId }) {
  const { unit, q } = await claimsQuery(db, scope, f);
  const rows = await q
    .selectAll()
    .where('status', 'in', [...PAYMENT_STATES])
    .orderBy('commune_code')
    .orderBy('id')
    .execute();
  const cards = await personCards(
    db.db,
    rows.map((r) => Number(r.person_id)),
  );
  const tree = await unitTree(db);
  await recordAudit(db, scope, [
    { action: 'read', entity: 'supportPaymentList', unitCode: unit.code, details: { claims: rows.length } },
  ]);
  return {
    unit,
    claims: rows.map((r) => {
      const card = cards.get(Number(r.person_id));
      return {
        ...claimView({
          ...r,
          id: Number(r.id),
          full_name: card?.fullName ?? '',
          commune_name: tree.get(r.commune_code)?.name_with_type ?? r.commune_code,
        }),
        birthYear: card?.birthYear ?? null,
        villageName: card?.villageName ?? null,
        nationalId: card?.nationalId ?? null,
      };
    }),
  };
}

const refusalText = {
  state: {
    vi: 'Hồ sơ không ở trạng thái cho phép thao tác này.',
    en: 'The claim is not in a state that allows this.',
  },
  party: {
    vi: 'Xã xem xét hồ sơ, huyện phê duyệt và chi trả: cấp của bạn không làm bước này.',
    en: 'The commune reviews, the district approves and pays: your level does not take this step.',
  },
  reason: { vi: 'Cần ghi lý do.', en: 'A reason is required.' },
} as const;

/**
 * Takes a lifecycle action on a claim. Approval is where one payment per person per policy is enforced: a check
 * in the transaction, and the unique index for the race the check cannot see (two districts at once).
 */
export async function actOnClaim(db: Db, scope: Scope, id: number, action: ClaimAction, note: string | null) {
  const claim = await db.db.selectFrom('support_claims').selectAll().where('id', '=', id).executeTakeFirst();
  if (!claim) throw claimNotFound();
  await recordInScope(db, scope, claim.commune_code, claimNotFound, claim);
  const level = (await unitInScope(db, scope, scope.unitCode)).level;
  const from = claim.status as ClaimState;
  const t = CLAIM_LIFECYCLE.transition(from, action, partiesOf(level), note);
  if (!t.ok) {
    const message = refusalText[t.refusal];
    if (t.refusal === 'reason') throw badRequest(message, [{ field: 'note', message }]);
    throw conflict(message);
  }
  const now = new Date().toISOString();
  try {
    return await writeAudited(
      db,
      scope,
      async (trx) => {
        if (t.to === 'approved') {
          const earlier = await earlierClaim(trx, Number(claim.person_id), claim.policy, PAYMENT_STATES);
          if (earlier && earlier.id !== Number(claim.id)) throw await duplicateClaim(db, earlier);
        }
        const changed = await trx
          .updateTable('support_claims')
          .set({
            status: t.to,
            updated_at: now,
            ...(t.to === 'rejected' ? { reason: note } : {}),
          })
          .where('id', '=', id)
          .where('status', '=', from)
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1) throw conflict(refusalText.state);
        const e = CLAIM_LIFECYCLE.event(from, action, note);
        await trx
          .insertInto('support_claim_events')
          .values({
            province_code: claim.province_code,
            claim_id: id,
            action: e.action,
            from_state: e.from,
            to_state: e.to,
            note: e.note,
            user_id: scope.userId,
            username: scope.username,
            at: now,
          })
          .execute();
        return {
          ...claim,
          id: Number(claim.id),
          status: t.to,
          updated_at: now,
          reason: t.to === 'rejected' ? note : claim.reason,
        };
      },
      (c) => ({
        action: 'update',
        entity: 'supportClaim',
        entityId: c.id,
        unitCode: c.commune_code,
        details: { action, from, to: c.status },
      }),
    ).then(async (c) => {
      const card = (await personCards(db.db, [Number(c.person_id)])).get(Number(c.person_id));
      return claimView({
        ...c,
        full_name: card?.fullName ?? '',
        commune_name: await communeName(db, c.commune_code),
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const earlier = await earlierClaim(db.db, Number(claim.person_id), claim.policy, PAYMENT_STATES);
    throw earlier ? await duplicateClaim(db, earlier) : error;
  }
}

/**
 * A unit's support over a period (the weekly report): the claims approved and paid in it and their amounts, by
 * the day (Vietnam time) of the lifecycle event that approved or paid them. Aggregates: not audited.
 */
export async function supportFigures(db: Db, scope: Scope, unitCode: string, from: string, to: string) {
  const unit = await unitInScope(db, scope, unitCode);
  // Vietnam days from `from` to `to` as UTC instants (events keep ISO UTC times): 00:00 +07 is 17:00 Z the day before.
  const start = `${addDays(from, -1)}T17:00:00`;
  const end = `${to}T17:00:00`;
  const rows = await db.db
    .selectFrom('support_claim_events')
    .innerJoin('support_claims', 'support_claims.id', 'support_claim_events.claim_id')
    .select((eb) => [
      'support_claim_events.to_state as state',
      eb.fn.count<number>('support_claims.id').as('claims'),
      eb.fn.sum<number>('support_claims.amount').as('amount'),
    ])
    .where('support_claim_events.to_state', 'in', ['approved', 'paid'])
    .where('support_claim_events.at', '>=', start)
    .where('support_claim_events.at', '<', end)
    .$if(unit.level > 0, (q) => q.where(`support_claims.${unitColumn(unit.level)}`, '=', unit.code))
    .groupBy('support_claim_events.to_state')
    .execute();
  const of = (state: string) => rows.find((r) => r.state === state);
  return {
    approvedClaims: Number(of('approved')?.claims ?? 0),
    approvedAmount: Number(of('approved')?.amount ?? 0),
    paidClaims: Number(of('paid')?.claims ?? 0),
    paidAmount: Number(of('paid')?.amount ?? 0),
  };
}
