/**
 * Weekly risk assessments: every commune's criteria from the system's own data (cases: new cases, severe
 * (oxygen-support) cases and deaths by day; vaccination: the coverage counters; capacity: criterion 3 as the capacity capability measures it under the
 * set's definition, taken as met and flagged where no capacity data exists), evaluated
 * under the rule set in force (or the one asked for), districts and provinces by the set's aggregation rule.
 * Computed on demand from the maintained counters; stored with their criterion values and rule set by the
 * weekly job and by a recompute. Aggregates, not personal data: reads are not audited.
 */
import { vietnamToday } from '../../core/dates.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { cachePerOwner } from '../../core/ttl-cache.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable } from '../../db/schema.ts';
import { unitInScope, unitTree } from '../admin-units/index.ts';
import { chainPosition, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { type Criterion3Result, treatmentCapacity } from '../capacity/index.ts';
import { communeWeekCounts } from '../cases/index.ts';
import { communeCoverageFacts } from '../vaccination/index.ts';
import { ruleSetCatalog } from './rule-sets-store.ts';
import {
  aggregateLevel,
  type Evaluation,
  evaluate,
  levelDistribution,
  type RiskInputs,
  sumInputs,
} from './rules/evaluate.ts';
import { type RiskLevel, type RiskRuleSet, ruleSetFor, versionOn } from './rules/rule-sets.ts';
import { previousWeek, weekDays } from './rules/week.ts';
import './tables.ts';

export interface UnitAssessment {
  unit: AdminUnitTable;
  set: RiskRuleSet;
  inputs: RiskInputs;
  evaluation: Evaluation;
  distribution: ReturnType<typeof levelDistribution> | null;
}

const badWeek = () =>
  badRequest({ vi: 'Tuần không hợp lệ', en: 'Invalid week' }, [
    { field: 'week', message: { vi: 'tuần theo dạng YYYY-Www', en: 'a week as YYYY-Www' } },
  ]);

const provinceOf = (u: AdminUnitTable) => u.province_code ?? (u.level === 1 ? u.code : null);

/** The unit and every unit below it (districts, communes), in tree order. */
function subtree(tree: Awaited<ReturnType<typeof unitTree>>, unit: AdminUnitTable): AdminUnitTable[] {
  const out: AdminUnitTable[] = [];
  const walk = (u: AdminUnitTable) => {
    out.push(u);
    if (u.level < 3) for (const c of tree.children(u.code)) walk(c);
  };
  walk(unit);
  return out;
}

/**
 * Last week's level of each unit, the level criterion 3 may not lower (rules.md §2.2 "the pandemic risk level shall
 * remain the same"): the level the unit was at — its latest announced one, else its latest stored proposal —
 * whatever rule set produced it (at 4800's end the week before was under 4800; a replay under another set is
 * held by the same real level). Not filtered by rule set.
 */
async function lastWeekLevels(db: Db, codes: string[], week: string) {
  const prev = previousWeek(week);
  const out = new Map<string, RiskLevel>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    for (const r of await db.db
      .selectFrom('risk_assessments')
      .select(['unit_code', 'level'])
      .where('week', '=', prev)
      .where('unit_code', 'in', chunk)
      .orderBy('computed_at')
      .execute())
      out.set(r.unit_code, r.level as RiskLevel);
    for (const r of await db.db
      .selectFrom('risk_announcements')
      .select(['unit_code', 'level'])
      .where('week', '=', prev)
      .where('unit_code', 'in', chunk)
      .orderBy('id')
      .execute())
      out.set(r.unit_code, r.level as RiskLevel);
  }
  return out;
}

/**
 * The week's assessment of a unit and of every unit below it, computed now from the counters. `ruleSetId`:
 * replay under that set; otherwise each unit's province's set in force on the week's Sunday.
 */
