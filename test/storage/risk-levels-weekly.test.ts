import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/features/auth/rules.ts';
import { enterStationOxygen } from '../../src/features/capacity/capacity-store.ts';
import { announceLevel } from '../../src/features/risk-levels/announcements-store.ts';
import { whyLevel } from '../../src/features/risk-levels/assessment-store.ts';
import { assessClosedWeek } from '../../src/features/risk-levels/index.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const scope = (unitCode: string): Scope => ({
  userId: 1,
  username: `t.${unitCode}`,
  role: 'officer',
  unitCode,
  ip: null,
});

/**
 * Issue 16: the hourly job `risk-levels.weekly` stores the week closed last Sunday for every unit of the
 * country, once; a later run the same week stores nothing and writes no audit entry.
 */
describe.each(ENGINES)('the weekly assessment job on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db?.close());

  const stored = async (week: string) => {
    const r = await db.db
      .selectFrom('risk_assessments')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('computed_at').as('last')])
      .where('week', '=', week)
      .executeTakeFirstOrThrow();
    return { n: Number(r.n), last: r.last };
  };
  const audits = async () =>
    Number(
      (
        await db.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('entity', '=', 'risk_assessment')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores the week closed on the last Sunday once; a second run does nothing', async () => {
    // Wednesday 19/01/2022: the week closed on Sunday 16/01 is 2022-W02.
    const first = await assessClosedWeek(db, '2022-01-19');
    const units = Number(
      (
        await db.db
          .selectFrom('admin_units')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(first).toEqual({ week: '2022-W02', units });
    const after = await stored('2022-W02');
    expect(after.n).toBe(units);
    expect(await stored('2022-W03')).toMatchObject({ n: 0 });
    const audited = await audits();
    expect(audited).toBe(1);
    // The next hour, and on the Sunday that closes W03 (its week is not closed yet): nothing more.
    expect(await assessClosedWeek(db, '2022-01-19')).toEqual({ week: '2022-W02', units: 0 });
    expect(await assessClosedWeek(db, '2022-01-23')).toEqual({ week: '2022-W02', units: 0 });
    expect(await stored('2022-W02')).toEqual(after);
    expect(await audits()).toBe(audited);
  }, 60_000);

  it('at the switch to 218, criterion 3 not met holds the level the commune was at under 4800', async () => {
    // W03 (17–23/01) is under 4800; the district announced level 3 for Yên Thịnh.
    await announceLevel(db, scope('186'), {
      unit: '06400',
      week: '2022-W03',
      level: 3,
      decisionNumber: '07/QĐ-BCĐ',
      decisionDate: '2022-01-24',
      announcedBy: 'Chủ tịch UBND huyện',
      reason: 'Ổ dịch tại chợ',
    });
    await enterStationOxygen(
      db,
      scope('06400'),
      '06400',
      { day: '2022-01-25', oxygenCylinders: 0, concentrators: 0 },
      '2022-01-31',
    );
    // W04 (24–30/01) is computed under 218: last week's level is the one announced under 4800.
    const why = await whyLevel(db, scope('186'), '06400', '2022-W04');
    expect(why.ruleSet.id).toBe('QD-218-BYT');
    expect(why.criterion3).toMatchObject({ known: true, met: false, lastWeekLevel: 3 });
    expect(why.level).toBe(3);
    expect(why.decidingRule.rule).toBe('capacityNoLowering');
  });
});
