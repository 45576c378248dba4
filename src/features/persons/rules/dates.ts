/**
 * Birth dates as communes type them: 05/03/1985, 5/3/85, 05-03-1985, 05.03.1985, 1985-03-05, a bare year,
 * an Excel date serial, or the Date object exceljs reads from a date cell.
 * Dates are returned as ISO strings (yyyy-mm-dd); "today" is the calendar date in Vietnam (UTC+7).
 */
import { type CalendarDate, vietnamDate } from '../../../core/dates.ts';
import type { Message } from '../../../core/errors.ts';

export type BirthDateResult =
  | { ok: true; date: string | null; year: number; precision: 'day' | 'year' }
  | { ok: false; reason: Message };

const DAY_MS = 86_400_000;
const FIRST_YEAR = 1900;
/** Excel's serial day 0, once its 1900 leap-year bug is accounted for (valid for serials ≥ 61). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const LAST_YEAR_NUMBER = 2999;
/** 31/12/9999, Excel's last date. */
const LAST_EXCEL_SERIAL = 2_958_465;

export function parseBirthDate(raw: string | number | Date | null | undefined, today: Date): BirthDateResult {
  const now = vietnamDate(today);
  if (raw == null || (typeof raw === 'string' && raw.trim() === ''))
    return fail('Thiếu ngày sinh (hoặc năm sinh).', 'The birth date (or year) is missing.');
  if (raw instanceof Date) return fromJsDate(raw, now);
  if (typeof raw === 'number') return fromNumber(raw, String(raw), now);
  return fromText(raw.normalize('NFKC').trim(), now);
}

/** 1985-03-05 → 05/03/1985; anything else is returned as it is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Age in completed years on today (Vietnam); with only a birth year, the age reached this year. */
export function ageOn(birth: { birthDate: string | null; birthYear: number }, today: Date): number {
  const now = vietnamDate(today);
  const age = now.year - birth.birthYear;
  if (!birth.birthDate) return age;
  const month = Number(birth.birthDate.slice(5, 7));
  const day = Number(birth.birthDate.slice(8, 10));
  return now.month < month || (now.month === month && now.day < day) ? age - 1 : age;
}

function fromText(text: string, now: CalendarDate): BirthDateResult {
  if (/^\d{4}$/.test(text)) return fromYear(Number(text), text, now);
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (ymd) return fromParts(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), text, now);
  const dmy = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/.exec(text);
  if (dmy) {
    const yearText = dmy[4] ?? '';
    let year = Number(yearText);
    // Two-digit years: up to this year's two digits means 20xx, beyond means 19xx (5/3/85 → 1985).
    if (yearText.length === 2) year += year <= now.year % 100 ? 2000 : 1900;
    return fromParts(year, Number(dmy[3]), Number(dmy[1]), text, now);
  }
  // A column formatted as Number exports serials as text (31048).
  if (/^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text), text, now);
  return fail(
    `Không đọc được ngày sinh “${text}”: ghi theo dạng ngày/tháng/năm (05/03/1985) hoặc năm sinh (1985).`,
    `Cannot read the birth date “${text}”: write day/month/year (05/03/1985) or the year (1985).`,
  );
}

/**
 * Four-digit integers are years; larger numbers are Excel serials (3000 = 1908-03-18 onwards, so that a
 * mistyped future year such as 2031 is not read as a day of 1905).
 */
function fromNumber(value: number, shown: string, now: CalendarDate): BirthDateResult {
  if (Number.isInteger(value) && value >= 1000 && value <= LAST_YEAR_NUMBER)
    return fromYear(value, shown, now);
  if (Number.isInteger(value) && value < 100)
    return fail(
      `Năm sinh “${shown}” chỉ có 2 chữ số: ghi đủ 4 chữ số (ví dụ 1985).`,
      `The birth year “${shown}” has two digits: write all four (e.g. 1985).`,
    );
  if (!Number.isFinite(value) || value <= LAST_YEAR_NUMBER || value > LAST_EXCEL_SERIAL)
    return fail(`“${shown}” không phải ngày sinh.`, `“${shown}” is not a birth date.`);
  // Excel counts days from 1899-12-30 (its fictitious 29/02/1900 shifts every later serial by one);
  // a fraction is the time of day.
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), shown, now);
}

/**
 * exceljs returns date cells as UTC midnight; a Date built in a local time zone is off by a few hours.
 * Rounding to the nearest UTC midnight reads both as the intended day.
 */
function fromJsDate(value: Date, now: CalendarDate): BirthDateResult {
  if (Number.isNaN(value.getTime()))
    return fail('Ngày sinh không hợp lệ.', 'The birth date is not a valid date.');
  const date = new Date(Math.round(value.getTime() / DAY_MS) * DAY_MS);
  const iso = date.toISOString().slice(0, 10);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), iso, now);
}

function fromYear(year: number, shown: string, now: CalendarDate): BirthDateResult {
  const problem = outOfRange({ year, month: 1, day: 1 }, shown, now, true);
  return problem ?? { ok: true, date: null, year, precision: 'year' };
}

function fromParts(
  year: number,
  month: number,
  day: number,
  shown: string,
  now: CalendarDate,
): BirthDateResult {
  if (month < 1 || month > 12)
    return fail(
      `Ngày sinh “${shown}”: không có tháng ${month}${day <= 12 ? ' (ngày và tháng bị đảo chỗ?)' : ''}.`,
      `Birth date “${shown}”: there is no month ${month}${day <= 12 ? ' (day and month swapped?)' : ''}.`,
    );
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    return fail(
      `Ngày sinh “${shown}” không tồn tại: tháng ${month}/${year} có ${days} ngày.`,
      `The birth date “${shown}” does not exist: ${year}-${pad(month)} has ${days} days.`,
    );
  const problem = outOfRange({ year, month, day }, shown, now, false);
  return problem ?? { ok: true, date: `${year}-${pad(month)}-${pad(day)}`, year, precision: 'day' };
}

function outOfRange(
  date: CalendarDate,
  shown: string,
  now: CalendarDate,
  yearOnly: boolean,
): { ok: false; reason: Message } | null {
  if (date.year < FIRST_YEAR)
    return fail(
      `Ngày sinh “${shown}” trước năm ${FIRST_YEAR}.`,
      `The birth date “${shown}” is before ${FIRST_YEAR}.`,
    );
  const future = yearOnly ? date.year > now.year : compare(date, now) > 0;
  if (future) return fail(`Ngày sinh “${shown}” ở tương lai.`, `The birth date “${shown}” is in the future.`);
  return null;
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fail(vi: string, en: string): { ok: false; reason: Message } {
  return { ok: false, reason: { vi, en } };
}
