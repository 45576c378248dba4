/**
 * Vaccination targets set by a unit (seed 004's is the demo's), and their progress for the unit or any unit
 * below it: people left, the pace of the last two weeks of activity, the projected date, and the communes
 * behind. Read from the counters; aggregates only.
 */

import { addDays, vietnamToday, weekStart } from '../../core/dates.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable } from '../../db/schema.ts';
import { isWithin, type UnitTree, unitInScope, unitTree } from '../admin-units/index.ts';
import { appendAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { communesUnder } from './access.ts';
import { bandCounts, counterCodes } from './coverage-store.ts';
import { type AgeBand, bandsFrom } from './rules/age-groups.ts';
import { type GoalProgress, goalProgress, PACE_WINDOW_DAYS } from './rules/targets.ts';
import { syncStatuses, writeTransaction } from './status-store.ts';

export interface TargetInput {
  unitCode: string;
  title: string;
  basis?: string | null;
  deadline: string;
  primary?: { minAge: number; percent: number } | null;
  booster?: { minAge: number; percent: number } | null;
  provisional?: boolean;
}

const targetNotFound = () => notFound({ vi: 'Không tìm thấy chỉ tiêu.', en: 'Target not found.' });

export async function createTarget(db: Db, scope: Scope, input: TargetInput) {
  const unit = await unitInScope(db, scope, input.unitCode);
  if (!input.primary && !input.booster) {
    const message = { vi: 'Hãy đặt ít nhất một chỉ tiêu.', en: 'Set at least one goal.' };
    throw badRequest(message, [{ field: 'primary', message }]);
  }
  return writeTransaction(db, async (trx) => {
    const row = {
      province_code: unit.province_code ?? (unit.level === 1 ? unit.code : null),
      unit_code: unit.code,
      title: input.title,
      basis: input.basis ?? null,
      deadline: input.deadline,
      primary_min_age: input.primary?.minAge ?? null,
      primary_percent: input.primary?.percent ?? null,
      booster_min_age: input.booster?.minAge ?? null,
      booster_percent: input.booster?.percent ?? null,
      provisional: input.provisional ? 1 : 0,
      created_by: scope.userId,
      created_at: new Date().toISOString(),
    };
    const { id } = await trx
      .insertInto('vaccination_targets')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db, scope, [
      { action: 'create', entity: 'vaccination_target', entityId: id, unitCode: unit.code, details: row },
    ]);
    return targetJson({ id, ...row });
  });
}

type TargetRow = Awaited<ReturnType<typeof targetRows>>[number];

function targetRows(db: Db) {
  return db.db.selectFrom('vaccination_targets').selectAll().orderBy('deadline').orderBy('id').execute();
}

function targetJson(t: Omit<TargetRow, 'created_by' | 'created_at'>) {
  return {
    id: t.id,
    unitCode: t.unit_code,
    title: t.title,
    basis: t.basis,
    deadline: t.deadline,
    primary: t.primary_min_age !== null ? { minAge: t.primary_min_age, percent: t.primary_percent! } : null,
    booster: t.booster_min_age !== null ? { minAge: t.booster_min_age, percent: t.booster_percent! } : null,
    provisional: t.provisional === 1,
  };
}

/** A target applies to its unit and every unit below; the caller sees those that apply to or lie within its area. */
const visible = (tree: UnitTree, t: { unit_code: string }, unitCode: string) => {
  const target = tree.get(t.unit_code);
  const unit = tree.get(unitCode);
  return !!target && !!unit && (isWithin(target, unitCode) || isWithin(unit, t.unit_code));
};

export async function listTargets(db: Db, scope: Scope, unitCode: string, today = vietnamToday()) {
  const unit = await unitInScope(db, scope, unitCode);
  await syncStatuses(db, today);
  const tree = await unitTree(db);
  const rows = (await targetRows(db)).filter((t) => visible(tree, t, unit.code));
  const targets = [];
  for (const t of rows) {
    // Progress for the asked unit when the target covers it, else for the target's own unit below it.
    const subject = isWithin(unit, t.unit_code) ? unit : tree.get(t.unit_code)!;
    targets.push({
      ...targetJson(t),
      progress: { unitCode: subject.code, ...(await goals(db, t, [subject], today)).get(subject.code)! },
    });
  }
  return { unit: { code: unit.code, name: unit.name_with_type }, asOf: today, targets };
}

