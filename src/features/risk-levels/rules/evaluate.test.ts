/**
 * Vectors for each band edge and each special rule, traced to shared/domain/rules.md (the clause beside each).
 */
import { describe, expect, it } from 'vitest';
import { aggregateLevel, evaluate, type RiskInputs, sumInputs } from './evaluate.ts';
import {
  NATIONAL_RULE_SETS,
  overlapProblems,
  type RiskRuleSet,
  RULE_SET_218,
  RULE_SET_4800,
  ruleSetFor,
  ruleSetProblems,
} from './rule-sets.ts';
import { lastClosedWeek, previousWeek, weekDays, weekOf } from './week.ts';

/** 100,000 people, so that cases are per 100,000; coverage met under both sets unless changed. */
const base = (over: Partial<RiskInputs> = {}): RiskInputs => ({
  population: 100_000,
  newCases: 0,
  severeCases: 0,
  deaths: 0,
  adults: 1000,
  adultsFirstDose: 900,
  residents: 1000,
  residentsPrimary: 900,
  over50: 100,
  over50Primary: 90,
  capacityMet: true,
  ...over,
});

describe('4800 criterion 1 bands (rules.md §2.2 and the provisional defaults)', () => {
  // [cases per 100,000, level]: 0 – <20 → 1 (CONFIRMED); 20 – <50 → 2; 50 – <150 → 3; ≥150 → 4 (provisional).
  it.each([
    [0, 1],
    [19, 1],
    [19.99, 1],
    [20, 2],
    [49, 2],
    [50, 3],
    [149, 3],
    [150, 4],
    [1000, 4],
  ])('%d cases → level %d with coverage met', (cases, level) => {
    const e = evaluate(RULE_SET_4800, base({ newCases: cases }), null);
    expect(e.level).toBe(level);
    expect(e.decidingRule.rule).toBe('band');
  });

  it('is exact at the edge in cases per 100,000, not in raw cases', () => {
    // 1,000 people: 1 case is 100/100,000 → band 3; 2 cases are 200 → band 4.
    expect(evaluate(RULE_SET_4800, base({ population: 1000, newCases: 1 }), null).level).toBe(3);
    expect(evaluate(RULE_SET_4800, base({ population: 1000, newCases: 2 }), null).level).toBe(4);
    expect(
      evaluate(RULE_SET_4800, base({ population: 1000, newCases: 2 }), null).criteria.newCasesPer100kPerWeek,
    ).toBe(200);
  });

  it('flags band 1 as confirmed and the others provisional (rules.md §2.2)', () => {
    expect(RULE_SET_4800.criterion1.bands.map((b) => b.provisional)).toEqual([false, true, true, true]);
    expect(evaluate(RULE_SET_4800, base(), null).provisional).toBe(true);
  });
});

describe('4800 criterion 2 and the matrix (rules.md §2.1, §2.2 provisional: not met → band + 1, max 4)', () => {
  it.each([
    [700, 1],
    [699, 2],
  ])('%d of 1000 adults with a first dose → level %d in band 1', (firstDose, level) => {
    const e = evaluate(RULE_SET_4800, base({ adultsFirstDose: firstDose }), null);
    expect(e.level).toBe(level);
    expect(e.criteria.coverage).toBe(firstDose / 1000);
    if (level === 2) expect(e.decidingRule.rule).toBe('coverageNotMet');
  });

  it('never goes above 4', () => {
    expect(evaluate(RULE_SET_4800, base({ newCases: 150, adultsFirstDose: 0 }), null).level).toBe(4);
  });

  it('with no registry data the band decides, flagged', () => {
    const e = evaluate(RULE_SET_4800, base({ adults: 0, adultsFirstDose: 0, newCases: 25 }), null);
    expect(e.level).toBe(2);
    expect(e.criterion2.met).toBeNull();
    expect(e.provisional).toBe(true);
  });
});

describe('criterion 3 not met: the level may not be lowered (rules.md §2.2 "Failing criterion 3")', () => {
  it('keeps last week’s level when the rules would lower it', () => {
    const e = evaluate(RULE_SET_4800, base({ capacityMet: false }), 3);
    expect(e.level).toBe(3);
    expect(e.decidingRule.rule).toBe('capacityNoLowering');
    expect(e.decidingRule.text.en).toContain('may not be lowered');
  });
  it('does not hold a level down nor apply when capacity is met', () => {
    expect(evaluate(RULE_SET_4800, base({ capacityMet: false, newCases: 160 }), 2).level).toBe(4);
    expect(evaluate(RULE_SET_4800, base({ capacityMet: true }), 3).level).toBe(1);
  });
  it('treats unknown capacity as met, flagged provisional', () => {
    const e = evaluate(RULE_SET_4800, base({ capacityMet: null }), 3);
    expect(e.level).toBe(1);
    expect(e.criterion3).toMatchObject({ met: true, known: false });
    expect(e.provisional).toBe(true);
  });
});

