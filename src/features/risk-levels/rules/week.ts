/** ISO weeks as the risk levels name them ("2022-W02"): Monday to Sunday, closing on the Sunday. Pure. */
import { addDays, isoWeek, weekStart } from '../../../core/dates.ts';

export const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** The Monday and Sunday of an ISO week, or null when the text is no week (W00, W54, W53 of a 52-week year, 0000-W40). */
export function weekDays(week: string): { monday: string; sunday: string } | null {
  const m = WEEK_PATTERN.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  // Years before 1900 are no week of this system (and JavaScript dates read 0–99 as 19xx).
  if (year < 1900 || n < 1 || n > 53) return null;
  // 4 January is always in week 1.
  const monday = addDays(weekStart(`${year}-01-04`), (n - 1) * 7);
  if (weekOf(monday) !== week) return null;
  return { monday, sunday: addDays(monday, 6) };
}

export function weekOf(day: string): string {
  const { year, week } = isoWeek(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function previousWeek(week: string): string {
  return weekOf(addDays(weekDays(week)!.monday, -7));
}

/** The last week whose Sunday is on or before `today`: the week the weekly assessment closes. */
export function lastClosedWeek(today: string): string {
  return weekOf(addDays(weekStart(today), -1));
}
