import type { Selectable } from 'kysely';
import { addDays } from '../../core/dates.ts';
import { AppError, badRequest, type FieldError, notFound } from '../../core/errors.ts';
import { ruleSetInForce, ruleSetRef } from '../../core/rule-sets.ts';
import { foldDiacritics } from '../../core/text.ts';
import { TtlCache } from '../../core/ttl-cache.ts';
import type { Db } from '../../db/connection.ts';
import { placeColumn, unitInScope, unitTree } from '../admin-units/index.ts';
import { recordAudit, writeAudited } from '../audit/index.ts';
import { formThrottled, type Scope, type ThrottleLevel } from '../auth/index.ts';
import { checkNationalId, holdersOfNationalIds, maskNationalId } from '../persons/index.ts';
import { communeLevelsOnDay } from '../risk-levels/index.ts';
import { holdDeclaration } from './declaration-batch.ts';
import {
  ARRIVAL_RULE_SETS,
  arrivalPlan,
  nextDue,
  type Obligation,
  type OriginLevel,
  type VaccinationState,
} from './rules/arrival-rules.ts';
import { arrivalDateProblems, testDateProblems } from './rules/declaration-input.ts';
import type { ArrivalTable } from './tables.ts';

export interface ArrivalInput {
  fullName: string;
  nationalId?: string | null;
  phone?: string | null;
  birthYear?: number | null;
  originCode: string;
  arrivalDate: string;
  vaccination: VaccinationState;
  test?: { kind: 'pcr' | 'rapidAntigen'; date: string; result: 'negative' | 'positive' } | null;
  stay: { communeCode: string; villageId?: number | null; address?: string | null };
}

/**
 * The public form's limit per address: 30 declarations free (a family, a commune office's shared line), then
 * waits doubling from 1 s to 30 s, forgotten after 10 minutes without one (the login throttle's counters). A
 * product choice: mobile networks put many phones behind one address, so the cap is a slowdown, not a block.
 */
export const DECLARATION_THROTTLE: ThrottleLevel = {
  free: 30,
  baseMs: 1000,
  capMs: 30_000,
  forgetAfterMs: 10 * 60_000,
};
const FORM = 'arrival-declaration';

const field = (name: string, vi: string, en: string): FieldError => ({ field: name, message: { vi, en } });
const unprocessable = (problems: FieldError[]) =>
  new AppError(422, 'invalid_declaration', problems[0]!.message, problems);

/**
 * Levels by (commune, day) for ten minutes: a Tết rush declares from the same few origins all day. The promise is
 * kept, so concurrent declarations from one origin wait for one lookup instead of each computing it.
 */