export async function computeAssessments(
  db: Db,
  scope: Scope,
  unitCode: string,
  week: string,
  ruleSetId?: string,
): Promise<UnitAssessment[]> {
  const unit = await unitInScope(db, scope, unitCode);
  const days = weekDays(week);
  if (!days) throw badWeek();
  const catalog = await ruleSetCatalog(db);
  const asked = ruleSetId ? (catalog.latest.find((s) => s.id === ruleSetId) ?? null) : null;
  if (ruleSetId && !asked)
    throw badRequest({ vi: 'Không có bộ tiêu chí này', en: 'No such rule set' }, [
      { field: 'ruleSet', message: { vi: 'bộ tiêu chí không tồn tại', en: 'unknown rule set' } },
    ]);
  const tree = await unitTree(db);
  const units = subtree(tree, unit);
  // The set in force on the week's Sunday (or the one asked for), in the version whose values apply that day.
  const setByProvince = new Map<string | null, RiskRuleSet | null>();
  const setOf = (u: AdminUnitTable) => {
    const province = provinceOf(u);
    if (!setByProvince.has(province)) {
      const found = asked ?? ruleSetFor(catalog.latest, province, days.sunday);
      setByProvince.set(province, found && versionOn(catalog.versions.get(found.id) ?? [found], days.sunday));
    }
    const s = setByProvince.get(province);
    if (!s)
      throw badRequest({ vi: 'Chưa có bộ tiêu chí cho tuần này', en: 'No rule set in force that week' }, [
        {
          field: 'week',
          message: { vi: 'trước Quyết định 4800 (12/10/2021)', en: 'before Decision 4800 (12/10/2021)' },
        },
      ]);
    return s;
  };
  const communes = units.filter((u) => u.level === 3);
  const [counts, coverage, lastWeek] = await Promise.all([
    communeWeekCounts(db, unit, days.monday, days.sunday),
    communeCoverageFacts(
      db,
      communes.map((c) => c.code),
      days.monday,
    ),
    lastWeekLevels(
      db,
      units.map((u) => u.code),
      week,
    ),
  ]);
  const capacity = await capacityOf(
    db,
    units.filter((u) => u.level >= 2),
    days.sunday,
    setOf,
  );
  const capacityInputs = (code: string) => {
    const r = capacity.get(code);
    return { capacityMet: r?.met ?? null, capacity: r && r.met !== null ? r : null };
  };
  const inputsOf = new Map<string, RiskInputs>();
  for (const c of communes) {
    const k = counts.get(c.code);
    const v = coverage.get(c.code);
    inputsOf.set(c.code, {
      population: c.population,
      newCases: k?.newCases ?? 0,
      severeCases: k?.severeCases ?? 0,
      deaths: k?.deaths ?? 0,
      adults: v?.adults ?? 0,
      adultsFirstDose: v?.adultsFirstDose ?? 0,
      residents: v?.residents ?? 0,
      residentsPrimary: v?.residentsPrimary ?? 0,
      over50: v?.over50 ?? 0,
      over50Primary: v?.over50Primary ?? 0,
      // Criterion 3 (beds, ICU, oxygen, mobile stations) from the capacity capability; null: no data, taken as met.
      ...capacityInputs(c.code),
    });
  }
  const results = new Map<string, UnitAssessment>();
  for (const c of communes) {
    const set = setOf(c);
    const inputs = inputsOf.get(c.code)!;
    results.set(c.code, {
      unit: c,
      set,
      inputs,
      evaluation: evaluate(set, inputs, lastWeek.get(c.code) ?? null),
      distribution: null,
    });
  }
  // Districts, then provinces, then the country: each from the communes below it.
  for (const level of [2, 1, 0])
    for (const u of units.filter((x) => x.level === level)) {
      const below = subtree(tree, u).filter((x) => x.level === 3);
      const set = setOf(u);
      const inputs = { ...sumInputs(below.map((b) => inputsOf.get(b.code)!)) };
      // A district's criterion 3 is its own (its facilities; all of its communes); provinces sum their communes'.
      if (u.level === 2) Object.assign(inputs, capacityInputs(u.code));
      // A district whose own population is known but whose communes carry none keeps the summed figures.
      const levels = below.map((b) => results.get(b.code)!.evaluation.level);
      results.set(u.code, {
        unit: u,
        set,
        inputs,
        evaluation: aggregateLevel(set, evaluate(set, inputs, lastWeek.get(u.code) ?? null), levels),
        distribution: levelDistribution(levels),
      });
    }
  return units.map((u) => results.get(u.code)!);
}

