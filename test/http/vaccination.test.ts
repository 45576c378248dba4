import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, lastAuditEntry, login, type Running, type Session, startServer } from '../support/http.ts';

const GROUPS = ['5-11', '12-17', '18-49', '50-64', '65+', '12+', '18+', '50+'];
const CLASSES = ['notVaccinated', 'partial', 'primaryComplete', 'booster'];
type Counts = Record<string, number>;
interface Unit {
  code: string;
  population: number;
  byAgeGroup: Record<string, Counts>;
}
const sum = (c: Counts) => CLASSES.reduce((n, k) => n + c[k]!, 0);

/** The vaccination API as a browser uses it: upload and import, the coverage contract, records, lists, FHIR. */
describe('vaccination API', () => {
  let server: Running;
  let commune: Session;
  let district: Session;
  beforeAll(async () => {
    server = await startServer('sqlite');
    [commune, district] = [await login(server.base, 'demo.xa.06400'), await login(server.base, 'demo.huyen')];
  });
  afterAll(() => server.close());

  const json = async (session: Session, method: string, url: string, body?: unknown) => {
    const res = await call(server.base, session, method, url, body);
    return { status: res.status, body: await res.json() };
  };
  const coverageOf = async (unit: string, as = district): Promise<Unit[]> =>
    (await json(as, 'GET', `/api/vaccination/coverage?unit=${unit}`)).body.units;

  it('imports an uploaded dose list and answers the coverage contract for the unit and each unit below it', async () => {
    const upload = await fetch(`${server.base}/api/persons/uploads`, {
      method: 'POST',
      headers: {
        cookie: commune.cookie,
        'x-csrf-token': commune.csrf,
        'content-type': 'application/octet-stream',
        'x-file-name': 'mui-tiem.csv',
      },
      body: fs.readFileSync('test/fixtures/doses/mui-tiem.csv'),
    });
    const { uploadId } = await upload.json();
    const imported = await json(commune, 'POST', '/api/vaccination/imports', { uploadId, unit: '06400' });
    expect(imported.body).toMatchObject({
      committed: true,
      rowsRead: 4,
      imported: 3,
      rejected: 1,
      newPersons: 2,
    });
    const report = await call(
      server.base,
      commune,
      'GET',
      `/api/vaccination/imports/${imported.body.importId}/errors`,
    );
    expect(report.status).toBe(200);
    await report.arrayBuffer(); // the report streams: its read is recorded once the handler is done
    const reportRead = await lastAuditEntry(server, (e) => e.action === 'read'); // the report names the rows' residents
    expect(reportRead).toMatchObject({ action: 'read', username: 'demo.xa.06400' });
    expect(JSON.parse(reportRead.details).route).toBe('GET /api/vaccination/imports/:id/errors');

    const units = await coverageOf('186');
    expect(units[0]!.code).toBe('186');
    expect(units.slice(1).map((u) => u.code)).toContain('06400');
    expect(units).toHaveLength(25);
    for (const u of units) {
      expect(Object.keys(u.byAgeGroup).sort()).toEqual([...GROUPS].sort());
      for (const g of GROUPS) expect(Object.keys(u.byAgeGroup[g]!).sort()).toEqual([...CLASSES].sort());
      // Exclusive classes: the disjoint bands add up to at most the population (0–4 is not a group).
      const bands = ['5-11', '12-17', '18-49', '50-64', '65+'].map((g) => sum(u.byAgeGroup[g]!));
      expect(bands.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(u.population);
      expect(sum(u.byAgeGroup['12+']!)).toBe(bands.slice(1).reduce((a, b) => a + b, 0));
    }
    const yenThinh = units.find((u) => u.code === '06400')!;
    expect(yenThinh.population).toBe(2);
    expect(yenThinh.byAgeGroup['18+']).toEqual({
      notVaccinated: 0,
      partial: 1,
      primaryComplete: 1,
      booster: 0,
    });
    expect(units[0]!.population).toBe(2);
    expect((await coverageOf('20', await login(server.base, 'demo.tinh')))[0]!.population).toBe(2);
    expect((await json(commune, 'GET', '/api/vaccination/coverage?unit=186')).status).toBe(403);
  });

  it('moves the coverage when a dose is recorded, lists the commune for the community team, and exports FHIR', async () => {
    const list = await json(commune, 'GET', '/api/vaccination/worklist?unit=06400&list=all');
    // A page for a screen, with the whole list's counts; national IDs masked (the .xlsx has the whole list).
    expect(list.body).toMatchObject({ page: 1, pageSize: 50, counts: { total: list.body.persons.length } });
    for (const p of list.body.persons) expect(p.nationalId ?? '•').toMatch(/^•+\d{3}$|^•$/);
    const hai = list.body.persons.find((p: { fullName: string }) => p.fullName === 'Lương Văn Hải');
    expect(hai).toMatchObject({ list: 'overdue', next: { kind: 'primary', number: 2 }, coverage: 'partial' });
    const recorded = await json(commune, 'POST', '/api/vaccination/doses', {
      personId: hai.personId,
      vaccine: 'sinopharm',
      date: '2021-08-30',
    });
    expect(recorded).toMatchObject({ status: 201, body: { result: 'recorded', warnings: [] } });
    expect((await coverageOf('06400'))[0]!.byAgeGroup['18+']).toEqual({
      notVaccinated: 0,
      partial: 0,
      primaryComplete: 2,
      booster: 0,
    });
    const again = await json(commune, 'POST', '/api/vaccination/doses', {
      personId: hai.personId,
      vaccine: 'sinopharm',
      date: '2021-08-30',
    });
    expect(again).toMatchObject({ status: 200, body: { result: 'ignored' } });

    const card = await json(commune, 'GET', `/api/vaccination/persons/${hai.personId}/card`);
    expect(card.body).toMatchObject({
      status: { status: 'boosterDue', coverage: 'primaryComplete' },
      doses: [{}, {}],
    });

    const sheet = await call(
      server.base,
      commune,
      'GET',
      '/api/vaccination/worklist.xlsx?unit=06400&list=overdue',
    );
    expect(sheet.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await sheet.arrayBuffer()) as never);
    const cells = book.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toEqual(
      expect.arrayContaining(['Số điện thoại', 'Kết quả liên hệ', 'Lương Văn Hải', 'Hoàng Thị Lan']),
    );

    const fhir = await call(server.base, commune, 'GET', '/api/vaccination/fhir?unit=06400');
    expect(fhir.headers.get('content-type')).toMatch(/application\/fhir\+json/);
    const bundle = await fhir.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const patients = bundle.entry.filter(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient',
    );
    const immunizations = bundle.entry.filter(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Immunization',
    );
    expect([patients.length, immunizations.length]).toEqual([2, 4]);
    const urls = new Set(patients.map((p: { fullUrl: string }) => p.fullUrl));
    for (const { fullUrl, resource } of immunizations) {
      expect(fullUrl).toMatch(/^urn:uuid:/);
      expect(resource).toMatchObject({
        status: 'completed',
        vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx' }] },
      });
      expect(resource.occurrenceDateTime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(urls.has(resource.patient.reference)).toBe(true);
    }
    const audit = await server.app.db.db
      .selectFrom('audit_log')
      .select('entity')
      .where('action', '=', 'read')
      .execute();
    expect(audit.map((a) => a.entity)).toEqual(
      expect.arrayContaining(['vaccination_worklist', 'vaccination_card', 'fhir_export']),
    );
  });

  it("shows seed 004's provincial target to the district with its progress and the communes behind", async () => {
    const { body } = await json(district, 'GET', '/api/vaccination/targets?unit=186');
    expect(body.targets).toEqual([]);
    const province = await login(server.base, 'demo.tinh');
    const created = await json(province, 'POST', '/api/vaccination/targets', {
      unitCode: '20',
      title: 'Seed 004',
      deadline: '2022-01-31',
      primary: { minAge: 12, percent: 100 },
      booster: { minAge: 18, percent: 100 },
    });
    expect(created.status).toBe(201);
    const progress = await json(district, 'GET', `/api/vaccination/targets/${created.body.id}/progress`);
    expect(progress.body).toMatchObject({
      unit: { code: '186' },
      primary: { population: 2, achieved: 2, remaining: 0 },
      booster: { remaining: 2 },
      behind: [{ code: '06400' }],
    });
  });
});
