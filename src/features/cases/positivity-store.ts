import { addDays, weekStart } from '../../core/dates.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isWithin, unitInScope, unitTree } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import { isoWeekKey, weeklyPositivity } from './rules/testing.ts';

/** At most this many weeks in one answer (a wave's length). */
export const MAX_WEEKS = 26;

/**
 * Test positivity of a unit and of each unit directly below it, per ISO week from the week of `from` to that of
 * `to`: tests done, positive, rate. Read from the communes' maintained day rows (tests are counted on their
 * sample day; a pool's members each count once its result is in). Aggregates, not personal data.
 */
export async function positivityByWeek(db: Db, scope: Scope, f: { unit: string; from: string; to: string }) {
  const unit = await unitInScope(db, scope, f.unit);
  const first = weekStart(f.from);
  const last = addDays(weekStart(f.to), 6);
  if (f.to < f.from || (Date.parse(last) - Date.parse(first)) / 864e5 + 1 > MAX_WEEKS * 7) {
    const message = {
      vi: `Chọn từ 1 đến ${MAX_WEEKS} tuần.`,
      en: `Choose between 1 and ${MAX_WEEKS} weeks.`,
    };
    throw badRequest(message, [{ field: 'to', message }]);
  }
  const tree = await unitTree(db);
  let q = db.db
    .selectFrom('case_day_counts')
    .select(['commune_code', 'day', 'tests_done', 'tests_positive'])
    .where('day', '>=', first)
    .where('day', '<=', last)
    .where((eb) => eb.or([eb('tests_done', '!=', 0), eb('tests_positive', '!=', 0)]));
  if (unit.level > 0) {
    q = q.where('province_code', '=', unit.level === 1 ? unit.code : unit.province_code!);
    if (unit.level === 2) q = q.where('district_code', '=', unit.code);
    if (unit.level === 3) q = q.where('commune_code', '=', unit.code);
  }
  const rows = await q.execute();
  const children = unit.level < 3 ? tree.children(unit.code) : [];
  const weeks: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 7)) weeks.push(isoWeekKey(d));
  const series = (code: string) => {
    const days = rows
      .filter((r) => isWithin(tree.get(r.commune_code)!, code))
      .map((r) => ({ day: r.day, done: Number(r.tests_done), positive: Number(r.tests_positive) }));
    const byWeek = new Map(weeklyPositivity(days).map((w) => [w.week, w]));
    return weeks.map((week) => byWeek.get(week) ?? { week, testsDone: 0, testsPositive: 0, rate: null });
  };
  return {
    from: first,
    to: last,
    weeks,
    units: [unit, ...children].map((u) => ({
      code: u.code,
      name: u.name_with_type,
      level: u.level,
      weeks: series(u.code),
    })),
  };
}
