/**
 * Risk-level rule sets (Resolution 128/NQ-CP; Decisions 4800/QĐ-BYT and 218/QĐ-BYT) as dated data
 * (shared/domain/rules.md §1–3). Every value cites the clause of the digest it comes from; the values the digest
 * marks UNCERTAIN or NOT FOUND ship as provisional defaults ("How SafeAdapt must hold these rules") and every
 * level computed from them is flagged provisional. A province may copy a set, change values and store it as its
 * own variant with the document that sets them (validated by `ruleSetProblems`). Pure.
 */
import type { FieldError } from '../../../core/errors.ts';
import { type DatedRuleSet, ruleSetInForce } from '../../../core/rule-sets.ts';

export const RISK_LEVELS = [1, 2, 3, 4] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** rules.md §1.1 (CONFIRMED): level → colour. */
export const LEVEL_COLOURS: Readonly<Record<RiskLevel, string>> = {
  1: 'green',
  2: 'yellow',
  3: 'orange',
  4: 'red',
};

/** rules.md §1.1: the level colours as drawn (maps, badges): the web's map and the server-painted one. */
export const LEVEL_FILL: Readonly<Record<number, string>> = {
  1: '#2e9e4f',
  2: '#f2c200',
  3: '#f07c00',
  4: '#d0201b',
};

/** A band of criterion 1: `min` ≤ value < `max` (`max` null: no upper end). */
export interface Band {
  level: RiskLevel;
  min: number;
  max: number | null;
  provisional: boolean;
  clause: string;
}

/** What criterion 2 measures: 4800's first doses of adults, 218's full primary series of everyone. */
export type CoverageMetric = 'adults18FirstDose' | 'wholePopulationPrimary';

export interface CoverageCriterion {
  metric: CoverageMetric;
  /** Met when the share is ≥ this (0–1). */
  threshold: number;
  provisional: boolean;
  clause: string;
  /** 218's second part: the high-risk group (here: people 50+) fully vaccinated, ≥ threshold. */
  highRisk: { metric: 'over50Primary'; threshold: number; provisional: boolean; clause: string } | null;
}

