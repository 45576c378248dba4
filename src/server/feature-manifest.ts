import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../core/config.ts';
import type { Db } from '../db/connection.ts';
import type { MigrationSet } from '../db/migrate.ts';
import type { Role } from '../features/auth/index.ts';
import type { RequestContext } from './request-context.ts';
import type { Lang } from './types.ts';

/** The demo's area, as the demo loader hands it to each feature's demo step. */
export interface DemoArea {
  provinceCode: string;
  /** The district with accounts; `communeCodes` are every commune the demo fills (the province's). */
  districtCode: string;
  communeCodes: string[];
  /** The demo's as-of day: its data is generated as of it. */
  today: string;
  /** Per-commune progress of the slow steps (generated residents), for the CLI's progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** A background job: one run at a time across processes (core/jobs.ts), in a context with the system scope. */
export interface JobDefinition {
  /** Unique, dotted by feature: "vaccination.sync-statuses". */
  name: string;
  intervalMs: number;
  run(db: Db): Promise<unknown>;
}

/**
 * A page of the web app the server paints itself before the app's scripts arrive (slow links: the scripts take
 * seconds, the page's numbers should not). Served at `path` to a logged-in caller holding `permission`, it is
 * index.html with `html` inside #root and `data` (the JSON answer the page would ask for) inlined for the app,
 * which takes over when its scripts have loaded. Anyone else, or a `null` answer, gets the plain index.html.
 */
export interface FirstPaintPage {
  path: string;
  permission: string;
  render(
    ctx: RequestContext,
    query: Record<string, string | undefined>,
    lang: Lang,
  ): Promise<{ html: string; data: string } | null>;
}

/**
 * Everything the shell needs to mount a capability. The server, the migrator, the CLI, the demo loader and the
 * authorization test read these; the shell names no feature except in the registry (server/features.ts).
 */
export interface FeatureManifest {
  name: string;
  /** Which roles may do what, within their jurisdiction (merged into one table by the registry). */
  permissions?: Record<string, readonly Role[]>;
  /** Named migrations, applied in name order across all features; never edited once applied. */
  migrations?: MigrationSet;
  routes?(app: FastifyInstance): void;
  cli?(program: Command, config: Config): void;
  jobs?: JobDefinition[];
  /** Pages the server paints before the web app's scripts (server/first-paint.ts). */
  firstPaint?: FirstPaintPage[];
  /** Loads the feature's demo data for the demo district (run once, in registry order). */
  demo?(db: Db, area: DemoArea): Promise<void>;
}
