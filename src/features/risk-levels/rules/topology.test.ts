import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryProvinceShapes, shownLevel, type Topology } from './topology.ts';

const topology = JSON.parse(
  fs.readFileSync(
    new URL('../../../../assets/reference/boundaries/vn-provinces-districts.topojson', import.meta.url),
    'utf8',
  ),
) as Topology;

describe('the country’s provinces from the shipped TopoJSON', () => {
  it('draws the 62 provinces the source has in whole pixels, well under the 300 kB budget', () => {
    const map = countryProvinceShapes(topology)!;
    expect(map.shapes).toHaveLength(62);
    expect(map.shapes.map((s) => s.code)).not.toContain('22');
    expect(map.width).toBe(600);
    expect(map.height).toBeGreaterThan(600);
    expect(map.shapes.every((s) => /^M\d+,\d+L/.test(s.path))).toBe(true);
    expect(JSON.stringify(map).length).toBeLessThan(100_000);
  });

  it('marks a level provisional only when the map shows the computed proposal', () => {
    expect(shownLevel({ level: 2, announcedLevel: null, provisional: true })).toEqual({
      level: 2,
      provisional: true,
    });
    expect(shownLevel({ level: 2, announcedLevel: 3, provisional: true })).toEqual({
      level: 3,
      provisional: false,
    });
    expect(shownLevel({ level: null, announcedLevel: null, provisional: false }).provisional).toBe(false);
  });
});