/** District and province levels (rules.md §2.2, NOT FOUND): the unit's own figures, or its highest commune. */
export const AGGREGATIONS = ['aggregateFigures', 'highestCommune'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export interface RiskRuleSet extends DatedRuleSet {
  /** null: national; else the province whose variant it is. */
  provinceCode: string | null;
  /** The day the document was signed: a set cannot take effect before it. */
  signedOn: string;
  version: number;
  /** The set this one was copied from. */
  basedOn: string | null;
  criterion1: { bands: Band[]; clause: string };
  criterion2: CoverageCriterion;
  /** Matrix (cases band × coverage): coverage not met raises the band by `raiseWhenNotMet` (max 4). */
  matrix: { raiseWhenNotMet: number; provisional: boolean; clause: string };
  /** 218: deaths per 100,000 per week at or above `raiseAt` raise the level by one. */
  severity: { raiseAt: number; provisional: boolean; clause: string } | null;
  /**
   * 218: new severe (oxygen-support) cases per 100,000 per week at or above `raiseAt` raise the level by one (with
   * deaths, one raise at most). Absent in variants stored before it existed: read as null.
   */
  severeCases?: { raiseAt: number; provisional: boolean; clause: string } | null;
  /** Criterion 3 not met: the level may not be lowered below last week's. */
  capacityRule: { provisional: boolean; clause: string };
  /** The draft 4800 rule: < threshold of people 50+ fully vaccinated raises one level (unless level 4 or no cases). */
  over50Draft: { enabled: boolean; threshold: number; provisional: boolean; clause: string };
  aggregation: Aggregation;
  aggregationProvisional: boolean;
  /** A version that revised provisional values: the document and the day its values apply from. */
  revision?: RuleSetRevision | null;
}

const C1_4800 = 'rules.md §2.2 "Criterion 1"; provisional defaults (top of rules.md)';

/** Decision 4800/QĐ-BYT, 12/10/2021 – 26/01/2022 (rules.md §0, §2). */
export const RULE_SET_4800: RiskRuleSet = {
  id: 'QD-4800-BYT',
  name: 'Quyết định 4800/QĐ-BYT (12/10/2021)',
  legalBasis: 'Quyết định 4800/QĐ-BYT ngày 12/10/2021 của Bộ Y tế, hướng dẫn Nghị quyết 128/NQ-CP',
  // rules.md §0: title and date CONFIRMED; replaced by 218 from 27/01/2022 (§3).
  legalBasisProvisional: false,
  signedOn: '2021-10-12',
  effectiveFrom: '2021-10-12',
  effectiveTo: '2022-01-26',
  effectiveDatesProvisional: false,
  provinceCode: null,
  version: 1,
  basedOn: null,
  criterion1: {
    clause: 'rules.md §2.1 criterion 1: new community cases per 100,000 per week',
    bands: [
      // rules.md §2.2: "mức độ 1: 0 – <20 ca" CONFIRMED (Hải Phòng health portal).
      {
        level: 1,
        min: 0,
        max: 20,
        provisional: false,
        clause: 'rules.md §2.2 criterion 1 mức độ 1 (CONFIRMED)',
      },
      // rules.md §2.2: higher bands UNCERTAIN; provisional defaults at the top of rules.md.
      { level: 2, min: 20, max: 50, provisional: true, clause: C1_4800 },
      { level: 3, min: 50, max: 150, provisional: true, clause: C1_4800 },
      { level: 4, min: 150, max: null, provisional: true, clause: C1_4800 },
    ],
  },
  criterion2: {
    // rules.md §2.1 (CONFIRMED metric); §2.2 cut-off ≥ 70 % UNCERTAIN → provisional default.
    metric: 'adults18FirstDose',
    threshold: 0.7,
    provisional: true,
    clause:
      'rules.md §2.1 criterion 2 (metric CONFIRMED); §2.2 cut-off ≥70 % (UNCERTAIN, provisional default)',
    highRisk: null,
  },
  matrix: {
    // rules.md §2.2 matrix NOT FOUND → provisional default: met → band; not met → band + 1 (max 4).
    raiseWhenNotMet: 1,
    provisional: true,
    clause: 'rules.md §2.2 combination matrix (NOT FOUND); provisional default: not met → band + 1',
  },
  severity: null,
  // rules.md §2.1: 4800's criterion 1 counts new community cases only; severity came with 218 (§3).
  severeCases: null,
  capacityRule: {
    // rules.md §2.2 "Failing criterion 3": CONFIRMED (secondary, luatvietnam summary).
    provisional: false,
    clause: 'rules.md §2.2 "Failing criterion 3": the level may not be lowered (CONFIRMED, secondary)',
  },
  over50Draft: {
    // rules.md §2.2 "Over-50 full-dose requirement": draft wording CONFIRMED, final wording UNCERTAIN; switchable.
    enabled: false,
    threshold: 0.8,
    provisional: true,
    clause: 'rules.md §2.2 over-50 requirement (draft, 09/2021): <80 % of 50+ fully vaccinated → +1 level',
  },
  // rules.md §2.2: district and province level NOT FOUND; provisional default: the unit's aggregate figures.
  aggregation: 'aggregateFigures',
  aggregationProvisional: true,
};

const P218 = 'rules.md §3 (thresholds NOT FOUND): documented example set, provisional';

/**
 * Decision 218/QĐ-BYT, 27/01/2022 – (rules.md §3). Its structure is CONFIRMED, its thresholds and matrix are
 * NOT FOUND: the values below are the documented example set of the digest's provisional defaults, to be
 * replaced by the province's own (a provincial variant), and every one of them is provisional.
 */
export const RULE_SET_218: RiskRuleSet = {
  id: 'QD-218-BYT',
  name: 'Quyết định 218/QĐ-BYT (27/01/2022)',
  legalBasis: 'Quyết định 218/QĐ-BYT ngày 27/01/2022 của Bộ Y tế, thay thế Quyết định 4800/QĐ-BYT',
  legalBasisProvisional: false,
  signedOn: '2022-01-27',
  // rules.md §3: "Takes effect on signing and replaces 4800" (CONFIRMED).
  effectiveFrom: '2022-01-27',
  effectiveTo: null,
  effectiveDatesProvisional: false,
  provinceCode: null,
  version: 1,
  basedOn: null,
  criterion1: {
    clause: 'rules.md §3 criterion 1: weekly new infections per 100,000 at commune level',
    bands: [
      { level: 1, min: 0, max: 20, provisional: true, clause: P218 },
      { level: 2, min: 20, max: 50, provisional: true, clause: P218 },
      { level: 3, min: 50, max: 150, provisional: true, clause: P218 },
      { level: 4, min: 150, max: null, provisional: true, clause: P218 },
    ],
  },
  criterion2: {
    // rules.md §3 criterion 2 (a) full primary series over the whole population; (b) the high-risk group.
    metric: 'wholePopulationPrimary',
    threshold: 0.7,
    provisional: true,
    clause: 'rules.md §3 criterion 2(a): fully vaccinated / total population (threshold NOT FOUND)',
    highRisk: {
      metric: 'over50Primary',
      threshold: 0.8,
      provisional: true,
      clause: 'rules.md §3 criterion 2(b): high-risk group (here people 50+) fully vaccinated (NOT FOUND)',
    },
  },
  matrix: { raiseWhenNotMet: 1, provisional: true, clause: P218 },
  // rules.md §3 criterion 1: deaths per 100,000 are part of 218's criterion 1 (threshold NOT FOUND).
  severity: {
    raiseAt: 1,
    provisional: true,
    clause: 'rules.md §3 criterion 1: deaths per 100,000 (NOT FOUND)',
  },
  // rules.md §3 criterion 1: "plus patients needing respiratory/oxygen support" per 100,000 per week (threshold
  // NOT FOUND, §9 item 3): documented example value, provisional.
  severeCases: {
    raiseAt: 5,
    provisional: true,
    clause: 'rules.md §3 criterion 1: patients needing respiratory/oxygen support per 100,000 (NOT FOUND)',
  },
  capacityRule: {
    provisional: true,
    clause: 'rules.md §2.2 "Failing criterion 3", kept under 218 (its criterion 3, §3, NOT FOUND in detail)',
  },
  over50Draft: { ...RULE_SET_4800.over50Draft, enabled: false },
  aggregation: 'aggregateFigures',
  aggregationProvisional: true,
};

export const NATIONAL_RULE_SETS: readonly RiskRuleSet[] = [RULE_SET_4800, RULE_SET_218];

/** Whether anything a level computed under the set depends on is provisional. */
export function setProvisional(set: RiskRuleSet): boolean {
  return (
    set.legalBasisProvisional ||
    set.effectiveDatesProvisional ||
    set.criterion1.bands.some((b) => b.provisional) ||
    set.criterion2.provisional ||
    (set.criterion2.highRisk?.provisional ?? false) ||
    set.matrix.provisional ||
    (set.severity?.provisional ?? false) ||
    (set.severeCases?.provisional ?? false) ||
    set.capacityRule.provisional ||
    (set.over50Draft.enabled && set.over50Draft.provisional)
  );
}

/** The set for a province on a day: its own variant in force, else the national one. */
export function ruleSetFor(
  sets: readonly RiskRuleSet[],
  provinceCode: string | null,
  day: string,
): RiskRuleSet | null {
  const own = provinceCode ? sets.filter((s) => s.provinceCode === provinceCode) : [];
  return (
    ruleSetInForce(own, day) ??
    ruleSetInForce(
      sets.filter((s) => s.provinceCode === null),
      day,
    )
  );
}

/** A rule set's problems, each naming its field (the API answers 400 with them). */
export function ruleSetProblems(set: RiskRuleSet): FieldError[] {
  const out: FieldError[] = [];
  const problem = (field: string, vi: string, en: string) => out.push({ field, message: { vi, en } });
  if (set.effectiveFrom < set.signedOn)
    problem(
      'effectiveFrom',
      'ngày hiệu lực trước ngày ký văn bản',
      'the effective date is before the signing date',
    );
  if (set.effectiveTo !== null && set.effectiveTo < set.effectiveFrom)
    problem(
      'effectiveTo',
      'ngày hết hiệu lực trước ngày hiệu lực',
      'the end date is before the effective date',
    );
  const bands = set.criterion1.bands;
  if (bands.length === 0) problem('criterion1.bands', 'chưa có ngưỡng nào', 'no bands');
  const sorted = [...bands].map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min);
  sorted.forEach(({ b, i }, k) => {
    const field = `criterion1.bands.${i}`;
    if (b.max !== null && b.max <= b.min)
      problem(
        `${field}.max`,
        'cận trên không lớn hơn cận dưới',
        'the upper bound is not above the lower bound',
      );
    if (k === 0 && b.min !== 0)
      problem(`${field}.min`, 'thiếu ngưỡng từ 0', 'missing band: the bands must start at 0');
    const prev = sorted[k - 1]?.b;
    if (prev) {
      if (prev.max === null || b.min < prev.max)
        problem(`${field}.min`, 'các ngưỡng chồng lên nhau', 'the band overlaps the one below it');
      else if (b.min > prev.max)
        problem(
          `${field}.min`,
          `thiếu ngưỡng từ ${prev.max} đến ${b.min}`,
          `missing band from ${prev.max} to ${b.min}`,
        );
      if (b.level < prev.level)
        problem(`${field}.level`, 'cấp độ giảm khi số ca tăng', 'the level falls as cases rise');
    }
    if (k === sorted.length - 1 && b.max !== null)
      problem(
        `${field}.max`,
        'thiếu ngưỡng trên cùng (không giới hạn)',
        'missing band: the top band must have no upper bound',
      );
  });
  const share = (field: string, v: number) => {
    if (!(v >= 0 && v <= 1)) problem(field, 'tỷ lệ phải từ 0 đến 1', 'a share must be between 0 and 1');
  };
  share('criterion2.threshold', set.criterion2.threshold);
  if (set.criterion2.highRisk) share('criterion2.highRisk.threshold', set.criterion2.highRisk.threshold);
  share('over50Draft.threshold', set.over50Draft.threshold);
  return out;
}

