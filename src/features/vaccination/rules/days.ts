/**
 * Calendar days as ISO strings (yyyy-mm-dd) and the arithmetic schedules need. Days are counted from
 * 1970-01-01 in UTC, so no time zone shifts a day; conversions are memoised because imports and the demo
 * compute millions of dates over a few thousand distinct days.
 */
import { vietnamDate } from '../../persons/rules/dates.ts';

const DAY_MS = 86_400_000;
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

/** Today in Vietnam (UTC+7), whatever the server's time zone. */
export function vietnamToday(now = new Date()): string {
  const d = vietnamDate(now);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
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