describe('the draft over-50 rule (rules.md §2.2, draft wording; switchable, off by default)', () => {
  const on: RiskRuleSet = { ...RULE_SET_4800, over50Draft: { ...RULE_SET_4800.over50Draft, enabled: true } };
  it('is off in the shipped 4800 set', () => {
    expect(RULE_SET_4800.over50Draft.enabled).toBe(false);
    expect(evaluate(RULE_SET_4800, base({ newCases: 5, over50Primary: 10 }), null).level).toBe(1);
  });
  it('raises one level below 80 % of people 50+ fully vaccinated, flagged', () => {
    const e = evaluate(on, base({ newCases: 5, over50Primary: 79 }), null);
    expect(e.level).toBe(2);
    expect(e.decidingRule.rule).toBe('over50Draft');
    expect(e.decidingRule.provisional).toBe(true);
    expect(evaluate(on, base({ newCases: 5, over50Primary: 80 }), null).level).toBe(1);
  });
  it('not when there are no cases, nor above level 4', () => {
    expect(evaluate(on, base({ newCases: 0, over50Primary: 10 }), null).level).toBe(1);
    expect(evaluate(on, base({ newCases: 200, over50Primary: 10 }), null).level).toBe(4);
  });
});

describe('218 (rules.md §3: structure CONFIRMED, thresholds NOT FOUND → example set, all provisional)', () => {
  it('measures full primary coverage of the whole population and the high-risk group', () => {
    // 4800 met (90 % of adults with a first dose) but only 50 % of everyone fully vaccinated.
    const i = base({ residentsPrimary: 500 });
    expect(evaluate(RULE_SET_4800, i, null).level).toBe(1);
    const e = evaluate(RULE_SET_218, i, null);
    expect(e.level).toBe(2);
    expect(e.criteria.coverage).toBe(0.5);
    expect(evaluate(RULE_SET_218, base({ over50Primary: 79 }), null).level).toBe(2);
    expect(evaluate(RULE_SET_218, base({ residentsPrimary: 700, over50Primary: 80 }), null).level).toBe(1);
  });
  it('raises one level at 1 death per 100,000 per week', () => {
    expect(evaluate(RULE_SET_218, base({ deaths: 1 }), null).level).toBe(2);
    expect(evaluate(RULE_SET_218, base({ deaths: 1 }), null).decidingRule.rule).toBe('severity');
    expect(evaluate(RULE_SET_218, base({ deaths: 0 }), null).level).toBe(1);
  });
  // 218's own criterion-1 bands (rules.md §3 thresholds NOT FOUND; the documented example set at the top of
  // rules.md: < 20; 20 – < 50; 50 – < 150; ≥ 150), coverage met: [cases per 100,000, level].
  it.each([
    [0, 1],
    [19.99, 1],
    [20, 2],
    [49.99, 2],
    [50, 3],
    [149.99, 3],
    [150, 4],
  ])('218 band edge: %d cases → level %d, every band provisional', (cases, level) => {
    const e = evaluate(RULE_SET_218, base({ newCases: cases }), null);
    expect(e.level).toBe(level);
    expect(e.decidingRule.rule).toBe('band');
    expect(e.criterion1.band.provisional).toBe(true);
    expect(e.provisional).toBe(true);
  });
  // rules.md §3 criterion 1: "plus patients needing respiratory/oxygen support" per 100,000 (threshold NOT FOUND,
  // §9 item 3): the example set raises one level at 5 per 100,000 per week, flagged provisional.
  it.each([
    [0, 1],
    [4, 1],
    [4.99, 1],
    [5, 2],
    [50, 2],
  ])('%d severe (oxygen-support) cases per 100,000 → level %d', (severe, level) => {
    const e = evaluate(RULE_SET_218, base({ severeCases: severe }), null);
    expect(e.level).toBe(level);
    const step = e.steps.find((s) => s.rule === 'severeCases')!;
    expect(step).toMatchObject({ applied: level === 2, provisional: true });
    expect(step.clause).toContain('rules.md §3 criterion 1');
    expect(e.severeCasesPer100kPerWeek).toBe(severe);
    if (level === 2) expect(e.decidingRule.rule).toBe('severeCases');
  });
  it('severe cases and deaths together raise one level, not two; not above 4', () => {
    const both = evaluate(RULE_SET_218, base({ severeCases: 5, deaths: 1 }), null);
    expect(both.level).toBe(2);
    expect(both.steps.find((s) => s.rule === 'severity')).toMatchObject({ applied: false });
    expect(both.steps.find((s) => s.rule === 'severity')!.text.en).toContain('already raised');
    expect(evaluate(RULE_SET_218, base({ newCases: 150, severeCases: 50 }), null).level).toBe(4);
    // Per 100,000: in a commune of 2,000 people one severe case is 50/100,000.
    expect(evaluate(RULE_SET_218, base({ population: 2000, severeCases: 1 }), null).level).toBe(2);
  });
  it('4800 has no severity measure: severe cases change nothing (rules.md §2.1)', () => {
    const e = evaluate(RULE_SET_4800, base({ severeCases: 50 }), null);
    expect(e.level).toBe(1);
    expect(e.steps.some((s) => s.rule === 'severeCases')).toBe(false);
  });
  it('a variant stored before the severe-case rule existed reads it as absent', () => {
    const { severeCases: _, ...old } = RULE_SET_218;
    expect(evaluate(old, base({ severeCases: 50 }), null).level).toBe(1);
  });
  it('is the set in force from 27/01/2022; 4800 until 26/01/2022 (rules.md §0, §3)', () => {
    expect(ruleSetFor(NATIONAL_RULE_SETS, '20', '2022-01-26')?.id).toBe('QD-4800-BYT');
    expect(ruleSetFor(NATIONAL_RULE_SETS, '20', '2022-01-27')?.id).toBe('QD-218-BYT');
    expect(ruleSetFor(NATIONAL_RULE_SETS, '20', '2021-10-11')).toBeNull();
    const variant = { ...RULE_SET_218, id: 'LS-218', provinceCode: '20', effectiveFrom: '2022-02-01' };
    expect(ruleSetFor([...NATIONAL_RULE_SETS, variant], '20', '2022-02-02')?.id).toBe('LS-218');
    expect(ruleSetFor([...NATIONAL_RULE_SETS, variant], '01', '2022-02-02')?.id).toBe('QD-218-BYT');
  });
});