/**
 * A province's variant whose effective period overlaps another variant of the same province (`others`: the latest
 * version of each; its own earlier versions are skipped): refused, since `ruleSetFor` would otherwise take
 * whichever comes first. The field named is the end of the new period that reaches into the other one.
 */
export function overlapProblems(set: RiskRuleSet, others: readonly RiskRuleSet[]): FieldError[] {
  const out: FieldError[] = [];
  const ends = (s: RiskRuleSet) => s.effectiveTo ?? '9999-12-31';
  for (const o of others) {
    if (o.id === set.id || o.provinceCode === null || o.provinceCode !== set.provinceCode) continue;
    if (set.effectiveFrom > ends(o) || o.effectiveFrom > ends(set)) continue;
    const period = `${o.effectiveFrom} – ${o.effectiveTo ?? '…'}`;
    const inside = set.effectiveFrom >= o.effectiveFrom;
    out.push({
      field: inside ? 'effectiveFrom' : 'effectiveTo',
      message: {
        vi: `trùng thời gian hiệu lực với bộ tiêu chí ${o.id} của tỉnh (${period})`,
        en: `overlaps the period of the province's rule set ${o.id} (${period})`,
      },
    });
  }
  return out;
}

/** The document that set a version's revised values, and the day they apply from. */
export interface RuleSetRevision {
  documentNumber: string;
  documentDate: string;
  valuesFrom: string;
}

