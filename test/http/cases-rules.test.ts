import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Running, startServer } from '../support/http.ts';

/** The contract routes of issue 15: the regulation as a calculator, by the rule set in force on the date given. */
describe('rules routes (issue 15 contract)', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(() => server.close());
  const post = (url: string, body: unknown) => call(server.base, null, 'POST', url, body);

  it('POST /api/rules/home-care/warnings: one entry per sign raised, with its number (261/QĐ-BYT)', async () => {
    const res = await post('/api/rules/home-care/warnings', {
      date: '2022-02-15',
      ageYears: 35,
      respiratoryRate: 22,
      spo2: 94,
      pulse: 88,
      systolic: 120,
      diastolic: 80,
      signs: [6],
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ruleSet.id).toBe('QD-261-BYT');
    expect(body.warnings.map((w: { number: number }) => w.number)).toEqual([2, 3, 6]);
  });

  it('evaluates the date given, not today: RR 20 / SpO2 95 is a warning under 261, not under 4038', async () => {
    const signs = async (date: string) =>
      (
        await (
          await post('/api/rules/home-care/warnings', { date, ageYears: 40, respiratoryRate: 20, spo2: 95 })
        ).json()
      ).warnings.length;
    expect(await signs('2022-02-01')).toBe(2);
    expect(await signs('2022-01-20')).toBe(0);
  });

  it('refuses impossible measures naming the field (SpO2 130, pulse 0, sign 12)', async () => {
    for (const [field, value] of [
      ['spo2', 130],
      ['pulse', 0],
      ['signs', [12]],
    ] as const) {
      const res = await post('/api/rules/home-care/warnings', {
        date: '2022-02-15',
        ageYears: 30,
        [field]: value,
      });
      expect(res.status, field).toBe(400);
      const { error } = await res.json();
      expect(error.fields.map((f: { field: string }) => f.field).join(), field).toContain(field);
    }
  });

  it('POST /api/rules/quarantine: 10696/BYT-MT for a contact vaccinated 2 months before', async () => {
    const res = await post('/api/rules/quarantine', {
      exposureDate: '2021-12-20',
      fullyVaccinatedOn: '2021-10-20',
      recoveredOn: null,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ruleSet: { id: 'CV-10696-BYT-MT' },
      quarantineDays: 7,
      selfMonitoringDays: 7,
      testDays: [1, 7],
    });
  });

  it('POST /api/rules/quarantine: an unprotected contact in March 2022 stays 7 days, test day 7', async () => {
    const res = await post('/api/rules/quarantine', {
      exposureDate: '2022-03-10',
      fullyVaccinatedOn: null,
      recoveredOn: null,
    });
    expect(await res.json()).toMatchObject({ quarantineDays: 7, selfMonitoringDays: 3, testDays: [7] });
  });

  it('refuses a date before any rule set, naming the field', async () => {
    const res = await post('/api/rules/quarantine', {
      exposureDate: '2019-06-01',
      fullyVaccinatedOn: null,
      recoveredOn: null,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].field).toBe('exposureDate');
  });
});
