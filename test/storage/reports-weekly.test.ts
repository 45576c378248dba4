import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { unitTree } from '../../src/features/admin-units/index.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { measuresFor } from '../../src/features/capacity/index.ts';
import { createEstablishment, recordInspection } from '../../src/features/inspections/store.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { WEEKLY_V1 } from '../../src/features/reports/rules/forms.ts';
import { openDraft, reportView, signReport, submitReport } from '../../src/features/reports/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';
import { personInput } from '../support/persons.ts';

const scope = (unitCode: string, userId: number): Scope => ({
  userId,
  username: `weekly.${userId}`,
  role: 'officer',
  unitCode,
  ip: null,
});
const TODAY = '2022-01-25';
const MONDAY = '2022-01-10';
const SUNDAY = addDays(MONDAY, 6);
const DISTRICT = scope('186', 1);

/**
 * Support events of the fixture: commune, state reached, amount, when (UTC, as the store keeps it). Vietnam days:
 * 2022-01-09T17:05Z is Monday 00:05 (in the week), 2022-01-16T17:30Z is the next Monday 00:30 (not).
 */
const SUPPORT: [commune: string | null, state: 'approved' | 'paid', amount: number, at: string][] = [
  ['06385', 'approved', 800_000, '2022-01-09T17:05:00.000Z'],
  ['06385', 'paid', 800_000, '2022-01-12T03:00:00.000Z'],
  ['06388', 'approved', 1_200_000, '2022-01-14T09:00:00.000Z'],
  ['06388', 'paid', 1_200_000, '2022-01-16T17:30:00.000Z'],
  ['06385', 'approved', 500_000, '2022-01-08T10:00:00.000Z'],
  [null, 'paid', 900_000, '2022-01-13T10:00:00.000Z'], // a commune of another district
];
const vietnamDay = (at: string) => new Date(Date.parse(at) + 7 * 3600_000).toISOString().slice(0, 10);

