/**
 * Issue 18 benchmark: the situation room's first load on emulated slow 3G (400 kbit/s, 400 ms round trip,
 * cache cold; test/support/slow-link.ts, as test/browser/slow-link.test.ts measures it) for the province's
 * leader on a 360-px phone: seconds until the numbers and the map are shown (goal ≤ 3 s; the server paints them,
 * server/first-paint.ts) and bytes transferred (goal ≤ 300 kB), then until the app's scripts have taken over; and the summary's computation on the server, cold and from the cache.
 * The demo province with the demo's cases and doses in BENCH_COMMUNES (5) communes of Hữu Lũng, as of
 * 15/01/2022. Needs the built web app (npm run build:web) and Chromium (CHROMIUM_PATH).
 */
process.env.SAFEADAPT_TODAY ??= '2022-01-15';

import { DEMO_AS_OF } from '../src/demo/seed.ts';
import { systemScope } from '../src/features/auth/rules.ts';
import { situationSummaryBody } from '../src/features/situation-room/summary-store.ts';
import { slowPage } from '../test/support/slow-link.ts';
import { demoDatabase, phoneContext, serverAndBrowser } from './support/demo-on-phone.ts';

const GOAL_SECONDS = 3;
const GOAL_BYTES = 300_000;

const demo = await demoDatabase('safeadapt-bench-situation-');
const db = demo.db;

// The summary on the server: cold (computed) and warm (the cache, the audit chain unchanged).
const scope = systemScope('bench');
for (const unit of ['20', '186']) {
  let t0 = performance.now();
  const cold = await situationSummaryBody(db, scope, unit, DEMO_AS_OF, DEMO_AS_OF);
  const coldMs = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < 20; i++) await situationSummaryBody(db, scope, unit, DEMO_AS_OF, DEMO_AS_OF);
  const warmMs = (performance.now() - t0) / 20;
  console.log(
    `summary of ${unit}: ${cold.body.length} bytes of JSON, computed in ${coldMs.toFixed(0)} ms, from the cache in ${warmMs.toFixed(2)} ms`,
  );
}

const { app, base, browser } = await serverAndBrowser(db);
try {
  const context = await phoneContext(browser, base, 'demo.tinh');
  const { page, meter } = await slowPage(context);
  const start = Date.now();
  await page.goto(`${base}/situation-room`, { waitUntil: 'commit' });
  await page.locator('[data-tile="newCases"]').waitFor({ timeout: 60_000 });
  await page.locator('.risk-map').waitFor({ timeout: 60_000 });
  const seconds = (Date.now() - start) / 1000;
  const painted = (await meter.firstPaint()) / 1000;
  const bytes = meter.bytes();
  const api = meter.bytes(/\/api\/situation-room/);
  // The server paints the numbers (server/first-paint.ts); then the app's scripts arrive and take over.
  await page.locator('.topbar').waitFor({ timeout: 60_000 });
  const tookOver = (Date.now() - start) / 1000;
  const appBytes = meter.bytes();
  console.log(
    `situation room on slow 3G (phone, cold cache): numbers and map after ${seconds.toFixed(2)} s ` +
      `(goal ≤ ${GOAL_SECONDS} s: ${(seconds / GOAL_SECONDS).toFixed(2)}× the budget), first paint ${painted.toFixed(2)} s`,
  );
  console.log(
    `  ${bytes} bytes transferred by then (goal ≤ ${GOAL_BYTES}: ${(bytes / GOAL_BYTES).toFixed(2)}× the budget), of which the summary API ${api}`,
  );
  console.log(
    `  the app took over after ${tookOver.toFixed(2)} s, ${appBytes} bytes in all (${(appBytes / GOAL_BYTES).toFixed(2)}× the byte budget)`,
  );
  await context.close();
} finally {
  await browser.close();
  await app.close();
  await db.close();
  demo.close();
}
