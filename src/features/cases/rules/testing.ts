/**
 * Testing (issue 15): pooled samples, mass-testing rounds, positivity by week. Pure: what a pool's result does
 * to its members, the share of an area tested, a week's positivity. rules.md sets no pool size nor retest
 * delay: the values below are the practice of the 2021-2022 wave, shipped `provisional: true`.
 */
import { addDays, isoWeek, weekStart } from '../../../core/dates.ts';
import type { FieldError } from '../../../core/errors.ts';

export const POOL_RULES = {
  /**
   * Samples in one pool. Not in rules.md (glossary names "gộp mẫu" only): the Ministry's pooling guidance of
   * the wave allowed up to 10 for RT-PCR; provisional.
   */
  maxMembers: 10,
  /** Days after a positive pool's result within which each member's retest is due; provisional. */
  retestWithinDays: 1,
  provisional: true,
} as const;

export const POOL_RESULTS = ['positive', 'negative'] as const;
export type PoolResult = (typeof POOL_RESULTS)[number];
export const ROUND_AREAS = ['village', 'market', 'households'] as const;
export type RoundArea = (typeof ROUND_AREAS)[number];

const problem = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

/** A pool's members: 2 to the maximum, each person once. */
export function poolMemberProblems(personIds: readonly number[]): FieldError[] {
  if (personIds.length < 2)
    return [problem('members', 'Mẫu gộp cần ít nhất 2 người.', 'A pool needs at least 2 people.')];
  if (personIds.length > POOL_RULES.maxMembers)
    return [
      problem(
        'members',
        `Mẫu gộp tối đa ${POOL_RULES.maxMembers} người.`,
        `A pool holds at most ${POOL_RULES.maxMembers} people.`,
      ),
    ];
  if (new Set(personIds).size !== personIds.length)
    return [
      problem('members', 'Một người có tên hai lần trong mẫu gộp.', 'A person is listed twice in the pool.'),
    ];
  return [];
}

/** What a pool's result does to each member: a negative test written, or a retest to take by the due day. */
export type MemberOutcome =
  | { kind: 'negative'; sampleDate: string }
  | { kind: 'retest'; due: string; provisional: true };

export function poolOutcome(
  result: PoolResult,
  pool: { sampleDate: string; resultOn: string },
): MemberOutcome {
  if (result === 'negative') return { kind: 'negative', sampleDate: pool.sampleDate };
  return { kind: 'retest', due: addDays(pool.resultOn, POOL_RULES.retestWithinDays), provisional: true };
}

/** A result comes on or after its sample day and not after today. */
export function resultDateProblems(sampleDate: string, resultOn: string, today: string): FieldError[] {
  if (resultOn > today)
    return [problem('resultOn', 'Ngày có kết quả chưa tới.', 'The result day has not come yet.')];
  if (resultOn < sampleDate)
    return [
      problem('resultOn', 'Kết quả không thể trước ngày lấy mẫu.', 'A result cannot precede its sample.'),
    ];
  return [];
}

/** A round runs from its first to its last day. */
export function roundProblems(r: { startsOn: string; endsOn: string }): FieldError[] {
  if (r.endsOn < r.startsOn)
    return [problem('endsOn', 'Đợt kết thúc trước khi bắt đầu.', 'The round ends before it starts.')];
  if (daysSpan(r) > 31)
    return [problem('endsOn', 'Một đợt dài tối đa 31 ngày.', 'A round lasts at most 31 days.')];
  return [];
}

const daysSpan = (r: { startsOn: string; endsOn: string }) => {
  let n = 0;
  for (let d = r.startsOn; d <= r.endsOn && n <= 32; d = addDays(d, 1)) n++;
  return n;
};

/** The share of the area's people tested, in per cent with one decimal; null when nobody is counted there. */
export function shareTested(tested: number, people: number): number | null {
  if (people <= 0) return null;
  return Math.round((Math.min(tested, people) / people) * 1000) / 10;
}

/** "2022-W02": the ISO week a day falls in. */
export function isoWeekKey(day: string): string {
  const { year, week } = isoWeek(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week key. */
export function weekMonday(key: string): string {
  const [year, week] = key.split('-W').map(Number) as [number, number];
  // 4 January is always in week 1.
  return addDays(weekStart(`${year}-01-04`), (week - 1) * 7);
}

/** Positive tests as a share of tests done, in per cent with one decimal; null when none were done. */
export function positivityRate(done: number, positive: number): number | null {
  return done > 0 ? Math.round((positive / done) * 1000) / 10 : null;
}

/** Day totals (ISO day → done, positive) summed into ISO weeks, each with its rate; weeks in order. */
export function weeklyPositivity(days: readonly { day: string; done: number; positive: number }[]) {
  const weeks = new Map<string, { week: string; testsDone: number; testsPositive: number }>();
  for (const d of days) {
    const week = isoWeekKey(d.day);
    const w = weeks.get(week) ?? { week, testsDone: 0, testsPositive: 0 };
    w.testsDone += d.done;
    w.testsPositive += d.positive;
    weeks.set(week, w);
  }
  return [...weeks.values()]
    .sort((a, b) => a.week.localeCompare(b.week))
    .map((w) => ({ ...w, rate: positivityRate(w.testsDone, w.testsPositive) }));
}
