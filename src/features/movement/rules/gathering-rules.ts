/**
 * Conditions for a festival or event (lễ hội, sự kiện) at the commune's level on its date (shared/domain/rules.md
 * §1.3 and §3), by the rule set in force that day. Pure: no I/O.
 */
import { type DatedRuleSet, type RuleSetRef, ruleSetInForce, ruleSetRef } from '../../../core/rule-sets.ts';
import type { OriginLevel } from './arrival-rules.ts';

export const VENUES = ['indoor', 'outdoor'] as const;
export type Venue = (typeof VENUES)[number];

export interface LevelLimit {
  /** Largest number of participants (null: no limit; 0: not allowed). */
  indoor: number | null;
  outdoor: number | null;
  /** What participants must show (declared by the organiser): none, or vaccinated/recovered/tested. */
  participantsMustBeCovered: boolean;
  clause: string;
  provisional: boolean;
}

export interface GatheringRuleSet extends DatedRuleSet {
  limits: Readonly<Record<OriginLevel, LevelLimit>>;
  /**
   * 218 (§3, CONFIRMED): at levels 2–4 the participant count may be raised when 100 % of participants are fully
   * vaccinated, recovered or tested negative. By how much is not said: this factor is provisional.
   */
  coveredRaise: { fromLevel: number; factor: number; clause: string; provisional: boolean } | null;
}

/** Level 1 (§1.3, CONFIRMED): allowed, no limit on participants, with 5K. */
const LEVEL1: LevelLimit = {
  indoor: null,
  outdoor: null,
  participantsMustBeCovered: false,
  clause: 'rules.md §1.3 (cấp 1: không giới hạn số người, thực hiện 5K)',
  provisional: false,
};
/**
 * Levels 2–4 (§1.3): "restricted / conditional", "more restricted", "most restricted" are CONFIRMED; numeric caps
 * are NOT FOUND (§9 item 4). Caps below are provisional product defaults: level 3 takes the local example of
 * §1.3 (≤ 20 per room, ≤ 10 in public), level 4 allows none.
 */
const LEVEL2: LevelLimit = {
  indoor: 100,
  outdoor: 200,
  participantsMustBeCovered: true,
  clause: 'rules.md §1.3 (cấp 2: hạn chế, tổ chức có điều kiện); số người: mặc định tạm',
  provisional: true,
};
const LEVEL3: LevelLimit = {
  indoor: 20,
  outdoor: 10,
  participantsMustBeCovered: true,
  clause: 'rules.md §1.3 (cấp 3: hạn chế hơn; ví dụ địa phương ≤ 20 người/phòng, ≤ 10 người nơi công cộng)',
  provisional: true,
};
const LEVEL4: LevelLimit = {
  indoor: 0,
  outdoor: 0,
  participantsMustBeCovered: true,
  clause: 'rules.md §1.3 (cấp 4: hạn chế nhất); không tổ chức: mặc định tạm',
  provisional: true,
};

export const GATHERING_RULE_SETS: readonly GatheringRuleSet[] = [
  {
    id: 'NQ-128-QD-4800',
    name: 'Tổ chức lễ hội, sự kiện theo Nghị quyết 128/NQ-CP và Quyết định 4800/QĐ-BYT',
    legalBasis: 'Nghị quyết 128/NQ-CP ngày 11/10/2021; Quyết định 4800/QĐ-BYT ngày 12/10/2021',
    legalBasisProvisional: false,
    effectiveFrom: '2021-10-12',
    effectiveTo: '2022-01-26',
    effectiveDatesProvisional: false,
    limits: { 1: LEVEL1, 2: LEVEL2, 3: LEVEL3, 4: LEVEL4 },
    coveredRaise: null,
  },
  {
    id: 'QD-218-BYT',
    name: 'Tổ chức lễ hội, sự kiện theo Quyết định 218/QĐ-BYT',
    legalBasis: 'Quyết định 218/QĐ-BYT ngày 27/01/2022; Nghị quyết 128/NQ-CP',
    legalBasisProvisional: false,
    effectiveFrom: '2022-01-27',
    effectiveTo: null,
    effectiveDatesProvisional: false,
    limits: { 1: LEVEL1, 2: LEVEL2, 3: LEVEL3, 4: LEVEL4 },
    coveredRaise: {
      fromLevel: 2,
      factor: 2,
      clause:
        'rules.md §3 (218: cấp 2–4 được tăng số người khi 100 % người tham dự đã tiêm đủ, đã khỏi hoặc có XN âm tính); hệ số 2: mặc định tạm',
      provisional: true,
    },
  },
];

export interface GatheringFacts {
  date: string;
  level: OriginLevel | null;
  venue: Venue;
  participants: number;
  /** The organiser undertakes that every participant is fully vaccinated, recovered or tested negative. */
  allParticipantsCovered: boolean;
}

export type GatheringProblem = 'notAllowed' | 'tooMany' | 'participantsNotCovered';

export interface GatheringConditions {
  ruleSet: RuleSetRef;
  level: OriginLevel;
  levelKnown: boolean;
  /** The cap that applies (null: none). */
  limit: number | null;
  participantsMustBeCovered: boolean;
  problems: GatheringProblem[];
  /** What the system proposes: approve when no problem. */
  proposal: 'approve' | 'refuse';
  clauses: string[];
  provisional: boolean;
}

/** The conditions for an event, or null before 128 (12/10/2021). An unknown level is taken as 2 (provisional). */
export function gatheringConditions(
  f: GatheringFacts,
  sets: readonly GatheringRuleSet[] = GATHERING_RULE_SETS,
): GatheringConditions | null {
  const set = ruleSetInForce(sets, f.date);
  if (!set) return null;
  const level = f.level ?? 2;
  const l = set.limits[level];
  let limit = f.venue === 'indoor' ? l.indoor : l.outdoor;
  const clauses = [l.clause];
  let provisional = l.provisional || f.level === null;
  const raise = set.coveredRaise;
  if (raise && limit !== null && limit > 0 && level >= raise.fromLevel && f.allParticipantsCovered) {
    limit *= raise.factor;
    clauses.push(raise.clause);
    provisional ||= raise.provisional;
  }
  const problems: GatheringProblem[] = [];
  if (limit === 0) problems.push('notAllowed');
  else if (limit !== null && f.participants > limit) problems.push('tooMany');
  if (l.participantsMustBeCovered && !f.allParticipantsCovered) problems.push('participantsNotCovered');
  return {
    ruleSet: ruleSetRef(set, provisional),
    level,
    levelKnown: f.level !== null,
    limit,
    participantsMustBeCovered: l.participantsMustBeCovered,
    problems,
    proposal: problems.length ? 'refuse' : 'approve',
    clauses,
    provisional,
  };
}
