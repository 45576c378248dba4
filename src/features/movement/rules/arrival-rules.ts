/**
 * What a person arriving from another locality must do, by the rule set in force on the arrival date
 * (shared/domain/rules.md §1–§3, §5), chosen by the origin commune's risk level on that day and the protection
 * the person declares. The arrival day is day 1: an obligation of N days covers days 1..N; a test on day k
 * falls on arrival + k − 1. Pure: no I/O.
 */
import { addDays } from '../../../core/dates.ts';
import { type DatedRuleSet, type RuleSetRef, ruleSetInForce, ruleSetRef } from '../../../core/rule-sets.ts';

/** Declared protection: full primary series, part of it, none, or recovered (within the set's window). */
export const VACCINATION_STATES = ['full', 'partial', 'none', 'recovered'] as const;
export type VaccinationState = (typeof VACCINATION_STATES)[number];
export type OriginLevel = 1 | 2 | 3 | 4;

export interface ArrivalTerms {
  /** Home quarantine days from the arrival day (0: none). */
  quarantineDays: number;
  /** Self-monitoring days after the quarantine (or from the arrival day without one). */
  selfMonitoringDays: number;
  /** Test day numbers (day 1 = the arrival day). */
  testDays: readonly number[];
  /** A negative test taken at most this many hours before arrival replaces a day-1 test (null: it does not). */
  priorTestReplacesDay1Hours: number | null;
  /** The clause of rules.md this row comes from. */
  clause: string;
  provisional: boolean;
}

export interface ArrivalRuleSet extends DatedRuleSet {
  /** Terms by origin level (1..4), then by declared protection. */
  terms: Readonly<Record<OriginLevel, Readonly<Record<VaccinationState, ArrivalTerms>>>>;
  /** The origin's level is unknown (no assessment for the week): taken as this level, flagged provisional. */
  unknownLevelTakenAs: OriginLevel;
}

const same = (t: ArrivalTerms): Record<VaccinationState, ArrivalTerms> => ({
  full: t,
  partial: t,
  none: t,
  recovered: t,
});

/**
 * 4800/QĐ-BYT (§2, "Testing under 4800", CONFIRMED secondary): no test for ordinary travel. Self-monitoring
 * for 7 days is a product default (5K practice; no national number found): provisional.
 */
const SELF_MONITOR_7: ArrivalTerms = {
  quarantineDays: 0,
  selfMonitoringDays: 7,
  testDays: [],
  priorTestReplacesDay1Hours: null,
  clause: 'rules.md §2 (4800: không xét nghiệm khi đi lại thông thường); 7 ngày tự theo dõi: mặc định',
  provisional: true,
};

/**
 * Level-4 origins under 4800 (§2: travellers from level-4 areas are the exception and are tested, CONFIRMED
 * secondary) with the returnee terms of ~10/2021 (§5, CONFIRMED secondary): fully vaccinated or recovered →
 * 7 days self-monitoring, test day 1; partially vaccinated → 7 days home quarantine + 7 days self-monitoring;
 * unvaccinated → 14 + 14, tests day 7 and 14 (plus the level-4 test on day 1). A negative test within 72 h
 * replacing the day-1 test is HCMC practice, provisional.
 */
const LEVEL4_4800: Record<VaccinationState, ArrivalTerms> = {
  full: {
    quarantineDays: 0,
    selfMonitoringDays: 7,
    testDays: [1],
    priorTestReplacesDay1Hours: 72,
    clause:
      'rules.md §2 (từ vùng cấp 4: xét nghiệm); §5 (về từ vùng dịch, đã tiêm đủ: tự theo dõi 7 ngày, XN ngày 1)',
    provisional: false,
  },
  recovered: {
    quarantineDays: 0,
    selfMonitoringDays: 7,
    testDays: [1],
    priorTestReplacesDay1Hours: 72,
    clause: 'rules.md §2; §5 (đã khỏi bệnh trong 6 tháng: tự theo dõi 7 ngày, XN ngày 1)',
    provisional: false,
  },
  partial: {
    quarantineDays: 7,
    selfMonitoringDays: 7,
    testDays: [1, 7],
    priorTestReplacesDay1Hours: 72,
    clause:
      'rules.md §2; §5 (tiêm chưa đủ: cách ly tại nhà 7 ngày + tự theo dõi 7 ngày); XN ngày 7: mặc định',
    provisional: true,
  },
  none: {
    quarantineDays: 14,
    selfMonitoringDays: 14,
    testDays: [1, 7, 14],
    priorTestReplacesDay1Hours: 72,
    clause: 'rules.md §2; §5 (chưa tiêm: cách ly 14 ngày + tự theo dõi 14 ngày, XN ngày 7 và 14)',
    provisional: false,
  },
};

/**
 * Level-3 origins under 4800: not set by the digest (§9 item 4). Product default, provisional: as level 1–2
 * for the protected; the unvaccinated are tested on day 1.
 */
const LEVEL3_4800: Record<VaccinationState, ArrivalTerms> = {
  ...same(SELF_MONITOR_7),
  none: {
    quarantineDays: 0,
    selfMonitoringDays: 14,
    testDays: [1],
    priorTestReplacesDay1Hours: 72,
    clause: 'mặc định của sản phẩm cho vùng cấp 3 (rules.md §9 mục 4: chưa tìm thấy quy định)',
    provisional: true,
  },
};

/**
 * 218/QĐ-BYT (§3, CONFIRMED): the negative-test requirement for domestic travel is removed; arrivals follow
 * separate MoH guidance (not found). Self-monitoring 7 days for everyone; unvaccinated arrivals from level 4
 * tested on day 1 (product default). Both provisional where the digest gives no number.
 */
