/** DHIS2 period identifiers (docs.dhis2.org, "Date and period format"): daily yyyyMMdd, ISO weekly yyyyWn. */
import { isoWeek } from '../../../core/dates.ts';

export type PeriodType = 'day' | 'week';

/** `2022-01-15` → `20220115` (day) or `2022W2` (its ISO week, without a leading zero). */
export function dhis2Period(day: string, type: PeriodType): string {
  if (type === 'day') return day.replaceAll('-', '');
  const { year, week } = isoWeek(day);
  return `${year}W${week}`;
}
