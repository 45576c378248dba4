import path from 'node:path';
import { todayOverride } from './dates.ts';

/** Runtime settings from the environment (the names are a public contract: see README). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  sqliteFile: string;
  /** Connections in the PostgreSQL pool (SAFEADAPT_PG_POOL_MAX, default 10). */
  pgPoolMax: number;
  /** How long opening a PostgreSQL connection may take before the request answers 503 (SAFEADAPT_PG_CONNECT_TIMEOUT_MS, default 10 s). */
  pgConnectTimeoutMs: number;
  /** How long one PostgreSQL statement may run before PostgreSQL cancels it (SAFEADAPT_PG_STATEMENT_TIMEOUT_MS, default 60 s; 0: no limit). */
  pgStatementTimeoutMs: number;
  /** The audit log's MAC key (SAFEADAPT_AUDIT_KEY); null: a key file in the data directory. */
  auditKey: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.SAFEADAPT_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port number: ${env.PORT}`);
  todayOverride(env); // a malformed SAFEADAPT_TODAY stops the start, not the first request
  const databaseUrl = env.DATABASE_URL || null;
  // Only PostgreSQL besides the embedded SQLite; the message names the variable and the scheme, never the password.
  if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl))
    throw new Error(
      `DATABASE_URL must be a postgres:// or postgresql:// URL (it starts with "${databaseUrl.split(':')[0]}:"); leave it unset for SQLite.`,
    );
  const pgPoolMax = Number(env.SAFEADAPT_PG_POOL_MAX ?? 10);
  if (!Number.isInteger(pgPoolMax) || pgPoolMax < 1 || pgPoolMax > 1000)
    throw new Error(
      `SAFEADAPT_PG_POOL_MAX is not a number of connections (1-1000): ${env.SAFEADAPT_PG_POOL_MAX}`,
    );
  const pgConnectTimeoutMs = milliseconds(env, 'SAFEADAPT_PG_CONNECT_TIMEOUT_MS', 10_000, 1);
  const pgStatementTimeoutMs = milliseconds(env, 'SAFEADAPT_PG_STATEMENT_TIMEOUT_MS', 60_000, 0);
  // The key signs the audit chain: a short one could be guessed, and a guessed key lets a chain be forged.
  const auditKey = env.SAFEADAPT_AUDIT_KEY || null;
  if (auditKey && auditKey.length < 32)
    throw new Error(
      `SAFEADAPT_AUDIT_KEY must be at least 32 characters (it has ${auditKey.length}), e.g. from \`openssl rand -hex 32\`.`,
    );
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    sqliteFile: path.join(dataDir, 'safeadapt.db'),
    pgPoolMax,
    pgConnectTimeoutMs,
    pgStatementTimeoutMs,
    auditKey,
  };
}

/** A duration in whole milliseconds from the environment (at least `min`, at most a day), naming the variable when wrong. */
function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > 86_400_000)
    throw new Error(`${name} is not a number of milliseconds (${min}-86400000): ${env[name]}`);
  return value;
}
