import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarSource,
  daysBetween,
  isIsoDay,
  isoWeek,
  setStoredToday,
  todayOverride,
  vietnamDate,
  vietnamDay,
  vietnamDayStart,
  vietnamToday,
  vietnamTodayInstant,
  weekStart,
} from './dates.ts';

describe('Vietnam calendar days', () => {
  const saved = process.env.SAFEADAPT_TODAY;
  afterEach(() => {
    setStoredToday(null);
    if (saved === undefined) delete process.env.SAFEADAPT_TODAY;
    else process.env.SAFEADAPT_TODAY = saved;
  });

  it("counts days in Vietnam's time (UTC+7), whatever the server's zone", () => {
    expect(vietnamDay('2022-01-31T16:59:59Z')).toBe('2022-01-31');
    expect(vietnamDay(new Date('2022-01-31T17:00:00Z'))).toBe('2022-02-01');
    expect(vietnamDate(new Date('2021-12-31T17:00:00Z'))).toEqual({ year: 2022, month: 1, day: 1 });
    expect(vietnamDayStart('2022-02-01')).toBe('2022-01-31T17:00:00.000Z');
    expect(vietnamToday(new Date('2021-11-29T18:00:00Z'))).toBe('2021-11-30');
  });

  it('takes today from SAFEADAPT_TODAY for a demo as of a day', () => {
    process.env.SAFEADAPT_TODAY = '2021-11-30';
    expect(vietnamToday()).toBe('2021-11-30');
    expect(vietnamDay(vietnamTodayInstant())).toBe('2021-11-30');
    expect(vietnamDate(vietnamTodayInstant())).toEqual({ year: 2021, month: 11, day: 30 });
    // An explicit instant is not overridden.
    expect(vietnamToday(new Date('2022-03-01T00:00:00Z'))).toBe('2022-03-01');
    delete process.env.SAFEADAPT_TODAY;
    expect(vietnamToday()).toBe(vietnamDay(new Date()));
  });

  it("follows the database's as-of day (a demo's calendar), which SAFEADAPT_TODAY still overrides", () => {
    delete process.env.SAFEADAPT_TODAY;
    expect(calendarSource()).toBe('clock');
    setStoredToday('2022-01-15');
    expect(vietnamToday()).toBe('2022-01-15');
    expect(vietnamDay(vietnamTodayInstant())).toBe('2022-01-15');
    expect(calendarSource()).toBe('database');
    process.env.SAFEADAPT_TODAY = '2021-11-30';
    expect(vietnamToday()).toBe('2021-11-30');
    expect(calendarSource()).toBe('environment');
    expect(() => setStoredToday('15/01/2022')).toThrow(/as-of day/);
  });

  it('refuses a malformed SAFEADAPT_TODAY with an error naming it', () => {
    for (const bad of ['30/11/2021', '2021-02-30', '2021-1-5', 'today']) {
      expect(() => todayOverride({ SAFEADAPT_TODAY: bad })).toThrow(/SAFEADAPT_TODAY/);
      process.env.SAFEADAPT_TODAY = bad;
      expect(() => vietnamToday()).toThrow(/SAFEADAPT_TODAY/);
    }
    expect(todayOverride({})).toBeNull();
    expect(todayOverride({ SAFEADAPT_TODAY: ' 2024-02-29 ' })).toBe('2024-02-29');
  });

  it('checks ISO days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2023-2-28')).toBe(false);
  });

  it('adds days and months and counts days between', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addMonths('2021-08-31', 3)).toBe('2021-11-30');
    expect(addMonths('2021-11-15', -12)).toBe('2020-11-15');
    expect(daysBetween('2021-01-01', '2022-01-01')).toBe(365);
  });

  it('finds ISO weeks', () => {
    expect(weekStart('2021-11-30')).toBe('2021-11-29');
    expect(weekStart('2021-11-29')).toBe('2021-11-29');
    expect(weekStart('2021-12-05')).toBe('2021-11-29');
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2021-01-04')).toEqual({ year: 2021, week: 1 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });
});
