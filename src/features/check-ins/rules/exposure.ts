/**
 * Exposure at venues: which days a case was infectious, and who shared a venue with it. Pure.
 *
 * The regulation digest (shared/domain/rules.md) sets no infectious window for F0 and no rule for contacts
 * found through QR check-in: §8 "PC-Covid and QR check-in" only confirms that check-ins track movement, and
 * §5 gives F1 quarantine counted "from last exposure". The window below is therefore a product value, flagged
 * provisional in data, API and UI, to be confirmed by the health station (rules.md §9: implement as
 * configurable / needs legal check).
 */
import { addDays } from '../../../core/dates.ts';
import { type DatedRuleSet, ruleSetInForce, ruleSetRef } from '../../../core/rule-sets.ts';

export interface ExposureRuleSet extends DatedRuleSet {
  /** Days before the sample (or symptom) day the case counts as infectious. */
  daysBeforeSample: number;
  /** The case counts as infectious through its confirmation day (isolated from then on). */
  throughConfirmation: true;
  /** Who shared the venue: everyone checked in there on the same calendar day as the case's visit. */
  sameDay: true;
  provisional: true;
}

export const EXPOSURE_RULE_SETS: readonly ExposureRuleSet[] = [
  {
    id: 'venue-exposure-2021',
    name: 'Cửa sổ lây nhiễm tại địa điểm check-in (giá trị tạm)',
    // rules.md §8 (PC-Covid and QR check-in: movement tracking by QR check-in) and §5 (F1 counted from last
    // exposure); no clause sets the window: NOT FOUND in the digest → provisional.
    legalBasis: 'rules.md §8 QR check-in; §5 F1 từ lần tiếp xúc cuối — cửa sổ chưa có văn bản',
    legalBasisProvisional: true,
    effectiveFrom: '2021-09-30', // rules.md §8: PC-Covid, the national check-in app, from 30/9/2021
    effectiveTo: null,
    effectiveDatesProvisional: true,
    // Product value (provisional): 2 days before the sample day, the usual presymptomatic window.
    daysBeforeSample: 2,
    throughConfirmation: true,
    sameDay: true,
    provisional: true,
  },
];

export interface ExposureWindow {
  from: string;
  to: string;
  ruleSet: ReturnType<typeof ruleSetRef>;
}

/** The days a case was infectious at venues (sample day − 2 through its confirmation), or null before any rule. */
export function exposureWindow(c: { sample_date: string; confirmed_on: string }): ExposureWindow | null {
  const set = ruleSetInForce(EXPOSURE_RULE_SETS, c.sample_date);
  if (!set) return null;
  const from = addDays(c.sample_date, -set.daysBeforeSample);
  const to = c.confirmed_on < c.sample_date ? c.sample_date : c.confirmed_on;
  return { from, to, ruleSet: ruleSetRef(set, set.provisional) };
}

export interface Visit {
  id: number;
  venue_id: number;
  day: string;
  phone: string;
  national_id: string | null;
}

/** Whether a check-in is the case's person's: the same CCCD, or the same phone. */
export function isPersonsVisit(v: Visit, person: { phone: string | null; nationalId: string | null }) {
  return (
    (person.nationalId !== null && v.national_id === person.nationalId) ||
    (person.phone !== null && v.phone === person.phone)
  );
}

/**
 * The check-ins exposed by a case's visits: same venue, same day, inside the window, not the case's person's
 * own. Each with the visit that exposed it (the first, when several did).
 */
export function exposedCheckIns<V extends Visit>(
  window: { from: string; to: string },
  person: { phone: string | null; nationalId: string | null },
  candidates: readonly V[],
): { checkIn: V; visitId: number }[] {
  const inWindow = candidates.filter((v) => v.day >= window.from && v.day <= window.to);
  const visits = inWindow.filter((v) => isPersonsVisit(v, person));
  const out: { checkIn: V; visitId: number }[] = [];
  const seen = new Set<number>();
  for (const visit of visits)
    for (const v of inWindow)
      if (
        v.venue_id === visit.venue_id &&
        v.day === visit.day &&
        !isPersonsVisit(v, person) &&
        !seen.has(v.id)
      ) {
        seen.add(v.id);
        out.push({ checkIn: v, visitId: visit.id });
      }
  return out;
}
