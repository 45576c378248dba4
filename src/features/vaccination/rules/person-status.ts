/**
 * A person's vaccination status on a day, as the person card, worklists and sessions show it: the series
 * (dose-series.ts) read against today, the registry's residence status and the last contact outcome.
 */
import type { PersonStatus } from '../../persons/rules/person-status.ts';
import { BOOSTER_RULE_SETS, type BoosterRuleSet } from './booster-rules.ts';
import type { OutcomeFact } from './contact-outcomes.ts';
import { type CoverageClass, type DoseFact, type NextDose, summarizeSeries } from './dose-series.ts';

export const VACCINATION_STATUSES = [
  'notVaccinated',
  'partial',
  'primaryComplete',
  'boosterDue',
  'boosterReceived',
  'deferred',
  'contraindicated',
  'movedAway',
  'deceased',
] as const;
export type VaccinationStatus = (typeof VACCINATION_STATUSES)[number];

export interface PersonFacts {
  /** The full birth date, or 1 January of the birth year when only the year is known. */
  birth: string;
  registryStatus: PersonStatus;
  outcome: OutcomeFact | null;
}

export interface StatusView {
  status: VaccinationStatus;
  coverage: CoverageClass;
  /** primaryComplete: the day the series was completed; boosterReceived: the last booster's day. */
  date: string | null;
  /** boosterDue, partial: the day the next dose fell (or falls) due. */
  dueFrom: string | null;
  overdue: boolean;
  /** deferred, contraindicated, movedAway: why, as recorded. */
  reason: string | null;
  next: NextDose | null;
}

export function personStatus(
  doses: readonly DoseFact[],
  person: PersonFacts,
  today: string,
  ruleSets: readonly BoosterRuleSet[] = BOOSTER_RULE_SETS,
): StatusView {
  const series = summarizeSeries(doses, person.birth, ruleSets);
  const next = series.next;
  const base = {
    coverage: series.coverage,
    date: null,
    dueFrom: next?.dueFrom ?? null,
    overdue: next !== null && today >= next.overdueFrom,
    reason: null,
    next,
  };
  const outcome = person.outcome;
  if (person.registryStatus === 'deceased') return { ...base, status: 'deceased', overdue: false };
  if (person.registryStatus === 'moved' || outcome?.outcome === 'moved')
    return { ...base, status: 'movedAway', overdue: false, reason: outcome?.reason ?? null };
  if (outcome?.outcome === 'contraindicated')
    return { ...base, status: 'contraindicated', overdue: false, reason: outcome.reason };
  if (outcome?.outcome === 'deferred' && (outcome.until === null || outcome.until >= today))
    return { ...base, status: 'deferred', overdue: false, reason: outcome.reason };
  const due = next !== null && today >= next.dueFrom;
  switch (series.coverage) {
    case 'notVaccinated':
      return { ...base, status: 'notVaccinated' };
    case 'partial':
      return { ...base, status: 'partial' };
    case 'primaryComplete':
      return due
        ? { ...base, status: 'boosterDue' }
        : { ...base, status: 'primaryComplete', date: series.primaryCompleteDate };
    case 'booster':
      return due
        ? { ...base, status: 'boosterDue' }
        : { ...base, status: 'boosterReceived', date: series.lastDoseDate };
  }
}
