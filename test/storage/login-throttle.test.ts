import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { systemScope } from '../../src/features/auth/rules.ts';
import {
  changeOwnPassword,
  createUser,
  login,
  updateUser,
  userIdByUsername,
} from '../../src/features/auth/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const PASSWORD = 'Phong-y-te-Huu-Lung';
const OFFICE = '203.0.113.7';
const T0 = new Date('2021-12-06T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** What a refused login answers: status, code and text; null when it succeeded. */
const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => null,
    (e: { status: number; code: string; text: unknown }) => ({
      status: e.status,
      code: e.code,
      text: e.text,
    }),
  );

describe.each(ENGINES)('login throttling on %s', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await seededDb(engine);
    for (const username of ['a.xa', 'b.xa', 'c.xa', 'd.xa', 'e.xa'])
      await createUser(db, systemScope('test'), {
        username,
        displayName: username,
        password: PASSWORD,
        role: 'officer',
        unitCode: '06385',
      });
  });
  afterAll(() => db.close());

  it('slows a sprayed office address without shutting its users out (NAT)', async () => {
    await login(db, 'c.xa', PASSWORD, OFFICE, at(0)); // c.xa has logged in from the office before
    // 30 failures, paced so that each is checked and counted (a refused attempt is not).
    const last = 30 * 31_000;
    for (let i = 1; i <= 30; i++)
      await refusal(login(db, i % 3 ? `nobody.${i}` : 'a.xa', 'password1', OFFICE, at(i * 31_000)));
    // A colleague new to the address waits, as long as the address's cap at most…
    expect(await refusal(login(db, 'b.xa', PASSWORD, OFFICE, at(last + 1000)))).toMatchObject({
      status: 401,
    });
    expect(await refusal(login(db, 'b.xa', PASSWORD, OFFICE, at(last + 30_000)))).toBeNull();
    // …one who logged in from it before, and the guessed account from elsewhere, get in at once.
    expect(await refusal(login(db, 'c.xa', PASSWORD, OFFICE, at(last + 1000)))).toBeNull();
    expect(await refusal(login(db, 'a.xa', PASSWORD, '198.51.100.1', at(last + 1000)))).toBeNull();
  });

  it('doubles the wait of an account guessed from one address after five failures', async () => {
    const ip = '198.51.100.2';
    // The wait after 0, 1, … 9 failures; each guess is made as soon as it is allowed, and so is counted.
    const waits = [0, 0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 16_000];
    let t = 0;
    for (let failures = 0; failures < 10; failures++) {
      t += waits[failures]!;
      // Even the right password is refused a millisecond before the wait ends.
      if (waits[failures]) expect(await refusal(login(db, 'd.xa', PASSWORD, ip, at(t - 1)))).not.toBeNull();
      expect(await refusal(login(db, 'd.xa', 'wrong-guess', ip, at(t)))).toMatchObject({ status: 401 });
    }
    expect(await refusal(login(db, 'd.xa', PASSWORD, ip, at(t + 16_000 - 1)))).not.toBeNull();
    expect(await refusal(login(db, 'd.xa', PASSWORD, ip, at(t + 16_000)))).toBeNull();
  });

  it("holds an account guessed from many addresses much later, never from its owner's usual address", async () => {
    const usual = '198.51.100.9';
    await login(db, 'e.xa', PASSWORD, usual, at(0));
    // 50 guesses from 50 addresses are free; the 51st starts the account's wait.
    for (let i = 1; i <= 51; i++) await refusal(login(db, 'e.xa', 'wrong-guess', `192.0.2.${i}`, at(i)));
    expect(await refusal(login(db, 'e.xa', PASSWORD, '192.0.2.200', at(60)))).toMatchObject({ status: 401 });
    expect(await refusal(login(db, 'e.xa', PASSWORD, usual, at(61)))).toBeNull();
  });

  it('answers a wrong password, an unknown user and a throttled login alike, in similar time', async () => {
    const ip = '198.51.100.3';
    for (let i = 0; i < 12; i++) await refusal(login(db, 'a.xa', 'wrong-guess', ip, at(i)));
    const cases = {
      wrong: () => login(db, 'c.xa', 'wrong-guess', '198.51.100.4', at(100)),
      unknown: () => login(db, 'no.such.user', PASSWORD, '198.51.100.5', at(100)),
      throttled: () => login(db, 'a.xa', PASSWORD, ip, at(100)),
    };
    const answers = new Map<string, unknown>();
    const fastest = new Map<string, number>();
    for (let round = 0; round < 4; round++)
      for (const [name, attempt] of Object.entries(cases)) {
        const started = performance.now();
        answers.set(name, await refusal(attempt()));
        fastest.set(name, Math.min(fastest.get(name) ?? Infinity, performance.now() - started));
      }
    expect(answers.get('wrong')).toEqual({
      status: 401,
      code: 'invalid_credentials',
      text: expect.objectContaining({ en: expect.stringMatching(/^Wrong username or password/) }),
    });
    expect(answers.get('unknown')).toEqual(answers.get('wrong'));
    expect(answers.get('throttled')).toEqual(answers.get('wrong'));
    // Each case verifies a password hash, which is most of the time (without it a refusal takes ~1/20th).
    for (const name of ['unknown', 'throttled'])
      expect(fastest.get(name)! / fastest.get('wrong')!).toBeGreaterThan(0.5);
  });

  it('clears the failures of an account whose password is reset', async () => {
    const ip = '198.51.100.6';
    for (let i = 0; i < 12; i++) await refusal(login(db, 'd.xa', 'wrong-guess', ip, at(i)));
    await updateUser(db, systemScope('test'), await userIdByUsername(db, 'd.xa'), {
      password: 'Mot-mat-khau-moi-2022',
    });
    expect(await refusal(login(db, 'd.xa', 'Mot-mat-khau-moi-2022', ip, at(20)))).toBeNull();
  });
});

describe.each(ENGINES)('password policy on %s', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db.close());

  const account = (password: string, more = {}) =>
    createUser(db, systemScope('test'), {
      username: 'tran.thi.lan',
      displayName: 'Trần Thị Lan',
      password,
      role: 'officer',
      unitCode: '06385',
      ...more,
    });
  const refusedField = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: { status: number; fields: { field: string; message: { vi: string } }[] }) => ({
        status: e.status,
        field: e.fields[0]?.field,
        vi: e.fields[0]?.message.vi,
      }),
    );

  it('creates no account when only the reference data is seeded, and no demo account outside the demo', async () => {
    expect(await db.db.selectFrom('users').select('id').execute()).toEqual([]);
    await expect(account(DEMO_PASSWORD, { isDemo: true })).rejects.toThrow(/demo database/);
  });

  it('refuses weak passwords for real accounts, the demo password included, naming the field', async () => {
    for (const weak of [DEMO_PASSWORD, 'short-1', 'password1234', 'Tranthilan1990'])
      expect(await refusedField(account(weak)), weak).toMatchObject({ status: 400, field: 'password' });
    expect((await refusedField(account('short-1')))!.vi).toMatch(/ít nhất 12 ký tự/);
    const user = await account('Ba-con-meo-trong-vuon');
    const scope = { ...systemScope('test'), userId: user.id, username: user.username };
    expect(await refusedField(updateUser(db, scope, user.id, { password: 'qwertyuiop12' }))).toMatchObject({
      field: 'password',
    });
    expect(
      await refusedField(changeOwnPassword(db, scope, 'Ba-con-meo-trong-vuon', 'tranthilan1990')),
    ).toMatchObject({
      status: 400,
      field: 'newPassword',
    });
  });
});
