import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/features/auth/rules.ts';
import { createCase } from '../../src/features/cases/cases-store.ts';
import { personRow } from '../../src/features/persons/store.ts';
import { ENGINES } from '../support/databases.ts';
import { call, lastAuditEntry, login, type Running, type Session, startServer } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

/** Issue 15 (chains, clusters, containment zones) over real HTTP: the graph's payload, scope, bad input. */
describe.each(ENGINES)('chains, clusters and containment zones over HTTP on %s', (engine) => {
  let server: Running;
  let district: Session;
  let town: Session;
  let huuLien: Session;
  let seq = 0;
  const fieldsOf = async (res: Response) =>
    ((await res.json()).error.fields as { field: string }[]).map((f) => f.field);
  const newPerson = async (commune: string) =>
    Number(
      (
        await server.db.db
          .insertInto('persons')
          .values(
            personRow(
              personInput({ fullName: `Trần Thị Lây ${++seq}`, birthYear: 1975 }),
              { province_code: '20', district_code: '186', commune_code: commune },
              { now: new Date().toISOString() },
            ),
          )
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const newCase = async (commune: string, sampleDate: string, sourceCaseId: number | null = null) =>
    (
      await createCase(
        server.db,
        systemScope('test'),
        {
          personId: await newPerson(commune),
          sampleDate,
          testKind: 'pcr',
          placeOfCare: 'home',
          sourceCaseId,
        },
        '2022-01-15',
      )
    ).id;

  beforeAll(async () => {
    server = await startServer(engine);
    district = await login(server.base, 'demo.huyen');
    town = await login(server.base, 'demo.xa.06385');
    huuLien = await login(server.base, 'demo.xa.06388');
  }, 120_000);
  afterAll(() => server.close());

  it('answers the graph column by column, masked, in scope, audited; a wrong window names its field', async () => {
    const root = await newCase('06385', '2022-01-03');
    const child = await newCase('06385', '2022-01-06', root);
    const res = await call(
      server.base,
      district,
      'GET',
      '/api/cases/chains?unit=186&from=2022-01-01&to=2022-01-15',
    );
    expect(res.status).toBe(200);
    const graph = await res.json();
    const i = graph.nodes.id.indexOf(child);
    expect(graph.nodes.label[i]).toMatch(/^T\.T\.L\.\d+\. 1975$/);
    expect(graph.communes[graph.nodes.commune[i]]).toBe('06385');
    expect(graph.edges).toEqual(expect.arrayContaining([root, child]));
    expect(JSON.stringify(graph)).not.toContain('Trần Thị');
    expect(await lastAuditEntry(server)).toMatchObject({
      action: 'read',
      entity: 'case_chains',
      username: 'demo.huyen',
    });

    expect((await call(server.base, huuLien, 'GET', '/api/cases/chains?unit=186')).status).toBe(403);
    expect((await call(server.base, huuLien, 'GET', `/api/chains/cases/${child}`)).status).toBe(404);
    const opened = await call(server.base, town, 'GET', `/api/chains/cases/${child}`);
    expect(await opened.json()).toMatchObject({
      id: child,
      sourceCaseId: root,
      fullName: expect.stringMatching(/^Trần Thị Lây/),
    });

    const backwards = await call(
      server.base,
      district,
      'GET',
      '/api/cases/chains?unit=186&from=2022-01-10&to=2022-01-01',
    );
    expect(backwards.status).toBe(400);
    expect(await fieldsOf(backwards)).toEqual(['to']);
    const noDay = await call(server.base, district, 'GET', '/api/cases/chains?unit=186&from=2022-02-30');
    expect(noDay.status).toBe(400);
    expect(await fieldsOf(noDay)).toEqual(['from']);

    const self = await call(server.base, town, 'PUT', `/api/chains/cases/${root}/source`, {
      sourceCaseId: root,
    });
    expect(self.status).toBe(400);
    expect(await fieldsOf(self)).toEqual(['sourceCaseId']);
    const loop = await call(server.base, town, 'PUT', `/api/chains/cases/${root}/source`, {
      sourceCaseId: child,
    });
    expect(await fieldsOf(loop)).toEqual(['sourceCaseId']);
  });

  it('refuses a zone ending before it starts or holding a person of another commune, writing nothing', async () => {
    const inside = await newPerson('06385');
    const outside = await newPerson('06388');
    const count = async () =>
      Number(
        (
          await server.db.db
            .selectFrom('containment_zones')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const zone = {
      commune: '06385',
      name: 'Hộ bà Lây',
      kind: 'household',
      startsOn: '2022-01-12',
      plannedEndOn: '2022-01-26',
      liftingCriteria: '14 ngày không có ca mới',
      personIds: [inside],
    };
    const early = await call(server.base, town, 'POST', '/api/containment-zones', {
      ...zone,
      plannedEndOn: '2022-01-11',
    });
    expect(early.status).toBe(400);
    expect(await fieldsOf(early)).toEqual(['plannedEndOn']);
    const stranger = await call(server.base, town, 'POST', '/api/containment-zones', {
      ...zone,
      personIds: [inside, outside],
    });
    expect(stranger.status).toBe(400);
    expect(await fieldsOf(stranger)).toEqual(['personIds.1']);
    const wide = await call(server.base, town, 'POST', '/api/containment-zones', {
      ...zone,
      kind: 'commune',
    });
    expect(wide.status).toBe(400);
    expect(await fieldsOf(wide)).toEqual(['kind']);
    expect(await count()).toBe(before);

    const made = await call(server.base, town, 'POST', '/api/containment-zones', zone);
    expect(made.status).toBe(200);
    const { id } = await made.json();
    const listed = await (
      await call(server.base, district, 'GET', '/api/containment-zones?unit=186&active=1')
    ).json();
    expect(listed.zones.map((z: { id: number }) => z.id)).toContain(id);
    expect((await call(server.base, huuLien, 'GET', `/api/containment-zones/${id}`)).status).toBe(404);
    const lifted = await call(server.base, town, 'PATCH', `/api/containment-zones/${id}`, {
      liftedOn: '2022-01-11',
    });
    expect(await fieldsOf(lifted)).toEqual(['liftedOn']);
  });
});
