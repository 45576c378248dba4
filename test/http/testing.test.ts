import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

/** Testing over HTTP: a pool and its retests, a market round, positivity; bad input named; other communes kept out. */
describe('testing over HTTP', () => {
  let server: Running;
  let commune: Session;
  let other: Session;
  let people: number[];

  beforeAll(async () => {
    server = await startServer('sqlite');
    commune = await login(server.base, 'demo.xa.06385');
    other = await login(server.base, 'demo.xa.06400');
    people = await insertPersonRows(
      server.app.db,
      server.app.db.db,
      ['Lý Văn Một', 'Lý Thị Hai', 'Lý Văn Ba'].map((fullName) =>
        personRow(
          personInput({ fullName, birthDate: '1990-01-01', birthYear: 1990 }),
          { province_code: '20', district_code: '186', commune_code: '06385' },
          { now: new Date().toISOString() },
        ),
      ),
    );
  });
  afterAll(() => server.close());

  it('a positive pool lists its members for retest; a retest is recorded once', async () => {
    const pool = await call(server.base, commune, 'POST', '/api/test-pools', {
      commune: '06385',
      kind: 'pcr',
      sampleDate: '2022-01-13',
      takenBy: 'Y sĩ Lan',
      members: people,
    });
    expect(pool.status).toBe(200);
    const { id } = await pool.json();
    const pending = await (await call(server.base, commune, 'GET', '/api/test-pools?unit=06385')).json();
    expect(
      pending.pools
        .find((p: { id: number }) => p.id === id)
        .members.map((m: { fullName: string }) => m.fullName),
    ).toEqual(['Lý Văn Một', 'Lý Thị Hai', 'Lý Văn Ba']);
    expect((await call(server.base, other, 'GET', '/api/test-pools?unit=06385')).status).toBe(403);
    const result = await call(server.base, commune, 'POST', `/api/test-pools/${id}/result`, {
      result: 'positive',
      resultOn: '2022-01-14',
    });
    expect(await result.json()).toMatchObject({
      retestsOpened: 3,
      retestDue: '2022-01-15',
      provisional: true,
    });
    const still = await (await call(server.base, commune, 'GET', '/api/test-pools?unit=06385')).json();
    expect(still.pools.map((p: { id: number }) => p.id)).not.toContain(id);
    const list = await (await call(server.base, commune, 'GET', '/api/retests?unit=06385')).json();
    const mine = list.retests.filter((r: { poolId: number }) => r.poolId === id);
    expect(mine.map((r: { takenBy: string }) => r.takenBy)).toEqual(['Y sĩ Lan', 'Y sĩ Lan', 'Y sĩ Lan']);
    expect((await call(server.base, other, 'GET', '/api/retests?unit=06385')).status).toBe(403);
    const retest = { kind: 'rapidAntigen', sampleDate: '2022-01-15', result: 'negative' };
    expect((await call(server.base, other, 'POST', `/api/retests/${mine[0].id}`, retest)).status).toBe(404);
    expect((await call(server.base, commune, 'POST', `/api/retests/${mine[0].id}`, retest)).status).toBe(200);
    expect((await call(server.base, commune, 'POST', `/api/retests/${mine[0].id}`, retest)).status).toBe(409);
    const bad = await call(server.base, commune, 'POST', '/api/test-pools', {
      commune: '06385',
      kind: 'pcr',
      sampleDate: '2022-01-13',
      members: [people[0]],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('members');
  });

  it('a market round shows its share tested; positivity per week answers the commune and a chart-ready series', async () => {
    const round = await call(server.base, commune, 'POST', '/api/testing-rounds', {
      commune: '06385',
      name: 'Chợ Mẹt',
      areaKind: 'market',
      expectedPeople: 40,
      startsOn: '2022-01-14',
      endsOn: '2022-01-14',
    });
    const { id } = await round.json();
    for (const result of ['negative', 'positive'])
      await call(server.base, commune, 'POST', '/api/tests', {
        commune: '06385',
        kind: 'rapidAntigen',
        sampleDate: '2022-01-14',
        result,
        roundId: id,
      });
    expect(await (await call(server.base, commune, 'GET', `/api/testing-rounds/${id}`)).json()).toMatchObject(
      {
        people: 40,
        tested: 2,
        share: 5,
        positives: 1,
      },
    );
    expect((await call(server.base, other, 'GET', `/api/testing-rounds/${id}`)).status).toBe(404);
    const ends = await call(server.base, commune, 'POST', '/api/testing-rounds', {
      commune: '06385',
      name: 'Sai',
      areaKind: 'market',
      expectedPeople: 5,
      startsOn: '2022-01-14',
      endsOn: '2022-01-10',
    });
    expect(ends.status).toBe(400);
    const p = await (
      await call(
        server.base,
        commune,
        'GET',
        '/api/tests/positivity?unit=06385&from=2022-01-10&to=2022-01-16',
      )
    ).json();
    expect(p.weeks).toEqual(['2022-W02']);
    expect(p.units[0].weeks[0].testsDone).toBeGreaterThanOrEqual(3);
  });
});
