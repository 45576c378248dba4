/**
 * Issue 16 benchmark: the province map's first render on emulated slow 3G (400 kbit/s, 400 ms round trip, cache
 * cold; test/support/slow-link.ts, as bench/situation-room.ts measures it) for the province's leader on a 360-px
 * phone: seconds until the districts and the communes' markers are drawn (goal ≤ 3 s) and bytes transferred
 * (goal ≤ 300 kB), of which the map's answer. The demo province with the demo's data in BENCH_COMMUNES (5)
 * communes of Hữu Lũng, as of 15/01/2022. Needs the built web app (npm run build:web) and Chromium.
 */
process.env.SAFEADAPT_TODAY ??= '2022-01-15';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { openDb } from '../src/db/connection.ts';
import { DEMO_AS_OF, seedDemo, seedReference } from '../src/demo/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { features } from '../src/server/features.ts';
import { migrateToLatest } from '../src/server/migrations.ts';
import { login } from '../test/support/http.ts';
import { slowPage } from '../test/support/slow-link.ts';

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 5);
const GOAL_SECONDS = 3;
const GOAL_BYTES = 300_000;
const PHONE = { width: 360, height: 740 };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-risk-map-'));
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
  .slice(0, COMMUNES)
  .map((u) => u.code);
const t0 = performance.now();
const area = { provinceCode: '20', districtCode: '186', communeCodes: communes, today: DEMO_AS_OF };
for (const feature of features()) await feature.demo?.(db, area);
console.log(`demo data for ${communes.length} communes: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const app = await buildApp({ db });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
  const session = await login(base, 'demo.tinh');
  await context.addCookies(
    session.cookie.split('; ').map((c) => {
      const [name, value] = c.split('=') as [string, string];
      return { name, value, url: base };
    }),
  );
  const { page, meter } = await slowPage(context);
  const start = Date.now();
  await page.goto(`${base}/risk-levels/map`, { waitUntil: 'commit' });
  await page.locator('.risk-map path').first().waitFor({ timeout: 60_000 });
  await page.locator('.risk-communes li').first().waitFor({ timeout: 60_000 });
  const seconds = (Date.now() - start) / 1000;
  const painted = (await meter.firstPaint()) / 1000;
  const bytes = meter.bytes();
  const api = meter.bytes(/\/api\/risk-levels\/map/);
  const districts = await page.locator('.risk-map path').count();
  const markers = await page.locator('.risk-communes li').count();
  console.log(
    `province map on slow 3G (phone, cold cache): ${districts} districts and ${markers} communes after ${seconds.toFixed(2)} s ` +
      `(goal ≤ ${GOAL_SECONDS} s: ${(seconds / GOAL_SECONDS).toFixed(2)}× the budget), first paint ${painted.toFixed(2)} s`,
  );
  console.log(
    `  ${bytes} bytes transferred (goal ≤ ${GOAL_BYTES}: ${(bytes / GOAL_BYTES).toFixed(2)}× the budget), of which the map ${api}`,
  );
  await context.close();
} finally {
  await browser.close();
  await app.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
