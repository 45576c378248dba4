import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/server/migrations.ts';

/**
 * docs/postgresql.md, as a root user on a fresh machine follows it: a login role that is no superuser and a
 * database it owns. Found by trying the earlier text: without the owner, PostgreSQL 15 refuses the tables.
 */
describe('the PostgreSQL setup of docs/postgresql.md', () => {
  it('migrates as a plain role in a database it owns, and not in one it does not', async () => {
    const suffix = randomBytes(4).toString('hex');
    const [role, owned, foreign] = [`app_${suffix}`, `owned_${suffix}`, `foreign_${suffix}`];
    const server = inject('pgUrl');
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create role ${role} login password 'choose-a-password'`);
    await admin.query(`create database ${owned} owner ${role}`);
    await admin.query(`create database ${foreign}`);
    await admin.end();
    const as = (name: string) => {
      const url = new URL(server);
      url.username = role;
      url.password = 'choose-a-password';
      url.pathname = `/${name}`;
      return openDb({ databaseUrl: url.toString(), sqliteFile: '' });
    };
    const good = as(owned);
    const bad = as(foreign);
    try {
      expect(await migrateToLatest(good)).toContain('0006-person-events');
      await expect(migrateToLatest(bad)).rejects.toThrow(/permission denied for schema public/);
    } finally {
      await good.close();
      await bad.close();
    }
  });
});
