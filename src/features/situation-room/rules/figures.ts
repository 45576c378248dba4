/**
 * The situation room's figures of one unit, as the screen, the CSV, the DHIS2 data value set and the FHIR
 * MeasureReports carry them. Pure: built by the store from the other capabilities' maintained counters.
 */

/** One unit's numbers for a day. */
export interface UnitFigures {
  code: string;
  name: string;
  level: number;
  /** Cases (GET /api/cases/summary of the same unit and day). */
  newCases: number;
  casesLast7Days: number;
  underTreatmentHome: number;
  underTreatmentFacility: number;
  inQuarantine: number;
  deaths: number;
  recovered: number;
  testsDone: number;
  testsPositive: number;
  /** Vaccination of people 18 and over (GET /api/vaccination/coverage's "18+" group, today's counters). */
  adults: number;
  adultsPrimary: number;
  adultsBooster: number;
  /** Tasks past their deadline and not done, assigned within the unit (directives' compliance). */
  overdueTasks: number;
  /** The risk level of the week (announced, else proposed); null when not assessed. */
  riskLevel: number | null;
}

/** Primary series complete among people 18+, in percent with one decimal (null without residents). */
export function adultCoverage(f: Pick<UnitFigures, 'adults' | 'adultsPrimary'>): number | null {
  return f.adults > 0 ? Math.round((f.adultsPrimary * 1000) / f.adults) / 10 : null;
}

/** People under treatment now, at home and in facilities. */
export const underTreatment = (f: Pick<UnitFigures, 'underTreatmentHome' | 'underTreatmentFacility'>) =>
  f.underTreatmentHome + f.underTreatmentFacility;