/**
 * The week's assessments as the pages read them: computed once, then kept while the counters they come from
 * stay as they were — every change of cases, doses, capacity, announcements, rule sets and stored levels in the
 * province appends to its audit chain, and a country-wide recompute to the national one, so the pair of chain
 * positions is the counters' version (read from the database: other processes' writes show too). What moves
 * without an audit entry (residents growing into the next age band) waits at most a minute, as in the
 * situation room. The country's assessment is not kept (no one version covers every province; ≈ 0.6 s).
 * Entries are shared: callers must not change them.
 */
const assessmentCache = cachePerOwner<Db, string, { version: string; list: UnitAssessment[] }>(60_000, 500);

export async function cachedAssessments(
  db: Db,
  scope: Scope,
  unitCode: string,
  week: string,
  ruleSetId?: string,
): Promise<UnitAssessment[]> {
  const unit = await unitInScope(db, scope, unitCode);
  const province = provinceOf(unit);
  if (!province) return computeAssessments(db, scope, unit.code, week, ruleSetId);
  const [own, national] = await Promise.all([chainPosition(db, province), chainPosition(db, '')]);
  const version = `${own}:${national}`;
  const key = `${unit.code}|${week}|${ruleSetId ?? ''}|${vietnamToday()}`;
  const hit = assessmentCache(db).get(key);
  if (hit?.version === version) return hit.list;
  const list = await computeAssessments(db, scope, unit.code, week, ruleSetId);
  assessmentCache(db).set(key, { version, list });
  return list;
}

/** Criterion 3 of the districts and communes, under each unit's rule set's definition (grouped by set). */
async function capacityOf(
  db: Db,
  units: AdminUnitTable[],
  sunday: string,
  setOf: (u: AdminUnitTable) => RiskRuleSet,
): Promise<Map<string, Criterion3Result>> {
  const groups = new Map<string, { ids: (string | null)[]; units: AdminUnitTable[] }>();
  for (const u of units) {
    const set = setOf(u);
    const key = `${set.id}|${set.basedOn ?? ''}`;
    const g = groups.get(key) ?? { ids: [set.id, set.basedOn], units: [] };
    g.units.push(u);
    groups.set(key, g);
  }
  const out = new Map<string, Criterion3Result>();
  for (const g of groups.values())
    for (const [code, r] of await treatmentCapacity(db, g.units, sunday, g.ids)) out.set(code, r);
  return out;
}

/** The latest announced level of each unit for the week. */
export async function announcedLevels(db: Db, codes: string[], week: string) {
  const out = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 500)
    for (const r of await db.db
      .selectFrom('risk_announcements')
      .select(['unit_code', 'level'])
      .where('week', '=', week)
      .where('unit_code', 'in', codes.slice(i, i + 500))
      .orderBy('id')
      .execute())
      out.set(r.unit_code, r.level);
  return out;
}

/** One unit of the GET /api/risk-levels contract. */
export function unitLevel(a: UnitAssessment, announced: number | null) {
  return {
    code: a.unit.code,
    name: a.unit.name_with_type,
    adminLevel: a.unit.level,
    level: a.evaluation.level,
    announcedLevel: announced,
    ruleSet: a.set.id,
    ruleSetVersion: a.set.version,
    provisional: a.evaluation.provisional,
    criteria: a.evaluation.criteria,
    capacityAssumed: !a.evaluation.criterion3.known,
    decidingRule: a.evaluation.decidingRule.rule,
    reason: a.evaluation.decidingRule.text,
    distribution: a.distribution,
  };
}

