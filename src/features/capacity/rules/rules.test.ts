import { describe, expect, it } from 'vitest';
import { checklistTasks } from './checklist.ts';
import {
  CRITERION3_218,
  CRITERION3_4800,
  communeCriterion3,
  criterion3For,
  districtCriterion3,
} from './criterion3.ts';
import { measuresFor } from './measures.ts';

const READY_STATION = { doctors: 1, staff: 6, oxygenCylinders: 2 };
const commune = (stationOxygen: number | null, stations = [READY_STATION], homeCareTeams = 1) => ({
  stationOxygen,
  mobileStations: stations,
  homeCareTeams,
});
const district = (o: Partial<Parameters<typeof communeCriterion3>[2]> = {}) => ({
  population: 100_000,
  facilities: 1,
  beds: 50,
  occupied: 20,
  icuBeds: 3,
  ...o,
});

describe('criterion 3 under 4800 (rules.md §2.2 obligatory draft indices, §8)', () => {
  it('is met with oxygen at the station, a ready mobile station and a free bed', () => {
    const r = communeCriterion3(CRITERION3_4800, commune(3), district());
    expect(r.met).toBe(true);
    expect(r.provisional).toBe(true); // draft indices: provisional
    expect(r.checks.map((c) => c.name)).toEqual([
      'stationOxygen',
      'mobileStation',
      'homeCareTeam',
      'treatmentFacility',
    ]);
  });
  it('§2.2 "100% of wards have plans for … community F0-care teams" (draft): no home-care team fails, flagged', () => {
    const r = communeCriterion3(CRITERION3_4800, commune(3, [READY_STATION], 0), district());
    expect(r.met).toBe(false);
    expect(r.checks.find((c) => c.name === 'homeCareTeam')).toMatchObject({
      value: 0,
      threshold: 1,
      met: false,
      provisional: true,
    });
    expect(r.checks.find((c) => c.name === 'homeCareTeam')!.clause).toContain('F0-care teams');
    expect(communeCriterion3(CRITERION3_4800, commune(3, [READY_STATION], 1), district()).met).toBe(true);
    // A team alone is capacity data: no longer "unknown".
    expect(
      communeCriterion3(CRITERION3_4800, commune(null, [], 1), district({ facilities: 0, beds: 0 })).met,
    ).toBe(false);
  });
  it('§2.2 "100% of commune health stations have oxygen cylinders": a station without oxygen fails', () => {
    const r = communeCriterion3(CRITERION3_4800, commune(0), district());
    expect(r.met).toBe(false);
    expect(r.checks.find((c) => c.name === 'stationOxygen')).toMatchObject({ value: 0, met: false });
  });
  it('§8 minimum equipment, 2 oxygen cylinders: a mobile station with one does not count', () => {
    const r = communeCriterion3(
      CRITERION3_4800,
      commune(2, [{ ...READY_STATION, oxygenCylinders: 1 }]),
      district(),
    );
    expect(r.checks.find((c) => c.name === 'mobileStation')).toMatchObject({ value: 0, met: false });
    expect(communeCriterion3(CRITERION3_4800, commune(2, [READY_STATION]), district()).checks[1]!.met).toBe(
      true,
    );
  });
  it('§2.2 "provinces set up COVID treatment facilities": every bed taken fails', () => {
    expect(communeCriterion3(CRITERION3_4800, commune(2), district({ occupied: 50 })).met).toBe(false);
    expect(communeCriterion3(CRITERION3_4800, commune(2), district({ occupied: 49 })).met).toBe(true);
    expect(
      communeCriterion3(CRITERION3_4800, commune(2), district({ occupied: 80 })).checks.find(
        (c) => c.name === 'treatmentFacility',
      )!.value,
    ).toBe(0);
  });
  it('is unknown (null) when nothing was entered', () => {
    expect(
      communeCriterion3(CRITERION3_4800, commune(null, [], 0), district({ facilities: 0, beds: 0 })).met,
    ).toBeNull();
  });
  it('a district needs every commune to meet the commune checks (100 %)', () => {
    const r = districtCriterion3(CRITERION3_4800, [commune(2), commune(0)], district());
    expect(r.met).toBe(false);
    expect(r.checks[0]).toMatchObject({ value: 1, threshold: 2, met: false });
    expect(districtCriterion3(CRITERION3_4800, [commune(2), commune(1)], district()).met).toBe(true);
  });
});

