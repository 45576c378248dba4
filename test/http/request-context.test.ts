import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/features/audit/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { seededDb } from '../support/databases.ts';
import { call, login, type Session } from '../support/http.ts';

/**
 * The request context records what a handler forgot: a write that wrote no audit event, a personal-data read
 * that recorded no read. Routes registered the way every feature registers them, over real HTTP.
 */
describe('request context', () => {
  let close: () => Promise<void>;
  let base: string;
  let session: Session;
  let lastAudit: () => Promise<
    { action: string; entity: string; entity_id: string | null; details: string }[]
  >;

  beforeAll(async () => {
    const db = await seededDb('sqlite', { demo: true });
    const app = await buildApp({
      db,
      extraRoutes: (app) => {
        const write = { access: { permission: 'units.write' } } as const;
        app.post('/api/test/forgetful/:id', { config: write }, async (request) => ({
          scope: request.ctx.scope.unitCode,
          today: request.ctx.today(),
        }));
        app.post('/api/test/careful', { config: write }, async (request) => {
          await recordAudit(request.ctx.db, request.ctx.scope, [{ action: 'update', entity: 'careful' }]);
          return { ok: true };
        });
        app.post('/api/test/compute', { config: { ...write, readOnly: true } }, async () => ({ ok: true }));
        app.get(
          '/api/test/personal',
          { config: { access: { permission: 'units.read' }, personal: true } },
          async () => ({ name: 'Nguyễn Văn A' }),
        );
        app.post('/api/test/refused', { config: write }, async (_request, reply) =>
          reply.code(409).send({ error: { code: 'conflict', message: 'no' } }),
        );
      },
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    session = await login(base, 'demo.huyen');
    close = async () => {
      await app.close();
      await db.close();
    };
    lastAudit = () =>
      db.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'entity_id', 'details'])
        .orderBy('id', 'desc')
        .limit(3)
        .execute();
  });
  afterAll(() => close());

  it("gives the handler the caller's scope and Vietnam's day", async () => {
    const res = await call(base, session, 'POST', '/api/test/forgetful/7');
    expect(await res.json()).toEqual({ scope: '186', today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('records a write that the handler did not record', async () => {
    await call(base, session, 'POST', '/api/test/forgetful/42');
    const [event] = await lastAudit();
    expect(event).toMatchObject({ action: 'create', entity: 'route', entity_id: '42' });
    expect(JSON.parse(event!.details).route).toBe('POST /api/test/forgetful/:id');
  });

  it('adds nothing when the handler recorded its own event', async () => {
    await call(base, session, 'POST', '/api/test/careful');
    const [event, before] = await lastAudit();
    expect(event).toMatchObject({ action: 'update', entity: 'careful' });
    expect(before?.entity).not.toBe('careful');
  });

  it('records a read of personal data, and nothing for a computation or a refused write', async () => {
    await call(base, session, 'GET', '/api/test/personal');
    const [read] = await lastAudit();
    expect(read).toMatchObject({ action: 'read', entity: 'route' });
    expect(JSON.parse(read!.details).route).toBe('GET /api/test/personal');
    await call(base, session, 'POST', '/api/test/compute');
    expect((await call(base, session, 'POST', '/api/test/refused')).status).toBe(409);
    const [latest] = await lastAudit();
    expect(latest).toEqual(read);
  });
});
