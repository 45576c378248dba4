/**
 * What the page benchmarks on emulated slow 3G share: a demo database with the demo's data in BENCH_COMMUNES (5)
 * communes of Hữu Lũng (as of 15/01/2022), the server on it, Chromium, and a logged-in 360-px phone context.
 * Needs the built web app (npm run build:web) and Chromium (CHROMIUM_PATH).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { openDb } from '../../src/db/connection.ts';
import { DEMO_AS_OF, seedDemo, seedReference } from '../../src/demo/seed.ts';
import { buildApp } from '../../src/server/app.ts';
import { features } from '../../src/server/features.ts';
import { migrateToLatest } from '../../src/server/migrations.ts';
import { login } from '../../test/support/http.ts';

export const PHONE = { width: 360, height: 740 };

/** The demo database with its data for the first communes of Hữu Lũng. */
export async function demoDatabase(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'bench.db'), dataDir: dir });
  await migrateToLatest(db);
  await seedReference(db);
  await seedDemo(db);
  const communes = (
    await db.db
      .selectFrom('admin_units')
      .select('code')
      .where('district_code', '=', '186')
      .orderBy('code')
      .execute()
  )
    .slice(0, Number(process.env.BENCH_COMMUNES ?? 5))
    .map((u) => u.code);
  const t0 = performance.now();
  const area = { provinceCode: '20', districtCode: '186', communeCodes: communes, today: DEMO_AS_OF };
  for (const feature of features()) await feature.demo?.(db, area);
  console.log(`demo data for ${communes.length} communes: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { db, close: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The server on the database and Chromium. */
export async function serverAndBrowser(db: Awaited<ReturnType<typeof demoDatabase>>['db']) {
  const app = await buildApp({ db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  return { app, base, browser };
}

/** A phone context logged in as a demo user. */
export async function phoneContext(browser: Browser, base: string, username: string) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
  const session = await login(base, username);
  await context.addCookies(
    session.cookie.split('; ').map((c) => {
      const [name, value] = c.split('=') as [string, string];
      return { name, value, url: base };
    }),
  );
  return context;
}