/** Issue 18: the weekly report (version 2) holds the week's inspections and support equal to the records. */
describe.each(ENGINES)('weekly report on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  let elsewhere: string;

  beforeAll(async () => {
    db = await seededDb(engine);
    // A commune of another district of the province.
    const tree = await unitTree(db);
    const otherDistrict = tree.children('20').find((d) => d.code !== '186')!;
    elsewhere = tree.children(otherDistrict.code)[0]!.code;
    const est = (
      commune: string,
      name: string,
      sector: 'market' | 'factory' | 'shop',
      registeredOn: string,
    ) =>
      createEstablishment(
        db,
        commune === elsewhere ? scope('20', 2) : DISTRICT,
        {
          commune,
          name,
          sector,
          size: sector === 'shop' ? 'small' : 'large',
          registeredOn,
        },
        TODAY,
      );
    const inspect = (id: number, on: string, violations: number, by = DISTRICT) =>
      recordInspection(
        db,
        by,
        id,
        {
          inspectedOn: on,
          answers: {},
          violations: Array.from({ length: violations }, (_, i) => ({ description: `Vi phạm ${i + 1}` })),
        },
        TODAY,
      );
    // The market: last inspected 20/11/2021 (due 20/12), overdue at the week's end, inspected again after it.
    const market = await est('06385', 'Chợ Hữu Lũng', 'market', '2021-09-01');
    await inspect(market.id, '2021-11-20', 1);
    await inspect(market.id, '2022-01-20', 0);
    const factory = await est('06388', 'Nhà máy gạch', 'factory', '2021-12-01');
    await inspect(factory.id, '2022-01-12', 2);
    const shop = await est('06385', 'Tạp hóa Hồng', 'shop', '2022-01-02');
    await inspect(shop.id, '2022-01-14', 0);
    const later = await est('06385', 'Quán mới', 'market', '2022-01-20'); // registered after the week
    expect(later.riskClass).toBe('high');
    const other = await est(elsewhere, 'Chợ xã khác', 'market', '2021-12-01');
    await inspect(other.id, '2022-01-11', 1, scope('20', 2));

    for (const [i, [commune, state, amount, at]] of SUPPORT.entries()) {
      const code = commune ?? elsewhere;
      const place = await db.db
        .selectFrom('admin_units')
        .select(['province_code', 'district_code'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      const where = { province_code: '20', district_code: place.district_code!, commune_code: code };
      const [personId] = await insertPersonRows(db, db.db, [
        personRow(personInput({ fullName: `Người Nhận ${i}`, birthYear: 1980 }), where, { now: at }),
      ]);
      const claim = await db.db
        .insertInto('support_claims')
        .values({
          ...where,
          person_id: personId!,
          policy: 'f0Treatment',
          rule_set_id: 'NQ-68-CP',
          source: 'application',
          period_from: '2021-12-01',
          period_to: '2021-12-10',
          days: 10,
          paid_days: 10,
          child_supplement: 0,
          amount,
          provisional: 0,
          status: state,
          note: null,
          reason: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.db
        .insertInto('support_claim_events')
        .values({
          province_code: '20',
          claim_id: Number(claim.id),
          action: state === 'paid' ? 'pay' : 'approve',
          from_state: state === 'paid' ? 'approved' : 'reviewed',
          to_state: state,
          note: null,
          user_id: 1,
          username: 'test',
          at,
        })
        .execute();
    }
  }, 60_000);
  afterAll(() => db?.close());

  it("compiles the week's inspections and support as the records hold them, under version 2", async () => {
    const view = await reportView(
      db,
      DISTRICT,
      { form: 'weekly', unitCode: '186', period: '2022-01-13' },
      TODAY,
    );
    expect(view).toMatchObject({ period: MONDAY, formVersion: 2 });
    const n = view.numbers;

    // Inspections of the district's establishments made in the week, and their violations, counted in the tables.
    const visits = await db.db
      .selectFrom('inspections')
      .select('id')
      .where('district_code', '=', '186')
      .where('inspected_on', '>=', MONDAY)
      .where('inspected_on', '<=', SUNDAY)
      .execute();
    const violations = await db.db
      .selectFrom('inspection_violations')
      .select('id')
      .where(
        'inspection_id',
        'in',
        visits.map((v) => Number(v.id)),
      )
      .execute();
    expect(n.inspections).toBe(visits.length);
    expect(n.violations).toBe(violations.length);
    expect([n.inspections, n.violations]).toEqual([2, 2]);
    // Overdue on Sunday as the records stood then: the market (inspected again on the 20th, so not overdue today).
    expect(n.establishmentsOverdue).toBe(1);

    const inWeek = SUPPORT.filter(
      ([c, , , at]) => c !== null && vietnamDay(at) >= MONDAY && vietnamDay(at) <= SUNDAY,
    );
    const of = (state: string) => inWeek.filter(([, s]) => s === state);
    expect(n.supportApproved).toBe(of('approved').length);
    expect(n.supportApprovedAmount).toBe(of('approved').reduce((a, [, , x]) => a + x, 0));
    expect(n.supportPaid).toBe(of('paid').length);
    expect(n.supportPaidAmount).toBe(of('paid').reduce((a, [, , x]) => a + x, 0));
    expect([n.supportApproved, n.supportApprovedAmount, n.supportPaid, n.supportPaidAmount]).toEqual([
      2, 2_000_000, 1, 800_000,
    ]);

    // The measures of the week's level on its Sunday (Resolution 128), when the week has a level.
    const measures = n.level ? measuresFor(n.level as 1, SUNDAY)!.measures : null;
    expect(n.measuresSuspended).toBe(
      measures ? measures.filter((m) => m.restriction === 'suspended').length : null,
    );

    // A commune sees its own: the shop's visit, and the market overdue.
    const commune = await reportView(
      db,
      scope('06385', 7),
      { form: 'weekly', unitCode: '06385', period: MONDAY },
      TODAY,
    );
    expect(commune.numbers).toMatchObject({
      inspections: 1,
      violations: 0,
      establishmentsOverdue: 1,
      supportPaid: 1,
    });
  });

  it('marks task status as of when compiled, and keeps version 1 for a report compiled under it', async () => {
    const s = scope('06388', 8);
    const { id } = await openDraft(db, s, { form: 'weekly', unitCode: '06388', period: MONDAY }, TODAY);
    await signReport(db, s, id, TODAY);
    const submitted = await submitReport(db, s, id, TODAY);
    const view = await reportView(db, s, { form: 'weekly', unitCode: '06388', period: MONDAY }, '2022-01-28');
    expect(view.report?.id).toBe(submitted.id);
    expect(view.compiledOn).toBe(TODAY); // the day it was submitted, not the day it is looked at
    const fields = new Map(view.report!.fields.map((f) => [f.key, f]));
    expect(fields.get('tasksTotal')?.asOf).toBe('compiled');
    expect(fields.get('inspections')).toMatchObject({ asOf: 'period', value: 1 });
    expect(view.asOfCompiled).toEqual(['tasksTotal', 'tasksOnTime', 'tasksLate', 'tasksOverdue']);

    // A weekly report compiled under version 1 (before it had inspections) is shown with version 1's fields.
    const old = scope('06400', 9);
    const draft = await openDraft(db, old, { form: 'weekly', unitCode: '06400', period: MONDAY }, TODAY);
    await db.db.updateTable('reports').set({ form_version: 1 }).where('id', '=', draft.id).execute();
    const v1 = await reportView(db, old, { form: 'weekly', unitCode: '06400', period: MONDAY }, TODAY);
    expect(v1.formVersion).toBe(1);
    expect(v1.report!.fields.map((f) => f.key)).toEqual(WEEKLY_V1.fields.map((f) => f.key));
    expect(v1.numbers).not.toHaveProperty('inspections');
  });
});