/**
 * The version of a set that applies on `day` (versions in order, the first the shipped or first stored one):
 * the newest whose revised values apply by then; a version stored whole (no revision) applies to every day.
 * So a revision never changes a level computed for a week before its values apply.
 */
export function versionOn<S extends { version: number; revision?: RuleSetRevision | null }>(
  versions: readonly S[],
  day: string,
): S {
  let pick = versions[0]!;
  for (const v of versions)
    if (v.version >= pick.version && (!v.revision || v.revision.valuesFrom <= day)) pick = v;
  return pick;
}

/** What an administrator may change in a set: its provisional values, each with its flag. */
export interface RevisionInput {
  document: { number: string; date: string };
  valuesFrom: string;
  bands?: { level: RiskLevel; min: number; max: number | null; provisional: boolean }[];
  coverage?: { threshold: number; provisional: boolean };
  highRisk?: { threshold: number; provisional: boolean };
  matrix?: { raiseWhenNotMet: number; provisional: boolean };
  severity?: { raiseAt: number; provisional: boolean };
  severeCases?: { raiseAt: number; provisional: boolean };
  over50Draft?: { enabled: boolean; threshold: number; provisional: boolean };
  aggregation?: { value: Aggregation; provisional: boolean };
}

/**
 * A new version of `current` with the values a document sets (issue 16: provisional values are edited by an
 * administrator with the document that sets them). Only values flagged provisional may change — a value the
 * digest confirms is the text's — and the revised values cannot apply before the document was signed, nor
 * outside the set's period; the result must still hold (`ruleSetProblems`). Each problem names its field.
 */
