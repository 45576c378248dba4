/**
 * The situation room's numbers for other systems: a CSV table, a DHIS2 aggregate data value set, FHIR R4
 * MeasureReports. Pure: the same figures always give the same file.
 */
import { csvLine } from '../../../core/spreadsheet.ts';
import { uuidOf } from '../../vaccination/rules/fhir.ts';
import { adultCoverage, type UnitFigures } from './figures.ts';
import { dhis2Period, type PeriodType } from './periods.ts';

/** Each exported indicator: its code (DHIS2 data element code, FHIR group code), its column title, its value. */
interface Indicator {
  code: string;
  vi: string;
  value(f: UnitFigures): number | null;
}

/** Counts of the day (for a week: of its seven days) and stocks at the period's end. */
export const INDICATORS: readonly Indicator[] = [
  { code: 'SA_NEW_CASES', vi: 'F0 mới trong ngày', value: (f) => f.newCases },
  { code: 'SA_CASES_7D', vi: 'F0 mới 7 ngày', value: (f) => f.casesLast7Days },
  { code: 'SA_TREATING_HOME', vi: 'Đang điều trị tại nhà', value: (f) => f.underTreatmentHome },
  { code: 'SA_TREATING_FACILITY', vi: 'Đang điều trị tại cơ sở', value: (f) => f.underTreatmentFacility },
  { code: 'SA_IN_QUARANTINE', vi: 'F1 đang cách ly', value: (f) => f.inQuarantine },
  { code: 'SA_DEATHS', vi: 'Tử vong trong ngày', value: (f) => f.deaths },
  { code: 'SA_RECOVERED', vi: 'Khỏi bệnh trong ngày', value: (f) => f.recovered },
  { code: 'SA_TESTS', vi: 'Xét nghiệm trong ngày', value: (f) => f.testsDone },
  { code: 'SA_TESTS_POSITIVE', vi: 'Xét nghiệm dương tính', value: (f) => f.testsPositive },
  { code: 'SA_ADULTS', vi: 'Dân số từ 18 tuổi', value: (f) => f.adults },
  { code: 'SA_ADULTS_PRIMARY', vi: 'Từ 18 tuổi tiêm đủ liều cơ bản', value: (f) => f.adultsPrimary },
  { code: 'SA_ADULTS_BOOSTER', vi: 'Từ 18 tuổi tiêm nhắc lại', value: (f) => f.adultsBooster },
  { code: 'SA_OVERDUE_TASKS', vi: 'Nhiệm vụ quá hạn', value: (f) => f.overdueTasks },
  { code: 'SA_RISK_LEVEL', vi: 'Cấp độ dịch', value: (f) => f.riskLevel },
];

