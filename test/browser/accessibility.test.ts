import { createRequire } from 'node:module';
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AS_OF, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { features } from '../../src/server/features.ts';
import { PHONE, useBrowserRig } from '../support/browser.ts';
import { call, login } from '../support/http.ts';

/**
 * axe-core on every page of the app, for a district user, the administrator and a commune user (the demo's
 * generated residents and doses, so lists are full and faded rows exist): no serious or critical finding.
 * The pages are the navigation's entries walked in the browser, and the pages below them a user reaches.
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const COMMUNE = '06400';
const SEED_000 = new URL('../fixtures/letters/000_0cc6a49cf5414292.txt', import.meta.url);

interface Finding {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Tracks a page's requests in flight; `quiet(ms)` waits until none has been for `ms` milliseconds. */
const trackers = new WeakMap<Page, { quiet(ms: number): Promise<void> }>();
function inFlight(page: Page) {
  let tracker = trackers.get(page);
  if (!tracker) {
    const open = new Set<Request>();
    let since = performance.now();
    const done = (request: Request) => {
      open.delete(request);
      since = performance.now();
    };
    page.on('request', (request) => open.add(request));
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    tracker = {
      async quiet(ms: number) {
        const until = performance.now() + 30_000;
        while ((open.size > 0 || performance.now() - since < ms) && performance.now() < until)
          await new Promise((r) => setTimeout(r, 25));
      },
    };
    trackers.set(page, tracker);
  }
  return tracker;
}

