/**
 * Calendar days in Vietnam, the one place "today" is decided. Days are ISO strings (yyyy-mm-dd) counted from
 * 1970-01-01 in UTC, so no time zone shifts a day; Vietnam is UTC+7 with no daylight saving. Conversions are
 * memoised because imports and the demo compute millions of dates over a few thousand distinct days.
 *
 * A demo may be run "as of" a day: SAFEADAPT_TODAY=yyyy-mm-dd replaces today everywhere the server asks for
 * it (a malformed value is refused with an error naming the variable). A database may keep such a day itself
 * (a demo's calendar, read when the CLI or the server opens it), so a demo keeps its calendar without the
 * variable; the variable still wins.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const numberOf = new Map<string, number>();
const isoOf = new Map<number, string>();

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

function dayNumber(day: string): number {
  let n = numberOf.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    numberOf.set(day, n);
  }
  return n;
}

function isoDay(n: number): string {
  let day = isoOf.get(n);
  if (day === undefined) {
    day = new Date(n * DAY_MS).toISOString().slice(0, 10);
    isoOf.set(n, day);
  }
  return day;
}

/** Whether the text is a real calendar day written yyyy-mm-dd (2021-02-30 is not). */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** The calendar date in Vietnam at the given instant: "today" must not depend on the server's time zone. */
export function vietnamDate(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The calendar day (yyyy-mm-dd) in Vietnam at an instant (a Date or an ISO timestamp). */
export function vietnamDay(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a day begins in Vietnam, as an ISO timestamp (2022-01-31 → 2022-01-30T17:00:00.000Z). */
export function vietnamDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS).toISOString();
}

/** The as-of day from SAFEADAPT_TODAY, or null when unset; throws when it is not a yyyy-mm-dd day. */
export function todayOverride(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.SAFEADAPT_TODAY?.trim();
  if (!value) return null;
  if (!isIsoDay(value))
    throw new Error(
      `SAFEADAPT_TODAY must be a calendar day written YYYY-MM-DD (e.g. 2021-11-30), not "${value}"`,
    );
  return value;
}

let storedToday: string | null = null;

/** The as-of day the opened database keeps (null: it follows the clock). */
export function setStoredToday(day: string | null) {
  if (day !== null && !isIsoDay(day))
    throw new Error(`The database's as-of day is not a calendar day: "${day}"`);
  storedToday = day;
}

/** Where today comes from: the clock, SAFEADAPT_TODAY, or the as-of day the database keeps. */
export function calendarSource(): 'clock' | 'environment' | 'database' {
  return todayOverride() ? 'environment' : storedToday ? 'database' : 'clock';
}

/**
 * Today in Vietnam (UTC+7), whatever the server's time zone; SAFEADAPT_TODAY, then the database's as-of day,
 * override it. With an explicit instant, the day in Vietnam at that instant (no override).
 */
export function vietnamToday(now?: Date): string {
  if (now) return vietnamDay(now);
  return todayOverride() ?? storedToday ?? vietnamDay(new Date());
}

/** Noon in Vietnam of a day, for the rules that take a Date (birth-date checks, ages). */
export function noonOf(day: string): Date {
  return new Date(Date.parse(`${day}T05:00:00Z`));
}

/** Today as an instant: noon in Vietnam of vietnamToday(), so vietnamDate() of it gives back today. */
export function vietnamTodayInstant(): Date {
  return noonOf(vietnamToday());
}

export function addDays(day: string, days: number): string {
  return isoDay(dayNumber(day) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Monday of the ISO week holding the day (1970-01-01 was a Thursday). */
export function weekStart(day: string): string {
  const n = dayNumber(day);
  return isoDay(n - ((n + 3) % 7));
}

/** ISO 8601 week: the week's year (that of its Thursday) and number (1–53). */
export function isoWeek(day: string): { year: number; week: number } {
  const thursday = addDays(weekStart(day), 3);
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1 };
}

/** Calendar months later; the 31st becomes the month's last day (31/08 + 3 months = 30/11). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The day someone born on `birth` reaches `years`: a 29 February birthday counts from 1 March. */
export function anniversary(birth: string, years: number): string {
  const year = Number(birth.slice(0, 4)) + years;
  const monthDay = birth.slice(5);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return monthDay === '02-29' && !leap ? `${year}-03-01` : `${year}-${monthDay}`;
}

/**
 * Completed years on `day`, as the registry's ageAt counts them (a birthday not yet reached this year, by
 * month and day, takes a year off), on strings: the demo and imports compute it for every person.
 */
export function ageOnDay(birth: string, day: string): number {
  const age = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? age - 1 : age;
}

/** 2021-11-30 → 30/11/2021, as lists and letters write dates. */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
