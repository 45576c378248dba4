import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../src/db/connection.ts';
import { buildApp } from '../../src/server/app.ts';
import { emptyDb } from '../support/databases.ts';

/** Found by the hardening review: one pool error (a restart, pg_terminate_backend) ended the process. */
describe('the PostgreSQL pool', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('survives PostgreSQL closing its connections, and reconnects on the next query', async () => {
    const db = await emptyDb('postgres');
    closers.push(() => db.close());
    await sql`select 1`.execute(db.db); // one idle connection in the pool
    const name = new URL(db.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: inject('pgUrl') });
    await admin.connect();
    const { rowCount } = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the idle client's 'error' arrives
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db.db);
    expect(rows[0]!.one).toBe(1);
  });

  it('answers 503 (not 500) while the database cannot be reached', async () => {
    const db = openDb({ databaseUrl: 'postgres://127.0.0.1:9/none', sqliteFile: '' });
    const app = await buildApp({ db });
    closers.push(async () => {
      await app.close();
      await db.close();
    });
    const res = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { sid: 'x'.repeat(43) } });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('unavailable');
  });
});
