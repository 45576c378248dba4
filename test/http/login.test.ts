import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/features/auth/rules.ts';
import { createUser } from '../../src/features/auth/store.ts';
import { ENGINES } from '../support/databases.ts';
import { call, login, type Running, startServer } from '../support/http.ts';

const PASSWORD = 'Tram-y-te-xa-Dong-Tan';

describe.each(ENGINES)('logins over HTTP on %s', (engine) => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer(engine);
    await createUser(server.app.db, systemScope('test'), {
      username: 'guessed.xa',
      displayName: 'Guessed',
      password: PASSWORD,
      role: 'officer',
      unitCode: '06385',
    });
  });
  afterAll(() => server.close());

  const attempt = async (username: string, password: string) => {
    const res = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return { status: res.status, body: await res.text() };
  };

  it('answers a wrong password, an unknown user and a throttled login with the same status and body', async () => {
    const wrong = await attempt('demo.huyen', 'wrong-password');
    const unknown = await attempt('no.such.user', PASSWORD);
    // Guessed 15 times from here a moment ago (guesses in real time would race the growing waits).
    await server.app.db.db
      .insertInto('login_throttle')
      .values({
        username: 'guessed.xa',
        ip: '127.0.0.1',
        failures: 15,
        last_failure_at: new Date().toISOString(),
      })
      .execute();
    const throttled = await attempt('guessed.xa', PASSWORD); // the right password, inside the wait
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.code).toBe('invalid_credentials');
    expect(unknown).toEqual(wrong);
    expect(throttled).toEqual(wrong);
  });

  it('refuses a weak password wherever one is set, naming the field', async () => {
    const admin = await login(server.base, 'demo.quantri');
    const created = await call(server.base, admin, 'POST', '/api/users', {
      username: 'weak.xa',
      displayName: 'Weak',
      password: 'SafeAdapt@2021',
      role: 'officer',
      unitCode: '06385',
    });
    expect(created.status).toBe(400);
    expect((await created.json()).error.fields).toEqual([
      { field: 'password', message: expect.stringMatching(/^Mật khẩu quá dễ đoán/) },
    ]);
    const user = await call(server.base, admin, 'GET', '/api/users?q=guessed.xa');
    const { id } = (await user.json()).users[0];
    const reset = await call(server.base, admin, 'PATCH', `/api/users/${id}`, { password: 'short-pass1' });
    expect((await reset.json()).error.fields[0]).toEqual({
      field: 'password',
      message: expect.stringMatching(/ít nhất 12 ký tự/),
    });
    const own = await call(server.base, admin, 'POST', '/api/auth/password', {
      currentPassword: 'SafeAdapt@2021',
      newPassword: 'password1234',
    });
    expect(own.status).toBe(400);
    expect((await own.json()).error.fields[0].field).toBe('newPassword');
  });
  it('lets an account that logged in from a sprayed address in at once', async () => {
    // Runs last: the other accounts of this file, new to the address, would wait.
    await login(server.base, 'demo.xa.06385');
    for (let i = 0; i < 25; i++) await attempt(`spray.${i}`, 'password1');
    expect((await attempt('demo.xa.06385', 'SafeAdapt@2021')).status).toBe(200);
  });
});
