/**
 * Coverage age groups (issue 6): the campaign's bands 5–11, 12–17, 18–49, 50–64, 65+ and the targets' 12+,
 * 18+, 50+. Counters keep the registry's bands (age-bands.ts, which adds 0–4 so that the population is
 * whole); the wider groups are sums of bands. Age is in completed years on the reference day.
 */

import { ageOnDay, anniversary } from '../../../core/dates.ts';
import { AGE_BANDS, type AgeBand, ageBandOf } from '../../persons/rules/age-bands.ts';

export { AGE_BANDS, type AgeBand } from '../../persons/rules/age-bands.ts';

export const COVERAGE_AGE_GROUPS = ['5-11', '12-17', '18-49', '50-64', '65+', '12+', '18+', '50+'] as const;
export type CoverageAgeGroup = (typeof COVERAGE_AGE_GROUPS)[number];

/** The lower age of each band, in order: a band lasts until the next one's first birthday. */
const BAND_STARTS: Readonly<Record<AgeBand, number>> = {
  '0-4': 0,
  '5-11': 5,
  '12-17': 12,
  '18-49': 18,
  '50-64': 50,
  '65+': 65,
};

export const BANDS_OF_GROUP: Readonly<Record<CoverageAgeGroup, readonly AgeBand[]>> = {
  '5-11': ['5-11'],
  '12-17': ['12-17'],
  '18-49': ['18-49'],
  '50-64': ['50-64'],
  '65+': ['65+'],
  '12+': ['12-17', '18-49', '50-64', '65+'],
  '18+': ['18-49', '50-64', '65+'],
  '50+': ['50-64', '65+'],
};

/** Ages a target or a worklist may start from: band boundaries, so that counters answer them. */
export const MIN_AGES = [5, 12, 18, 50, 65] as const;

export function bandsFrom(minAge: number): AgeBand[] {
  return AGE_BANDS.filter((b) => BAND_STARTS[b] >= minAge);
}

export interface BandOnDay {
  band: AgeBand;
  /** The day the person moves to the next band ('9999-12-31' for the last). */
  until: string;
}

/** `birth`: the full birth date, or 1 January of the year when only the year is known. */
export function bandOn(birth: string, day: string): BandOnDay {
  const age = ageOnDay(birth, day);
  const band = ageBandOf(Math.max(0, age));
  const next = AGE_BANDS[AGE_BANDS.indexOf(band) + 1];
  return { band, until: next ? anniversary(birth, BAND_STARTS[next]) : '9999-12-31' };
}
