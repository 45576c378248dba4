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
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    sqliteFile: path.join(dataDir, 'safeadapt.db'),
    pgPoolMax,
  };
}
