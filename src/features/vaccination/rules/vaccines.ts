/**
 * COVID-19 vaccine products used in Vietnam and their primary series, from the regulation digest
 * (../shared/domain/rules.md §6, whose sources are news and health-portal summaries of MoH guidance).
 * Values the digest marks UNCERTAIN or NOT FOUND ship as provisional defaults: `provisional: true` travels
 * with them to the API and the pages, which must not present them as law.
 */
import type { Message } from '../../../core/errors.ts';

export const VACCINE_IDS = [
  'astrazeneca',
  'pfizer',
  'pfizerPaediatric',
  'moderna',
  'sinopharm',
  'sputnikV',
  'abdala',
  'hayatVax',
  'covaxin',
] as const;
export type VaccineId = (typeof VACCINE_IDS)[number];

export interface IntervalRule {
  /** Below this many days the dose is still recorded, with a warning. */
  minimumDays: number;
  /** The schedule's window: the next dose is due from the first day, overdue some time after the last. */
  recommendedDays: readonly [number, number];
  provisional: boolean;
}

export interface VaccineProduct {
  id: VaccineId;
  name: string;
  label: Message;
  /** CVX code (CDC vaccine administered code set), for the FHIR export. */
  cvx: string;
  /** Whether its use in Vietnam is not confirmed by the digest. */
  provisional: boolean;
  primary: {
    doses: number;
    provisional: boolean;
    /** intervals[i]: from primary dose i + 1 to dose i + 2. */
    intervals: readonly IntervalRule[];
  };
  ages?: { min: number; max: number };
}

const confirmed = (minimumDays: number, from: number, to = from): IntervalRule => ({
  minimumDays,
  recommendedDays: [from, to],
  provisional: false,
});
const provisional = (days: number): IntervalRule => ({
  minimumDays: days,
  recommendedDays: [days, days],
  provisional: true,
});

export const VACCINES: Readonly<Record<VaccineId, VaccineProduct>> = {
  // rules.md §6 table, CONFIRMED (secondary: alobacsi.com citing MoH, 09/2021): 2 doses, 8–12 weeks apart.
  // Minimum 4 weeks: from 20/9/2021 provinces could shorten the interval, some to ≥ 4 weeks (thanhnien.vn).
  astrazeneca: {
    id: 'astrazeneca',
    name: 'AstraZeneca',
    label: { vi: 'AstraZeneca', en: 'AstraZeneca' },
    cvx: '210',
    provisional: false,
    primary: { doses: 2, provisional: false, intervals: [confirmed(28, 56, 84)] },
  },
  // rules.md §6 table, CONFIRMED (alobacsi.com): 2 doses, 3 weeks (21 days).
  pfizer: {
    id: 'pfizer',
    name: 'Pfizer-BioNTech (Comirnaty)',
    label: { vi: 'Pfizer-BioNTech (Comirnaty)', en: 'Pfizer-BioNTech (Comirnaty)' },
    cvx: '208',
    provisional: false,
    primary: { doses: 2, provisional: false, intervals: [confirmed(21, 21)] },
  },
  // rules.md §6 Age groups, CONFIRMED: 5–<12 rolled out in 2022 (MoH telegram 21/2/2022). Its schedule is
  // NOT FOUND in the digest: 2 doses 3 weeks apart, as for adults, is a provisional default.
  pfizerPaediatric: {
    id: 'pfizerPaediatric',
    name: 'Pfizer-BioNTech 5–11 tuổi',
    label: { vi: 'Pfizer-BioNTech cho trẻ 5–11 tuổi', en: 'Pfizer-BioNTech for children 5–11' },
    cvx: '218',
    provisional: false,
    primary: { doses: 2, provisional: true, intervals: [provisional(21)] },
    ages: { min: 5, max: 11 },
  },
  // rules.md §6 table, CONFIRMED (alobacsi.com): 2 doses, 28 days.
  moderna: {
    id: 'moderna',
    name: 'Moderna (Spikevax)',
    label: { vi: 'Moderna (Spikevax)', en: 'Moderna (Spikevax)' },
    cvx: '207',
    provisional: false,
    primary: { doses: 2, provisional: false, intervals: [confirmed(28, 28)] },
  },
  // rules.md §6 table, CONFIRMED (alobacsi.com): Vero Cell (Sinopharm), 2 doses, 3–4 weeks.
  sinopharm: {
    id: 'sinopharm',
    name: 'Sinopharm (Vero Cell)',
    label: { vi: 'Vero Cell (Sinopharm)', en: 'Sinopharm (Vero Cell)' },
    cvx: '510',
    provisional: false,
    primary: { doses: 2, provisional: false, intervals: [confirmed(21, 21, 28)] },
  },
  // rules.md §6 table, CONFIRMED (alobacsi.com): 2 doses, 3 weeks.
  sputnikV: {
    id: 'sputnikV',
    name: 'Sputnik V',
    label: { vi: 'Sputnik V', en: 'Sputnik V' },
    cvx: '505',
    provisional: false,
    primary: { doses: 2, provisional: false, intervals: [confirmed(21, 21)] },
  },
  // rules.md §6: 3 doses CONFIRMED ("mũi 3 của vaccine Abdala", special.nhandan.vn); interval NOT FOUND.
  // Provisional default: 14 days between doses (the manufacturer's 0–14–28 schedule, not a Vietnamese text).
  // No CVX code of its own: 500 is "COVID-19 Non-US Vaccine, Product Unknown".
  abdala: {
    id: 'abdala',
    name: 'Abdala',
    label: { vi: 'Abdala', en: 'Abdala' },
    cvx: '500',
    provisional: false,
    primary: { doses: 3, provisional: false, intervals: [provisional(14), provisional(14)] },
  },
  // rules.md §6: Hayat-Vax UNCERTAIN (not seen). It is the Sinopharm BIBP vaccine made in the UAE, so the
  // Vero Cell schedule is the provisional default.
  hayatVax: {
    id: 'hayatVax',
    name: 'Hayat-Vax',
    label: { vi: 'Hayat-Vax', en: 'Hayat-Vax' },
    cvx: '510',
    provisional: true,
    primary: { doses: 2, provisional: true, intervals: [{ ...confirmed(21, 21, 28), provisional: true }] },
  },
  // rules.md §6: Covaxin UNCERTAIN (not seen). Provisional default: the manufacturer's 2 doses, 28 days.
  covaxin: {
    id: 'covaxin',
    name: 'Covaxin',
    label: { vi: 'Covaxin', en: 'Covaxin' },
    cvx: '502',
    provisional: true,
    primary: { doses: 2, provisional: true, intervals: [provisional(28)] },
  },
};