const SELF_MONITOR_218: ArrivalTerms = {
  ...SELF_MONITOR_7,
  clause: 'rules.md §3 (218: bỏ yêu cầu xét nghiệm khi đi lại trong nước); 7 ngày tự theo dõi: mặc định',
};

export const ARRIVAL_RULE_SETS: readonly ArrivalRuleSet[] = [
  {
    id: 'NQ-128-QD-4800',
    name: 'Người đến/về địa phương theo Nghị quyết 128/NQ-CP và Quyết định 4800/QĐ-BYT',
    legalBasis: 'Nghị quyết 128/NQ-CP ngày 11/10/2021; Quyết định 4800/QĐ-BYT ngày 12/10/2021',
    legalBasisProvisional: false,
    effectiveFrom: '2021-10-12',
    effectiveTo: '2022-01-26',
    effectiveDatesProvisional: false,
    terms: { 1: same(SELF_MONITOR_7), 2: same(SELF_MONITOR_7), 3: LEVEL3_4800, 4: LEVEL4_4800 },
    unknownLevelTakenAs: 2,
  },
  {
    id: 'QD-218-BYT',
    name: 'Người đến/về địa phương theo Quyết định 218/QĐ-BYT',
    legalBasis: 'Quyết định 218/QĐ-BYT ngày 27/01/2022 (thay Quyết định 4800/QĐ-BYT)',
    legalBasisProvisional: false,
    effectiveFrom: '2022-01-27',
    effectiveTo: null,
    effectiveDatesProvisional: false,
    terms: {
      1: same(SELF_MONITOR_218),
      2: same(SELF_MONITOR_218),
      3: same(SELF_MONITOR_218),
      4: {
        ...same(SELF_MONITOR_218),
        none: {
          ...SELF_MONITOR_218,
          testDays: [1],
          priorTestReplacesDay1Hours: 72,
          clause: 'rules.md §3; XN ngày 1 cho người chưa tiêm từ vùng cấp 4: mặc định của sản phẩm',
        },
      },
    },
    unknownLevelTakenAs: 2,
  },
];

export interface ArrivalFacts {
  arrivalDate: string;
  /** The origin commune's level on the arrival day; null when no level is known. */
  originLevel: OriginLevel | null;
  vaccination: VaccinationState;
  /** A negative test before arrival: when it was taken (ISO day) — counted in whole days. */
  negativeTestOn?: string | null;
}

export type ObligationKind = 'quarantine' | 'selfMonitoring' | 'test';

export interface Obligation {
  kind: ObligationKind;
  /** First and last day (a test: the same day). */
  from: string;
  until: string;
  provisional: boolean;
}

export interface ArrivalPlan {
  ruleSet: RuleSetRef;
  originLevel: OriginLevel;
  originLevelKnown: boolean;
  quarantineDays: number;
  selfMonitoringDays: number;
  testDays: number[];
  obligations: Obligation[];
  /** The last day of any obligation: after it, nothing is due. */
  dueBy: string;
  clause: string;
  provisional: boolean;
}

/** The plan for an arrival, or null when no rule set was in force (before 12/10/2021). */
export function arrivalPlan(
  f: ArrivalFacts,
  sets: readonly ArrivalRuleSet[] = ARRIVAL_RULE_SETS,
): ArrivalPlan | null {
  const set = ruleSetInForce(sets, f.arrivalDate);
  if (!set) return null;
  const level = f.originLevel ?? set.unknownLevelTakenAs;
  const t = set.terms[level][f.vaccination];
  const priorCovers =
    t.priorTestReplacesDay1Hours !== null &&
    !!f.negativeTestOn &&
    f.negativeTestOn <= f.arrivalDate &&
    f.negativeTestOn >= addDays(f.arrivalDate, -Math.floor(t.priorTestReplacesDay1Hours / 24));
  const testDays = t.testDays.filter((d) => !(d === 1 && priorCovers));
  const provisional = t.provisional || f.originLevel === null;
  const obligations: Obligation[] = [];
  const day = (n: number) => addDays(f.arrivalDate, n - 1);
  if (t.quarantineDays > 0)
    obligations.push({ kind: 'quarantine', from: day(1), until: day(t.quarantineDays), provisional });
  if (t.selfMonitoringDays > 0)
    obligations.push({
      kind: 'selfMonitoring',
      from: day(t.quarantineDays + 1),
      until: day(t.quarantineDays + t.selfMonitoringDays),
      provisional,
    });
  for (const d of testDays) obligations.push({ kind: 'test', from: day(d), until: day(d), provisional });
  obligations.sort((a, b) => a.from.localeCompare(b.from) || a.kind.localeCompare(b.kind));
  const dueBy = obligations.reduce((m, o) => (o.until > m ? o.until : m), f.arrivalDate);
  return {
    ruleSet: ruleSetRef(set, provisional),
    originLevel: level,
    originLevelKnown: f.originLevel !== null,
    quarantineDays: t.quarantineDays,
    selfMonitoringDays: t.selfMonitoringDays,
    testDays,
    obligations,
    dueBy,
    clause: t.clause,
    provisional,
  };
}

/** What is due on `day` for a plan: the first obligation not yet over (null: nothing left). */
export function nextDue(plan: Pick<ArrivalPlan, 'obligations'>, day: string): Obligation | null {
  return plan.obligations.find((o) => o.until >= day) ?? null;
}