export async function targetProgress(
  db: Db,
  scope: Scope,
  id: number,
  unitCode?: string,
  today = vietnamToday(),
) {
  const target = await db.db
    .selectFrom('vaccination_targets')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  const tree = await unitTree(db);
  if (!target || !visible(tree, target, scope.unitCode)) throw targetNotFound();
  const own = tree.get(target.unit_code)!;
  const unit = await unitInScope(
    db,
    scope,
    unitCode ?? (isWithin(own, scope.unitCode) ? own.code : scope.unitCode),
  );
  if (!isWithin(unit, target.unit_code)) {
    const message = { vi: 'Đơn vị không thuộc phạm vi chỉ tiêu.', en: 'The unit is outside the target.' };
    throw badRequest(message, [{ field: 'unit', message }]);
  }
  await syncStatuses(db, today);
  const communes = communesUnder(tree, unit);
  const progress = await goals(db, target, [unit, ...communes.filter((c) => c.code !== unit.code)], today);
  const behind = communes
    .filter((c) => c.code !== unit.code)
    .map((c) => ({ code: c.code, name: c.name_with_type, ...progress.get(c.code)! }))
    .filter((c) => (c.primary && !c.primary.onTrack) || (c.booster && !c.booster.onTrack))
    .sort((a, b) => remaining(b) - remaining(a));
  return {
    target: targetJson(target),
    unit: { code: unit.code, name: unit.name_with_type },
    asOf: today,
    ...progress.get(unit.code)!,
    behind,
  };
}

const remaining = (c: { primary: GoalProgress | null; booster: GoalProgress | null }) =>
  (c.primary?.remaining ?? 0) + (c.booster?.remaining ?? 0);

/**
 * Each unit's progress on the target's goals. The pace is measured over the two weeks that end with the
 * unit's last week of activity, not after today: a campaign that stopped is shown at the pace it had.
 */
async function goals(
  db: Db,
  t: Pick<
    TargetRow,
    'deadline' | 'primary_min_age' | 'primary_percent' | 'booster_min_age' | 'booster_percent'
  >,
  units: AdminUnitTable[],
  today: string,
) {
  const counts = await bandCounts(db, units);
  const codeOf = new Map<string, string>();
  for (const u of units) for (const code of await counterCodes(db, u)) codeOf.set(code, u.code);
  const milestones = await db.db
    .selectFrom('milestone_counters')
    .select(['unit_code', 'milestone', 'week', 'age_band', 'count'])
    .where('unit_code', 'in', [...codeOf.keys()])
    .where('milestone', 'in', ['primaryComplete', 'booster'])
    .where('week', '<=', weekStart(today))
    .execute();
  const weeksOf = new Map<string, typeof milestones>();
  for (const m of milestones) {
    const unit = codeOf.get(m.unit_code)!;
    weeksOf.set(unit, [...(weeksOf.get(unit) ?? []), m]);
  }
  const out = new Map<
    string,
    { windowEnd: string; primary: GoalProgress | null; booster: GoalProgress | null }
  >();
  for (const u of units) {
    const rows = weeksOf.get(u.code) ?? [];
    const lastWeek = rows.reduce((w, r) => (r.week > w ? r.week : w), '');
    const windowEnd = lastWeek ? [addDays(lastWeek, 6), today].sort()[0]! : today;
    const windowStart = addDays(weekStart(windowEnd), 7 - PACE_WINDOW_DAYS);
    const bands = counts.get(u.code)!;
    const goal = (
      minAge: number | null,
      percent: number | null,
      milestone: 'primaryComplete' | 'booster',
    ) => {
      if (minAge === null || percent === null) return null;
      const inGroup = new Set<AgeBand>(bandsFrom(minAge));
      let population = 0;
      let achieved = 0;
      for (const [band, c] of bands)
        if (inGroup.has(band as AgeBand)) {
          population += c.notVaccinated + c.partial + c.primaryComplete + c.booster;
          achieved += milestone === 'booster' ? c.booster : c.primaryComplete + c.booster;
        }
      const recentGains = rows
        .filter(
          (r) => r.milestone === milestone && r.week >= windowStart && inGroup.has(r.age_band as AgeBand),
        )
        .reduce((sum, r) => sum + r.count, 0);
      return goalProgress({ population, achieved, percent, recentGains, windowEnd, deadline: t.deadline });
    };
    out.set(u.code, {
      windowEnd,
      primary: goal(t.primary_min_age, t.primary_percent, 'primaryComplete'),
      booster: goal(t.booster_min_age, t.booster_percent, 'booster'),
    });
  }
  return out;
}
