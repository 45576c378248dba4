import net from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/core/config.ts';
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

  it('answers 503 within SAFEADAPT_PG_CONNECT_TIMEOUT_MS when the server accepts and never answers the handshake', async () => {
    // A port where something accepts the connection and then says nothing (a hung PostgreSQL, a wrong service).
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const config = loadConfig({
      DATABASE_URL: `postgres://u:p@127.0.0.1:${port}/none`,
      SAFEADAPT_PG_CONNECT_TIMEOUT_MS: '500',
    });
    expect(config.pgConnectTimeoutMs).toBe(500);
    const db = openDb(config);
    const app = await buildApp({ db });
    closers.push(async () => {
      await app.close();
      await db.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { sid: 'x'.repeat(43) } });
    const took = performance.now() - started;
    expect(sockets.size).toBeGreaterThan(0); // it did reach the silent server
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('unavailable');
    // The connect timeout, not pg's default of none (or the former fixed 10 s): generous for a loaded machine.
    expect(took).toBeGreaterThanOrEqual(450);
    expect(took).toBeLessThan(3_000);
  });

  it('has PostgreSQL cancel a statement running past SAFEADAPT_PG_STATEMENT_TIMEOUT_MS, and goes on', async () => {
    const base = await emptyDb('postgres');
    closers.push(() => base.close());
    const config = loadConfig({ DATABASE_URL: base.url!, SAFEADAPT_PG_STATEMENT_TIMEOUT_MS: '300' });
    const db = openDb(config);
    closers.push(() => db.close());
    const started = performance.now();
    const error = await sql`select pg_sleep(10)`.execute(db.db).then(
      () => null,
      (e: { code?: string }) => e,
    );
    expect(error?.code).toBe('57014'); // query_canceled: "canceling statement due to statement timeout"
    expect(performance.now() - started).toBeLessThan(5_000);
    // The connection is free again.
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db.db);
    expect(rows[0]!.one).toBe(1);
  });
});