export function reviseRuleSet(
  current: RiskRuleSet,
  input: RevisionInput,
): { set: RiskRuleSet; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const problem = (field: string, vi: string, en: string) => problems.push({ field, message: { vi, en } });
  const confirmed = (field: string) =>
    problem(
      field,
      'giá trị đã được văn bản xác nhận, không sửa được',
      'confirmed by the text: it cannot be edited',
    );
  const clause = `${input.document.number} (${input.document.date})`;
  const set = structuredClone(current);
  set.version = current.version + 1;
  set.revision = {
    documentNumber: input.document.number,
    documentDate: input.document.date,
    valuesFrom: input.valuesFrom,
  };
  if (input.valuesFrom < input.document.date)
    problem(
      'valuesFrom',
      'ngày áp dụng trước ngày ký văn bản',
      'the values would apply before the document was signed',
    );
  else if (
    input.valuesFrom < current.effectiveFrom ||
    (current.effectiveTo !== null && input.valuesFrom > current.effectiveTo)
  )
    problem(
      'valuesFrom',
      'ngày áp dụng ngoài thời gian hiệu lực của bộ tiêu chí',
      "the day is outside the rule set's period",
    );
  if (input.bands) {
    const old = current.criterion1.bands;
    const same = (a: Band | undefined, b: (typeof input.bands)[number] | undefined) =>
      !!a && !!b && a.level === b.level && a.min === b.min && a.max === b.max;
    old.forEach((b, i) => {
      const next = input.bands![i];
      if (!b.provisional && (!same(b, next) || next!.provisional)) confirmed(`criterion1.bands.${i}`);
    });
    set.criterion1.bands = input.bands.map((b, i) =>
      same(old[i], b) && old[i]!.provisional === b.provisional ? old[i]! : { ...b, clause },
    );
  }
  const edit = <T extends { provisional: boolean; clause: string }>(
    field: string,
    target: T | null,
    changes: Partial<T> & { provisional: boolean },
    onSet: (next: T) => void,
  ) => {
    if (!target) return problem(field, 'bộ tiêu chí không có tiêu chí này', 'the set has no such rule');
    const changed = Object.entries(changes).some(([k, v]) => target[k as keyof T] !== v);
    if (!changed) return;
    if (!target.provisional) return confirmed(field);
    onSet({ ...target, ...changes, clause });
  };
  if (input.coverage)
    edit('criterion2.threshold', set.criterion2, input.coverage, (c) => {
      set.criterion2 = c;
    });
  if (input.highRisk)
    edit('criterion2.highRisk.threshold', set.criterion2.highRisk, input.highRisk, (h) => {
      set.criterion2.highRisk = h;
    });
  if (input.matrix)
    edit('matrix.raiseWhenNotMet', set.matrix, input.matrix, (m) => {
      set.matrix = m;
    });
  if (input.severity)
    edit('severity.raiseAt', set.severity, input.severity, (s) => {
      set.severity = s;
    });
  if (input.severeCases)
    edit('severeCases.raiseAt', set.severeCases ?? null, input.severeCases, (s) => {
      set.severeCases = s;
    });
  if (input.over50Draft)
    edit('over50Draft', set.over50Draft, input.over50Draft, (o) => {
      set.over50Draft = o;
    });
  if (
    input.aggregation &&
    (input.aggregation.value !== current.aggregation ||
      input.aggregation.provisional !== current.aggregationProvisional)
  ) {
    if (!current.aggregationProvisional) confirmed('aggregation');
    set.aggregation = input.aggregation.value;
    set.aggregationProvisional = input.aggregation.provisional;
  }
  problems.push(...ruleSetProblems(set));
  return { set, problems };
}
