import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/features/auth/index.ts';
import { createUser } from '../../src/features/auth/store.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { LEVEL_FILL, RULE_SET_218 } from '../../src/features/risk-levels/rules/rule-sets.ts';
import { ENGINES } from '../support/databases.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';

/** Issue 16: the contract, why, replay (218 moves a commune 4800 did not), announcements, bad input. */
describe.each(ENGINES)('risk levels on %s', (engine) => {
  let server: Running;
  let district: Session;
  let commune: Session;
  let admin: Session;
  const get = (s: Session, url: string) => call(server.base, s, 'GET', url);
  const fieldsOf = async (res: Response) =>
    ((await res.json()).error.fields as { field: string }[]).map((f) => f.field);

  beforeAll(async () => {
    server = await startServer(engine);
    district = await login(server.base, 'demo.huyen');
    commune = await login(server.base, 'demo.xa.06385');
    admin = await login(server.base, 'demo.quantri');
    // Two cases in Thị trấn Hữu Lũng in week 2022-W02 (10–16/01).
    const ids = await insertPersonRows(
      server.app.db,
      server.app.db.db,
      ['Nông Văn An', 'Lộc Thị Bình'].map((fullName) =>
        personRow(
          {
            fullName,
            birthDate: '1980-05-05',
            birthYear: 1980,
            sex: 'male',
            nationalId: null,
            phone: null,
            villageId: null,
            address: null,
            householdHead: null,
            relationToHead: null,
            occupation: null,
            priorityGroups: [],
            status: 'resident',
            note: null,
          },
          { province_code: '20', district_code: '186', commune_code: '06385' },
          { now: new Date().toISOString() },
        ),
      ),
    );
    for (const personId of ids) {
      const res = await call(server.base, district, 'POST', '/api/cases', {
        personId,
        sampleDate: '2022-01-11',
        testKind: 'rapidAntigen',
        placeOfCare: 'home',
      });
      expect(res.status).toBe(200);
    }
    // Xã Hữu Liên's vaccination counters (as the vaccination store keeps them): 90 % of adults with a first
    // dose (4800 met) but 500 of 1,300 residents fully vaccinated (218's whole-population coverage not met).
    const db = server.app.db.db;
    await db.deleteFrom('coverage_counters').where('unit_code', '=', '06388').execute();
    await db.deleteFrom('milestone_counters').where('unit_code', '=', '06388').execute();
    await db
      .insertInto('coverage_counters')
      .values([
        { province_code: '20', unit_code: '06388', age_band: '0-4', coverage: 'notVaccinated', count: 300 },
        { province_code: '20', unit_code: '06388', age_band: '18-49', coverage: 'notVaccinated', count: 100 },
        { province_code: '20', unit_code: '06388', age_band: '18-49', coverage: 'partial', count: 400 },
        {
          province_code: '20',
          unit_code: '06388',
          age_band: '18-49',
          coverage: 'primaryComplete',
          count: 500,
        },
      ])
      .execute();
    await db
      .insertInto('milestone_counters')
      .values([
        {
          province_code: '20',
          unit_code: '06388',
          milestone: 'firstDose',
          week: '2021-11-01',
          age_band: '18-49',
          count: 900,
        },
        {
          province_code: '20',
          unit_code: '06388',
          milestone: 'primaryComplete',
          week: '2021-12-06',
          age_band: '18-49',
          count: 500,
        },
      ])
      .execute();
  }, 120_000);
  afterAll(() => server.close());

  it('answers the unit and each unit below it in the contract’s shape', async () => {
    const res = await get(district, '/api/risk-levels?unit=186&week=2022-W02');
    expect(res.status).toBe(200);
    const { units } = await res.json();
    expect(units[0].code).toBe('186');
    expect(units).toHaveLength(25);
    for (const u of units) {
      expect(u).toMatchObject({ ruleSet: 'QD-4800-BYT', provisional: true, announcedLevel: null });
      expect(Object.keys(u.criteria).sort()).toEqual(['capacityMet', 'coverage', 'newCasesPer100kPerWeek']);
      expect([1, 2, 3, 4]).toContain(u.level);
    }
    const town = units.find((u: { code: string }) => u.code === '06385');
    const { population } = await server.app.db.db
      .selectFrom('admin_units')
      .select('population')
      .where('code', '=', '06385')
      .executeTakeFirstOrThrow();
    expect(town.criteria.newCasesPer100kPerWeek).toBeCloseTo((2 * 100_000) / population, 2);
    expect(town.level).toBe(
      town.criteria.newCasesPer100kPerWeek < 20 ? 1 : town.criteria.newCasesPer100kPerWeek < 50 ? 2 : 3,
    );
    expect(units.find((u: { code: string }) => u.code === '06388').criteria.coverage).toBe(0.9);
  });

  it('draws the province’s districts with their levels, only the caller’s in colour', async () => {
    const res = await get(district, '/api/risk-levels/map?unit=186&week=2022-W02');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(300_000);
    const map = JSON.parse(text);
    expect(map.districts).toHaveLength(11);
    const levels = Object.fromEntries(
      map.districts.map((d: { code: string; level: number | null }) => [d.code, d.level]),
    );
    expect(levels['186']).toBeTypeOf('number');
    expect(levels['187']).toBeNull();
    expect(map.provinces).toEqual([]);
    expect(map.communes).toHaveLength(24);
    // 4800's bands above 20/100k are provisional (rules.md §2.2): every level computed under it is flagged.
    expect(map.districts.find((d: { code: string }) => d.code === '186').provisional).toBe(true);
    expect(map.communes.every((c: { provisional: boolean }) => c.provisional)).toBe(true);
  });

  it('draws the country’s provinces for a national user and lists Quảng Ninh, which has no shape', async () => {
    await createUser(server.app.db, systemScope('test'), {
      username: 'map.nation',
      displayName: 'Bản đồ quốc gia',
      password: 'Ban-do-quoc-gia-2022!',
      role: 'admin',
      unitCode: 'VN',
    });
    const nation = await login(server.base, 'map.nation', 'Ban-do-quoc-gia-2022!');
    const res = await get(nation, '/api/risk-levels/map?unit=VN&week=2022-W02');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(300_000);
    const map = JSON.parse(text);
    expect(map).toMatchObject({ province: { code: 'VN' }, districts: [], communes: [] });
    expect(map.provinces).toHaveLength(63);
    type Area = { code: string; path: string | null; level: number | null; provisional: boolean };
    const provinces = map.provinces as Area[];
    // Every province coloured by its aggregated level; only Quảng Ninh (22) is missing from the source.
    expect(provinces.every((p) => [1, 2, 3, 4].includes(p.level!))).toBe(true);
    expect(provinces.filter((p) => !p.path).map((p) => p.code)).toEqual(['22']);
    expect(provinces.find((p) => p.code === '20')).toMatchObject({ provisional: true });
    const page = await (
      await fetch(`${server.base}/risk-levels/map?unit=VN&week=2022-W02`, {
        headers: { cookie: nation.cookie },
      })
    ).text();
    expect(page.match(/<path d=/g)).toHaveLength(62);
    expect(page.match(/<li data-province=/g)).toHaveLength(63);
    expect(page).toContain('data-province="22"');

    // Quảng Ninh's own map: no shapes, yet each district that has communes lists them.
    const qn = await (await get(nation, '/api/risk-levels/map?unit=22&week=2022-W02')).json();
    expect(qn.districts.length).toBeGreaterThan(10);
    expect(qn.districts.every((d: Area) => d.path === null && d.level !== null)).toBe(true);
    expect(qn.communes.length).toBeGreaterThan(100);
    const html = await (
      await fetch(`${server.base}/risk-levels/map?unit=22&week=2022-W02`, {
        headers: { cookie: nation.cookie },
      })
    ).text();
    expect(html).not.toContain('<path d=');
    expect(html.match(/<li data-commune=/g)).toHaveLength(qn.communes.length);
    expect(html).toContain('Dữ liệu ranh giới không có địa phận này');
  });

  it('paints the map into the page served at /risk-levels/map, its answer inlined for the app', async () => {
    const map = await (await get(district, '/api/risk-levels/map?unit=186&week=2022-W02')).json();
    const res = await fetch(`${server.base}/risk-levels/map?unit=186&week=2022-W02`, {
      headers: { cookie: district.cookie },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    // Every district drawn in its level's colour, every commune a marker under its district.
    expect(html.match(/<path d=/g)).toHaveLength(11);
    expect(html.match(/<li data-commune=/g)).toHaveLength(24);
    const own = map.districts.find((d: { code: string }) => d.code === '186');
    expect(html).toContain(`data-code="186" fill="${LEVEL_FILL[own.announcedLevel ?? own.level]}"`);
    expect(html).toContain('data-code="187" fill="#ccc"');
    // Provisional levels: a dashed outline on the map, "tạm tính" in the lists, and the legend says so.
    expect(html).toMatch(
      /data-code="186" fill="[^"]+" stroke="#222" stroke-width="1.5" stroke-dasharray="4 3"/,
    );
    expect(html).toContain('<li data-commune="06385" data-level="');
    expect(html).toMatch(
      /<li data-commune="06385"((?!<\/li>).)*<small class="risk-provisional">tạm tính<\/small><\/li>/,
    );
    expect(html).toContain('Viền nét đứt, “tạm tính”');
    const inlined = JSON.parse(
      /<script type="application\/json" id="first-paint">(.*?)<\/script>/s.exec(html)![1]!,
    );
    expect(inlined.data).toEqual(map);
    // A week that is no week, or no session: the app's own page, nothing painted.
    for (const [url, headers] of [
      ['/risk-levels/map?week=2022-13', { cookie: district.cookie }],
      ['/risk-levels/map', {}],
    ] as [string, Record<string, string>][]) {
      const text = await (await fetch(`${server.base}${url}`, { headers })).text();
      expect(text).toContain('<div id="root">');
      expect(text).not.toContain('first-paint');
    }
  });

  it('uses 218 from the week it came into force', async () => {
    const { units } = await (await get(district, '/api/risk-levels?unit=06388&week=2022-W05')).json();
    expect(units).toHaveLength(1);
    expect(units[0].ruleSet).toBe('QD-218-BYT');
    expect(units[0].criteria.coverage).toBeCloseTo(500 / 1300, 3);
  });

  it('says why: criteria, bands, the rule that decided, the rule set', async () => {
    const res = await get(commune, '/api/risk-levels/why?unit=06385&week=2022-W02&ruleSet=QD-4800-BYT');
    expect(res.status).toBe(200);
    const why = await res.json();
    expect(why.ruleSet.id).toBe('QD-4800-BYT');
    expect(why.criterion1.bands).toHaveLength(4);
    expect(why.criterion1.newCases).toBe(2);
    expect(why.criterion3).toMatchObject({ known: false, met: true });
    expect(why.decidingRule.rule).toBeTypeOf('string');
    expect((await get(commune, '/api/risk-levels/why?unit=06388&week=2022-W02')).status).toBe(403);
    expect((await get(commune, '/api/risk-levels/why?unit=06385&week=2022-W99')).status).toBe(400);
  });

  it('replays a week under 218: it moves a commune that 4800 did not', async () => {
    const res = await get(
      district,
      '/api/risk-levels/replay?unit=186&week=2022-W02&a=QD-4800-BYT&b=QD-218-BYT',
    );
    expect(res.status).toBe(200);
    const replay = await res.json();
    const lien = replay.units.find((u: { code: string }) => u.code === '06388');
    expect(lien.a.level).toBe(1);
    expect(lien.b.level).toBe(2);
    expect(lien.changed).toBe(true);
    // 218's whole matrix is provisional (rules.md §3): each side says whether its level is.
    expect(lien.b.provisional).toBe(true);
    expect(lien.a.provisional).toBeTypeOf('boolean');
    expect(lien.b.reason.en).toContain('Criterion 2');
    expect(replay.changed).toBeGreaterThanOrEqual(1);
  });

  it('announces a level with its decision, refuses one without, keeps the history', async () => {
    const body = {
      unit: '06388',
      week: '2022-W02',
      level: 3,
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2022-01-17',
      announcedBy: 'Chủ tịch UBND huyện',
      reason: 'Ổ dịch mới tại chợ',
    };
    const missing = await call(server.base, district, 'POST', '/api/risk-levels/announcements', {
      ...body,
      decisionNumber: '',
    });
    expect(missing.status).toBe(400);
    expect(await fieldsOf(missing)).toContain('decisionNumber');
    const noReason = await call(server.base, district, 'POST', '/api/risk-levels/announcements', {
      ...body,
      reason: null,
    });
    expect(noReason.status).toBe(400);
    expect(await fieldsOf(noReason)).toEqual(['reason']);
    const ok = await call(server.base, district, 'POST', '/api/risk-levels/announcements', body);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ level: 3, proposedLevel: 1, decisionNumber: '15/QĐ-UBND' });
    const { units } = await (await get(district, '/api/risk-levels?unit=06388&week=2022-W02')).json();
    expect(units[0]).toMatchObject({ level: 1, announcedLevel: 3 });
    expect((await call(server.base, commune, 'POST', '/api/risk-levels/announcements', body)).status).toBe(
      403,
    );

    expect(
      (
        await call(server.base, district, 'POST', '/api/risk-levels/recompute', {
          unit: '186',
          week: '2022-W02',
        })
      ).status,
    ).toBe(200);
    const history = await (await get(district, '/api/risk-levels/announcements?unit=06388')).json();
    expect(history.announcements[0]).toMatchObject({ level: 3, reason: 'Ổ dịch mới tại chợ' });
    expect(history.proposals[0]).toMatchObject({ week: '2022-W02', level: 1, ruleSet: 'QD-4800-BYT' });
  });

  it('stores a province’s rule set, refusing overlapping or missing bands and a date before signing', async () => {
    const variant = {
      ...RULE_SET_218,
      id: 'LS-218-2022',
      name: 'Bộ tiêu chí Lạng Sơn',
      provinceCode: '20',
      basedOn: 'QD-218-BYT',
      signedOn: '2022-02-01',
      effectiveFrom: '2022-02-02',
    } as Record<string, unknown>;
    delete variant.version;
    const post = (b: unknown) => call(server.base, admin, 'POST', '/api/risk-levels/rule-sets', b);
    const bands = RULE_SET_218.criterion1.bands;
    const overlap = await post({
      ...variant,
      criterion1: {
        ...RULE_SET_218.criterion1,
        bands: [bands[0], { ...bands[1], min: 10 }, bands[2], bands[3]],
      },
    });
    expect(overlap.status).toBe(400);
    expect(await fieldsOf(overlap)).toEqual(['criterion1.bands.1.min']);
    const gap = await post({
      ...variant,
      criterion1: { ...RULE_SET_218.criterion1, bands: [bands[0], bands[2], bands[3]] },
    });
    expect(await fieldsOf(gap)).toEqual(['criterion1.bands.1.min']);
    const early = await post({ ...variant, effectiveFrom: '2022-01-31' });
    expect(early.status).toBe(400);
    expect(await fieldsOf(early)).toEqual(['effectiveFrom']);
    const ok = await post(variant);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: 'LS-218-2022', version: 1, provisional: true });
    // A second variant of the province whose period overlaps the first's (open-ended from 02/02/2022): refused,
    // naming the end of its period that reaches into the other; nothing stored.
    const later = await post({ ...variant, id: 'LS-218-B', effectiveFrom: '2022-03-01' });
    expect(later.status).toBe(400);
    expect(await fieldsOf(later)).toEqual(['effectiveFrom']);
    const before = await post({
      ...variant,
      id: 'LS-218-C',
      signedOn: '2022-01-27',
      effectiveFrom: '2022-01-28',
      effectiveTo: '2022-02-02',
    });
    expect(before.status).toBe(400);
    expect(await fieldsOf(before)).toEqual(['effectiveTo']);
    // A new version of the same variant is no overlap with itself.
    const v2 = await post({ ...variant, name: 'Bộ tiêu chí Lạng Sơn (sửa)' });
    expect(await v2.json()).toMatchObject({ id: 'LS-218-2022', version: 2 });
    expect((await call(server.base, district, 'POST', '/api/risk-levels/rule-sets', variant)).status).toBe(
      403,
    );
    const { units } = await (await get(district, '/api/risk-levels?unit=06388&week=2022-W06')).json();
    expect(units[0].ruleSet).toBe('LS-218-2022');
    const { ruleSets } = await (await get(commune, '/api/risk-levels/rule-sets')).json();
    expect(ruleSets.map((s: { id: string }) => s.id)).toEqual(['QD-4800-BYT', 'QD-218-BYT', 'LS-218-2022']);
    // The announced level of W02 is untouched by the new set.
    const w02 = await (await get(district, '/api/risk-levels?unit=06388&week=2022-W02')).json();
    expect(w02.units[0].announcedLevel).toBe(3);
  });

  it('revises provisional values with their document, never rewriting an announced level', async () => {
    // The district announces W04 (the first week of 218) as proposed.
    const w04 = (await (await get(district, '/api/risk-levels?unit=06388&week=2022-W04')).json()).units[0];
    expect(w04).toMatchObject({ ruleSet: 'QD-218-BYT', ruleSetVersion: 1 });
    const announced = await call(server.base, district, 'POST', '/api/risk-levels/announcements', {
      unit: '06388',
      week: '2022-W04',
      level: w04.level,
      decisionNumber: '30/QĐ-UBND',
      decisionDate: '2022-01-31',
      announcedBy: 'Chủ tịch UBND huyện',
    });
    expect(announced.status).toBe(200);

    await createUser(server.app.db, systemScope('test'), {
      username: 'nation.admin',
      displayName: 'Quản trị quốc gia',
      password: 'Bo-Y-te-quan-tri-2022!',
      role: 'admin',
      unitCode: 'VN',
    });
    const nation = await login(server.base, 'nation.admin', 'Bo-Y-te-quan-tri-2022!');
    const revise = (s: Session, id: string, body: Record<string, unknown>) =>
      call(server.base, s, 'POST', `/api/risk-levels/rule-sets/${id}/revisions`, {
        document: { number: '999/QĐ-BYT', date: '2022-01-28' },
        valuesFrom: '2022-01-29',
        ...body,
      });
    const coverage = { coverage: { threshold: 0.3, provisional: false } };
    // A province's administrator does not revise a national set.
    expect((await revise(admin, 'QD-218-BYT', coverage)).status).toBe(403);
    const early = await revise(nation, 'QD-218-BYT', { ...coverage, valuesFrom: '2022-01-27' });
    expect(early.status).toBe(400);
    expect(await fieldsOf(early)).toEqual(['valuesFrom']);
    const bands = RULE_SET_218.criterion1.bands.map(({ clause: _, ...b }) => b);
    const overlap = await revise(nation, 'QD-218-BYT', {
      bands: [bands[0], { ...bands[1], min: 15 }, bands[2], bands[3]],
    });
    expect(await fieldsOf(overlap)).toEqual(['criterion1.bands.1.min']);
    const gap = await revise(nation, 'QD-218-BYT', { bands: [bands[0], bands[2], bands[3]] });
    expect(await fieldsOf(gap)).toContain('criterion1.bands.1.min');
    // 4800's first band is the text's (rules.md §2.2, CONFIRMED): not editable.
    const confirmed = await revise(nation, 'QD-4800-BYT', {
      valuesFrom: '2022-01-10',
      document: { number: '1/QĐ-BYT', date: '2022-01-01' },
      bands: [{ ...bands[0], max: 25 }, { ...bands[1], min: 25 }, bands[2], bands[3]],
    });
    expect(await fieldsOf(confirmed)).toEqual(['criterion1.bands.0']);

    const ok = await revise(nation, 'QD-218-BYT', coverage);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      version: 2,
      revision: { documentNumber: '999/QĐ-BYT', valuesFrom: '2022-01-29' },
      criterion2: { threshold: 0.3, provisional: false, clause: '999/QĐ-BYT (2022-01-28)' },
    });
    // Weeks from the day the values apply use the new version; the week before keeps the old one.
    const level = async (week: string) =>
      (await (await get(district, `/api/risk-levels?unit=06388&week=${week}&ruleSet=QD-218-BYT`)).json())
        .units[0];
    expect(await level('2022-W04')).toMatchObject({ ruleSetVersion: 2, announcedLevel: w04.level });
    expect(await level('2022-W03')).toMatchObject({ ruleSetVersion: 1 });
    // The announcement keeps the level, the proposal and the version it was made under.
    const history = await (await get(district, '/api/risk-levels/announcements?unit=06388')).json();
    expect(history.announcements.find((a: { week: string }) => a.week === '2022-W04')).toMatchObject({
      level: w04.level,
      proposedLevel: w04.level,
      ruleSetVersion: 1,
    });
  });
});
