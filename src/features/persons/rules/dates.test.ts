import { describe, expect, it } from 'vitest';
import { ageOn, formatDate, parseBirthDate } from './dates.ts';

const today = new Date('2022-01-15T03:00:00Z');
const read = (raw: Parameters<typeof parseBirthDate>[0], on = today) => {
  const result = parseBirthDate(raw, on);
  return result.ok ? result : { error: result.reason.vi };
};
const day = (date: string) => ({ ok: true, date, year: Number(date.slice(0, 4)), precision: 'day' });

describe('parseBirthDate', () => {
  it.each([
    ['05/03/1985', '1985-03-05'],
    ['5/3/1985', '1985-03-05'],
    ['05-03-1985', '1985-03-05'],
    ['05.03.1985', '1985-03-05'],
    [' 05 / 03 / 1985 ', '1985-03-05'],
    ['1985-03-05', '1985-03-05'],
    ['1985-03-05T00:00:00.000Z', '1985-03-05'],
    ['29/02/1992', '1992-02-29'],
  ])('reads %s', (raw, iso) => {
    expect(read(raw)).toEqual(day(iso));
  });

  it('reads two-digit years: up to this year → 20xx, after → 19xx', () => {
    expect(read('5/3/85')).toEqual(day('1985-03-05'));
    expect(read('1/1/22')).toEqual(day('2022-01-01'));
    expect(read('1/1/23')).toEqual(day('1923-01-01'));
    expect(read('31/12/21')).toEqual(day('2021-12-31'));
    expect(read('1/2/22')).toEqual({ error: 'Ngày sinh “1/2/22” ở tương lai.' });
  });

  it('reads a bare year as year precision', () => {
    const year = { ok: true, date: null, year: 1985, precision: 'year' };
    expect(read('1985')).toEqual(year);
    expect(read(1985)).toEqual(year);
    expect(read(2022)).toMatchObject({ year: 2022 });
    expect(read(2023)).toEqual({ error: 'Ngày sinh “2023” ở tương lai.' });
  });

  it('reads Excel serials (1900 date system)', () => {
    expect(read(31048)).toEqual(day('1985-01-01'));
    expect(read(44561)).toEqual(day('2021-12-31'));
    expect(read('31048')).toEqual(day('1985-01-01'));
    expect(read(31048.75)).toEqual(day('1985-01-01'));
    expect(read(150)).toMatchObject({ error: expect.stringContaining('không phải ngày sinh') });
    expect(read(44600)).toMatchObject({ error: expect.stringContaining('tương lai') });
    expect(read(9e9)).toMatchObject({ error: expect.stringContaining('không phải ngày sinh') });
  });

  it('reads JS dates, including exceljs UTC midnights and local midnights', () => {
    expect(read(new Date(Date.UTC(1985, 2, 5)))).toEqual(day('1985-03-05'));
    expect(read(new Date(1985, 2, 5))).toEqual(day('1985-03-05'));
    expect(read(new Date('1985-03-04T23:59:59.999Z'))).toEqual(day('1985-03-05'));
    expect(read(new Date('nope'))).toMatchObject({ error: expect.any(String) });
  });

  it('refuses impossible, future, too old and unreadable dates, saying why', () => {
    expect(read('31/02/1990')).toEqual({
      error: 'Ngày sinh “31/02/1990” không tồn tại: tháng 2/1990 có 28 ngày.',
    });
    expect(read('29/02/1990')).toMatchObject({ error: expect.stringContaining('28 ngày') });
    expect(read('00/01/1990')).toMatchObject({ error: expect.stringContaining('không tồn tại') });
    expect(read('12/31/1985')).toMatchObject({ error: expect.stringContaining('đảo chỗ') });
    expect(read('16/01/2022')).toMatchObject({ error: expect.stringContaining('tương lai') });
    expect(read('15/01/2022')).toEqual(day('2022-01-15'));
    expect(read('31/12/1899')).toMatchObject({ error: expect.stringContaining('trước năm 1900') });
    expect(read('1899')).toMatchObject({ error: expect.stringContaining('trước năm 1900') });
    expect(read('khoảng 1960')).toMatchObject({ error: expect.stringContaining('Không đọc được') });
    expect(read('03/1985')).toMatchObject({ error: expect.stringContaining('Không đọc được') });
    expect(read(85)).toMatchObject({ error: expect.stringContaining('4 chữ số') });
    expect(read('')).toEqual({ error: 'Thiếu ngày sinh (hoặc năm sinh).' });
    expect(read(null)).toEqual({ error: 'Thiếu ngày sinh (hoặc năm sinh).' });
    expect(read(undefined)).toEqual({ error: 'Thiếu ngày sinh (hoặc năm sinh).' });
  });

  it('takes "today" in Vietnam, whatever the server time zone', () => {
    // 20:00 UTC on 14 January is already 15 January in Vietnam.
    expect(read('15/01/2022', new Date('2022-01-14T20:00:00Z'))).toEqual(day('2022-01-15'));
    expect(read('15/01/2022', new Date('2022-01-14T16:00:00Z'))).toMatchObject({ error: expect.any(String) });
  });
});

describe('formatDate and ageOn', () => {
  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('1985-03-05')).toBe('05/03/1985');
    expect(formatDate('1985-03-05T00:00:00.000Z')).toBe('05/03/1985');
    expect(formatDate('1985')).toBe('1985');
  });

  it('counts completed years, or the age reached this year when only the year is known', () => {
    expect(ageOn({ birthDate: '2008-01-15', birthYear: 2008 }, today)).toBe(14);
    expect(ageOn({ birthDate: '2008-01-16', birthYear: 2008 }, today)).toBe(13);
    expect(ageOn({ birthDate: null, birthYear: 2008 }, today)).toBe(14);
  });
});