/** GET /api/risk-levels: the unit and each unit below it. */
export async function riskLevels(db: Db, scope: Scope, unitCode: string, week: string, ruleSetId?: string) {
  const list = await cachedAssessments(db, scope, unitCode, week, ruleSetId);
  const announced = await announcedLevels(
    db,
    list.map((a) => a.unit.code),
    week,
  );
  return { week, units: list.map((a) => unitLevel(a, announced.get(a.unit.code) ?? null)) };
}

/** "Why this level": the criteria, the bands, every rule and the one that decided, the rule set. */
export async function whyLevel(db: Db, scope: Scope, unitCode: string, week: string, ruleSetId?: string) {
  const list = await cachedAssessments(db, scope, unitCode, week, ruleSetId);
  const a = list[0]!;
  const announced = await announcementHistory(db, a.unit.code, week);
  return whyOf(a, week, announced);
}

export function whyOf(a: UnitAssessment, week: string, announcements: unknown[] = []) {
  const e = a.evaluation;
  return {
    unit: { code: a.unit.code, name: a.unit.name_with_type, adminLevel: a.unit.level },
    week,
    level: e.level,
    provisional: e.provisional,
    ruleSet: {
      id: a.set.id,
      name: a.set.name,
      legalBasis: a.set.legalBasis,
      version: a.set.version,
      provinceCode: a.set.provinceCode,
      effectiveFrom: a.set.effectiveFrom,
      effectiveTo: a.set.effectiveTo,
      aggregation: a.set.aggregation,
      revision: a.set.revision ?? null,
    },
    criteria: e.criteria,
    criterion1: {
      newCases: e.criterion1.newCases,
      severeCases: a.inputs.severeCases,
      population: e.criterion1.population,
      value: e.criterion1.value,
      band: e.criterion1.band,
      bands: a.set.criterion1.bands,
      clause: a.set.criterion1.clause,
    },
    criterion2: { ...e.criterion2, provisional: a.set.criterion2.provisional },
    criterion3: e.criterion3,
    severeCasesPer100kPerWeek: e.severeCasesPer100kPerWeek,
    deathsPer100kPerWeek: e.deathsPer100kPerWeek,
    rules: e.steps,
    decidingRule: e.decidingRule,
    distribution: a.distribution,
    announcements,
  };
}

export async function announcementHistory(db: Db, unitCode: string, week?: string) {
  let q = db.db.selectFrom('risk_announcements').selectAll().where('unit_code', '=', unitCode);
  if (week) q = q.where('week', '=', week);
  const rows = await q.orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    unitCode: r.unit_code,
    week: r.week,
    level: r.level,
    proposedLevel: r.proposed_level,
    ruleSet: r.rule_set_id,
    ruleSetVersion: r.rule_set_version,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    announcedBy: r.announced_by,
    reason: r.reason,
    createdAt: r.created_at,
  }));
}

/** Replay: the week under two rule sets side by side, with the communes that would change and why. */
export async function replay(db: Db, scope: Scope, unitCode: string, week: string, a: string, b: string) {
  const [left, right] = [
    await cachedAssessments(db, scope, unitCode, week, a),
    await cachedAssessments(db, scope, unitCode, week, b),
  ];
  const units = left.map((l, i) => {
    const r = right[i]!;
    return {
      code: l.unit.code,
      name: l.unit.name_with_type,
      adminLevel: l.unit.level,
      a: {
        level: l.evaluation.level,
        provisional: l.evaluation.provisional,
        criteria: l.evaluation.criteria,
        reason: l.evaluation.decidingRule.text,
      },
      b: {
        level: r.evaluation.level,
        provisional: r.evaluation.provisional,
        criteria: r.evaluation.criteria,
        reason: r.evaluation.decidingRule.text,
      },
      changed: l.evaluation.level !== r.evaluation.level,
    };
  });
  return {
    week,
    ruleSets: { a, b },
    changed: units.filter((u) => u.changed && u.adminLevel === 3).length,
    units,
  };
}

