import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStoredToday } from '../../src/core/dates.ts';
import { applyDatabaseCalendar } from '../../src/db/calendar.ts';
import { unitTree } from '../../src/features/admin-units/index.ts';
import { seedDemoReports } from '../../src/features/reports/demo-reports.ts';
import { AS_OF_COMPILED } from '../../src/features/reports/rules/forms.ts';
import { ENGINES } from '../support/databases.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';

interface Daily {
  submitted: boolean;
  missing: string[];
  lateUnits: string[];
  numbers: Record<string, number | null>;
  rollUp: { numbers: Record<string, number>; submitted: string[] } | null;
  report: { id: number; state: string } | null;
}

/** Issue 18's contract: the daily report over HTTP, its numbers those of the cases summary and coverage. */
describe.each(ENGINES)('daily reports over HTTP on %s', (engine) => {
  let server: Running;
  let district: Session;
  let commune: Session;
  let province: Session;
  const get = (s: Session, url: string) => call(server.base, s, 'GET', url);
  beforeAll(async () => {
    server = await startServer(engine);
    await applyDatabaseCalendar(server.app.db); // the demo's day, 15/01/2022
    district = await login(server.base, 'demo.huyen');
    commune = await login(server.base, 'demo.xa.06385');
    province = await login(server.base, 'demo.tinh');
    // A few communes' numbers over the last days, then the demo's week of reports compiled from them.
    await server.app.db.db
      .insertInto('case_day_counts')
      .values(
        ['06385', '06388', '06400'].flatMap((commune_code, i) =>
          ['2022-01-13', '2022-01-14', '2022-01-15'].map((day, d) => ({
            province_code: '20',
            district_code: '186',
            commune_code,
            day,
            new_cases: 2 + i + d,
            recovered: d,
            deaths: 0,
            new_contacts: 3 * i,
            tests_done: 20 + i,
            tests_positive: 2 + i + d,
            home_change: 2 + i,
            facility_change: d,
            quarantine_change: 3 * i,
          })),
        ),
      )
      .execute();
    await seedDemoReports(server.app.db, { districtCode: '186', today: '2022-01-15' });
  });
  afterAll(async () => {
    setStoredToday(null);
    await server?.close();
  });

  it('answers numbers equal to /api/cases/summary and /api/vaccination/coverage for the unit and day', async () => {
    for (const [session, unit] of [
      [commune, '06385'],
      [district, '186'],
      // A province's `numbers` are its records' too; its districts' submitted reports are in `rollUp`.
      [province, '20'],
    ] as const) {
      const report = (await (
        await get(session, `/api/reports/daily?unit=${unit}&date=2022-01-15`)
      ).json()) as Daily;
      const summary = (await (await get(session, `/api/cases/summary?unit=${unit}&date=2022-01-15`)).json())
        .units[0];
      const coverage = (await (await get(session, `/api/vaccination/coverage?unit=${unit}`)).json()).units[0];
      for (const key of [
        'newCases',
        'casesLast7Days',
        'underTreatmentHome',
        'underTreatmentFacility',
        'recovered',
        'deaths',
        'newContacts',
        'inQuarantine',
        'testsDone',
        'testsPositive',
      ])
        expect([key, report.numbers[key]]).toEqual([key, summary[key]]);
      expect(report.numbers.casesLast7Days).toBeGreaterThan(0);
      const adults = coverage.byAgeGroup['18+'];
      expect(report.numbers.adults).toBe(
        adults.notVaccinated + adults.partial + adults.primaryComplete + adults.booster,
      );
      expect(report.numbers.adultsPrimary).toBe(adults.primaryComplete + adults.booster);
      expect(report.numbers.adultsFirstDose).toBe(adults.partial + adults.primaryComplete + adults.booster);
      expect(report.submitted).toBe(false);
    }
  });

  it("shows the demo's late commune as missing yesterday, and the district's earlier days submitted", async () => {
    const communes = (await unitTree(server.app.db)).children('186');
    const late = communes[3]!.code;
    const yesterday = (await (
      await get(district, '/api/reports/daily?unit=186&date=2022-01-14')
    ).json()) as Daily;
    expect(yesterday.submitted).toBe(false);
    expect(yesterday.missing).toEqual([late]);
    expect(yesterday.lateUnits).toContain(late);
    const before = (await (
      await get(district, '/api/reports/daily?unit=186&date=2022-01-13')
    ).json()) as Daily;
    expect(before.submitted).toBe(true);
    expect(before.missing).toEqual([]);
    expect(before.rollUp!.submitted).toHaveLength(communes.length);
  });

  it('answers the official layout as a .docx holding the numbers', async () => {
    const res = await get(district, '/api/reports/daily.docx?unit=186&date=2022-01-13');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
    const report = (await (
      await get(district, '/api/reports/daily?unit=186&date=2022-01-13')
    ).json()) as Daily & { report: { values: Record<string, number | null> } };
    const lines = text.split(/\n+/).map((l) => l.trim());
    // The letterhead: the district's People's Committee over its steering committee, the national motto.
    expect(lines).toContain('UBND HUYỆN HỮU LŨNG');
    expect(lines).toContain('BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19');
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('Độc lập - Tự do - Hạnh phúc');
    // No number given yet: the blank for the clerk. The date is the day the demo district sent it (13/01,
    // 17:45), not today (15/01).
    expect(lines).toContain('Số:      /BC-BCĐ');
    expect(lines).toContain('Hữu Lũng, ngày 13 tháng 01 năm 2022');
    expect(lines).toContain('Kính gửi: Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Lạng Sơn.');
    expect(lines).toContain(
      'Ban Chỉ đạo phòng, chống dịch COVID-19 huyện Hữu Lũng báo cáo tình hình dịch COVID-19 ngày 13/01/2022 như sau:',
    );
    expect(lines).toContain('Tình hình dịch COVID-19 ngày 13/01/2022');
    expect(text.toLowerCase()).not.toContain('báo cáo báo cáo');
    const fmt = (n: number | null | undefined) => Number(n).toLocaleString('vi-VN');
    expect(text).toContain(`F0 mới trong ngày: ${fmt(report.report.values.newCases)}`);
    expect(text).toContain(`Người từ 18 tuổi: ${fmt(report.report.values.adults)}`);
    expect(text).toContain(`18+ tiêm đủ liều cơ bản: ${fmt(report.report.values.adultsPrimary)}`);
    // The signer by the account's display name, under the committee's signature block; never the username.
    const signer = await server.app.db.db
      .selectFrom('users')
      .select('display_name')
      .where('username', '=', 'demo.huyen')
      .executeTakeFirstOrThrow();
    const block = lines.slice(lines.indexOf('TM. BAN CHỈ ĐẠO'));
    expect(block.slice(0, 3)).toEqual(['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', '(đã ký duyệt điện tử)']);
    expect(block).toContain(signer.display_name);
    expect(text).not.toContain('demo.huyen');
  });

  it("keeps the demo's correction beside the computed number, and it reaches the province", async () => {
    const corrected = (await unitTree(server.app.db)).children('186')[0]!.code;
    const day = (await (
      await get(district, `/api/reports/daily?unit=${corrected}&date=2022-01-13`)
    ).json()) as {
      report: { fields: { key: string; computed: number; value: number; correction: unknown }[] };
    };
    const tests = day.report.fields.find((f) => f.key === 'testsDone')!;
    expect(tests.correction).toMatchObject({ reason: expect.stringContaining('trùng 12 mẫu') });
    expect(tests.value).toBe(Math.max(0, tests.computed - 12));
    // The district's submitted roll-up holds the corrected number, and the province adds up that roll-up.
    const rolled = (await (
      await get(district, '/api/reports/daily?unit=186&date=2022-01-13')
    ).json()) as Daily;
    const lsn = (await (
      await get(province, '/api/reports/daily?unit=20&date=2022-01-13')
    ).json()) as Daily & { rollUp: { units: { code: string; values: Record<string, number> | null }[] } };
    expect(lsn.rollUp.units.find((u) => u.code === '186')!.values).toEqual(rolled.rollUp!.numbers);
    expect(lsn.rollUp.numbers.testsDone).toBe(rolled.rollUp!.numbers.testsDone);
    expect(lsn.missing).not.toContain('186');
    expect(lsn.missing.length).toBe(lsn.rollUp.units.length - 1);
  });

  it('refuses a submission by another user than the signer and any edit of a submitted report (409)', async () => {
    const officer = await login(server.base, 'demo.xa.06388');
    const draft = await call(server.base, officer, 'POST', '/api/reports/drafts', {
      form: 'daily',
      unit: '06388',
      period: '2022-01-15',
    });
    const { id } = await draft.json();
    expect((await call(server.base, officer, 'POST', `/api/reports/${id}/sign`)).status).toBe(200);
    const signed = await (await get(officer, `/api/reports/${id}`)).json();
    // The district's officer may reach the commune's report, but only its signer may send it.
    const other = await call(server.base, district, 'POST', `/api/reports/${id}/submit`);
    expect(other.status).toBe(409);
    expect((await other.json()).error.message).toMatch(/người ký/);
    expect(await (await get(officer, `/api/reports/${id}`)).json()).toEqual(signed);

    expect((await call(server.base, officer, 'POST', `/api/reports/${id}/submit`)).status).toBe(200);
    const submitted = await (await get(officer, `/api/reports/${id}`)).json();
    expect(submitted.state).toBe('submitted');
    for (const [url, body] of [
      [`/api/reports/${id}/texts`, { texts: { situation: 'Sửa sau khi gửi.' } }],
      [`/api/reports/${id}/corrections`, { field: 'testsDone', value: 1, reason: 'Sửa sau khi gửi' }],
      [`/api/reports/${id}/sign`, undefined],
      [`/api/reports/${id}/submit`, undefined],
    ] as const) {
      const res = await call(server.base, officer, 'POST', url, body);
      expect([url, res.status]).toEqual([url, 409]);
      expect((await res.json()).error.message).toMatch(/đã gửi|đã được ký/);
    }
    expect(await (await get(officer, `/api/reports/${id}`)).json()).toEqual(submitted);
  });

  it(".xlsx holds the JSON report's numbers: each field's computed and reported value, and the units' table", async () => {
    for (const [session, unit] of [
      [district, '186'],
      [commune, '06385'],
    ] as const) {
      const res = await get(session, `/api/reports/daily.xlsx?unit=${unit}&date=2022-01-13`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      type Field = {
        key: string;
        computed: number | null;
        value: number | null;
        correction: { reason: string } | null;
      };
      const json = (await (
        await get(session, `/api/reports/daily?unit=${unit}&date=2022-01-13`)
      ).json()) as Daily & {
        report: { fields: Field[] } | null;
        rollUp: { units: { code: string; values: Record<string, number | null> | null }[] } | null;
      };
      const fields: Field[] =
        json.report?.fields ??
        Object.entries(json.numbers).map(([key, v]) => ({ key, computed: v, value: v, correction: null }));
      expect(fields.length).toBeGreaterThan(10);
      const sheet = wb.getWorksheet('Báo cáo')!;
      const cells = (row: number) =>
        (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v === undefined ? null : v));
      expect(cells(2).slice(2, 4)).toEqual(['Số hệ thống', 'Số báo cáo']);
      for (const [i, f] of fields.entries()) {
        const [group, , computed, value, reason] = cells(3 + i);
        // Coverage is read from counters of the present only: its group says the numbers are as of compiling.
        expect(String(group).includes(AS_OF_COMPILED.vi), `${unit} ${f.key}`).toBe(
          /^(adults|teens)/.test(f.key),
        );
        expect([computed, value], `${unit} ${f.key}`).toEqual([f.computed, f.value]);
        expect(reason ?? '').toBe(f.correction?.reason ?? '');
      }
      expect(json.report?.fields.some((f) => f.value !== null && f.value > 0) ?? true).toBe(true);
      const docx = await get(session, `/api/reports/daily.docx?unit=${unit}&date=2022-01-13`);
      const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
      expect(text.toLowerCase()).toContain(AS_OF_COMPILED.vi);
      const units = wb.getWorksheet('Đơn vị');
      if (!json.rollUp) {
        expect(units).toBeUndefined();
        continue;
      }
      const keys = fields.map((f) => f.key);
      const rowOf = new Map<string, unknown[]>();
      units!.eachRow((row) => {
        const v = (row.values as unknown[]).slice(1).map((x) => (x === undefined ? null : x));
        rowOf.set(String(v[0] || v[1]), v);
      });
      for (const u of json.rollUp.units)
        expect(rowOf.get(u.code)!.slice(4), u.code).toEqual(keys.map((k) => u.values?.[k] ?? null));
      expect(rowOf.get('Cộng')!.slice(4)).toEqual(keys.map((k) => json.rollUp!.numbers[k] ?? null));
      expect(json.rollUp.submitted.length).toBeGreaterThan(0);
    }
  });

  it('refuses a future day and a correction without a reason, naming the field', async () => {
    const future = await get(commune, '/api/reports/daily?unit=06385&date=2022-01-16');
    expect(future.status).toBe(400);
    expect((await future.json()).error.fields[0].field).toBe('date');
    const draft = await call(server.base, commune, 'POST', '/api/reports/drafts', {
      form: 'daily',
      unit: '06385',
      period: '2022-01-15',
    });
    const { id } = await draft.json();
    const res = await call(server.base, commune, 'POST', `/api/reports/${id}/corrections`, {
      field: 'testsDone',
      value: 3,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].field).toBe('reason');
    // A directive id past the id column's range (found by the API fuzz test: a 500 on PostgreSQL).
    const huge = await call(server.base, district, 'POST', '/api/reports/drafts', {
      form: 'directive',
      unit: '186',
      period: '7000000000',
    });
    expect(huge.status).toBe(400);
    expect((await huge.json()).error.fields[0].field).toBe('period');
  });
});
