/**
 * A unit's level for a week under a rule set, with why: each criterion's value, the band it fell in, every
 * special rule and whether it applied, and the rule that decided (rules.md §2–3). Pure.
 */
import type { Message } from '../../../core/errors.ts';
import { type Band, type RiskLevel, type RiskRuleSet, setProvisional } from './rule-sets.ts';

/** The week's figures of one unit, from the system's data. */
export interface RiskInputs {
  population: number;
  /** New community cases in the week (the cases capability's new cases by sample day). */
  newCases: number;
  /** New cases needing respiratory/oxygen support (severe or critical) in the week, by sample day (218, rules.md §3). */
  severeCases: number;
  deaths: number;
  /** Registered residents by group and how many of them reached the milestone by the week's end. */
  adults: number;
  adultsFirstDose: number;
  residents: number;
  residentsPrimary: number;
  over50: number;
  over50Primary: number;
  /** Criterion 3: null when no capacity data exists (treated as met, flagged). */
  capacityMet: boolean | null;
  /** Criterion 3's checks as the capacity capability measured them under the set's definition (values, clauses). */
  capacity?: CapacityDetail | null;
}

/** What the capacity capability answers for criterion 3 (its `Criterion3Result`, structurally). */
export interface CapacityDetail {
  provisional: boolean;
  definition: string;
  checks: readonly {
    name: string;
    value: number | null;
    threshold: number;
    met: boolean;
    provisional: boolean;
    clause: string;
    text: Message;
  }[];
}

export type RuleName =
  | 'band'
  | 'coverageNotMet'
  | 'over50Draft'
  | 'severeCases'
  | 'severity'
  | 'capacityNoLowering'
  | 'highestCommune';

export interface RuleStep {
  rule: RuleName;
  applied: boolean;
  levelAfter: RiskLevel;
  provisional: boolean;
  clause: string;
  text: Message;
}

