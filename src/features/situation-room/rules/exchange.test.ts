import { describe, expect, it } from 'vitest';
import { dataValueSet, figuresCsv, measureReports } from './exchange.ts';
import type { UnitFigures } from './figures.ts';
import { dhis2Period } from './periods.ts';

const unit = (over: Partial<UnitFigures> = {}): UnitFigures => ({
  code: '186',
  name: 'Huyện Hữu Lũng',
  level: 2,
  newCases: 3,
  casesLast7Days: 12,
  underTreatmentHome: 20,
  underTreatmentFacility: 4,
  inQuarantine: 31,
  deaths: 0,
  recovered: 2,
  testsDone: 140,
  testsPositive: 3,
  adults: 800,
  adultsPrimary: 600,
  adultsBooster: 100,
  overdueTasks: 5,
  riskLevel: 2,
  ...over,
});

describe('DHIS2 periods (docs.dhis2.org: daily yyyyMMdd, weekly yyyyWn)', () => {
  it.each([
    ['2022-01-15', 'day', '20220115'],
    ['2022-01-15', 'week', '2022W2'],
    ['2022-01-02', 'week', '2021W52'], // a Sunday: the ISO week of the year before
    ['2020-12-31', 'week', '2020W53'],
    ['2022-01-03', 'week', '2022W1'],
  ] as const)('%s as %s is %s', (day, type, period) => expect(dhis2Period(day, type)).toBe(period));
});

describe('exports of the situation room', () => {
  it('writes CSV with a BOM, one row per unit, and neutralises a cell that would be a formula', () => {
    const csv = figuresCsv('2022-01-15', [unit(), unit({ code: '06385', name: '=HYPERLINK("http://x")' })]);
    expect(csv.startsWith('\uFEFFMã đơn vị,Đơn vị,Ngày,F0 mới trong ngày')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('186,Huyện Hữu Lũng,2022-01-15,3,12,20,4,31,0,2,140,3,800,600,100,5,2,75');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('gives DHIS2 data values as strings, the daily counts left out of the week', () => {
    const daily = dataValueSet('2022-01-15', 'day', [unit({ riskLevel: null })]);
    expect(daily.period).toBe('20220115');
    expect(daily.dataValues).toContainEqual({
      dataSet: 'SA_DAILY',
      period: '20220115',
      orgUnit: '186',
      dataElement: 'SA_NEW_CASES',
      value: '3',
    });
    expect(daily.dataValues.some((v) => v.dataElement === 'SA_RISK_LEVEL')).toBe(false);
    const weekly = dataValueSet('2022-01-16', 'week', [unit()]);
    expect(weekly.period).toBe('2022W2');
    expect(weekly.dataValues.map((v) => v.dataElement)).not.toContain('SA_NEW_CASES');
    expect(weekly.dataValues.find((v) => v.dataElement === 'SA_CASES_7D')?.value).toBe('12');
  });

  it('gives FHIR R4 MeasureReports of type summary with the required elements and stable ids', () => {
    const a = measureReports('2022-01-15', unit(), '2022-01-15T01:00:00.000Z');
    const b = measureReports('2022-01-15', unit(), '2022-01-15T02:00:00.000Z');
    expect(a.entry.map((e) => e.fullUrl)).toEqual(b.entry.map((e) => e.fullUrl));
    const [cases, coverage] = a.entry.map((e) => e.resource);
    for (const r of [cases!, coverage!]) {
      expect(r).toMatchObject({ resourceType: 'MeasureReport', status: 'complete', type: 'summary' });
      expect(r.period).toEqual({ start: '2022-01-15', end: '2022-01-15' });
      expect(r.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    }
    expect(coverage!.group[0]).toMatchObject({
      population: [{ count: 800 }, { count: 600 }],
      measureScore: { value: 0.75 },
    });
    expect(cases!.group).toHaveLength(6);
  });
});
