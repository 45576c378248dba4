/** Dates as Vietnamese documents write them: "06/12/2021", "6-12-2021", "11 tháng 10 năm 2021", "15/12". */

export interface DayMonthYear {
  day: number;
  month: number;
  year: number | null;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** yyyy-mm-dd, or null when a part is missing or the day does not exist. */
export function isoDate(year: number | null, month: number | null, day: number | null): string | null {
  if (year === null || month === null || day === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Source of one date, numeric or in words; the year may be left out ("trước ngày 15/12"). */
export const DATE_PATTERN = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/.-]\d)|(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,?\s*năm\s+(\d{4}))?`;

const DATE_AT = new RegExp(DATE_PATTERN, 'iuy');

/** Reads a date starting exactly at `index`; `end` is where it stops. */
export function readDateAt(text: string, index: number): (DayMonthYear & { end: number }) | null {
  DATE_AT.lastIndex = index;
  const m = DATE_AT.exec(text);
  if (!m) return null;
  return { ...dateFromGroups(m, 1), end: DATE_AT.lastIndex };
}

/** Interprets the six groups of DATE_PATTERN starting at group `first`. */
export function dateFromGroups(m: RegExpExecArray, first: number): DayMonthYear {
  const numeric = m[first] !== undefined;
  const day = Number(numeric ? m[first] : m[first + 3]);
  const month = Number(numeric ? m[first + 1] : m[first + 4]);
  const yearText = numeric ? m[first + 2] : m[first + 5];
  return { day, month, year: yearText === undefined ? null : Number(yearText) };
}

/** A date without a year belongs to the letter's year, or the next one when its month has passed. */
export function completeYear(
  date: { month: number; year: number | null },
  context: { year: number | null; month: number | null },
): number | null {
  if (date.year !== null) return date.year;
  if (context.year === null) return null;
  return context.month !== null && date.month < context.month ? context.year + 1 : context.year;
}
