import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { ENGINES } from '../support/databases.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';

/** Issue 17 (inspections, community forces): the routes over real HTTP, in and out of scope, and bad input. */
describe.each(ENGINES)('inspections and community forces over HTTP on %s', (engine) => {
  let server: Running;
  let district: Session;
  let town: Session;
  let huuLien: Session;
  /** The server's day (its calendar): what the routes compare dates with. */
  let today: string;
  const fieldsOf = async (res: Response) =>
    ((await res.json()).error.fields as { field: string }[]).map((f) => f.field);

  beforeAll(async () => {
    server = await startServer(engine);
    district = await login(server.base, 'demo.huyen');
    town = await login(server.base, 'demo.xa.06385');
    huuLien = await login(server.base, 'demo.xa.06388');
    today = (await (await call(server.base, null, 'GET', '/api/calendar')).json()).today;
  }, 120_000);
  afterAll(() => server.close());

  it('registers, inspects with follow-up tasks to the commune, and lists the overdue', async () => {
    const created = await call(server.base, district, 'POST', '/api/establishments', {
      commune: '06385',
      name: 'Chợ Hữu Lũng',
      sector: 'market',
      size: 'large',
      registeredOn: '2021-10-01',
    });
    expect(created.status).toBe(200);
    const market = await created.json();
    expect(market).toMatchObject({ riskClass: 'high', provisional: true });

    // Out of the commune's scope: 404 naming the establishment, for a read and for an inspection.
    expect((await call(server.base, huuLien, 'GET', `/api/establishments/${market.id}`)).status).toBe(404);
    const outside = await call(server.base, huuLien, 'POST', `/api/establishments/${market.id}/inspections`, {
      answers: {},
      violations: [],
    });
    expect(outside.status).toBe(404);
    expect(await fieldsOf(outside)).toEqual(['establishment']);

    // Bad input: a violation without a description, an empty one, a negative penalty, an unknown criterion.
    const bad = async (body: unknown) => {
      const res = await call(
        server.base,
        district,
        'POST',
        `/api/establishments/${market.id}/inspections`,
        body,
      );
      expect(res.status).toBe(400);
      return fieldsOf(res);
    };
    expect(await bad({ answers: {}, violations: [{ penaltyKind: 'warning' }] })).toContain(
      'violations.0.description',
    );
    expect(await bad({ answers: {}, violations: [{ description: '' }] })).toEqual([
      'violations.0.description',
    ]);
    expect(
      await bad({
        answers: {},
        violations: [{ description: 'x', penaltyKind: 'fine', penaltyAmount: -100000 }],
      }),
    ).toEqual(['violations.0.penaltyAmount']);
    expect(await bad({ answers: { khongCo: true }, violations: [] })).toEqual(['answers.khongCo']);

    const overdueBefore = await (
      await call(server.base, district, 'GET', '/api/establishments/overdue?unit=186')
    ).json();
    expect(overdueBefore.establishments.map((e: { id: number }) => e.id)).toContain(market.id);

    const inspected = await call(
      server.base,
      district,
      'POST',
      `/api/establishments/${market.id}/inspections`,
      {
        answers: { plan: true, masks: true },
        findings: 'Gian hàng chưa giãn cách',
        violations: [
          {
            description: 'Không đeo khẩu trang',
            penaltyKind: 'fine',
            penaltyAmount: 2000000,
            fixWithinDays: 3,
          },
        ],
      },
    );
    expect(inspected.status).toBe(200);
    const inspection = await inspected.json();
    expect(inspection).toMatchObject({ safetyClass: 'unsafe', nextDueOn: addDays(today, 30) });
    expect(inspection.violations[0]).toMatchObject({ penaltyAmount: 2000000, fixBy: addDays(today, 3) });
    expect(inspection.taskIds).toHaveLength(1);

    // The follow-up task is in the town's inbox; the market is no longer overdue.
    const inbox = await (await call(server.base, town, 'GET', '/api/tasks/inbox?unit=06385')).json();
    expect(inbox.tasks.map((t: { id: number }) => t.id)).toContain(inspection.taskIds[0]);
    const tasks = await (
      await call(server.base, town, 'GET', `/api/inspections/${inspection.id}/tasks`)
    ).json();
    expect(tasks.tasks[0]).toMatchObject({
      assigneeUnitCode: '06385',
      deadline: addDays(today, 3),
      state: 'assigned',
    });
    const overdueAfter = await (
      await call(server.base, district, 'GET', '/api/establishments/overdue?unit=186')
    ).json();
    expect(overdueAfter.establishments.map((e: { id: number }) => e.id)).not.toContain(market.id);

    const assessed = await call(server.base, town, 'POST', `/api/establishments/${market.id}/assessments`, {
      answers: { plan: true },
    });
    expect(assessed.status).toBe(200);
    expect(await assessed.json()).toMatchObject({ safetyClass: 'unsafe', ruleSet: { provisional: true } });
  });

  it('imports an uploaded list of establishments, naming every rejected row; nothing stored until it is clean', async () => {
    const send = async (session: Session, unit: string, lines: string[]) => {
      const upload = await fetch(`${server.base}/api/persons/uploads`, {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': 'application/octet-stream',
          'x-file-name': 'co-so.csv',
        },
        body: lines.join('\n'),
      });
      const { uploadId } = (await upload.json()) as { uploadId: string };
      return call(server.base, session, 'POST', '/api/establishments/imports', { uploadId, unit });
    };
    const header = 'STT,Tên cơ sở,Loại hình,Quy mô,Xã,Số điện thoại';
    const bad = await send(district, '186', [
      header,
      '1,Chợ Đồi,Chợ,Vừa,Yên Thịnh,',
      '2,Cửa hàng Y,Khác,,Hữu Liên,',
    ]);
    expect(bad.status).toBe(200);
    const refused = await bad.json();
    expect(refused).toMatchObject({ committed: false, imported: 0, rejected: 1 });
    expect(refused.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'Loại hình'],
    ]);
    const good = await send(district, '186', [header, '1,Chợ Đồi,Chợ,Vừa,Yên Thịnh,0912345678']);
    expect(await good.json()).toMatchObject({ committed: true, imported: 1 });
    // A commune imports into its own commune only; another's is out of its scope.
    expect((await send(huuLien, '06385', [header, '1,Quán Z,Khác,,,'])).status).toBe(403);
    expect(
      await fieldsOf(
        await call(server.base, district, 'POST', '/api/establishments/imports', { unit: '186' }),
      ),
    ).toContain('uploadId');
  });

  it('keeps rosters and answers requests for support, refusing bad input with the field named', async () => {
    const unit = await (await call(server.base, town, 'GET', '/api/admin-units/06385')).json();
    const villageId = unit.villages[0].id as number;
    const teamBody = {
      commune: '06385',
      kind: 'communityTeam',
      name: 'Tổ Covid cộng đồng khu 1',
      phone: '0912345678',
      duties: ['homeCareFollowUp'],
      villageIds: [villageId],
      members: [{ name: 'Hoàng Văn Tổ', phone: '12' }],
    };
    const badTeam = await call(server.base, town, 'POST', '/api/community-teams', teamBody);
    expect(badTeam.status).toBe(400);
    expect(await fieldsOf(badTeam)).toContain('members.0.phone');
    const team = await call(server.base, town, 'POST', '/api/community-teams', {
      ...teamBody,
      members: [{ name: 'Hoàng Văn Tổ', phone: '0987654321' }],
    });
    expect(team.status).toBe(200);
    const roster = await (await call(server.base, district, 'GET', '/api/community-teams?unit=186')).json();
    expect(roster.teams[0]).toMatchObject({ name: 'Tổ Covid cộng đồng khu 1', workload: { total: 0 } });
    expect((await call(server.base, huuLien, 'GET', '/api/community-teams?unit=06385')).status).toBe(403);

    const badKind = await call(server.base, town, 'POST', '/api/support-requests', {
      commune: '06385',
      kind: 'navy',
      details: 'x',
      neededBy: '2022-01-20',
    });
    expect(badKind.status).toBe(400);
    expect(await fieldsOf(badKind)).toEqual(['kind']);
    const asked = await call(server.base, town, 'POST', '/api/support-requests', {
      commune: '06385',
      kind: 'police',
      details: 'Hỗ trợ kiểm soát chợ phiên',
      neededBy: addDays(today, 1),
    });
    expect(asked.status).toBe(200);
    const request = await asked.json();
    expect(request).toMatchObject({ state: 'requested', overdue: false });
    // The commune cannot answer its own request; another commune does not see it.
    expect(
      (
        await call(server.base, town, 'POST', `/api/support-requests/${request.id}/answer`, {
          action: 'answer',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(server.base, huuLien, 'POST', `/api/support-requests/${request.id}/answer`, {
          action: 'answer',
        })
      ).status,
    ).toBe(404);
    const noReason = await call(server.base, district, 'POST', `/api/support-requests/${request.id}/answer`, {
      action: 'refuse',
    });
    expect(noReason.status).toBe(400);
    expect(await fieldsOf(noReason)).toEqual(['answer']);
    const answered = await call(server.base, district, 'POST', `/api/support-requests/${request.id}/answer`, {
      action: 'answer',
      answer: 'Công an huyện cử 4 cán bộ',
    });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ state: 'answered', answer: 'Công an huyện cử 4 cán bộ' });
    const list = await (await call(server.base, district, 'GET', '/api/support-requests?unit=186')).json();
    expect(list.requests.map((r: { id: number }) => r.id)).toContain(request.id);
  });
});