export interface MixRule {
  first: VaccineId;
  next: VaccineId;
  /** The day the mix is allowed from: that of its source. */
  since: string;
  /** The source gives the month only (its first day is taken) or no date of its own. */
  sinceProvisional: boolean;
}

/**
 * A primary series may change product only in these ways, each from the date of its source (rules.md §6
 * Mixing rules, CONFIRMED: 24h.com.vn 08/2021; thanhnien.vn 09/2021); Sinopharm with itself only. Anything
 * else, or a mix before its date, is a warning.
 */
export const MIXES: readonly MixRule[] = [
  // "AZ dose 1 may be followed by Pfizer": 24h.com.vn, 08/2021 (month only).
  { first: 'astrazeneca', next: 'pfizer', since: '2021-08-01', sinceProvisional: true },
  // "AZ dose 1 may be followed … (from 8/9/2021, force majeure) Moderna".
  { first: 'astrazeneca', next: 'moderna', since: '2021-09-08', sinceProvisional: false },
  // "Moderna and Pfizer are interchangeable in force majeure": the force-majeure guidance the digest dates
  // 8/9/2021 (thanhnien.vn, 09/2021); the interchange has no date of its own in the digest.
  { first: 'moderna', next: 'pfizer', since: '2021-09-08', sinceProvisional: true },
  { first: 'pfizer', next: 'moderna', since: '2021-09-08', sinceProvisional: true },
];

export function mixAllowed(first: VaccineId, next: VaccineId, date: string): boolean {
  if (first === next) return true;
  return MIXES.some((m) => m.first === first && m.next === next && date >= m.since);
}

/** Vaccine names as lists and exports write them, folded to lower-case words without diacritics. */
const NAME_PATTERNS: readonly [RegExp, VaccineId][] = [
  [/\b(pfizer|comirnaty)\b.*\b(nhi|tre em|5 ?11|10 ?mcg|nap cam)\b/, 'pfizerPaediatric'],
  [/\b(astra ?zeneca|astra|az|covishield|vaxzevria|chadox1|azd ?1222)\b/, 'astrazeneca'],
  [/\b(pfizer|comirnaty|biontech)\b/, 'pfizer'],
  [/\b(moderna|spikevax)\b/, 'moderna'],
  [/\b(hayat ?vax|hayat)\b/, 'hayatVax'],
  [/\b(vero ?cell|sinopharm|bbibp|vero)\b/, 'sinopharm'],
  [/\b(sputnik|gam ?covid)\b/, 'sputnikV'],
  [/\babdala\b/, 'abdala'],
  [/\bcovaxin\b/, 'covaxin'],
];

const BY_LOWER_ID = new Map<string, VaccineId>(VACCINE_IDS.map((id) => [id.toLowerCase(), id]));

/** The product a cell names (folded: lower case, no diacritics), or null. Our own ids are accepted too. */
export function parseVaccine(folded: string): VaccineId | null {
  const words = folded.replace(/[^a-z0-9]+/g, ' ').trim();
  const byId = BY_LOWER_ID.get(folded.trim());
  if (byId) return byId;
  return NAME_PATTERNS.find(([pattern]) => pattern.test(words))?.[1] ?? null;
}