export interface Evaluation {
  level: RiskLevel;
  provisional: boolean;
  criteria: {
    newCasesPer100kPerWeek: number | null;
    coverage: number | null;
    capacityMet: boolean;
  };
  criterion1: { value: number | null; newCases: number; population: number; band: Band };
  criterion2: {
    metric: RiskRuleSet['criterion2']['metric'];
    value: number | null;
    threshold: number;
    highRisk: { value: number | null; threshold: number } | null;
    /** null: no registry data to measure it (the band alone decides, flagged). */
    met: boolean | null;
    clause: string;
  };
  criterion3: {
    met: boolean;
    known: boolean;
    lastWeekLevel: RiskLevel | null;
    clause: string;
    provisional: boolean;
    definition: string | null;
    checks: CapacityDetail['checks'];
  };
  /** 218: new severe (oxygen-support) cases per 100,000 in the week; null without population. */
  severeCasesPer100kPerWeek: number | null;
  deathsPer100kPerWeek: number | null;
  steps: RuleStep[];
  decidingRule: RuleStep;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const clampLevel = (n: number) => Math.min(4, Math.max(1, n)) as RiskLevel;

export function bandOf(bands: readonly Band[], value: number): Band {
  return bands.find((b) => value >= b.min && (b.max === null || value < b.max)) ?? bands[0]!;
}

function coverageValue(set: RiskRuleSet, i: RiskInputs): number | null {
  return set.criterion2.metric === 'adults18FirstDose'
    ? share(i.adultsFirstDose, i.adults)
    : share(i.residentsPrimary, i.residents);
}

export function evaluate(set: RiskRuleSet, i: RiskInputs, lastWeekLevel: RiskLevel | null): Evaluation {
  const per100k = i.population > 0 ? (i.newCases * 100_000) / i.population : null;
  const band = bandOf(set.criterion1.bands, per100k ?? 0);
  const steps: RuleStep[] = [];
  let level: RiskLevel = band.level;
  steps.push({
    rule: 'band',
    applied: true,
    levelAfter: level,
    provisional: band.provisional,
    clause: band.clause,
    text: {
      vi: `Tiêu chí 1: ${per100k === null ? 'chưa có dân số' : round(per100k)} ca/100.000 dân/tuần, thuộc ngưỡng ${band.min}–${band.max === null ? '∞' : `<${band.max}`}: cấp ${band.level}`,
      en: `Criterion 1: ${per100k === null ? 'no population' : round(per100k)} cases/100,000/week, band ${band.min}–${band.max === null ? '∞' : `<${band.max}`}: level ${band.level}`,
    },
  });

  // Criterion 2 and the matrix.
  const c2 = set.criterion2;
  const coverage = coverageValue(set, i);
  const highRiskValue = c2.highRisk ? share(i.over50Primary, i.over50) : null;
  const met =
    coverage === null
      ? null
      : coverage >= c2.threshold &&
        (!c2.highRisk || highRiskValue === null || highRiskValue >= c2.highRisk.threshold);
  const raise = met === false;
  if (raise) level = clampLevel(level + set.matrix.raiseWhenNotMet);
  steps.push({
    rule: 'coverageNotMet',
    applied: raise,
    levelAfter: level,
    provisional: set.matrix.provisional || c2.provisional || met === null,
    clause: `${c2.clause}; ${set.matrix.clause}`,
    text:
      met === null
        ? {
            vi: 'Tiêu chí 2: chưa có dữ liệu tiêm chủng của đơn vị; cấp độ theo tiêu chí 1',
            en: 'Criterion 2: no vaccination data for the unit; the level follows criterion 1',
          }
        : {
            vi: `Tiêu chí 2: ${round(coverage! * 100, 1)}% (ngưỡng ${round(c2.threshold * 100, 1)}%)${highRiskValue !== null ? `, nhóm nguy cơ cao ${round(highRiskValue * 100, 1)}% (ngưỡng ${round(c2.highRisk!.threshold * 100, 1)}%)` : ''}: ${met ? 'đạt' : `không đạt, tăng ${set.matrix.raiseWhenNotMet} cấp`}`,
            en: `Criterion 2: ${round(coverage! * 100, 1)}% (threshold ${round(c2.threshold * 100, 1)}%)${highRiskValue !== null ? `, high-risk group ${round(highRiskValue * 100, 1)}% (threshold ${round(c2.highRisk!.threshold * 100, 1)}%)` : ''}: ${met ? 'met' : `not met, raised by ${set.matrix.raiseWhenNotMet}`}`,
          },
  });

  // The draft over-50 rule (4800 draft, switchable): unless already level 4 or no cases.
  const d = set.over50Draft;
  if (d.enabled) {
    const over50 = share(i.over50Primary, i.over50);
    const applies = over50 !== null && over50 < d.threshold && level < 4 && i.newCases > 0;
    if (applies) level = clampLevel(level + 1);
    steps.push({
      rule: 'over50Draft',
      applied: applies,
      levelAfter: level,
      provisional: d.provisional,
      clause: d.clause,
      text: {
        vi: `Quy tắc dự thảo: ${over50 === null ? 'chưa có dữ liệu' : `${round(over50 * 100, 1)}%`} người từ 50 tuổi tiêm đủ liều cơ bản (ngưỡng ${round(d.threshold * 100)}%)${applies ? ': tăng 1 cấp' : ''}`,
        en: `Draft rule: ${over50 === null ? 'no data on' : `${round(over50 * 100, 1)}% of`} people 50+ fully vaccinated (threshold ${round(d.threshold * 100)}%)${applies ? ': raised by 1' : ''}`,
      },
    });
  }

  // 218 criterion 1: severe (oxygen-support) cases per 100,000, then deaths per 100,000; together they raise the
  // level by one at most (the documented example set: one criterion, one raise).
  const severe100k = i.population > 0 ? (i.severeCases * 100_000) / i.population : null;
  let severityRaised = false;
  const severe = set.severeCases ?? null;
  if (severe) {
    const applies = severe100k !== null && severe100k >= severe.raiseAt && level < 4;
    if (applies) {
      level = clampLevel(level + 1);
      severityRaised = true;
    }
    steps.push({
      rule: 'severeCases',
      applied: applies,
      levelAfter: level,
      provisional: severe.provisional,
      clause: severe.clause,
      text: {
        vi: `Ca nặng cần hỗ trợ hô hấp, thở oxy: ${severe100k === null ? '–' : round(severe100k)}/100.000 dân/tuần (${i.severeCases} ca; ngưỡng ${severe.raiseAt})${applies ? ': tăng 1 cấp' : ''}`,
        en: `Severe cases needing oxygen support: ${severe100k === null ? '–' : round(severe100k)}/100,000/week (${i.severeCases} cases; threshold ${severe.raiseAt})${applies ? ': raised by 1' : ''}`,
      },
    });
  }
  const deaths100k = i.population > 0 ? (i.deaths * 100_000) / i.population : null;
  if (set.severity) {
    const reached = deaths100k !== null && deaths100k >= set.severity.raiseAt;
    const applies = reached && !severityRaised && level < 4;
    if (applies) level = clampLevel(level + 1);
    steps.push({
      rule: 'severity',
      applied: applies,
      levelAfter: level,
      provisional: set.severity.provisional,
      clause: set.severity.clause,
      text: {
        vi: `Tử vong: ${deaths100k === null ? '–' : round(deaths100k)}/100.000 dân/tuần (ngưỡng ${set.severity.raiseAt})${applies ? ': tăng 1 cấp' : reached && severityRaised ? ': đã tăng 1 cấp theo ca nặng' : ''}`,
        en: `Deaths: ${deaths100k === null ? '–' : round(deaths100k)}/100,000/week (threshold ${set.severity.raiseAt})${applies ? ': raised by 1' : reached && severityRaised ? ': already raised by 1 for severe cases' : ''}`,
      },
    });
  }

  // Criterion 3 not met: the level may not be lowered below last week's.
  const known = i.capacityMet !== null;
  const capacityMet = i.capacityMet ?? true;
  const capacityProvisional = set.capacityRule.provisional || !known || (i.capacity?.provisional ?? false);
  const failed = (i.capacity?.checks ?? []).filter((c) => !c.met);
  const failedText = {
    vi: failed.map((c) => c.text.vi).join('; '),
    en: failed.map((c) => c.text.en).join('; '),
  };
  const floor = !capacityMet && lastWeekLevel !== null && level < lastWeekLevel;
  if (floor) level = lastWeekLevel!;
  steps.push({
    rule: 'capacityNoLowering',
    applied: floor,
    levelAfter: level,
    provisional: capacityProvisional,
    clause: set.capacityRule.clause,
    text: !known
      ? {
          vi: 'Tiêu chí 3: chưa có dữ liệu năng lực thu dung, điều trị; tạm coi là đạt',
          en: 'Criterion 3: no treatment-capacity data yet; taken as met',
        }
      : capacityMet
        ? { vi: 'Tiêu chí 3: đạt', en: 'Criterion 3: met' }
        : floor
          ? {
              vi: `Tiêu chí 3 không đạt (${failedText.vi}): không được hạ cấp độ dưới cấp ${lastWeekLevel} của tuần trước`,
              en: `Criterion 3 not met (${failedText.en}): the level may not be lowered below last week's level ${lastWeekLevel}`,
            }
          : {
              vi: `Tiêu chí 3 không đạt (${failedText.vi}): cấp độ không thấp hơn tuần trước`,
              en: `Criterion 3 not met (${failedText.en}): the level is not below last week's`,
            },
  });

  const decidingRule = [...steps].reverse().find((s) => s.applied && s.rule !== 'band') ?? steps[0]!;
  const provisional = setProvisional(set) || capacityProvisional || met === null;
  return {
    level,
    provisional,
    criteria: {
      newCasesPer100kPerWeek: per100k === null ? null : round(per100k),
      coverage: coverage === null ? null : round(coverage, 4),
      capacityMet,
    },
    criterion1: {
      value: per100k === null ? null : round(per100k),
      newCases: i.newCases,
      population: i.population,
      band,
    },
    criterion2: {
      metric: c2.metric,
      value: coverage === null ? null : round(coverage, 4),
      threshold: c2.threshold,
      highRisk: c2.highRisk
        ? { value: highRiskValue === null ? null : round(highRiskValue, 4), threshold: c2.highRisk.threshold }
        : null,
      met,
      clause: c2.clause,
    },
    criterion3: {
      met: capacityMet,
      known,
      lastWeekLevel,
      clause: set.capacityRule.clause,
      provisional: capacityProvisional,
      definition: i.capacity?.definition ?? null,
      checks: i.capacity?.checks ?? [],
    },
    severeCasesPer100kPerWeek: severe100k === null ? null : round(severe100k),
    deathsPer100kPerWeek: deaths100k === null ? null : round(deaths100k),
    steps,
    decidingRule,
  };
}

/** The inputs of a unit as the sum of its communes' (the "aggregate figures" rule). */
export function sumInputs(list: readonly RiskInputs[]): RiskInputs {
  const out: RiskInputs = {
    population: 0,
    newCases: 0,
    severeCases: 0,
    deaths: 0,
    adults: 0,
    adultsFirstDose: 0,
    residents: 0,
    residentsPrimary: 0,
    over50: 0,
    over50Primary: 0,
    capacityMet: null,
  };
  for (const i of list) {
    for (const k of Object.keys(out) as (keyof RiskInputs)[])
      if (k !== 'capacityMet' && k !== 'capacity') (out[k] as number) += i[k] as number;
    if (i.capacityMet === false) out.capacityMet = false;
    else if (i.capacityMet === true && out.capacityMet === null) out.capacityMet = true;
  }
  return out;
}

/** How many communes are at each level: shown beside a district's or province's level (rules.md §2.2). */
export function levelDistribution(levels: readonly RiskLevel[]): Record<'1' | '2' | '3' | '4', number> {
  const out = { '1': 0, '2': 0, '3': 0, '4': 0 };
  for (const l of levels) out[String(l) as '1']++;
  return out;
}

/**
 * A district's or province's level under the set's aggregation rule (rules.md §2.2, NOT FOUND, switchable):
 * `aggregateFigures` keeps the evaluation of the unit's summed figures; `highestCommune` takes its highest
 * commune's level.
 */
export function aggregateLevel(
  set: RiskRuleSet,
  own: Evaluation,
  communeLevels: readonly RiskLevel[],
): Evaluation {
  if (set.aggregation !== 'highestCommune' || communeLevels.length === 0) return own;
  const highest = Math.max(...communeLevels) as RiskLevel;
  const step: RuleStep = {
    rule: 'highestCommune',
    applied: highest !== own.level,
    levelAfter: highest,
    provisional: set.aggregationProvisional,
    clause: 'rules.md §2.2 "District and province level" (NOT FOUND): the highest commune, by the rule set',
    text: {
      vi: `Cấp độ của đơn vị là cấp cao nhất của các xã: cấp ${highest}`,
      en: `The unit's level is its highest commune's: level ${highest}`,
    },
  };
  return {
    ...own,
    level: highest,
    provisional: own.provisional || set.aggregationProvisional,
    steps: [...own.steps, step],
    decidingRule: step.applied ? step : own.decidingRule,
  };
}
