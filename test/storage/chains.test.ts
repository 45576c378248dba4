import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/features/auth/rules.ts';
import { createCase } from '../../src/features/cases/cases-store.ts';
import { addContact } from '../../src/features/cases/contacts-store.ts';
import {
  addClusterCases,
  clusterDetail,
  createCluster,
  listClusters,
  removeClusterCase,
} from '../../src/features/chains/clusters-store.ts';
import { chainCase, chainGraph, setCaseSource } from '../../src/features/chains/graph-store.ts';
import { createZone, listZones, updateZone, zoneDetail } from '../../src/features/chains/zones-store.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';
import { personInput } from '../support/persons.ts';

const TODAY = '2022-01-15';
const COMMUNE = '06385'; // Hữu Lũng district (186)
const NEIGHBOUR = '06388'; // Hữu Lũng district
const ELSEWHERE = '06001'; // Tràng Định district, same province
const as = (unitCode: string, role: Scope['role'] = 'officer'): Scope => ({
  userId: 1,
  username: `u.${unitCode}`,
  role,
  unitCode,
  ip: '127.0.0.1',
});
const district = as('186');

describe.each(ENGINES)('chains, clusters and containment zones on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  let named = 0;
  const newPersons = async (commune: string, n: number) => {
    const place = await db.db
      .selectFrom('admin_units')
      .select(['province_code', 'district_code', 'code as commune_code'])
      .where('code', '=', commune)
      .executeTakeFirstOrThrow();
    return insertPersonRows(
      db,
      db.db,
      Array.from({ length: n }, () =>
        personRow(
          personInput({ fullName: `Nguyễn Văn Chuỗi ${++named}`, birthYear: 1985 }),
          { province_code: place.province_code!, district_code: place.district_code!, commune_code: commune },
          { now: new Date().toISOString() },
        ),
      ),
    );
  };
  const newCase = (personId: number, sampleDate: string, sourceCaseId: number | null = null) =>
    createCase(
      db,
      as('20', 'admin'),
      { personId, sampleDate, testKind: 'pcr', placeOfCare: 'home', sourceCaseId },
      TODAY,
    );
  const count = async (table: 'clusters' | 'containment_zones' | 'zone_persons' | 'cluster_cases') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db.close());

  it('draws who infected whom: explicit sources, a contact who became a case, sources elsewhere by id only, audited', async () => {
    const [far] = await newPersons(ELSEWHERE, 1);
    const [a, b, c, d] = await newPersons(COMMUNE, 4);
    const [e] = await newPersons(NEIGHBOUR, 1);
    const origin = await newCase(far!, '2022-01-02');
    const first = await newCase(a!, '2022-01-04', origin.id);
    const second = await newCase(b!, '2022-01-06', first.id);
    // c is listed as a contact of `second`, then tests positive: the chain links itself.
    await addContact(db, as(COMMUNE), second.id, { personId: c!, exposureDate: '2022-01-06' }, TODAY);
    const third = await newCase(c!, '2022-01-08');
    const lone = await newCase(d!, '2022-01-09');
    const neighbour = await newCase(e!, '2022-01-09', first.id);

    const graph = await chainGraph(db, district, { unit: '186', from: '2022-01-01', to: TODAY });
    const ids = graph.nodes.id;
    const at = (id: number) => ids.indexOf(id);
    expect(ids).toEqual(
      expect.arrayContaining([first.id, second.id, third.id, lone.id, neighbour.id, origin.id]),
    );
    const pairs = new Set<string>();
    for (let i = 0; i < graph.edges.length; i += 2) pairs.add(`${graph.edges[i]}>${graph.edges[i + 1]}`);
    expect(pairs).toEqual(
      new Set([
        `${origin.id}>${first.id}`,
        `${first.id}>${second.id}`,
        `${second.id}>${third.id}`,
        `${first.id}>${neighbour.id}`,
      ]),
    );
    // The source in Tràng Định is drawn (outside the window's unit) with no label for a Hữu Lũng user.
    expect(graph.nodes.inWindow[at(origin.id)]).toBe(false);
    expect(graph.nodes.label[at(origin.id)]).toBeNull();
    expect(graph.nodes.label[at(first.id)]).toMatch(/^N\.V\.C\.\d+\. 1985$/);
    expect(graph.unknownSource).toBe(1); // `lone`
    const audit = await db.db
      .selectFrom('audit_log')
      .select(['action', 'unit_code'])
      .where('entity', '=', 'case_chains')
      .execute();
    expect(audit).toContainEqual({ action: 'read', unit_code: '186' });

    // A commune sees its own cases; its neighbour's case is not in its graph.
    const communeGraph = await chainGraph(db, as(COMMUNE), { unit: COMMUNE, from: '2022-01-01', to: TODAY });
    expect(communeGraph.nodes.id).not.toContain(neighbour.id);
    await expect(
      chainGraph(db, as(COMMUNE), { unit: '186', from: '2022-01-01', to: TODAY }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(chainCase(db, as(NEIGHBOUR), first.id)).rejects.toMatchObject({ status: 404 });
    expect((await chainCase(db, district, third.id)).sourceCaseId).toBe(second.id);

    // Naming a source: not itself, not a descendant (a loop), a case of the province.
    await expect(setCaseSource(db, district, first.id, first.id)).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: 'sourceCaseId' })],
    });
    await expect(setCaseSource(db, district, first.id, third.id)).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: 'sourceCaseId' })],
    });
    await expect(setCaseSource(db, district, lone.id, 987_654)).rejects.toMatchObject({ status: 400 });
    expect((await setCaseSource(db, district, lone.id, second.id)).sourceCaseId).toBe(second.id);
    const after = await chainGraph(db, district, { unit: '186', from: '2022-01-01', to: TODAY });
    expect(after.unknownSource).toBe(0);
  });

  it('keeps clusters with their cases: create, add, remove, list per unit, jurisdiction', async () => {
    const [p, q] = await newPersons(COMMUNE, 2);
    const [r] = await newPersons(NEIGHBOUR, 1);
    const [x, y] = [await newCase(p!, '2022-01-10'), await newCase(q!, '2022-01-11')];
    const z = await newCase(r!, '2022-01-11');
    const market = await createCluster(
      db,
      as(COMMUNE),
      { commune: COMMUNE, name: 'Chợ Hữu Lũng', kind: 'market', openedOn: '2022-01-10', caseIds: [x.id] },
      TODAY,
    );
    expect(market).toMatchObject({ name: 'Chợ Hữu Lũng', caseCount: 1, closedOn: null });
    // The commune cannot add a case of its neighbour (not its jurisdiction): 400 naming the row, nothing written.
    await expect(addClusterCases(db, as(COMMUNE), market.id, [y.id, z.id], TODAY)).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: 'caseIds.1' })],
    });
    expect((await clusterDetail(db, as(COMMUNE), market.id)).cases.map((c) => c.id)).toEqual([x.id]);
    // The district can: a market's cases come from several communes.
    expect((await addClusterCases(db, district, market.id, [y.id, z.id, x.id], TODAY)).caseCount).toBe(3);
    expect((await removeClusterCase(db, district, market.id, y.id)).caseCount).toBe(2);
    await expect(removeClusterCase(db, district, market.id, y.id)).rejects.toMatchObject({ status: 404 });
    const detail = await clusterDetail(db, district, market.id);
    expect(detail.cases.map((c) => c.id)).toEqual([x.id, z.id]);
    expect(detail.cases[0]!.label).toMatch(/ 1985$/);
    expect((await chainCase(db, district, x.id)).clusters).toEqual([{ id: market.id, name: 'Chợ Hữu Lũng' }]);
    const listed = await listClusters(db, district, { unit: '186', limit: 50, offset: 0 });
    expect(listed.clusters.map((c) => c.id)).toContain(market.id);
    expect((await listClusters(db, as(NEIGHBOUR), { unit: NEIGHBOUR, limit: 50, offset: 0 })).total).toBe(0);
    await expect(clusterDetail(db, as(NEIGHBOUR), market.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      createCluster(
        db,
        as(COMMUNE),
        {
          commune: COMMUNE,
          name: 'Nhà máy',
          kind: 'factory',
          openedOn: '2022-01-10',
          closedOn: '2022-01-01',
          caseIds: [],
        },
        TODAY,
      ),
    ).rejects.toMatchObject({ status: 400, fields: [expect.objectContaining({ field: 'closedOn' })] });
  });

  it('sets up a containment zone with the people inside; bad input names the field and writes nothing', async () => {
    const village = await db.db
      .insertInto('villages')
      .values({
        province_code: '20',
        commune_code: COMMUNE,
        name: 'Thôn Chuỗi',
        kind: 'thon',
        population: null,
        population_source: 'test',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inside = await newPersons(COMMUNE, 3);
    const [outsider] = await newPersons(NEIGHBOUR, 1);
    await newCase(inside[0]!, '2022-01-05');
    const before = await Promise.all([count('containment_zones'), count('zone_persons')]);
    const zone = {
      commune: COMMUNE,
      name: 'Hộ ông Chuỗi',
      kind: 'households' as const,
      startsOn: '2022-01-05',
      plannedEndOn: '2022-01-19',
      liftingCriteria: '14 ngày không có ca mới',
      personIds: inside,
    };
    await expect(
      createZone(db, as(COMMUNE), { ...zone, plannedEndOn: '2022-01-04' }, TODAY),
    ).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: 'plannedEndOn' })],
    });
    await expect(
      createZone(db, as(COMMUNE), { ...zone, personIds: [...inside, outsider!] }, TODAY),
    ).rejects.toMatchObject({ status: 400, fields: [expect.objectContaining({ field: 'personIds.3' })] });
    await expect(createZone(db, as(COMMUNE), { ...zone, kind: 'village' }, TODAY)).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'villageId' })],
    });
    await expect(createZone(db, as(NEIGHBOUR), zone, TODAY)).rejects.toMatchObject({ status: 403 });
    expect(await Promise.all([count('containment_zones'), count('zone_persons')])).toEqual(before);

    const made = await createZone(db, as(COMMUNE), { ...zone, villageId: Number(village.id) }, TODAY);
    expect(made).toMatchObject({ personCount: 3, liftedOn: null, overdue: false });
    const detail = await zoneDetail(db, as(COMMUNE), made.id, TODAY);
    expect(detail.persons.map((p) => p.id).sort()).toEqual([...inside].sort());
    expect(detail.daysWithoutNewCase).toBe(10); // last case sampled 05/01
    await expect(zoneDetail(db, as(NEIGHBOUR), made.id, TODAY)).rejects.toMatchObject({ status: 404 });
    const read = await db.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'containment_zone')
      .where('entity_id', '=', String(made.id))
      .execute();
    expect(read.map((r) => r.action).sort()).toEqual(['create', 'read']);

    await expect(
      updateZone(db, as(COMMUNE), made.id, { liftedOn: '2022-01-04' }, TODAY),
    ).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'liftedOn' })],
    });
    expect((await updateZone(db, as(COMMUNE), made.id, { liftedOn: TODAY }, TODAY)).liftedOn).toBe(TODAY);
    const active = await listZones(db, district, { unit: '186', active: true, limit: 50, offset: 0 }, TODAY);
    expect(active.zones.map((z) => z.id)).not.toContain(made.id);
    const all = await listZones(db, district, { unit: '186', limit: 50, offset: 0 }, TODAY);
    expect(all.zones.find((z) => z.id === made.id)).toMatchObject({ liftedOn: TODAY, personCount: 3 });
  });
});
