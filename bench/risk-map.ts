/**
 * Issue 16 benchmark: the province map's first render on emulated slow 3G (400 kbit/s, 400 ms round trip, cache
 * cold; test/support/slow-link.ts, as bench/situation-room.ts measures it) for the province's leader on a 360-px
 * phone: seconds until the districts and the communes' markers are drawn (goal ≤ 3 s) and bytes transferred
 * (goal ≤ 300 kB), of which the map's answer. The demo province with the demo's data in BENCH_COMMUNES (5)
 * communes of Hữu Lũng, as of 15/01/2022. Then the same for the country's map of a national user (62 provinces
 * drawn, 63 listed; same goals). Needs the built web app (npm run build:web) and Chromium.
 */
process.env.SAFEADAPT_TODAY ??= '2022-01-15';

import { DEMO_PASSWORD } from '../src/demo/seed.ts';
import { systemScope } from '../src/features/auth/index.ts';
import { createUser } from '../src/features/auth/store.ts';
import { slowPage } from '../test/support/slow-link.ts';
import { demoDatabase, phoneContext, serverAndBrowser } from './support/demo-on-phone.ts';

const GOAL_SECONDS = 3;
const GOAL_BYTES = 300_000;

const demo = await demoDatabase('safeadapt-bench-risk-map-');
const { app, base, browser } = await serverAndBrowser(demo.db);
try {
  const measure = async (username: string, url: string, list: string, what: string) => {
    const context = await phoneContext(browser, base, username);
    const { page, meter } = await slowPage(context);
    const start = Date.now();
    await page.goto(`${base}${url}`, { waitUntil: 'commit' });
    await page.locator('.risk-map path').first().waitFor({ timeout: 60_000 });
    await page.locator(list).first().waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - start) / 1000;
    const painted = (await meter.firstPaint()) / 1000;
    const bytes = meter.bytes();
    const api = meter.bytes(/\/api\/risk-levels\/map/);
    const shapes = await page.locator('.risk-map path').count();
    const items = await page.locator(list).count();
    console.log(
      `${what} on slow 3G (phone, cold cache): ${shapes} shapes and ${items} listed after ${seconds.toFixed(2)} s ` +
        `(goal ≤ ${GOAL_SECONDS} s: ${(seconds / GOAL_SECONDS).toFixed(2)}× the budget), first paint ${painted.toFixed(2)} s`,
    );
    console.log(
      `  ${bytes} bytes transferred (goal ≤ ${GOAL_BYTES}: ${(bytes / GOAL_BYTES).toFixed(2)}× the budget), of which the map's API ${api} (0: painted with the page)`,
    );
    await context.close();
  };
  await measure('demo.tinh', '/risk-levels/map', '.risk-communes li', 'province map');
  await createUser(demo.db, systemScope('bench'), {
    username: 'bench.quocgia',
    displayName: 'Bench national',
    password: DEMO_PASSWORD,
    role: 'leader',
    unitCode: 'VN',
    isDemo: true,
  });
  await measure('bench.quocgia', '/risk-levels/map?unit=VN', 'li[data-province]', 'national map');
} finally {
  await browser.close();
  await app.close();
  await demo.db.close();
  demo.close();
}
