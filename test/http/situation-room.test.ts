import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { ENGINES } from '../support/databases.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

const DAY = '2022-01-15';
const FIGURE_FIELDS = [
  'newCases',
  'casesLast7Days',
  'underTreatmentHome',
  'underTreatmentFacility',
  'inQuarantine',
  'deaths',
  'recovered',
  'testsDone',
  'testsPositive',
] as const;

type Figures = Record<(typeof FIGURE_FIELDS)[number], number> & {
  code: string;
  adults: number;
  adultsPrimary: number;
  adultsBooster: number;
  overdueTasks: number;
};

/** Issue 18: the situation room's numbers are the capabilities' own, in the caller's jurisdiction; exports. */
describe.each(ENGINES)('situation room on %s', (engine) => {
  let server: Running;
  let province: Session;
  let district: Session;
  let commune: Session;
  const get = (s: Session, url: string) => call(server.base, s, 'GET', url);
  const json = async (s: Session, url: string) => {
    const res = await get(s, url);
    expect(res.status, url).toBe(200);
    return res.json();
  };

  const newCase = async (placeOfCare: string, sampleDate: string) => {
    const [personId] = await insertPersonRows(server.app.db, server.app.db.db, [
      personRow(
        personInput({ fullName: 'Hoàng Văn Nam', birthDate: '1980-05-05', birthYear: 1980, sex: 'male' }),
        { province_code: '20', district_code: '186', commune_code: '06385' },
        { now: new Date().toISOString() },
      ),
    ]);
    const res = await call(server.base, district, 'POST', '/api/cases', {
      personId,
      sampleDate,
      testKind: 'rapidAntigen',
      placeOfCare,
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    server = await startServer(engine);
    province = await login(server.base, 'demo.tinh');
    district = await login(server.base, 'demo.huyen');
    commune = await login(server.base, 'demo.xa.06385');
    await newCase('home', '2022-01-15');
    await newCase('facility', '2022-01-12');
    // Coverage counters of one commune and its district and province, as the vaccination store keeps them.
    const rows = ['06385', '186', '20'].flatMap((unit_code) => [
      { province_code: '20', unit_code, age_band: '18-49', coverage: 'notVaccinated', count: 40 },
      { province_code: '20', unit_code, age_band: '18-49', coverage: 'primaryComplete', count: 50 },
      { province_code: '20', unit_code, age_band: '50-64', coverage: 'booster', count: 10 },
    ]);
    await server.app.db.db.insertInto('coverage_counters').values(rows).execute();
    // One treatment facility of the district, its beds and occupancy entered before the day.
    const facility = await call(server.base, district, 'POST', '/api/treatment-facilities', {
      unitCode: '186',
      name: 'Cơ sở thu dung, điều trị COVID-19 số 1',
      kind: 'treatmentFacility',
    });
    expect(facility.status).toBe(200);
    const beds = await call(
      server.base,
      district,
      'PUT',
      `/api/treatment-facilities/${(await facility.json()).id}/days`,
      {
        day: '2022-01-10',
        beds: 1240,
        occupied: 37,
        icuBeds: 4,
        oxygenCylinders: 20,
      },
    );
    expect(beds.status).toBe(200);
    const target = await call(server.base, province, 'POST', '/api/vaccination/targets', {
      unitCode: '20',
      title: 'Tiêm đủ liều cho người từ 18 tuổi',
      deadline: '2022-01-31',
      primary: { minAge: 18, percent: 95 },
    });
    expect(target.status).toBe(201);
  }, 120_000);
  afterAll(() => server?.close());

  it("answers the district's numbers as /api/cases/summary and /api/vaccination/coverage do", async () => {
    const room = await json(province, `/api/situation-room?unit=186&date=${DAY}`);
    const cases = await json(province, `/api/cases/summary?unit=186&date=${DAY}`);
    const coverage = await json(province, `/api/vaccination/coverage?unit=186`);
    const compliance = await json(province, `/api/compliance?unit=186`);
    const casesOf = new Map(cases.units.map((u: Figures) => [u.code, u]));
    type Counts = Record<'notVaccinated' | 'partial' | 'primaryComplete' | 'booster', number>;
    const coverageOf = new Map<string, Counts>(
      coverage.units.map((u: { code: string; byAgeGroup: Record<string, Counts> }) => [
        u.code,
        u.byAgeGroup['18+']!,
      ]),
    );
    const units: Figures[] = [room.figures, ...room.below];
    expect(units.map((u) => u.code)).toEqual(coverage.units.map((u: { code: string }) => u.code));
    for (const u of units) {
      const c = casesOf.get(u.code) as Figures;
      for (const f of FIGURE_FIELDS) expect(u[f], `${u.code} ${f}`).toBe(c[f]);
      const v = coverageOf.get(u.code)!;
      expect(u.adults).toBe(v.notVaccinated + v.partial + v.primaryComplete + v.booster);
      expect(u.adultsPrimary).toBe(v.primaryComplete + v.booster);
      expect(u.adultsBooster).toBe(v.booster);
    }
    expect(room.figures).toMatchObject({ code: '186', newCases: 1, casesLast7Days: 2, adults: 100 });
    expect(room.figures.underTreatmentFacility).toBe(1);
    expect(room.figures.overdueTasks).toBe(compliance.totals.overdue);
    // Every number opens the list behind it, for the same unit.
    const tiles = new Map(room.tiles.map((t: { key: string }) => [t.key, t]));
    expect(tiles.get('newCases')).toMatchObject({ value: 1, href: '/cases?unit=186' });
    expect(tiles.get('coverage')).toMatchObject({ value: 60, unit: 'percent' });
    expect(tiles.get('target')).toMatchObject({ value: 60, of: 95, href: '/vaccination/targets?unit=186' });
    // Beds in use: the district's facilities on the day as the capacity page shows them.
    const capacity = await json(province, `/api/capacity?unit=186&date=${DAY}`);
    expect(capacity.district).toMatchObject({ beds: 1240, occupied: 37 });
    expect(tiles.get('capacityInUse')).toEqual({
      key: 'capacityInUse',
      value: capacity.district.occupied,
      of: capacity.district.beds,
      href: `/capacity?unit=186&date=${DAY}`,
    });
    // The province adds up its districts' beds and opens the capacity page of the fullest district.
    const whole = await json(province, `/api/situation-room?unit=20&date=${DAY}`);
    expect(whole.tiles.find((t: { key: string }) => t.key === 'capacityInUse')).toMatchObject({
      value: 37,
      of: 1240,
      href: `/capacity?unit=186&date=${DAY}`,
    });
    expect(room.trend).toHaveLength(14);
    expect(room.trend.at(-1)).toEqual({ day: DAY, newCases: 1 });
    expect(room.trend.find((d: { day: string }) => d.day === '2022-01-12').newCases).toBe(1);
    expect(room.map.districts.length).toBeGreaterThan(5);
    expect(JSON.stringify(room).length).toBeLessThan(60_000);
  });

  it('answers 304 while nothing changed, and the new numbers after a change', async () => {
    const first = await get(district, `/api/situation-room?unit=186&date=${DAY}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${server.base}/api/situation-room?unit=186&date=${DAY}`, {
      headers: { cookie: district.cookie, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await newCase('home', DAY);
    const after = await fetch(`${server.base}/api/situation-room?unit=186&date=${DAY}`, {
      headers: { cookie: district.cookie, 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await after.json()).figures.newCases).toBe(2);
  });

  it('shows a commune its own numbers only', async () => {
    const own = await json(commune, `/api/situation-room?date=${DAY}`);
    expect(own.unit.code).toBe('06385');
    expect(own.below).toEqual([]);
    // The commune has no facility of its own: the people treated in facilities, labelled as having no beds.
    const capacity = own.tiles.find((t: { key: string }) => t.key === 'capacityInUse');
    expect(capacity).toMatchObject({ value: own.figures.underTreatmentFacility, of: null, noData: true });
    expect(capacity.value).toBe(1);
    expect((await get(commune, `/api/situation-room?unit=20&date=${DAY}`)).status).toBe(403);
    expect((await get(commune, `/api/situation-room?unit=06388&date=${DAY}`)).status).toBe(403);
    expect((await get(commune, `/api/situation-room/dhis2?unit=186&date=${DAY}`)).status).toBe(403);
    expect((await get(district, `/api/situation-room/summary.csv?unit=20`)).status).toBe(403);
  });

  it('refuses a future day and a malformed unit, naming the field', async () => {
    const future = await get(province, '/api/situation-room?unit=20&date=2100-01-01');
    expect(future.status).toBe(400);
    expect((await future.json()).error.fields[0].field).toBe('date');
    expect((await get(province, '/api/situation-room?unit=abc')).status).toBe(400);
  });

  it('exports the same numbers as CSV, a DHIS2 data value set and FHIR MeasureReports', async () => {
    const room = await json(province, `/api/situation-room?unit=186&date=${DAY}`);
    const csv = await get(province, `/api/situation-room/summary.csv?unit=186&date=${DAY}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 1 + room.below.length);
    expect(lines[0]).toMatch(/^Mã đơn vị,Đơn vị,Ngày,F0 mới trong ngày/);
    expect(lines[1]!.split(',').slice(0, 4)).toEqual([
      '186',
      room.unit.name,
      DAY,
      String(room.figures.newCases),
    ]);

    const daily = await json(province, `/api/situation-room/dhis2?unit=186&date=${DAY}`);
    expect(daily).toMatchObject({ dataSet: 'SA_DAILY', period: '20220115' });
    const value = (set: typeof daily, orgUnit: string, dataElement: string) =>
      set.dataValues.find(
        (v: { orgUnit: string; dataElement: string }) =>
          v.orgUnit === orgUnit && v.dataElement === dataElement,
      )?.value;
    expect(value(daily, '186', 'SA_NEW_CASES')).toBe(String(room.figures.newCases));
    expect(value(daily, '186', 'SA_ADULTS_PRIMARY')).toBe('60');
    expect(value(daily, '06385', 'SA_TREATING_FACILITY')).toBe('1');
    for (const v of daily.dataValues) {
      expect(Object.keys(v).sort()).toEqual(['dataElement', 'dataSet', 'orgUnit', 'period', 'value']);
      expect(v.value).toMatch(/^\d+$/);
    }
    const weekly = await json(province, `/api/situation-room/dhis2?unit=186&date=2022-01-09&period=week`);
    expect(weekly).toMatchObject({ dataSet: 'SA_WEEKLY', period: '2022W1' });
    expect(value(weekly, '186', 'SA_NEW_CASES')).toBeUndefined();
    expect(value(weekly, '186', 'SA_CASES_7D')).toBe('0');

    const fhir = await get(province, `/api/situation-room/measure-report?unit=186&date=${DAY}`);
    expect(fhir.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const bundle = await fhir.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const reports = bundle.entry.map((e: { resource: Record<string, unknown> }) => e.resource);
    expect(reports).toHaveLength(2);
    for (const [i, r] of reports.entries()) {
      // FHIR R4 MeasureReport: status, type, measure (canonical) and period are required.
      expect(r).toMatchObject({
        resourceType: 'MeasureReport',
        status: 'complete',
        type: 'summary',
        period: { start: DAY, end: DAY },
        subject: { identifier: { value: '186' } },
      });
      expect(r.measure).toMatch(/^urn:safeadapt:measure:/);
      expect(bundle.entry[i].fullUrl).toBe(`urn:uuid:${r.id}`);
      for (const g of r.group)
        for (const p of g.population) {
          expect(p.code.coding[0].system).toBe('http://terminology.hl7.org/CodeSystem/measure-population');
          expect(Number.isInteger(p.count)).toBe(true);
        }
    }
    const group = (code: string) =>
      reports
        .flatMap((r: { group: { code: { coding: { code: string }[] } }[] }) => r.group)
        .find((g: { code: { coding: { code: string }[] } }) => g.code.coding[0]!.code === code);
    expect(group('SA_NEW_CASES').population[0].count).toBe(room.figures.newCases);
    expect(group('SA_ADULTS_PRIMARY')).toMatchObject({
      population: [{ count: 100 }, { count: 60 }],
      measureScore: { value: 0.6 },
    });
  });

  it('paints the numbers into the page served at /situation-room, the summary inlined for the app', async () => {
    const room = await json(district, `/api/situation-room?unit=186&date=${DAY}`);
    const res = await fetch(`${server.base}/situation-room?unit=186&date=${DAY}`, {
      headers: { cookie: district.cookie, 'accept-encoding': 'br, gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const html = await res.text();
    expect(html).toContain(
      `data-tile="newCases"><span class="tile-value">${room.figures.newCases}</span><span class="tile-label">F0 mới trong ngày`,
    );
    expect(html).toContain('<figure class="risk-map">');
    const beds = room.tiles.find((t: { key: string }) => t.key === 'capacityInUse');
    expect(html).toContain(
      `href="/capacity?unit=186&#38;date=${DAY}" data-tile="capacityInUse"><span class="tile-value">${beds.value}</span><span class="tile-label">Giường bệnh đang sử dụng</span><span class="tile-note">trên ${new Intl.NumberFormat('vi-VN').format(beds.of)}</span>`,
    );
    const inlined = JSON.parse(
      /<script type="application\/json" id="first-paint">(.*?)<\/script>/s.exec(html)![1]!,
    );
    expect(inlined.path).toBe(`/situation-room?unit=186&date=${DAY}`);
    expect(inlined.me.username).toBe('demo.huyen');
    expect(inlined.data.figures).toEqual(room.figures);
    // The app's scripts come after the painted page, so they do not share the link with it.
    expect(html.indexOf('id="first-paint"')).toBeLessThan(html.indexOf('<script type="module"'));

    // Without a session, or for a unit outside the caller's jurisdiction: the app's own page, nothing painted.
    for (const headers of [{}, { cookie: commune.cookie }] as Record<string, string>[]) {
      const plain = await fetch(`${server.base}/situation-room?unit=186`, { headers });
      expect(plain.status).toBe(200);
      const text = await plain.text();
      expect(text).toContain('<div id="root">');
      expect(text).not.toContain('data-tile');
      expect(text).not.toContain('first-paint');
    }
  });
});
