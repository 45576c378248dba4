import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('takes a postgres:// or postgresql:// DATABASE_URL, and none for SQLite', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).databaseUrl).toBe('postgres://u:p@h/db');
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/db' }).databaseUrl).toBe('postgresql://h/db');
    expect(loadConfig({}).databaseUrl).toBeNull();
  });

  it('refuses another scheme with a message that names DATABASE_URL and hides the password', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://root:secret@h/db' });
    expect(attempt).toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(attempt).not.toThrow(/secret/);
  });

  it('takes the PostgreSQL pool size from SAFEADAPT_PG_POOL_MAX (was fixed at 10), naming it when wrong', () => {
    expect(loadConfig({}).pgPoolMax).toBe(10);
    expect(loadConfig({ SAFEADAPT_PG_POOL_MAX: '40' }).pgPoolMax).toBe(40);
    for (const wrong of ['0', 'ten', '2.5'])
      expect(() => loadConfig({ SAFEADAPT_PG_POOL_MAX: wrong })).toThrow(/SAFEADAPT_PG_POOL_MAX/);
  });

  it('takes the PostgreSQL connect and statement timeouts (ms), naming the variable when wrong', () => {
    expect(loadConfig({})).toMatchObject({ pgConnectTimeoutMs: 10_000, pgStatementTimeoutMs: 60_000 });
    expect(
      loadConfig({ SAFEADAPT_PG_CONNECT_TIMEOUT_MS: '2000', SAFEADAPT_PG_STATEMENT_TIMEOUT_MS: '0' }),
    ).toMatchObject({ pgConnectTimeoutMs: 2000, pgStatementTimeoutMs: 0 });
    for (const wrong of ['0', '-1', '1.5', 'soon'])
      expect(() => loadConfig({ SAFEADAPT_PG_CONNECT_TIMEOUT_MS: wrong })).toThrow(
        /SAFEADAPT_PG_CONNECT_TIMEOUT_MS/,
      );
    expect(() => loadConfig({ SAFEADAPT_PG_STATEMENT_TIMEOUT_MS: 'x' })).toThrow(
      /SAFEADAPT_PG_STATEMENT_TIMEOUT_MS/,
    );
  });

  it('takes SAFEADAPT_AUDIT_KEY of 32 characters or more, and refuses a shorter one without printing it', () => {
    expect(loadConfig({}).auditKey).toBeNull();
    expect(loadConfig({ SAFEADAPT_AUDIT_KEY: 'k'.repeat(32) }).auditKey).toBe('k'.repeat(32));
    const attempt = () => loadConfig({ SAFEADAPT_AUDIT_KEY: 'short-secret' });
    expect(attempt).toThrow(/SAFEADAPT_AUDIT_KEY must be at least 32 characters \(it has 12\)/);
    expect(attempt).not.toThrow(/short-secret/);
  });
});