/** Stores the week's assessments of a unit and the units below it (a recompute, the weekly job). */
export async function storeAssessments(db: Db, scope: Scope, unitCode: string, week: string) {
  const list = await computeAssessments(db, scope, unitCode, week);
  const now = new Date().toISOString();
  const rows = list.map((a) => ({
    province_code: provinceOf(a.unit) ?? a.unit.code,
    district_code: a.unit.district_code,
    unit_code: a.unit.code,
    unit_level: a.unit.level,
    week,
    rule_set_id: a.set.id,
    rule_set_version: a.set.version,
    level: a.evaluation.level,
    provisional: a.evaluation.provisional ? 1 : 0,
    population: a.inputs.population,
    new_cases: a.inputs.newCases,
    deaths: a.inputs.deaths,
    cases_per_100k: a.evaluation.criteria.newCasesPer100kPerWeek,
    coverage: a.evaluation.criteria.coverage,
    capacity_met: a.evaluation.criteria.capacityMet ? 1 : 0,
    capacity_known: a.evaluation.criterion3.known ? 1 : 0,
    deciding_rule: a.evaluation.decidingRule.rule,
    why: JSON.stringify(whyOf(a, week)),
    computed_at: now,
  }));
  await writeAudited(
    db,
    scope,
    async (trx) => {
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        await trx
          .insertInto('risk_assessments')
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(['province_code', 'unit_code', 'week', 'rule_set_id']).doUpdateSet((eb) => ({
              rule_set_version: eb.ref('excluded.rule_set_version'),
              level: eb.ref('excluded.level'),
              provisional: eb.ref('excluded.provisional'),
              population: eb.ref('excluded.population'),
              new_cases: eb.ref('excluded.new_cases'),
              deaths: eb.ref('excluded.deaths'),
              cases_per_100k: eb.ref('excluded.cases_per_100k'),
              coverage: eb.ref('excluded.coverage'),
              capacity_met: eb.ref('excluded.capacity_met'),
              capacity_known: eb.ref('excluded.capacity_known'),
              deciding_rule: eb.ref('excluded.deciding_rule'),
              why: eb.ref('excluded.why'),
              computed_at: eb.ref('excluded.computed_at'),
            })),
          )
          .execute();
      }
    },
    {
      action: 'update',
      entity: 'risk_assessment',
      entityId: week,
      unitCode,
      details: { units: rows.length },
    },
  );
  return { week, units: rows.length };
}

/** Stored proposals of a unit (history of computed levels). */
export async function storedAssessments(db: Db, scope: Scope, unitCode: string) {
  await unitInScope(db, scope, unitCode);
  const rows = await db.db
    .selectFrom('risk_assessments')
    .select([
      'week',
      'rule_set_id',
      'rule_set_version',
      'level',
      'provisional',
      'cases_per_100k',
      'coverage',
      'computed_at',
    ])
    .where('unit_code', '=', unitCode)
    .orderBy('week', 'desc')
    .limit(104)
    .execute();
  return rows.map((r) => ({
    week: r.week,
    ruleSet: r.rule_set_id,
    ruleSetVersion: r.rule_set_version,
    level: r.level,
    provisional: r.provisional === 1,
    newCasesPer100kPerWeek: r.cases_per_100k === null ? null : Number(r.cases_per_100k),
    coverage: r.coverage === null ? null : Number(r.coverage),
    computedAt: r.computed_at,
  }));
}

export const announcementNotFound = () =>
  notFound({ vi: 'Không tìm thấy công bố cấp độ', en: 'Announcement not found' });
