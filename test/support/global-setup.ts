import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type Cluster, startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL of the PostgreSQL cluster that storage tests create their databases in. */
    pgUrl: string;
    /** This run's folder: seeded templates and the test databases' files (test/support/databases.ts), removed at its end. */
    seedCache: string;
  }
}

let cluster: Cluster | null = null;
let seedCache = '';

/** Starts one throwaway PostgreSQL cluster for the run, unless TEST_DATABASE_URL names a server to use. */
export async function setup(project: TestProject) {
  // The CLI's bundle (bin/cli-bundle.js) built once, beside the cluster's start, rather than by each of the
  // first CLIs the test files start at the same time (`--help` loads the CLI and runs nothing).
  const cliBuilt = promisify(execFile)(process.execPath, ['bin/safeadapt.js', '--help']).catch(() => {});
  const given = process.env.TEST_DATABASE_URL;
  if (!given) cluster = await startCluster();
  await cliBuilt;
  project.provide('pgUrl', given ?? cluster!.url);
  seedCache = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-seeds-'));
  project.provide('seedCache', seedCache);
}

export async function teardown() {
  // On a server of its own (TEST_DATABASE_URL) the run's template databases are dropped; a cluster goes whole.
  const given = process.env.TEST_DATABASE_URL;
  if (given && seedCache) {
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    const prefix = `tpl_${path.basename(seedCache).replace(/\W/g, '_').toLowerCase()}_`;
    const { rows } = await admin.query('select datname from pg_database where datname like $1', [
      `${prefix}%`,
    ]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname}`);
    await admin.end();
  }
  if (seedCache) fs.rmSync(seedCache, { recursive: true, force: true });
  await cluster?.stop();
}
