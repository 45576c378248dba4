import { describe, expect, it } from 'vitest';
import { addDays } from '../../../core/dates.ts';
import { foldDiacritics } from '../../../core/text.ts';
import { ageAt, ageBandOf } from '../../persons/rules/age-bands.ts';
import { mulberry32 } from '../../persons/rules/sampling.ts';
import { bandOn } from './age-groups.ts';
import { readDoseDate, readDoseNumber } from './dose-cells.ts';
import { detectDoseHeader, unitNameKey } from './dose-headers.ts';
import { parseVaccine } from './vaccines.ts';

describe('dose cells of a national-platform export', () => {
  it.each([
    ['AstraZeneca', 'astrazeneca'],
    ['Astra Zeneca (Covishield)', 'astrazeneca'],
    ['AZ', 'astrazeneca'],
    ['AZD1222', 'astrazeneca'],
    ['Pfizer-BioNTech', 'pfizer'],
    ['Comirnaty', 'pfizer'],
    ['Pfizer (5-11 tuổi)', 'pfizerPaediatric'],
    ['Pfizer nhi', 'pfizerPaediatric'],
    ['Moderna', 'moderna'],
    ['Vero Cell', 'sinopharm'],
    ['VERO CELL (Sinopharm)', 'sinopharm'],
    ['Sputnik V', 'sputnikV'],
    ['Gam-COVID-Vac', 'sputnikV'],
    ['Abdala', 'abdala'],
    ['Hayat-Vax', 'hayatVax'],
    ['Covaxin', 'covaxin'],
    ['sputnikV', 'sputnikV'],
    ['Vắc xin ABC', null],
  ])('vaccine “%s” → %s', (text, id) => {
    expect(parseVaccine(foldDiacritics(text))).toBe(id);
  });

  it.each([
    ['Mũi 1', null, 'pfizer', { kind: 'primary', number: 1 }],
    [2, null, 'pfizer', { kind: 'primary', number: 2 }],
    ['Mũi 3', null, 'pfizer', { kind: 'booster', number: 1 }],
    ['Mũi 4', null, 'moderna', { kind: 'booster', number: 2 }],
    ['Mũi 3', null, 'abdala', { kind: 'primary', number: 3 }],
    ['Mũi 3 (nhắc lại)', null, 'pfizer', { kind: 'booster', number: 1 }],
    ['Mũi nhắc lại', null, 'pfizer', { kind: 'booster', number: 1 }],
    ['Mũi bổ sung', null, 'pfizer', { kind: 'additional', number: 1 }],
    ['3', 'Nhắc lại', 'astrazeneca', { kind: 'booster', number: 1 }],
    ['1', 'Nhắc lại', 'astrazeneca', { kind: 'booster', number: 1 }],
    ['2', 'Cơ bản', 'astrazeneca', { kind: 'primary', number: 2 }],
  ] as const)('dose “%s” (kind %s) of %s', (number, kind, vaccine, expected) => {
    expect(readDoseNumber(number, kind, vaccine)).toEqual({ ok: true, value: expected });
  });

  it('refuses a missing or unreadable dose number and date, and a date without its day', () => {
    expect(readDoseNumber('', null, 'pfizer').ok).toBe(false);
    expect(readDoseNumber('Mũi', null, 'pfizer').ok).toBe(false);
    expect(readDoseDate('05/10/2021')).toEqual({ ok: true, value: '2021-10-05' });
    expect(readDoseDate(new Date(Date.UTC(2021, 9, 5)))).toEqual({ ok: true, value: '2021-10-05' });
    expect(readDoseDate(44474)).toEqual({ ok: true, value: '2021-10-05' });
    expect(readDoseDate('31/02/2021').ok).toBe(false);
    expect(readDoseDate('2021')).toMatchObject({
      ok: false,
      reason: { en: expect.stringMatching(/no day and month/) },
    });
    expect(readDoseDate(null).ok).toBe(false);
    // Platform exports stamp the time of the injection; lists write "ngày …": the day is what counts.
    expect(readDoseDate('05/10/2021 08:30')).toEqual({ ok: true, value: '2021-10-05' });
    expect(readDoseDate('05/10/2021 8:30:00 CH')).toEqual({ ok: true, value: '2021-10-05' });
    expect(readDoseDate('ngày 05/10/2021')).toEqual({ ok: true, value: '2021-10-05' });
    expect(readDoseDate(new Date(Date.UTC(2021, 9, 5, 8, 30)))).toEqual({ ok: true, value: '2021-10-05' });
    expect(readDoseDate(44474.35)).toEqual({ ok: true, value: '2021-10-05' });
  });

  it('finds the header under title rows, person columns by the registry’s table, dose columns by their aliases', () => {
    const header = detectDoseHeader([
      ['SỞ Y TẾ TỈNH LẠNG SƠN'],
      ['DANH SÁCH ĐỐI TƯỢNG ĐÃ TIÊM'],
      [],
      [
        'STT',
        'Họ và tên',
        'Ngày sinh',
        'Số CMND/CCCD',
        'Xã/Phường',
        'Mũi tiêm',
        'Tên vắc xin',
        'Ngày tiêm',
        'Số lô',
        'Cơ sở tiêm chủng',
      ],
    ]);
    expect(header?.headerRow).toBe(3);
    expect(header?.columns.map((c) => c.field)).toEqual([
      null,
      'fullName',
      'birthDate',
      'nationalId',
      'commune',
      'doseNumber',
      'vaccine',
      'doseDate',
      'lot',
      'site',
    ]);
    expect(detectDoseHeader([['Họ và tên', 'Ngày sinh', 'Giới tính']])).toBeNull();
  });

  it('compares unit names without their kind', () => {
    expect(unitNameKey('Xã Yên Thịnh')).toBe('yen thinh');
    expect(unitNameKey('yen thinh')).toBe('yen thinh');
    expect(unitNameKey('Huyện Hữu Lũng')).toBe(unitNameKey('Hữu Lũng'));
    expect(unitNameKey('TP. Lạng Sơn')).toBe('lang son');
  });
});

describe('age groups of the counters', () => {
  it('agree with the registry’s age bands on every day, birthdays and 29 February included', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 5000; i++) {
      const birth = addDays('1930-01-01', Math.floor(rand() * 33_000));
      const day = addDays('2021-01-01', Math.floor(rand() * 800));
      const expected = ageBandOf(
        Math.max(
          0,
          ageAt({ birthDate: birth, birthYear: Number(birth.slice(0, 4)) }, new Date(`${day}T00:00:00Z`)),
        ),
      );
      expect(bandOn(birth, day).band, `${birth} on ${day}`).toBe(expected);
    }
    expect(bandOn('2004-02-29', '2022-02-28')).toEqual({ band: '12-17', until: '2022-03-01' });
    expect(bandOn('2004-02-29', '2022-03-01')).toEqual({ band: '18-49', until: '2054-03-01' });
    expect(bandOn('1950-01-01', '2022-01-15')).toEqual({ band: '65+', until: '9999-12-31' });
  });
});
