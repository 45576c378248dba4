import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/features/auth/rules.ts';
import { tasksOfSource } from '../../src/features/directives/index.ts';
import { dailyReportStatus } from '../../src/features/reports/index.ts';
import {
  archive,
  correctField,
  editReport,
  openDraft,
  remindLate,
  reportView,
  signReport,
  submitReport,
} from '../../src/features/reports/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const scope = (unitCode: string, userId: number): Scope => ({
  userId,
  username: `test.${unitCode}.${userId}`,
  role: 'officer',
  unitCode,
  ip: '127.0.0.1',
});
const TODAY = '2022-01-15';
const DAY = '2022-01-14';
const DISTRICT = scope('186', 1);
// Three communes of Hữu Lũng with numbers on the day; 06400 (Yên Thịnh) does not report.
const NUMBERS: Record<
  string,
  { new_cases: number; tests_done: number; tests_positive: number; deaths: number }
> = {
  '06385': { new_cases: 4, tests_done: 40, tests_positive: 4, deaths: 0 },
  '06388': { new_cases: 2, tests_done: 25, tests_positive: 2, deaths: 1 },
  '06400': { new_cases: 7, tests_done: 60, tests_positive: 7, deaths: 0 },
};

/** Issue 18: the district's roll-up is the sum of its communes' submitted reports; a late commune is missing. */
describe.each(ENGINES)('reports on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  const day = { form: 'daily' as const, period: DAY };
  beforeAll(async () => {
    db = await seededDb(engine);
    await db.db
      .insertInto('case_day_counts')
      .values(
        Object.entries(NUMBERS).map(([commune_code, n]) => ({
          province_code: '20',
          district_code: '186',
          commune_code,
          day: DAY,
          recovered: 0,
          new_contacts: 0,
          home_change: n.new_cases,
          facility_change: 0,
          quarantine_change: 0,
          ...n,
        })),
      )
      .execute();
  });
  afterAll(() => db?.close());

  const submitCommune = async (
    code: string,
    correction?: { field: string; value: number; reason: string },
  ) => {
    const s = scope(code, 100 + Number(code.slice(-2)));
    const { id } = await openDraft(db, s, { ...day, unitCode: code }, TODAY);
    await editReport(db, s, id, { texts: { situation: 'Ổn định.' } });
    if (correction) await correctField(db, s, id, correction, TODAY);
    await signReport(db, s, id, TODAY);
    return submitReport(db, s, id, TODAY);
  };

  it('rolls up the submitted reports (corrections included) and shows the late commune as missing', async () => {
    const a = await submitCommune('06385');
    const b = await submitCommune('06388', { field: 'testsDone', value: 20, reason: 'Trùng 5 mẫu' });
    expect(a.state).toBe('submitted');
    expect(b.fields.find((f) => f.key === 'testsDone')).toMatchObject({
      computed: 25,
      value: 20,
      correction: { reason: 'Trùng 5 mẫu' },
    });

    const view = await reportView(db, DISTRICT, { ...day, unitCode: '186' }, TODAY);
    const sum = (key: string) => Number(a.values[key]) + Number(b.values[key]);
    for (const key of ['newCases', 'testsDone', 'testsPositive', 'deaths', 'underTreatmentHome'])
      expect(view.rollUp!.numbers[key]).toBe(sum(key));
    expect(view.rollUp!.numbers.testsDone).toBe(60);
    // The district's own numbers are the records' (Yên Thịnh's 7 cases included), not the roll-up's.
    expect(view.numbers.newCases).toBe(13);
    expect(view.missing).toContain('06400');
    expect(view.missing).not.toContain('06385');
    expect(view.lateUnits).toContain('06400');
    expect(await dailyReportStatus(db, DISTRICT, '186', DAY, TODAY)).toMatchObject({
      submitted: false,
      missing: expect.arrayContaining(['06400']),
      late: expect.arrayContaining(['06400']),
    });

    // A reminder task to the late commune, once.
    const reminded = await remindLate(db, DISTRICT, { ...day, unitCode: '186' }, TODAY);
    expect(reminded.opened.map((o) => o.unitCode)).toContain('06400');
    const tasks = await tasksOfSource(db, { kind: 'report', ref: `daily:${DAY}:06400` });
    expect(tasks).toHaveLength(1);
    expect((await remindLate(db, DISTRICT, { ...day, unitCode: '186' }, TODAY)).opened).toEqual([]);
  });

  it("rolls the province up from its districts' submitted roll-ups; a district not submitted is missing", async () => {
    const PROVINCE = scope('20', 2);
    // Hữu Lũng signs off and submits: its roll-up holds the two communes' reports, 06388's correction included.
    const { id } = await openDraft(db, DISTRICT, { ...day, unitCode: '186' }, TODAY);
    await signReport(db, DISTRICT, id, TODAY);
    const district = await submitReport(db, DISTRICT, id, TODAY);
    expect(district.rollUp!.numbers.testsDone).toBe(40 + 20);

    const view = await reportView(db, PROVINCE, { ...day, unitCode: '20' }, TODAY);
    const huuLung = view.rollUp!.units.find((u) => u.code === '186')!;
    expect(huuLung.submitted).toBe(true);
    // The district's submitted roll-up, not its records (40 + 25 + 60 tests, 13 new cases).
    expect(huuLung.values).toEqual(district.rollUp!.numbers);
    expect(view.rollUp!.numbers.testsDone).toBe(60);
    expect(view.rollUp!.numbers.newCases).toBe(4 + 2);
    expect(view.numbers.testsDone).toBeGreaterThanOrEqual(125); // the province's own numbers: its records
    // Every other district of Lạng Sơn has sent nothing: missing, and so on the situation room's tile.
    expect(view.missing).not.toContain('186');
    expect(view.missing).toHaveLength(view.rollUp!.units.length - 1);
    expect(view.missing.length).toBeGreaterThan(0);
    expect((await dailyReportStatus(db, PROVINCE, '20', DAY, TODAY)).missing).toEqual(view.missing);
  });

  it('refuses bad input and leaves a submitted report as it was', async () => {
    const code = '06391';
    const first = scope(code, 201);
    const second = scope(code, 202);
    // A report for a future day.
    await expect(
      openDraft(db, first, { form: 'daily', period: '2022-01-16', unitCode: code }, TODAY),
    ).rejects.toMatchObject({
      status: 400,
      fields: [{ field: 'date' }],
    });
    const { id } = await openDraft(db, first, { ...day, unitCode: code }, TODAY);
    // A correction without a reason.
    await expect(
      correctField(db, first, id, { field: 'newCases', value: 3, reason: ' ' }, TODAY),
    ).rejects.toMatchObject({
      status: 400,
      fields: [{ field: 'reason' }],
    });
    await signReport(db, first, id, TODAY);
    // Submission by another user than the signer.
    await expect(submitReport(db, second, id, TODAY)).rejects.toMatchObject({ status: 409 });
    await submitReport(db, first, id, TODAY);
    const before = await db.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Edits to a submitted report.
    await expect(editReport(db, first, id, { texts: { situation: 'sửa' } })).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      correctField(db, first, id, { field: 'newCases', value: 9, reason: 'sửa lại' }, TODAY),
    ).rejects.toMatchObject({
      status: 409,
    });
    await expect(signReport(db, second, id, TODAY)).rejects.toMatchObject({ status: 409 });
    await expect(openDraft(db, first, { ...day, unitCode: code }, TODAY)).rejects.toMatchObject({
      status: 409,
    });
    expect(
      await db.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect(
      await db.db.selectFrom('report_corrections').select('id').where('report_id', '=', id).execute(),
    ).toEqual([]);

    // A new version supersedes it; the archive keeps both.
    const v2 = await openDraft(db, first, { ...day, unitCode: code, revise: true }, TODAY);
    await signReport(db, first, v2.id, TODAY);
    await submitReport(db, first, v2.id, TODAY);
    const list = await archive(db, first, { unitCode: code, limit: 10, offset: 0 });
    expect(list.reports.map((r) => [r.version, r.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('keeps each unit to its jurisdiction', async () => {
    await expect(
      reportView(db, scope('06385', 5), { ...day, unitCode: '06388' }, TODAY),
    ).rejects.toMatchObject({
      status: 403,
    });
  });
});
