import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStoredToday } from '../../src/core/dates.ts';
import { applyDatabaseCalendar } from '../../src/db/calendar.ts';
import { SESSION_IDLE_MS, systemScope } from '../../src/features/auth/rules.ts';
import { createUser, sessionFromToken, updateUser, userIdByUsername } from '../../src/features/auth/store.ts';
import { call, lastAuditEntry, login, type Running, startServer } from '../support/http.ts';

const PASSWORD = 'Auth-test-2021';

describe('login, sessions and CSRF over HTTP', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer('sqlite');
    for (const name of ['disable.me', 'expire.me'])
      await createUser(server.app.db, systemScope('test'), {
        username: name,
        displayName: name,
        password: PASSWORD,
        role: 'officer',
        unitCode: '06385',
      });
  });
  afterAll(() => server.close());

  const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    });

  it('answers the health check', async () => {
    const res = await fetch(`${server.base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it("tells anyone the server's today: a demo database's as-of day, not the clock's", async () => {
    const calendar = async () => (await fetch(`${server.base}/api/calendar`)).json();
    try {
      await applyDatabaseCalendar(server.app.db);
      expect(await calendar()).toEqual({ today: '2022-01-15', source: 'database' });
    } finally {
      setStoredToday(null);
    }
    expect(await calendar()).toMatchObject({ source: 'clock' });
  });

  it("shows the background jobs' state to administrators only", async () => {
    await server.app.jobs.runNow('vaccination.sync-statuses');
    const admin = await login(server.base, 'demo.quantri');
    const res = await call(server.base, admin, 'GET', '/api/jobs');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Record<string, unknown>[] };
    expect(items).toContainEqual(
      expect.objectContaining({
        name: 'vaccination.sync-statuses',
        intervalMs: 10_000,
        lastError: null,
        running: false,
      }),
    );
    expect(items.find((j) => j.name === 'vaccination.sync-statuses')!.lastFinishedAt).toEqual(
      expect.any(String),
    );
    const officer = await login(server.base, 'demo.huyen');
    expect((await call(server.base, officer, 'GET', '/api/jobs')).status).toBe(403);
  });

  it("refuses an account's organization outside the caller's jurisdiction or unknown (was accepted / 500)", async () => {
    const now = new Date().toISOString();
    const org = (unit: string, province: string) =>
      server.app.db.db
        .insertInto('organizations')
        .values({
          unit_code: unit,
          province_code: province,
          kind: 'other',
          name: `Phòng thử ${unit}`,
          short_name: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const hanoi = await org('01', '01');
    const own = await org('186', '20');
    const admin = await login(server.base, 'demo.quantri');
    const create = (username: string, organizationId: number) =>
      call(server.base, admin, 'POST', '/api/users', {
        username,
        displayName: 'Nguyễn Thị Mai',
        password: 'Huu-Lung-2021-yte',
        role: 'officer',
        unitCode: '186',
        organizationId,
      });
    for (const [name, id] of [
      ['org.outside', hanoi.id],
      ['org.unknown', 999_999],
    ] as const) {
      const res = await create(name, id);
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields[0].field).toBe('organizationId');
    }
    expect((await create('org.own', own.id)).status).toBe(201);
  });

  it('records reads of the audit log itself', async () => {
    const admin = await login(server.base, 'demo.quantri');
    expect((await call(server.base, admin, 'GET', '/api/audit?page=1')).status).toBe(200);
    const last = await lastAuditEntry(server);
    expect(last).toMatchObject({ action: 'read', username: 'demo.quantri' });
    expect(JSON.parse(last.details).route).toBe('GET /api/audit');
  });

  it('sets an HttpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const res = await attempt('demo.huyen', 'SafeAdapt@2021');
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    const sid = cookies.find((c) => c.startsWith('sid='))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Strict/i);
    expect(cookies.find((c) => c.startsWith('csrf_token='))).not.toMatch(/HttpOnly/i);
    expect((await res.json()).user).toMatchObject({
      username: 'demo.huyen',
      unitCode: '186',
      unitName: 'Huyện Hữu Lũng',
    });
  });

  it('refuses a wrong password with a clear message in Vietnamese or English, and no internals', async () => {
    const vi = await attempt('demo.huyen', 'wrong-password');
    expect(vi.status).toBe(401);
    expect(await vi.json()).toEqual({
      error: {
        code: 'invalid_credentials',
        message:
          'Sai tên đăng nhập hoặc mật khẩu, hoặc đã thử quá nhiều lần: vui lòng kiểm tra và thử lại sau ít phút.',
      },
    });
    const en = await attempt('no.such.user', 'wrong', { 'accept-language': 'en-US' });
    expect((await en.json()).error.message).toMatch(/^Wrong username or password/);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const session = await login(server.base, 'demo.xa.06385');
    const res = await fetch(`${server.base}/api/admin-units/06385/villages`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Thôn CSRF', kind: 'thon' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('csrf');
    const ok = await call(server.base, session, 'POST', '/api/admin-units/06385/villages', {
      name: 'Thôn CSRF',
      kind: 'thon',
    });
    expect(ok.status).toBe(201);
  });

  it('answers field-level validation errors and malformed JSON without a stack trace', async () => {
    const session = await login(server.base, 'demo.xa.06385');
    const res = await call(server.base, session, 'POST', '/api/admin-units/06385/villages', {
      name: '',
      kind: 'castle',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['kind', 'name']);
    // A code that is no GSO code: said in words, in the caller's language, never as the pattern.
    for (const [lang, words] of [
      ['vi', 'unit: mã đơn vị hành chính (mã GSO) gồm 2, 3 hoặc 5 chữ số, hoặc VN'],
      ['en', 'unit: an administrative unit code (GSO): 2, 3 or 5 digits, or VN'],
    ] as const) {
      const bad = await fetch(`${server.base}/api/vaccination/coverage?unit=06-385`, {
        headers: { cookie: `${session.cookie}; lang=${lang}` },
      });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.fields).toEqual([{ field: 'unit', message: words }]);
    }
    const broken = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(text).not.toMatch(/at .*\.(ts|js)|stack|node_modules/);
  });

  it('ends the session at logout', async () => {
    const session = await login(server.base, 'demo.tinh');
    expect((await call(server.base, session, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await call(server.base, session, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await call(server.base, session, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends the sessions of a disabled account and refuses its login', async () => {
    const session = await login(server.base, 'disable.me', PASSWORD);
    expect((await call(server.base, session, 'GET', '/api/auth/me')).status).toBe(200); // the session is now cached
    await updateUser(
      server.app.db,
      systemScope('test'),
      await userIdByUsername(server.app.db, 'disable.me'),
      {
        disabled: true,
      },
    );
    expect((await call(server.base, session, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await attempt('disable.me', PASSWORD)).status).toBe(401);
  });

  it('expires an idle session', async () => {
    const session = await login(server.base, 'expire.me', PASSWORD);
    const token = session.cookie.match(/sid=([^;]+)/)![1]!;
    expect(await sessionFromToken(server.app.db, token)).not.toBeNull();
    expect(
      await sessionFromToken(server.app.db, token, new Date(Date.now() + SESSION_IDLE_MS + 1000)),
    ).toBeNull();
    expect((await call(server.base, session, 'GET', '/api/auth/me')).status).toBe(401);
  });
});