describe('accessibility (axe-core)', () => {
  const rig = useBrowserRig();
  let documentId = 0;

  beforeAll(async () => {
    const area = { provinceCode: '20', districtCode: '186', communeCodes: [COMMUNE], today: DEMO_AS_OF };
    for (const feature of features()) await feature.demo?.(rig.server.db, area);
    const district = await login(rig.server.base, 'demo.huyen');
    const text = (await import('node:fs')).readFileSync(SEED_000, 'utf8');
    const parsed = await (
      await call(rig.server.base, district, 'POST', '/api/directives/parse', { text })
    ).json();
    const body = { unitCode: '186', direction: 'outgoing', document: parsed, originalText: text };
    const registered = await call(rig.server.base, district, 'POST', '/api/documents', body);
    documentId = ((await registered.json()) as { document: { id: number } }).document.id;
  }, 180_000);

  /** Logged in, with scripts injected past the CSP (axe is a test tool, not part of the app). */
  async function loggedIn(username: string) {
    const context = await rig.browser.newContext({ viewport: PHONE, locale: 'vi-VN', bypassCSP: true });
    const page = await context.newPage();
    inFlight(page);
    await page.goto(`${rig.server.base}/login`);
    await page.getByLabel(/Tên đăng nhập/).fill(username);
    await page.getByLabel(/Mật khẩu/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.waitForURL(/\/areas\//);
    return page;
  }

  /** The navigation's entries (the menu as the user sees it). */
  async function navPaths(page: Page): Promise<string[]> {
    await page.locator('#main-nav a[href]').first().waitFor({ state: 'attached' });
    const hrefs = await page
      .locator('#main-nav a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return [...new Set(hrefs)];
  }

  const BUSY = '.loading, .stale';

  /**
   * Opens the page and waits until it has settled: no request in flight for a moment, no loading indicator
   * and no list shown faded while it refetches. The first page of a tab is loaded by address and gets axe-core; the next ones are reached as
   * a user reaches them, inside the app (its router follows the address), so the app and axe-core are not
   * loaded and compiled again for every page.
   */
  async function open(page: Page, path: string) {
    const requests = inFlight(page);
    const hasAxe = await page.evaluate(() => 'axe' in window).catch(() => false);
    if (hasAxe)
      await page.evaluate((to) => {
        window.history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }, path);
    else await page.goto(`${rig.server.base}${path}`);
    for (let round = 0; ; round++) {
      // Two frames: the router's render is committed and its effects (the page's requests) have started.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      await requests.quiet(150);
      // A list refetching shows its previous rows faded (`.stale`): axe would judge the fade's contrast.
      if ((await page.locator(BUSY).count()) === 0 || round >= 3) break;
      await page
        .locator(BUSY)
        .first()
        .waitFor({ state: 'detached', timeout: 15_000 })
        .catch(() => undefined);
    }
    if (!hasAxe) await page.addScriptTag({ path: AXE });
  }

  /** The serious and critical findings on a page, once it has settled. */
  async function findings(page: Page, path: string): Promise<string[]> {
    await open(page, path);
    const found = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(context: Document, options: object): Promise<{ violations: Finding[] }> };
        }
      ).axe;
      // Only the violations are read: axe then skips the details of what passed (its documented speed-up).
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    });
    return found
      .filter((f) => f.impact === 'serious' || f.impact === 'critical')
      .map(
        (f) =>
          `${path}: ${f.id} (${f.impact}) ${f.help} — ${f.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
  }

  async function audit(username: string, below: (page: Page) => Promise<string[]>) {
    const page = await loggedIn(username);
    const paths = [...new Set([...(await navPaths(page)), ...(await below(page))])];
    const all: string[] = [];
    for (const path of paths) all.push(...(await findings(page, path)));
    console.log(`${username}: ${paths.length} pages, ${all.length} serious or critical findings`);
    return all;
  }

  it('the login page meets no serious or critical finding', async () => {
    const context = await rig.browser.newContext({ viewport: PHONE, locale: 'vi-VN', bypassCSP: true });
    expect(await findings(await context.newPage(), '/login')).toEqual([]);
  });

  it('a district user meets no serious or critical finding', async () => {
    const found = await audit('demo.huyen', async () => [
      '/directives?view=incoming',
      '/directives?view=outgoing',
      '/directives/new',
      `/directives/documents/${documentId}`,
      '/directives/compliance',
      '/directives/steering',
      '/vaccination/targets',
      '/vaccination/sessions',
      `/vaccination/worklist?unit=${COMMUNE}`,
      '/vaccination/import',
      '/reports/weekly',
      `/reports/directive?document=${documentId}`,
      '/reports/archive',
      `/areas/${COMMUNE}`,
      `/persons?commune=${COMMUNE}`,
      '/persons/imports',
      '/persons/duplicates',
      `/persons/print?commune=${COMMUNE}`,
      '/not-a-page',
    ]);
    expect(found).toEqual([]);
  }, 240_000);

  it('the administrator meets no serious or critical finding', async () => {
    expect(
      await audit('demo.quantri', async () => ['/admin/users', '/risk-levels/rule-sets', '/risk-levels/map']),
    ).toEqual([]);
  }, 240_000);

  it('a commune user meets no serious or critical finding', async () => {
    const found = await audit(`demo.xa.${COMMUNE}`, async () => {
      const commune = await login(rig.server.base, `demo.xa.${COMMUNE}`);
      const inbox = await (await call(rig.server.base, commune, 'GET', '/api/tasks/inbox')).json();
      const persons = await (
        await call(rig.server.base, commune, 'GET', `/api/persons?commune=${COMMUNE}`)
      ).json();
      // A case of the commune, with its personal link: the patient's page (no account) is audited too.
      const patient = persons.persons[0];
      const c = await call(rig.server.base, commune, 'POST', '/api/cases', {
        personId: patient.id,
        sampleDate: DEMO_AS_OF,
        testKind: 'rapidAntigen',
        placeOfCare: 'home',
      });
      const link = await call(
        rig.server.base,
        commune,
        'POST',
        `/api/cases/${(await c.json()).id}/check-link`,
      );
      return [
        (await link.json()).path,
        `/directives/tasks/${inbox.tasks[0].id}`,
        '/vaccination/worklist',
        '/vaccination/worklist?list=overdue',
        '/vaccination/sessions',
        `/persons/${persons.persons[0].id}`,
        '/persons/import',
        '/profile',
      ];
    });
    expect(found).toEqual([]);
  }, 240_000);
});