/** The day's table: one row per unit, a column per indicator (and the coverage in percent). */
export function figuresCsv(day: string, units: readonly UnitFigures[]): string {
  const head = ['Mã đơn vị', 'Đơn vị', 'Ngày', ...INDICATORS.map((i) => i.vi), 'Tỷ lệ tiêm đủ 18+ (%)'];
  const lines = [csvLine(head)];
  for (const f of units)
    lines.push(csvLine([f.code, f.name, day, ...INDICATORS.map((i) => i.value(f)), adultCoverage(f)]));
  // A byte-order mark: Excel then reads the Vietnamese names as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The data set codes a DHIS2 instance maps (dataSetIdScheme / orgUnitIdScheme / dataElementIdScheme = CODE). */
export const DATA_SETS: Record<PeriodType, string> = { day: 'SA_DAILY', week: 'SA_WEEKLY' };

export interface DataValue {
  dataSet: string;
  period: string;
  orgUnit: string;
  dataElement: string;
  value: string;
}

/** A DHIS2 aggregate data value set: a value per unit and indicator (GSO codes as org unit codes). */
export function dataValueSet(day: string, type: PeriodType, units: readonly UnitFigures[]) {
  const period = dhis2Period(day, type);
  const dataValues: DataValue[] = [];
  for (const f of units)
    for (const i of INDICATORS) {
      const value = i.value(f);
      // A week's count is its seven days', not its last day's: the daily counts are left out of the week.
      if (value === null || (type === 'week' && DAILY_ONLY.has(i.code))) continue;
      dataValues.push({
        dataSet: DATA_SETS[type],
        period,
        orgUnit: f.code,
        dataElement: i.code,
        value: String(value),
      });
    }
  return { dataSet: DATA_SETS[type], period, dataValues };
}

/** Counts of one day; the weekly set carries SA_CASES_7D (the seven days to the Sunday) instead. */
const DAILY_ONLY = new Set(['SA_NEW_CASES', 'SA_DEATHS', 'SA_RECOVERED', 'SA_TESTS', 'SA_TESTS_POSITIVE']);

/** SafeAdapt-local systems, named as such (the convention of the vaccination FHIR export). */
export const MEASURE_BASE = 'urn:safeadapt:measure';
export const INDICATOR_SYSTEM = 'urn:safeadapt:indicator';
export const GSO_UNIT_SYSTEM = 'urn:safeadapt:identifier:vn-gso-unit';
export const MEASURE_POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';

const population = (code: 'initial-population' | 'numerator' | 'denominator', count: number) => ({
  code: { coding: [{ system: MEASURE_POPULATION, code }] },
  count,
});

const indicatorCode = (code: string, text: string) => ({
  coding: [{ system: INDICATOR_SYSTEM, code }],
  text,
});

/**
 * FHIR R4 MeasureReports (type "summary") of a unit's day, in a Bundle of type "collection": the case counts
 * (a group per count, its initial population) and the coverage of people 18+ (proportions: denominator,
 * numerator, score). Full URLs are urn:uuid derived from the unit and day: the same day exports the same ids.
 */
export function measureReports(day: string, f: UnitFigures, generatedAt: string) {
  const subject = {
    identifier: { system: GSO_UNIT_SYSTEM, value: f.code },
    display: f.name,
  };
  const base = (measure: string) => ({
    resourceType: 'MeasureReport' as const,
    id: uuidOf(`MeasureReport/${measure}/${f.code}/${day}`),
    status: 'complete' as const,
    type: 'summary' as const,
    measure: `${MEASURE_BASE}:${measure}`,
    subject: { ...subject, type: 'Location' },
    date: generatedAt,
    reporter: { ...subject, type: 'Organization' },
    period: { start: day, end: day },
  });
  const counts = INDICATORS.filter((i) =>
    [
      'SA_NEW_CASES',
      'SA_CASES_7D',
      'SA_TREATING_HOME',
      'SA_TREATING_FACILITY',
      'SA_IN_QUARANTINE',
      'SA_DEATHS',
    ].includes(i.code),
  );
  const cases = {
    ...base('covid19-case-counts'),
    group: counts.map((i) => ({
      code: indicatorCode(i.code, i.vi),
      population: [population('initial-population', i.value(f) ?? 0)],
    })),
  };
  const proportion = (code: string, text: string, numerator: number) => ({
    code: indicatorCode(code, text),
    population: [population('denominator', f.adults), population('numerator', numerator)],
    ...(f.adults > 0
      ? { measureScore: { value: Math.round((numerator / f.adults) * 10_000) / 10_000, unit: '1' } }
      : {}),
  });
  const coverage = {
    ...base('covid19-vaccination-coverage-18plus'),
    group: [
      proportion('SA_ADULTS_PRIMARY', 'Từ 18 tuổi tiêm đủ liều cơ bản', f.adultsPrimary),
      proportion('SA_ADULTS_BOOSTER', 'Từ 18 tuổi tiêm nhắc lại', f.adultsBooster),
    ],
  };
  return {
    resourceType: 'Bundle' as const,
    id: uuidOf(`Bundle/situation/${f.code}/${day}`),
    type: 'collection' as const,
    timestamp: generatedAt,
    entry: [cases, coverage].map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
