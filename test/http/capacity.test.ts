import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, rowsOf } from '../../src/features/capacity/web/plan-actions.ts';
import { ENGINES } from '../support/databases.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';

/** Issues 15 and 16 over HTTP: capacity entry with bad input refused naming the field, measures, plans. */
describe.each(ENGINES)('capacity over HTTP on %s', (engine) => {
  let server: Running;
  let centre: Session;
  let commune: Session;
  const fieldsOf = async (res: Response) =>
    ((await res.json()).error.fields as { field: string }[]).map((f) => f.field);

  beforeAll(async () => {
    server = await startServer(engine);
    centre = await login(server.base, 'demo.ttyt');
    commune = await login(server.base, 'demo.xa.06385');
  }, 120_000);
  afterAll(() => server.close());

  it('refuses negative beds and occupancy above the beds, naming the field, and writes nothing', async () => {
    const created = await call(server.base, centre, 'POST', '/api/treatment-facilities', {
      unitCode: '186',
      name: 'Cơ sở thu dung số 2',
      kind: 'treatmentFacility',
    });
    expect(created.status).toBe(200);
    const { id } = await created.json();
    const put = (body: unknown) =>
      call(server.base, centre, 'PUT', `/api/treatment-facilities/${id}/days`, body);
    const negative = await put({ day: '2022-01-10', beds: -5, icuBeds: 0, oxygenCylinders: 0 });
    expect(negative.status).toBe(400);
    expect(await fieldsOf(negative)).toContain('beds');
    const over = await put({
      day: '2022-01-10',
      beds: 10,
      occupied: 12,
      icuBeds: 2,
      icuOccupied: 3,
      oxygenCylinders: 4,
    });
    expect(over.status).toBe(400);
    expect(await fieldsOf(over)).toEqual(['occupied', 'icuOccupied']);
    const future = await put({ day: '2099-03-01', beds: 10, icuBeds: 0, oxygenCylinders: 0 });
    expect(future.status).toBe(400);
    expect(await fieldsOf(future)).toEqual(['day']);
    const view = await (
      await call(server.base, centre, 'GET', '/api/capacity?unit=186&date=2022-01-10')
    ).json();
    expect(view.facilities.find((f: { id: number }) => f.id === id).figures).toBeNull();
    const ok = await put({ day: '2022-01-10', beds: 10, occupied: 4, icuBeds: 2, oxygenCylinders: 4 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ beds: 10, occupied: 4 });
  });

  it('lets a commune enter its station’s oxygen on the phone, not another commune’s', async () => {
    const mine = await call(server.base, commune, 'PUT', '/api/station-oxygen', {
      unit: '06385',
      day: '2022-01-14',
      oxygenCylinders: 3,
      concentrators: 1,
    });
    expect(mine.status).toBe(200);
    const theirs = await call(server.base, commune, 'PUT', '/api/station-oxygen', {
      unit: '06388',
      day: '2022-01-14',
      oxygenCylinders: 3,
      concentrators: 1,
    });
    expect(theirs.status).toBe(403);
    const bad = await call(server.base, commune, 'PUT', '/api/station-oxygen', {
      unit: '06385',
      day: '2022-01-14',
      oxygenCylinders: -1,
      concentrators: 0,
    });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toContain('oxygenCylinders');
  });

  it('answers the measures of a level by date and refuses a scenario with a unit outside the plan', async () => {
    const m = await (await call(server.base, commune, 'GET', '/api/measures?level=3&date=2022-02-01')).json();
    expect(m.measures.find((x: { activity: string }) => x.activity === 'masks').restriction).toBe(
      'restricted',
    );
    const res = await call(server.base, centre, 'PUT', '/api/response-plans/scenarios', {
      unit: '186',
      level: 3,
      beds: 10,
      teams: 1,
      oxygenCylinders: 1,
      actions: [{ kind: 'act', text: 'x', assignee: '06790', deadlineDays: 1 }],
    });
    // The health centre's role may not edit plans; the district officer may, and is told which action is wrong.
    expect(res.status).toBe(403);
    const district = await login(server.base, 'demo.huyen');
    const wrong = await call(server.base, district, 'PUT', '/api/response-plans/scenarios', {
      unit: '186',
      level: 3,
      beds: 10,
      teams: 1,
      oxygenCylinders: 1,
      actions: [{ kind: 'act', text: 'x', assignee: '06790', deadlineDays: 1 }],
    });
    expect(wrong.status).toBe(400);
    expect(await fieldsOf(wrong)).toEqual(['actions.0.assignee']);
  });

  it('keeps each action’s assignee and urgency when the plan editor saves the plan again', async () => {
    const district = await login(server.base, 'demo.huyen');
    const actions = [
      { kind: 'close', text: 'Dừng chợ phiên', assignee: 'communes', deadlineDays: 0, urgent: true },
      { kind: 'act', text: 'Lập chốt tại cầu Na Hoa', assignee: '06388', deadlineDays: 2, urgent: false },
      {
        kind: 'act',
        text: 'Báo cáo Ban chỉ đạo tỉnh',
        assignee: 'announced',
        deadlineDays: 1,
        urgent: false,
      },
    ];
    const put = (body: Record<string, unknown>) =>
      call(server.base, district, 'PUT', '/api/response-plans/scenarios', {
        unit: '186',
        level: 2,
        beds: 20,
        teams: 3,
        oxygenCylinders: 10,
        ...body,
      });
    expect((await put({ actions, note: 'Theo Kế hoạch 12/KH-BCĐ' })).status).toBe(200);
    const scenario = async () =>
      (await (await call(server.base, district, 'GET', '/api/response-plans?unit=186')).json()).levels.find(
        (l: { level: number }) => l.level === 2,
      ).scenario;
    const saved = await scenario();
    expect(saved.actions).toEqual(actions);
    // What the editor sends back from the form it filled with the plan, unchanged by the user.
    const again = await put({ actions: actionsOf(rowsOf(saved.actions)), note: saved.note });
    expect(again.status).toBe(200);
    expect((await scenario()).actions).toEqual(actions);
    expect((await scenario()).note).toBe('Theo Kế hoạch 12/KH-BCĐ');
  });
});
