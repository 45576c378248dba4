import { describe, expect, it } from 'vitest';
import { splitPopulation } from './population.ts';
import { isWithin, levelOfCode, placeColumn } from './rules.ts';

const commune = { code: '06385', level: 3, province_code: '20', district_code: '186' };
const district = { code: '186', level: 2, province_code: '20', district_code: null };

describe('jurisdiction', () => {
  it('lets rights flow down the hierarchy, never sideways or up', () => {
    expect(isWithin(commune, '06385')).toBe(true);
    expect(isWithin(commune, '186')).toBe(true);
    expect(isWithin(commune, '20')).toBe(true);
    expect(isWithin(commune, 'VN')).toBe(true);
    expect(isWithin(commune, '06388')).toBe(false); // neighbouring commune
    expect(isWithin(commune, '187')).toBe(false); // neighbouring district
    expect(isWithin(district, '06385')).toBe(false); // a commune never acts on its district
    expect(isWithin(district, '01')).toBe(false);
  });

  it('reads the level from the GSO code shape', () => {
    expect(levelOfCode('20')).toBe(1);
    expect(levelOfCode('186')).toBe(2);
    expect(levelOfCode('06385')).toBe(3);
    expect(levelOfCode('VN')).toBe(0);
    expect(levelOfCode('6385')).toBeNull();
  });

  it("names the column holding a unit's code at its level, none for the country", () => {
    expect(placeColumn('p', 1)).toBe('p.province_code');
    expect(placeColumn('p', 2)).toBe('p.district_code');
    expect(placeColumn('persons', 3)).toBe('persons.commune_code');
    expect(placeColumn('p', 0)).toBeNull();
  });

  it('splits a population into shares that add up exactly', () => {
    const shares = splitPopulation(8912, 7, '06388');
    expect(shares).toHaveLength(7);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(8912);
    expect(Math.min(...shares)).toBeGreaterThan(0);
    expect(splitPopulation(8912, 7, '06388')).toEqual(shares);
  });
});
