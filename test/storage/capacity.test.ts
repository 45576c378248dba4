import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVillage } from '../../src/features/admin-units/store.ts';
import { verifyAudit } from '../../src/features/audit/store.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import {
  capacityHistory,
  capacityView,
  createFacility,
  createMobileStation,
  enterFacilityDay,
  enterStationDay,
  enterStationOxygen,
} from '../../src/features/capacity/capacity-store.ts';
import { levelChecklists, saveScenario } from '../../src/features/capacity/plans-store.ts';
import { createTeam } from '../../src/features/community-teams/store.ts';
import { inbox } from '../../src/features/directives/tasks-store.ts';
import { announceLevel } from '../../src/features/risk-levels/announcements-store.ts';
import { whyLevel } from '../../src/features/risk-levels/assessment-store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const scope = (unitCode: string): Scope => ({
  userId: 1,
  username: `t.${unitCode}`,
  role: 'officer',
  unitCode,
  ip: null,
});
const DISTRICT = scope('186');
const YEN_THINH = scope('06400');
const OTHER_DISTRICT = scope('187');
const TODAY = '2022-01-15';

/** Issues 15 and 16: capacity by day, criterion 3 deciding the level, a level's checklist as tasks. */
describe.each(ENGINES)('capacity and level checklists on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db?.close());

  it('keeps figures by day: the figures on a day are the latest entry on or before it', async () => {
    const f = await createFacility(db, DISTRICT, {
      unitCode: '186',
      name: 'Cơ sở điều trị số 1',
      kind: 'treatmentFacility',
    });
    await enterFacilityDay(
      db,
      DISTRICT,
      f.id,
      { day: '2022-01-03', beds: 40, icuBeds: 2, oxygenCylinders: 10, occupied: 12 },
      TODAY,
    );
    await enterFacilityDay(
      db,
      DISTRICT,
      f.id,
      { day: '2022-01-12', beds: 60, icuBeds: 4, oxygenCylinders: 20 },
      TODAY,
    );
    const before = await capacityView(db, DISTRICT, '186', '2022-01-05');
    expect(before.facilities[0]!.figures).toMatchObject({ beds: 40, occupied: 12, enteredOn: '2022-01-03' });
    expect(before.district).toMatchObject({ beds: 40, occupied: 12, occupiedComputed: false });
    const after = await capacityView(db, DISTRICT, '186', '2022-01-14');
    // Occupancy not entered: computed from the cases under treatment outside home (none here).
    expect(after.district).toMatchObject({ beds: 60, icuBeds: 4, occupied: 0, occupiedComputed: true });
    const history = await capacityHistory(db, DISTRICT, '186', '2022-01-02', '2022-01-12');
    expect(history.days.map((d) => d.beds)).toEqual([0, 40, 40, 40, 40, 40, 40, 40, 40, 40, 60]);
    // Outside the jurisdiction: 404 for the record, 403 for the unit.
    await expect(
      enterFacilityDay(
        db,
        OTHER_DISTRICT,
        f.id,
        { day: '2022-01-12', beds: 1, icuBeds: 0, oxygenCylinders: 0 },
        TODAY,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(capacityView(db, YEN_THINH, '186', TODAY)).rejects.toMatchObject({ status: 403 });
    // Bad figures name their field and write nothing.
    await expect(
      enterFacilityDay(
        db,
        DISTRICT,
        f.id,
        { day: '2022-01-13', beds: 10, occupied: 11, icuBeds: 0, oxygenCylinders: 0 },
        TODAY,
      ),
    ).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: 'occupied' })],
    });
    expect((await capacityView(db, DISTRICT, '186', '2022-01-13')).facilities[0]!.figures!.enteredOn).toBe(
      '2022-01-12',
    );
  });

  it('criterion 3 not met holds the level at last week’s; met lets it fall (rules.md §2.2)', async () => {
    // Week 2022-W01: no capacity data for Yên Thịnh yet → taken as met; announced at 3 (with a reason).
    await announceLevel(db, DISTRICT, {
      unit: '06400',
      week: '2022-W01',
      level: 3,
      decisionNumber: '01/QĐ-BCĐ',
      decisionDate: '2022-01-08',
      announcedBy: 'Chủ tịch UBND huyện',
      reason: 'Ổ dịch tại chợ',
    });
    // 10/01: the station has no oxygen → criterion 3 not met in week W02: the level stays at 3.
    await enterStationOxygen(
      db,
      YEN_THINH,
      '06400',
      { day: '2022-01-10', oxygenCylinders: 0, concentrators: 0 },
      TODAY,
    );
    let why = await whyLevel(db, DISTRICT, '06400', '2022-W02');
    expect(why.criterion3).toMatchObject({
      known: true,
      met: false,
      lastWeekLevel: 3,
      definition: 'QD-4800-BYT/criterion3',
    });
    expect(why.criterion3.checks.find((c) => c.name === 'stationOxygen')).toMatchObject({
      value: 0,
      met: false,
    });
    expect(why.level).toBe(3);
    expect(why.decidingRule.rule).toBe('capacityNoLowering');
    expect(why.decidingRule.text.en).toContain('Commune health station: 0 oxygen cylinders');
    // 12/01: oxygen, a mobile station with 2 cylinders and staff, the district's free beds → met: the band decides.
    await enterStationOxygen(
      db,
      YEN_THINH,
      '06400',
      { day: '2022-01-12', oxygenCylinders: 3, concentrators: 1 },
      TODAY,
    );
    const station = await createMobileStation(
      db,
      DISTRICT,
      {
        communeCode: '06400',
        name: 'Trạm y tế lưu động số 1',
        openedOn: '2022-01-11',
        areaCommunes: ['06400', '06385'],
      },
      TODAY,
    );
    await enterStationDay(
      db,
      DISTRICT,
      station.id,
      { day: '2022-01-12', doctors: 1, staff: 6, oxygenCylinders: 2 },
      TODAY,
    );
    // Still no home-care team (community team caring for F0): criterion 3 not met, the level held.
    why = await whyLevel(db, DISTRICT, '06400', '2022-W02');
    expect(why.criterion3).toMatchObject({ known: true, met: false });
    expect(why.criterion3.checks.find((c) => c.name === 'homeCareTeam')).toMatchObject({
      value: 0,
      met: false,
      provisional: true,
    });
    expect(why.level).toBe(3);
    // The commune's community team takes the F0 home-care duty (the community-teams capability).
    const village = await createVillage(db, YEN_THINH, '06400', { name: 'Thôn Năng Lực', kind: 'thon' });
    await createTeam(db, YEN_THINH, {
      commune: '06400',
      kind: 'communityTeam',
      name: 'Tổ Covid cộng đồng Thôn Năng Lực',
      duties: ['homeCareFollowUp'],
      villageIds: [Number(village.id)],
      members: [{ name: 'Nông Văn Tổ' }],
    });
    why = await whyLevel(db, DISTRICT, '06400', '2022-W02');
    expect(why.criterion3).toMatchObject({ known: true, met: true });
    expect(why.criterion3.checks.find((c) => c.name === 'homeCareTeam')).toMatchObject({
      value: 1,
      met: true,
    });
    expect(why.level).toBe(1);
    // The district: 100 % of its communes must meet the commune checks; most have entered nothing.
    const district = await whyLevel(db, DISTRICT, '186', '2022-W02');
    expect(district.criterion3.met).toBe(false);
  });

  it('announcing level 3 opens its checklist in the commune’s inbox; level 2 afterwards withdraws the open ones', async () => {
    await saveScenario(db, DISTRICT, '186', 3, {
      beds: 150,
      teams: 40,
      oxygenCylinders: 120,
      actions: [
        {
          kind: 'close',
          text: 'Dừng karaoke, quán bar',
          assignee: 'announced',
          deadlineDays: 0,
          urgent: true,
        },
        { kind: 'act', text: 'Xét nghiệm diện rộng khu chợ', assignee: 'announced', deadlineDays: 2 },
      ],
    });
    await expect(
      saveScenario(db, DISTRICT, '186', 2, {
        beds: -1,
        teams: 0,
        oxygenCylinders: 0,
        actions: [{ kind: 'act', text: 'x', assignee: '06790', deadlineDays: 1 }],
      }),
    ).rejects.toMatchObject({
      status: 400,
      fields: [
        expect.objectContaining({ field: 'beds' }),
        expect.objectContaining({ field: 'actions.0.assignee' }),
      ],
    });
    const l3 = await announceLevel(db, DISTRICT, {
      unit: '06385',
      week: '2022-W02',
      level: 3,
      decisionNumber: '02/QĐ-BCĐ',
      decisionDate: '2022-01-17',
      announcedBy: 'Chủ tịch UBND huyện',
      reason: 'Ca bệnh tăng nhanh',
    });
    expect(l3.checklist).toEqual({ opened: 2, withdrawn: 0 });
    const box = await inbox(db, scope('06385'), { unitCode: '06385', limit: 50, offset: 0 });
    const mine = box.tasks.filter((t) => t.text.startsWith('Cấp độ 3'));
    expect(mine.map((t) => [t.text, t.deadline.date])).toEqual(
      expect.arrayContaining([
        ['Cấp độ 3 — Dừng: Dừng karaoke, quán bar', '2022-01-17'],
        ['Cấp độ 3 — Thực hiện: Xét nghiệm diện rộng khu chợ', '2022-01-19'],
      ]),
    );
    // The same level again changes nothing.
    const again = await announceLevel(db, DISTRICT, {
      unit: '06385',
      week: '2022-W02',
      level: 3,
      decisionNumber: '03/QĐ-BCĐ',
      decisionDate: '2022-01-18',
      announcedBy: 'Chủ tịch UBND huyện',
      reason: 'Giữ cấp độ',
    });
    expect(again.checklist).toEqual({ opened: 0, withdrawn: 0 });
    // Level 2 (no plan scenario for 2: the measures of level 2 become the tasks) withdraws level 3's.
    const l2 = await announceLevel(db, DISTRICT, {
      unit: '06385',
      week: '2022-W03',
      level: 2,
      decisionNumber: '04/QĐ-BCĐ',
      decisionDate: '2022-01-24',
      announcedBy: 'Chủ tịch UBND huyện',
      reason: 'Dịch giảm',
    });
    expect(l2.checklist!.withdrawn).toBe(2);
    expect(l2.checklist!.opened).toBeGreaterThan(0);
    const lists = await levelChecklists(db, scope('06385'), '06385');
    expect(lists.checklists.map((c) => [c.level, c.closedOn])).toEqual([
      [2, null],
      [3, '2022-01-24'],
    ]);
    expect(lists.checklists[1]!.tasks.every((t) => t.state === 'withdrawn')).toBe(true);
    expect(
      lists.checklists[0]!.tasks.every((t) => t.state === 'assigned' && t.deadline === '2022-01-25'),
    ).toBe(true);
    // A late decision for the earlier week W02 (level 4): recorded in the history, but only the latest week's
    // announcement (W03, level 2) drives the checklist — nothing opened, nothing withdrawn.
    const late = await announceLevel(db, DISTRICT, {
      unit: '06385',
      week: '2022-W02',
      level: 4,
      decisionNumber: '05/QĐ-BCĐ',
      decisionDate: '2022-01-25',
      announcedBy: 'Chủ tịch UBND huyện',
      reason: 'Bổ sung quyết định tuần 02',
    });
    expect(late).toMatchObject({ week: '2022-W02', level: 4, checklist: { opened: 0, withdrawn: 0 } });
    const still = await levelChecklists(db, scope('06385'), '06385');
    expect(still.checklists.map((c) => [c.level, c.closedOn])).toEqual([
      [2, null],
      [3, '2022-01-24'],
    ]);
    expect(still.checklists[0]!.tasks.every((t) => t.state === 'assigned')).toBe(true);
    expect((await verifyAudit(db)).problems).toEqual([]);
  });
});
