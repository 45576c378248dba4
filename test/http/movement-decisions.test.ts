import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { ENGINES } from '../support/databases.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';

/**
 * Issue 17: the committee's decisions on checkpoints and events over real HTTP: each recorded with its number,
 * date (not after the server's today) and signer; two officers deciding at once get one success and one 409
 * `decided`, and the record holds the winner's decision.
 */
describe.each(ENGINES)('checkpoint and event decisions over HTTP on %s', (engine) => {
  let server: Running;
  let district: Session;
  let town: Session;
  /** The server's day (its calendar): what the routes compare dates with. */
  let today: string;
  const fieldsOf = async (res: Response) =>
    ((await res.json()).error.fields as { field: string }[]).map((f) => f.field);
  const signed = (n: string, signerName: string, signerTitle = 'Chủ tịch UBND thị trấn Hữu Lũng') => ({
    decisionNumber: n,
    decisionDate: today,
    signerName,
    signerTitle,
  });
  /** Two requests sent together: their statuses and answers, in the order sent. */
  const race = async (a: () => Promise<Response>, b: () => Promise<Response>) => {
    const both = await Promise.all([a(), b()]);
    return Promise.all(both.map(async (r) => ({ status: r.status, body: await r.json() })));
  };

  beforeAll(async () => {
    server = await startServer(engine);
    district = await login(server.base, 'demo.huyen');
    town = await login(server.base, 'demo.xa.06385');
    today = (await (await call(server.base, null, 'GET', '/api/calendar')).json()).today;
  }, 120_000);
  afterAll(() => server.close());

  it('opens by a signed decision, refuses one without signer or dated after today, closes once when two officers close at once', async () => {
    const opening = {
      communeCode: '06385',
      name: 'Chốt cầu Lường',
      place: 'Quốc lộ 1A, Km 91',
      ...signed('140/QĐ-UBND', 'Hoàng Văn Thành'),
      decisionDate: addDays(today, -3),
    };
    const { signerName: _, ...unsigned } = opening;
    const noSigner = await call(server.base, district, 'POST', '/api/checkpoints', unsigned);
    expect(noSigner.status).toBe(400);
    expect(await fieldsOf(noSigner)).toEqual(['signerName']);
    const future = await call(server.base, district, 'POST', '/api/checkpoints', {
      ...opening,
      decisionDate: addDays(today, 1),
    });
    expect(future.status).toBe(422);
    expect(await fieldsOf(future)).toEqual(['decisionDate']);

    const opened = await call(server.base, district, 'POST', '/api/checkpoints', opening);
    expect(opened.status).toBe(200);
    const cp = await opened.json();
    expect(cp.opened).toEqual({
      decisionNumber: '140/QĐ-UBND',
      decisionDate: addDays(today, -3),
      signerName: 'Hoàng Văn Thành',
      signerTitle: 'Chủ tịch UBND thị trấn Hữu Lũng',
    });

    const close = (who: Session, decision: ReturnType<typeof signed>) => () =>
      call(server.base, who, 'POST', `/api/checkpoints/${cp.id}/close`, decision);
    const byTown = signed('151/QĐ-UBND', 'Hoàng Văn Thành');
    const byDistrict = signed('152/QĐ-UBND', 'Lương Thị Hạnh', 'Phó Chủ tịch UBND thị trấn Hữu Lũng');
    const answers = await race(close(town, byTown), close(district, byDistrict));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body;
    expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('decided');
    expect([byTown, byDistrict]).toContainEqual(winner.closed);

    const listed = await (
      await call(server.base, district, 'GET', '/api/checkpoints?unit=06385&status=closed')
    ).json();
    const stored = listed.checkpoints.find((c: { id: number }) => c.id === cp.id);
    expect(stored).toMatchObject({ status: 'closed', opened: cp.opened, closed: winner.closed });
    // Closing again, later: still the same answer.
    const again = await close(district, byDistrict)();
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'decided']);
  });

  it('approves or refuses an event by a signed decision: approved and refused at once, one wins', async () => {
    const requested = await call(server.base, town, 'POST', '/api/gatherings', {
      communeCode: '06385',
      name: 'Hội xuân thị trấn',
      kind: 'festival',
      organiser: 'UBND thị trấn Hữu Lũng',
      place: 'Sân vận động',
      venue: 'outdoor',
      date: addDays(today, 20),
      participants: 120,
      allParticipantsCovered: true,
    });
    expect(requested.status).toBe(200);
    const g = await requested.json();
    expect([g.status, g.decided]).toEqual(['requested', null]);
    const decide = (who: Session, body: Record<string, unknown>) => () =>
      call(server.base, who, 'POST', `/api/gatherings/${g.id}/decision`, body);

    const approval = {
      decision: 'approve',
      reason: 'Đủ điều kiện',
      ...signed('160/QĐ-UBND', 'Hoàng Văn Thành'),
    };
    const noNumber = await decide(district, { ...approval, decisionNumber: ' ' })();
    expect(noNumber.status).toBe(400);
    expect(await fieldsOf(noNumber)).toEqual(['decisionNumber']);

    const refusal = {
      decision: 'refuse',
      reason: 'Chưa bảo đảm phương án kiểm tra tiêm chủng người tham dự.',
      ...signed('32/UBND-VP', 'Lương Thị Hạnh', 'Phó Chủ tịch UBND thị trấn Hữu Lũng'),
    };
    const answers = await race(decide(town, approval), decide(district, refusal));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('decided');
    const winner = answers.find((a) => a.status === 200)!.body;
    const won = winner.status === 'approved' ? approval : refusal;
    expect(winner.decided).toEqual({
      decisionNumber: won.decisionNumber,
      decisionDate: won.decisionDate,
      signerName: won.signerName,
      signerTitle: won.signerTitle,
    });
    expect(winner.decisionReason).toBe(won.reason);

    const listed = await (
      await call(server.base, district, 'GET', `/api/gatherings?unit=186&from=${g.date}&to=${g.date}`)
    ).json();
    const stored = listed.gatherings.find((x: { id: number }) => x.id === g.id);
    expect(stored).toMatchObject({
      status: winner.status,
      decisionReason: won.reason,
      decided: winner.decided,
    });
    // The audit holds one decision: the winner's, with its signer.
    const audit = await server.app.db.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('entity', '=', 'gathering')
      .where('entity_id', '=', String(g.id))
      .where('action', '=', 'update')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details).decided)).toEqual([winner.decided]);
  });
});
