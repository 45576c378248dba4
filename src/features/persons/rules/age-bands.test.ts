import { describe, expect, it } from 'vitest';
import { ageAt, ageBandOf, birthDateRange } from './age-bands.ts';

const on = new Date('2022-01-31T00:00:00Z');

describe('age bands', () => {
  it('counts whole years, birthday included', () => {
    expect(ageAt({ birthDate: '2010-01-31', birthYear: 2010 }, on)).toBe(12);
    expect(ageAt({ birthDate: '2010-02-01', birthYear: 2010 }, on)).toBe(11);
    expect(ageAt({ birthDate: null, birthYear: 1957 }, on)).toBe(65);
  });
  it('puts ages in the campaign bands', () => {
    expect([4, 5, 11, 12, 17, 18, 49, 50, 64, 65].map(ageBandOf)).toEqual([
      '0-4',
      '5-11',
      '5-11',
      '12-17',
      '12-17',
      '18-49',
      '18-49',
      '50-64',
      '50-64',
      '65+',
    ]);
  });
  it('turns a band into a birth-date range that agrees with ageAt', () => {
    const r = birthDateRange('12-17', on);
    expect(r).toEqual({ bornAfter: '2004-01-31', bornOnOrBefore: '2010-01-31' });
    expect(ageAt({ birthDate: '2004-02-01', birthYear: 2004 }, on)).toBe(17);
    expect(ageAt({ birthDate: '2004-01-31', birthYear: 2004 }, on)).toBe(18);
  });
});