describe('rule-set checks name the field', () => {
  const fields = (s: RiskRuleSet) => ruleSetProblems(s).map((p) => p.field);
  const bands = RULE_SET_4800.criterion1.bands;
  it('accepts the national sets', () => {
    expect(fields(RULE_SET_4800)).toEqual([]);
    expect(fields(RULE_SET_218)).toEqual([]);
  });
  it('refuses overlapping and missing bands', () => {
    const overlap = {
      ...RULE_SET_4800,
      criterion1: {
        ...RULE_SET_4800.criterion1,
        bands: [bands[0]!, { ...bands[1]!, min: 15 }, bands[2]!, bands[3]!],
      },
    };
    expect(fields(overlap)).toEqual(['criterion1.bands.1.min']);
    const gap = {
      ...RULE_SET_4800,
      criterion1: { ...RULE_SET_4800.criterion1, bands: [bands[0]!, bands[2]!, bands[3]!] },
    };
    expect(fields(gap)).toEqual(['criterion1.bands.1.min']);
    const noTop = { ...RULE_SET_4800, criterion1: { ...RULE_SET_4800.criterion1, bands: bands.slice(0, 3) } };
    expect(fields(noTop)).toEqual(['criterion1.bands.2.max']);
  });
  it('refuses a province variant whose period overlaps another of the province', () => {
    const a = {
      ...RULE_SET_218,
      id: 'A',
      provinceCode: '20',
      effectiveFrom: '2022-02-01',
      effectiveTo: '2022-02-28',
    };
    const at = (from: string, to: string | null, id = 'B', province = '20') =>
      overlapProblems({ ...a, id, provinceCode: province, effectiveFrom: from, effectiveTo: to }, [
        ...NATIONAL_RULE_SETS,
        a,
      ]).map((p) => p.field);
    expect(at('2022-02-28', null)).toEqual(['effectiveFrom']); // the last day is shared
    expect(at('2022-01-01', '2022-02-01')).toEqual(['effectiveTo']);
    expect(at('2022-01-01', null)).toEqual(['effectiveTo']);
    expect(at('2022-03-01', null)).toEqual([]); // the day after
    expect(at('2022-01-01', '2022-01-31')).toEqual([]);
    expect(at('2022-02-10', null, 'A')).toEqual([]); // a new version of itself
    expect(at('2022-02-10', null, 'B', '01')).toEqual([]); // another province
  });
  it('refuses an effective date before the signing', () => {
    expect(fields({ ...RULE_SET_218, effectiveFrom: '2022-01-26' })).toEqual(['effectiveFrom']);
  });
});