describe('criterion 3 under 218 (rules.md §3 criterion 3 (a)(b)(c), example thresholds)', () => {
  it('(b) free beds per 100,000 at the edge of 20', () => {
    // 100,000 people: 20 free beds = 20/100k (met), 19 = 19/100k (not met).
    const at = communeCriterion3(CRITERION3_218, commune(1), district({ beds: 40, occupied: 20 }));
    expect(at.checks.find((c) => c.name === 'freeBedsPer100k')).toMatchObject({ value: 20, met: true });
    const below = communeCriterion3(CRITERION3_218, commune(1), district({ beds: 39, occupied: 20 }));
    expect(below.checks.find((c) => c.name === 'freeBedsPer100k')).toMatchObject({ value: 19, met: false });
    expect(below.met).toBe(false);
  });
  it('(c) ICU beds per 100,000 at the edge of 2', () => {
    expect(communeCriterion3(CRITERION3_218, commune(1), district({ icuBeds: 2 })).met).toBe(true);
    expect(communeCriterion3(CRITERION3_218, commune(1), district({ icuBeds: 1 })).met).toBe(false);
  });
  it('(a) commune capacity to care for F0: a home-care team; a district needs one in every commune', () => {
    expect(communeCriterion3(CRITERION3_218, commune(1), district()).met).toBe(true);
    const none = communeCriterion3(CRITERION3_218, commune(1, [READY_STATION], 0), district());
    expect(none.met).toBe(false);
    expect(none.checks.find((c) => c.name === 'homeCareTeam')!.text.en).toContain('Home-care teams');
    const d = districtCriterion3(
      CRITERION3_218,
      [commune(1, [READY_STATION], 2), commune(1, [READY_STATION], 0)],
      district(),
    );
    expect(d.checks.find((c) => c.name === 'homeCareTeam')).toMatchObject({
      value: 1,
      threshold: 2,
      met: false,
    });
  });
  it('every 218 check is provisional (thresholds NOT FOUND)', () => {
    expect(CRITERION3_218.checks.every((c) => c.provisional)).toBe(true);
  });
  it('is chosen by the rule set, its base, else the date', () => {
    expect(criterion3For(['QD-218-BYT'], '2021-12-01')).toBe(CRITERION3_218);
    expect(criterion3For(['20-variant', 'QD-4800-BYT'], '2022-03-01')).toBe(CRITERION3_4800);
    expect(criterion3For(['x', null], '2022-01-26')).toBe(CRITERION3_4800);
    expect(criterion3For(['x'], '2022-01-27')).toBe(CRITERION3_218);
    expect(criterion3For(['x'], '2021-10-11')).toBeNull();
  });
});

describe('measures per level by date (rules.md §1.3)', () => {
  it('restaurants and markets are only restricted at level 4', () => {
    for (const level of [1, 2, 3] as const)
      expect(
        measuresFor(level, '2022-01-10')!.measures.find((m) => m.activity === 'restaurantsMarkets')!
          .restriction,
      ).toBe('open');
    expect(
      measuresFor(4, '2022-01-10')!.measures.find((m) => m.activity === 'restaurantsMarkets')!.restriction,
    ).toBe('restricted');
  });
  it('flags what the digest marks UNCERTAIN or NOT FOUND (transport at levels 3–4, gathering caps)', () => {
    const l3 = measuresFor(3, '2022-01-10')!;
    expect(l3.measures.find((m) => m.activity === 'transport')!.provisional).toBe(true);
    expect(measuresFor(2, '2022-01-10')!.measures.find((m) => m.activity === 'transport')!.provisional).toBe(
      false,
    );
    expect(l3.provisional).toBe(true);
  });
  it('masks at levels 3–4 come with 218 (27/01/2022), not before', () => {
    expect(measuresFor(3, '2022-01-26')!.measures.some((m) => m.activity === 'masks')).toBe(false);
    const after = measuresFor(3, '2022-01-27')!;
    expect(after.ruleSet.id).toBe('NQ-128-CP+QD-218-BYT/measures');
    expect(after.measures.find((m) => m.activity === 'masks')).toMatchObject({
      restriction: 'restricted',
      provisional: false,
    });
    expect(
      measuresFor(2, '2022-01-27')!.measures.find((m) => m.activity === 'gatherings')!.text.en,
    ).toContain('100%');
  });
  it('none before Resolution 128', () => {
    expect(measuresFor(1, '2021-10-10')).toBeNull();
  });
});

describe('a level checklist', () => {
  it('follows the scenario: who acts and by when', () => {
    const tasks = checklistTasks({
      level: 3,
      unitCode: '186',
      communes: ['06385', '06388'],
      decisionDate: '2022-01-10',
      scenario: [
        { kind: 'close', text: 'Dừng karaoke', assignee: 'communes', deadlineDays: 1 },
        { kind: 'act', text: 'Kích hoạt khu điều trị', assignee: '186', deadlineDays: 3, urgent: true },
      ],
    });
    expect(tasks).toEqual([
      {
        text: 'Cấp độ 3 — Dừng: Dừng karaoke',
        assigneeUnitCode: '06385',
        deadline: '2022-01-11',
        urgent: false,
      },
      {
        text: 'Cấp độ 3 — Dừng: Dừng karaoke',
        assigneeUnitCode: '06388',
        deadline: '2022-01-11',
        urgent: false,
      },
      {
        text: 'Cấp độ 3 — Thực hiện: Kích hoạt khu điều trị',
        assigneeUnitCode: '186',
        deadline: '2022-01-13',
        urgent: true,
      },
    ]);
  });
  it('without a scenario, the level’s measures that restrict something', () => {
    const tasks = checklistTasks({
      level: 1,
      unitCode: '06385',
      communes: ['06385'],
      decisionDate: '2022-01-10',
      scenario: null,
    });
    expect(tasks.map((t) => t.text)).toEqual([expect.stringContaining('Dịch vụ nguy cơ cao')]);
    expect(
      checklistTasks({
        level: 4,
        unitCode: '06385',
        communes: ['06385'],
        decisionDate: '2022-01-10',
        scenario: [],
      }).length,
    ).toBe(7);
  });
});
