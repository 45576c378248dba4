/**
 * What a person's doses add up to, from dates alone (not from today), so that it can be stored and counted:
 * the primary series and its completion, boosters, the coverage class and the next dose with its due dates.
 */

import { addDays } from '../../../core/dates.ts';
import { BOOSTER_RULE_SETS, type BoosterRuleSet, boosterDue } from './booster-rules.ts';
import { VACCINES, type VaccineId } from './vaccines.ts';

export const DOSE_KINDS = ['primary', 'additional', 'booster'] as const;
export type DoseKind = (typeof DOSE_KINDS)[number];

export interface DoseFact {
  vaccine: VaccineId;
  kind: DoseKind;
  /** Primary: 1..n of the series; booster: 1 = mũi 3, 2 = mũi 4; additional: 1. */
  number: number;
  date: string;
}

/** The four mutually exclusive classes of coverage: a boosted person counts once, under booster. */
export const COVERAGE_CLASSES = ['notVaccinated', 'partial', 'primaryComplete', 'booster'] as const;
export type CoverageClass = (typeof COVERAGE_CLASSES)[number];

/**
 * A next dose is overdue this many days after its schedule's window closes (a booster: after it falls due).
 * NOT FOUND in the digest: a provisional default for the worklists, flagged so wherever it is shown.
 */
export const OVERDUE_AFTER = { days: 28, provisional: true } as const;

export interface NextDose {
  kind: 'primary' | 'booster';
  number: number;
  dueFrom: string;
  overdueFrom: string;
  /** The booster rule set that set the date (null for a primary dose: the product's schedule). */
  ruleSetId: string | null;
  provisional: boolean;
}

export interface Series {
  coverage: CoverageClass;
  doses: number;
  firstDoseDate: string | null;
  primaryCompleteDate: string | null;
  /** Date of the first booster. */
  boosterDate: string | null;
  lastDoseDate: string | null;
  next: NextDose | null;
}

const byDate = (a: DoseFact, b: DoseFact) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number;

/** The product whose schedule the primary series follows: that of its first dose. */
export function seriesProduct(doses: readonly DoseFact[]): VaccineId | null {
  return [...doses].filter((d) => d.kind === 'primary').sort(byDate)[0]?.vaccine ?? null;
}

export function summarizeSeries(
  doses: readonly DoseFact[],
  birth: string,
  ruleSets: readonly BoosterRuleSet[] = BOOSTER_RULE_SETS,
): Series {
  const sorted = [...doses].sort(byDate);
  const primary = sorted.filter((d) => d.kind === 'primary');
  const boosters = sorted.filter((d) => d.kind === 'booster');
  const product = VACCINES[seriesProduct(sorted) ?? sorted[0]?.vaccine ?? 'pfizer'];
  const required = product.primary.doses;
  const completing = primary.length >= required ? primary[required - 1]! : null;
  const coverage: CoverageClass =
    boosters.length > 0
      ? 'booster'
      : completing
        ? 'primaryComplete'
        : sorted.length > 0
          ? 'partial'
          : 'notVaccinated';
  let next: NextDose | null = null;
  if (coverage === 'partial' && primary.length > 0) {
    const last = primary.at(-1)!;
    const interval = product.primary.intervals[primary.length - 1]!;
    next = {
      kind: 'primary',
      number: primary.length + 1,
      dueFrom: addDays(last.date, interval.recommendedDays[0]),
      overdueFrom: addDays(last.date, interval.recommendedDays[1] + OVERDUE_AFTER.days),
      ruleSetId: null,
      provisional: interval.provisional || product.primary.provisional,
    };
  } else if (coverage === 'primaryComplete' || coverage === 'booster') {
    const number = (boosters.length + 1) as 1 | 2;
    // Booster 1 counts from the last primary or additional dose, booster 2 from booster 1.
    const previous =
      number === 1 ? sorted.filter((d) => d.kind !== 'booster').at(-1)!.date : boosters.at(-1)!.date;
    const due = number <= 2 ? boosterDue(number, previous, birth, ruleSets) : null;
    if (due)
      next = {
        kind: 'booster',
        number,
        dueFrom: due.from,
        overdueFrom: addDays(due.from, OVERDUE_AFTER.days),
        ruleSetId: due.ruleSetId,
        provisional: due.provisional,
      };
  }
  return {
    coverage,
    doses: sorted.length,
    firstDoseDate: sorted[0]?.date ?? null,
    primaryCompleteDate: completing?.date ?? null,
    boosterDate: boosters[0]?.date ?? null,
    lastDoseDate: sorted.at(-1)?.date ?? null,
    next,
  };
}

/** The dose a new record most likely is when the user gives no number: the next of the series, else a booster. */
export function nextDoseOf(
  existing: readonly DoseFact[],
  vaccine: VaccineId,
): { kind: DoseKind; number: number } {
  const product = VACCINES[seriesProduct(existing) ?? vaccine];
  const primary = existing.filter((d) => d.kind === 'primary').length;
  if (primary < product.primary.doses) return { kind: 'primary', number: primary + 1 };
  return { kind: 'booster', number: existing.filter((d) => d.kind === 'booster').length + 1 };
}
