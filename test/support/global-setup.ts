import type { TestProject } from 'vitest/node';
import { type Cluster, startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL of the PostgreSQL cluster that storage tests create their databases in. */
    pgUrl: string;
  }
}

let cluster: Cluster | null = null;

/** Starts one throwaway PostgreSQL cluster for the run, unless TEST_DATABASE_URL names a server to use. */
export async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (!given) cluster = await startCluster();
  project.provide('pgUrl', given ?? cluster!.url);
}

export async function teardown() {
  await cluster?.stop();
}