type Level = { level: number; week: string } | null;
const levelCache = new WeakMap<Db, TtlCache<string, Promise<Level>>>();
function originLevel(db: Db, code: string, day: string): Promise<Level> {
  let cache = levelCache.get(db);
  if (!cache) {
    cache = new TtlCache(10 * 60_000);
    levelCache.set(db, cache);
  }
  const key = `${code}|${day}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const found = communeLevelsOnDay(db, [code], day).then((m) => {
    const l = m.get(code);
    return l ? { level: l.level, week: l.week } : null;
  });
  cache.set(key, found);
  found.catch(() => cache.delete(key));
  return found;
}

/** Checks a declaration and works out its plan; throws 400/422 naming the field. */
async function prepare(db: Db, input: ArrivalInput, today: string) {
  const dateProblems = [
    ...arrivalDateProblems(input.arrivalDate, today),
    ...testDateProblems(input.test?.date, input.arrivalDate, today),
  ];
  if (dateProblems.length) throw badRequest(dateProblems[0]!.message, dateProblems);
  const tree = await unitTree(db);
  const origin = tree.get(input.originCode);
  if (origin?.level !== 3)
    throw unprocessable([
      field(
        'originCode',
        'Nơi đi phải là một xã, phường, thị trấn (mã GSO 5 chữ số).',
        'The origin must be a commune (a 5-digit GSO code).',
      ),
    ]);
  const stay = tree.get(input.stay.communeCode);
  if (stay?.level !== 3)
    throw unprocessable([
      field(
        'stay.communeCode',
        'Nơi lưu trú phải là một xã, phường, thị trấn.',
        'Where you stay must be a commune.',
      ),
    ]);
  if (input.stay.villageId) {
    const village = await db.db
      .selectFrom('villages')
      .select('commune_code')
      .where('id', '=', input.stay.villageId)
      .executeTakeFirst();
    if (village?.commune_code !== stay.code)
      throw unprocessable([
        field('stay.villageId', 'Thôn không thuộc xã đã chọn.', 'The village is not in that commune.'),
      ]);
  }
  let nationalId: string | null = null;
  if (input.nationalId) {
    const checked = checkNationalId(input.nationalId, { birthYear: input.birthYear ?? null });
    if (!checked.ok) throw badRequest(checked.reason, [{ field: 'nationalId', message: checked.reason }]);
    nationalId = checked.value;
  }
  // The level in force on the arrival day; for a planned arrival, the latest known (today's).
  const levelDay = input.arrivalDate < today ? input.arrivalDate : today;
  const level = await originLevel(db, origin.code, levelDay);
  const plan = arrivalPlan({
    arrivalDate: input.arrivalDate,
    originLevel: (level?.level ?? null) as OriginLevel | null,
    vaccination: input.vaccination,
    negativeTestOn: input.test?.result === 'negative' ? input.test.date : null,
  });
  if (!plan)
    throw badRequest({ vi: 'Chưa có quy định cho ngày đến này.', en: 'No rule set in force on that day.' }, [
      field('arrivalDate', 'trước Nghị quyết 128 (12/10/2021)', 'before Resolution 128 (12/10/2021)'),
    ]);
  // Linked to the registry person holding the national ID, if any (never told to the declarer).
  const holder = nationalId ? (await holdersOfNationalIds(db.db, [nationalId]))[0]?.person : null;
  return {
    row: {
      province_code: stay.province_code!,
      district_code: stay.district_code!,
      commune_code: stay.code,
      village_id: input.stay.villageId ?? null,
      address: input.stay.address ?? null,
      person_id: holder ? Number(holder.id) : null,
      full_name: input.fullName.trim(),
      name_folded: foldDiacritics(input.fullName.trim()),
      national_id: nationalId,
      phone: input.phone ?? null,
      birth_year: input.birthYear ?? null,
      origin_code: origin.code,
      origin_province_code: origin.province_code!,
      origin_district_code: origin.district_code!,
      origin_level: level?.level ?? null,
      origin_level_week: level?.week ?? null,
      arrival_date: input.arrivalDate,
      vaccination: input.vaccination,
      test_kind: input.test?.kind ?? null,
      test_date: input.test?.date ?? null,
      test_result: input.test?.result ?? null,
      rule_set_id: plan.ruleSet.id,
      obligations: JSON.stringify(plan.obligations),
      due_by: plan.dueBy,
      provisional: plan.provisional ? 1 : 0,
      created_at: new Date().toISOString(),
    },
    plan,
  };
}

/**
 * The public form (no account): throttled per address, linked to the registry by national ID when it matches,
 * answered "received" whatever happened — never whether the person is known.
 */
export async function declareArrivalPublic(db: Db, input: ArrivalInput, today: string, ip: string) {
  const now = new Date();
  const held = holdDeclaration(db, ip);
  try {
    if (await formThrottled(db, FORM, ip, DECLARATION_THROTTLE, now, held.others))
      throw new AppError(429, 'too_many_declarations', {
        vi: 'Địa chỉ mạng này đã gửi nhiều tờ khai. Vui lòng thử lại sau ít phút.',
        en: 'Many declarations came from this network address. Please try again in a few minutes.',
      });
    const { row } = await prepare(db, input, today);
    // Committed with the declarations that came meanwhile (group commit); answered once committed.
    await held.submit(FORM, DECLARATION_THROTTLE, row, now);
  } finally {
    held.release();
  }
  return { status: 'received' as const };
}

/** A declaration entered by staff (checkpoint, commune): within the caller's area; answers the record. */
export async function declareArrival(db: Db, scope: Scope, input: ArrivalInput, today: string) {
  await unitInScope(db, scope, input.stay.communeCode);
  const { row, plan } = await prepare(db, input, today);
  const saved = await writeAudited(
    db,
    scope,
    async (trx) => {
      const values = { ...row, channel: 'staff', created_by: scope.userId };
      const { id } = await trx
        .insertInto('arrivals')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(id), ...values };
    },
    (a) => ({
      action: 'create',
      entity: 'arrival',
      entityId: a.id,
      unitCode: a.commune_code,
      details: { channel: 'staff' },
    }),
  );
  return { ...view(saved, today, null), plan };
}

type ArrivalRow = Selectable<ArrivalTable>;

const ruleSetOf = (id: string) => ARRIVAL_RULE_SETS.find((s) => s.id === id)!;

/** One arrival as lists show it: the national ID masked, what is due on `day` and the last day of all. */
function view(a: Omit<ArrivalRow, 'id'> & { id: number | string }, day: string, villageName: string | null) {
  const obligations = JSON.parse(a.obligations) as Obligation[];
  const set = ruleSetOf(a.rule_set_id);
  return {
    id: Number(a.id),
    fullName: a.full_name,
    nationalId: a.national_id ? maskNationalId(a.national_id) : null,
    phone: a.phone,
    registered: a.person_id !== null,
    communeCode: a.commune_code,
    villageName,
    address: a.address,
    originCode: a.origin_code,
    originLevel: a.origin_level,
    arrivalDate: a.arrival_date,
    vaccination: a.vaccination,
    channel: a.channel,
    ruleSet: ruleSetRef(set, a.provisional === 1),
    obligations,
    dueNow: nextDue({ obligations }, day),
    dueBy: a.due_by,
    provisional: a.provisional === 1,
  };
}

const unitNotFound = () => notFound({ vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' });

/**
 * GET /api/arrivals: the unit's arrivals that still have something to do on `date` (arrived on or before it,
 * last obligation on or after it), nearest deadline first, with what each must do by when and the rule set in
 * force on the date. Paged; the read is audited.
 */
export async function listArrivals(
  db: Db,
  scope: Scope,
  unitCode: string,
  date: string,
  page: { limit: number; offset: number },
) {
  const unit = await unitInScope(db, scope, unitCode);
  const column = placeColumn('arrivals', unit.level);
  if (!column) throw unitNotFound();
  const base = db.db
    .selectFrom('arrivals')
    .where(column, '=', unit.code)
    .where('arrivals.arrival_date', '<=', date)
    .where('arrivals.due_by', '>=', date);
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .leftJoin('villages as v', 'v.id', 'arrivals.village_id')
      .selectAll('arrivals')
      .select('v.name as village_name')
      .orderBy('arrivals.due_by')
      .orderBy('arrivals.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  const set = ruleSetInForce(ARRIVAL_RULE_SETS, date);
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'arrival',
      unitCode: unit.code,
      details: { date, shown: rows.map((r) => Number(r.id)) },
    },
  ]);
  return {
    unit: unit.code,
    date,
    ruleSet: set ? ruleSetRef(set, true) : null,
    total: Number(n),
    arrivals: rows.map((r) => view(r, date, r.village_name)),
  };
}

/**
 * Tết forecast: declared arrivals within the unit by day and origin (province and district), from `from` for
 * `days` days. Counts only: no personal data.
 */
export async function arrivalForecast(db: Db, scope: Scope, unitCode: string, from: string, days: number) {
  const unit = await unitInScope(db, scope, unitCode);
  const column = placeColumn('arrivals', unit.level);
  if (!column) throw unitNotFound();
  const to = addDays(from, days - 1);
  const rows = await db.db
    .selectFrom('arrivals')
    .select(['arrival_date', 'origin_province_code', 'origin_district_code'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', unit.code)
    .where('arrival_date', '>=', from)
    .where('arrival_date', '<=', to)
    .groupBy(['arrival_date', 'origin_province_code', 'origin_district_code'])
    .orderBy('arrival_date')
    .execute();
  const tree = await unitTree(db);
  const name = (code: string) => tree.get(code)?.name_with_type ?? code;
  const byOrigin = new Map<
    string,
    {
      provinceCode: string;
      provinceName: string;
      districtCode: string;
      districtName: string;
      total: number;
      byDay: Record<string, number>;
    }
  >();
  const byDay: Record<string, number> = {};
  for (const r of rows) {
    const key = r.origin_district_code;
    const o = byOrigin.get(key) ?? {
      provinceCode: r.origin_province_code,
      provinceName: name(r.origin_province_code),
      districtCode: r.origin_district_code,
      districtName: name(r.origin_district_code),
      total: 0,
      byDay: {},
    };
    o.total += Number(r.n);
    o.byDay[r.arrival_date] = (o.byDay[r.arrival_date] ?? 0) + Number(r.n);
    byDay[r.arrival_date] = (byDay[r.arrival_date] ?? 0) + Number(r.n);
    byOrigin.set(key, o);
  }
  return {
    unit: unit.code,
    from,
    to,
    total: Object.values(byDay).reduce((a, b) => a + b, 0),
    byDay,
    origins: [...byOrigin.values()].sort((a, b) => b.total - a.total),
  };
}
