/**
 * What each record adds to its commune's numbers by day (the summary of issue 15). A change is applied as
 * "remove what the old record added, add what the new one adds", so the stored counts always equal a recount
 * of the records; the property test checks it. Levels (under treatment, in quarantine) are stored as their
 * changes: the level on a day is the sum of changes up to it. Pure.
 */
import { addDays } from '../../../core/dates.ts';

/** Places of care (glossary: home treatment; commune station, mobile medical station, facility, hospital). */
export const PLACES_OF_CARE = ['home', 'communeStation', 'mobileStation', 'facility', 'hospital'] as const;
export type PlaceOfCare = (typeof PLACES_OF_CARE)[number];

export type CountField =
  | 'new_cases'
  | 'recovered'
  | 'deaths'
  | 'new_contacts'
  | 'tests_done'
  | 'tests_positive'
  | 'home_change'
  | 'facility_change'
  | 'quarantine_change'
  | 'severe_cases';

export interface CountDelta {
  commune: string;
  day: string;
  field: CountField;
  delta: number;
}

export interface CaseFacts {
  commune_code: string;
  sample_date: string;
  confirmed_on: string;
  place_of_care: string;
  status: string;
  outcome_on: string | null;
  /** Clinical class at entry (mild, moderate, severe, critical); null: not recorded. */
  severity: string | null;
}

/**
 * A case that needs respiratory or oxygen support: 218's criterion 1 counts them per 100,000 per week (rules.md
 * §3 "Criterion 1 … plus patients needing respiratory/oxygen support"). Under 250/QĐ-BYT's classes (rules.md §4.6,
 * thresholds UNCERTAIN) severe (SpO2 < 94 %: oxygen) and critical (ventilation) are the ones that need it.
 */
export const needsOxygenSupport = (severity: string | null) =>
  severity === 'severe' || severity === 'critical';

const careField = (place: string): CountField => (place === 'home' ? 'home_change' : 'facility_change');

/**
 * New on its sample day; under treatment from confirmation, at home or in a facility as its transfers say,
 * until the day of its outcome (recovered or died that day, no longer under treatment).
 */
export function caseCounts(
  c: CaseFacts,
  transfers: readonly { on_day: string; place_of_care: string }[],
): CountDelta[] {
  const commune = c.commune_code;
  const out: CountDelta[] = [{ commune, day: c.sample_date, field: 'new_cases', delta: 1 }];
  // Severe (oxygen-support) cases count with the new cases, on the sample day: the week's severe new cases.
  if (needsOxygenSupport(c.severity))
    out.push({ commune, day: c.sample_date, field: 'severe_cases', delta: 1 });
  const end = c.status === 'treating' ? null : c.outcome_on;
  const stays = [{ place: c.place_of_care, from: c.confirmed_on }];
  for (const t of [...transfers].sort((a, b) => a.on_day.localeCompare(b.on_day))) {
    if (end !== null && t.on_day >= end) break;
    stays.push({ place: t.place_of_care, from: t.on_day < c.confirmed_on ? c.confirmed_on : t.on_day });
  }
  stays.forEach((stay, i) => {
    const until = stays[i + 1]?.from ?? end;
    if (until !== null && until <= stay.from) return;
    out.push({ commune, day: stay.from, field: careField(stay.place), delta: 1 });
    if (until !== null) out.push({ commune, day: until, field: careField(stay.place), delta: -1 });
  });
  if (end !== null)
    out.push({ commune, day: end, field: c.status === 'died' ? 'deaths' : 'recovered', delta: 1 });
  return out;
}

export interface ContactFacts {
  commune_code: string;
  listed_on: string;
  quarantine_ends_on: string;
  /** The day the contact's own case was confirmed, if it became one. */
  became_case_on: string | null;
}

/** New on the day it was listed; in quarantine from then to its last day, or until it became a case. */
export function contactCounts(c: ContactFacts): CountDelta[] {
  const commune = c.commune_code;
  const out: CountDelta[] = [{ commune, day: c.listed_on, field: 'new_contacts', delta: 1 }];
  const after = addDays(c.quarantine_ends_on, 1);
  const end = c.became_case_on !== null && c.became_case_on < after ? c.became_case_on : after;
  if (end > c.listed_on) {
    out.push({ commune, day: c.listed_on, field: 'quarantine_change', delta: 1 });
    out.push({ commune, day: end, field: 'quarantine_change', delta: -1 });
  }
  return out;
}

export interface TestFacts {
  commune_code: string;
  sample_date: string;
  result: string;
}

export function testCounts(t: TestFacts): CountDelta[] {
  const out: CountDelta[] = [{ commune: t.commune_code, day: t.sample_date, field: 'tests_done', delta: 1 }];
  if (t.result === 'positive')
    out.push({ commune: t.commune_code, day: t.sample_date, field: 'tests_positive', delta: 1 });
  return out;
}

/** The change from old records to new ones, netted by commune, day and field (zeros dropped). */
export function countChange(before: readonly CountDelta[], after: readonly CountDelta[]): CountDelta[] {
  const net = new Map<string, CountDelta>();
  const add = (d: CountDelta, sign: number) => {
    const key = `${d.commune}|${d.day}|${d.field}`;
    const cur = net.get(key) ?? { ...d, delta: 0 };
    cur.delta += sign * d.delta;
    net.set(key, cur);
  };
  for (const d of before) add(d, -1);
  for (const d of after) add(d, 1);
  return [...net.values()].filter((d) => d.delta !== 0);
}

/** The numbers of one unit for a day, from its rows: events of the day, levels up to it, 7 days of cases. */
export interface DaySummary {
  newCases: number;
  underTreatmentHome: number;
  underTreatmentFacility: number;
  recovered: number;
  deaths: number;
  newContacts: number;
  inQuarantine: number;
  testsDone: number;
  testsPositive: number;
  casesLast7Days: number;
}