describe('aggregate figures and weeks', () => {
  it('sums communes; one capacity not met makes the unit’s not met', () => {
    const s = sumInputs([
      base({ newCases: 3, severeCases: 1 }),
      base({ newCases: 4, severeCases: 2, capacityMet: false }),
    ]);
    expect(s).toMatchObject({ population: 200_000, newCases: 7, severeCases: 3, capacityMet: false });
    expect(sumInputs([base({ capacityMet: null })]).capacityMet).toBeNull();
  });
  // rules.md §2.2 "District and province level" NOT FOUND: switchable; `aggregateFigures` (the default) keeps the
  // unit's own evaluation, `highestCommune` takes its highest commune's level, flagged provisional.
  it('aggregateFigures keeps the evaluation of the summed figures, whatever the communes', () => {
    const own = evaluate(RULE_SET_4800, base({ newCases: 10 }), null);
    const out = aggregateLevel(RULE_SET_4800, own, [1, 4, 2]);
    expect(out).toBe(own);
    expect(out.level).toBe(1);
  });
  it('highestCommune takes the highest commune’s level, as a step of why, flagged', () => {
    const set: RiskRuleSet = { ...RULE_SET_4800, aggregation: 'highestCommune' };
    const own = evaluate(set, base({ newCases: 10 }), null);
    const out = aggregateLevel(set, own, [1, 3, 2]);
    expect(out.level).toBe(3);
    expect(out.decidingRule).toMatchObject({ rule: 'highestCommune', applied: true, levelAfter: 3 });
    expect(out.decidingRule.clause).toContain('rules.md §2.2');
    expect(out.provisional).toBe(true);
    // Equal to its own level: the step shows but does not decide; no communes: its own evaluation.
    const same = aggregateLevel(set, own, [1, 1]);
    expect(same.level).toBe(1);
    expect(same.decidingRule.rule).toBe('band');
    expect(same.steps.at(-1)).toMatchObject({ rule: 'highestCommune', applied: false });
    expect(aggregateLevel(set, own, [])).toBe(own);
    // Lower than the summed figures' level: the highest commune still sets it.
    const busy = evaluate(set, base({ newCases: 60 }), null);
    expect(aggregateLevel(set, busy, [1, 2]).level).toBe(2);
  });
  it('reads ISO weeks', () => {
    expect(weekDays('2022-W02')).toEqual({ monday: '2022-01-10', sunday: '2022-01-16' });
    expect(weekDays('2021-W52')).toEqual({ monday: '2021-12-27', sunday: '2022-01-02' });
    expect(weekDays('2021-W53')).toBeNull();
    expect(weekDays('0000-W40')).toBeNull(); // found by the API fuzz test: was a RangeError
    expect(weekOf('2022-01-02')).toBe('2021-W52');
    expect(previousWeek('2022-W01')).toBe('2021-W52');
    expect(lastClosedWeek('2022-01-16')).toBe('2022-W01');
    expect(lastClosedWeek('2022-01-17')).toBe('2022-W02');
  });
});

describe('district shapes from the shipped TopoJSON', () => {
  it('draws Lạng Sơn’s 11 districts in a 600-wide box, a few kilobytes', async () => {
    const fs = await import('node:fs');
    const { provinceDistrictShapes } = await import('./topology.ts');
    const topology = JSON.parse(
      fs.readFileSync(
        new URL('../../../../assets/reference/boundaries/vn-provinces-districts.topojson', import.meta.url),
        'utf8',
      ),
    );
    const map = provinceDistrictShapes(topology, '20')!;
    expect(map.shapes.map((s) => s.code)).toContain('186');
    expect(map.shapes).toHaveLength(11);
    expect(map.width).toBe(600);
    expect(JSON.stringify(map).length).toBeLessThan(300_000);
    expect(map.shapes[0]!.path).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(provinceDistrictShapes(topology, '22')).toBeNull();
  });
});
