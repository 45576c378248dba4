import { beforeAll, describe, expect, it } from 'vitest';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { PHONE, useBrowserRig } from '../support/browser.ts';
import { call, login } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

const WALL = { width: 1920, height: 1080 };
const DAY = '2022-01-15';

/**
 * Journey 6 in Chromium: the province's leader opens the situation room on a wall screen and on a phone; the
 * numbers are shown, a tile opens the list behind it, a district row opens the district's room. The first
 * load stays within the slow-link budget (300 kB on the wire; the time is measured by bench/situation-room.ts).
 */
describe('situation room in Chromium', () => {
  const rig = useBrowserRig();

  beforeAll(async () => {
    const [personId] = await insertPersonRows(rig.server.db, rig.server.db.db, [
      personRow(
        personInput({ fullName: 'Vi Văn Thắng', birthDate: '1975-03-02', birthYear: 1975, sex: 'male' }),
        { province_code: '20', district_code: '186', commune_code: '06385' },
        { now: new Date().toISOString() },
      ),
    ]);
    const district = await login(rig.server.base, 'demo.huyen');
    const res = await call(rig.server.base, district, 'POST', '/api/cases', {
      personId,
      sampleDate: DAY,
      testKind: 'rapidAntigen',
      placeOfCare: 'home',
    });
    expect(res.status).toBe(200);
  });

  it('on the wall screen: large numbers, the map, and a tile opens its list', async () => {
    const page = await rig.loginAs('demo.tinh', WALL);
    await page.goto(`${rig.server.base}/situation-room?unit=20&date=${DAY}&wall=1`);
    const tile = page.locator('[data-tile="newCases"]');
    await tile.waitFor();
    expect(await tile.locator('.tile-value').textContent()).toBe('1');
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    const size = await tile
      .locator('.tile-value')
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(48);
    expect(await page.locator('.risk-map path').count()).toBeGreaterThan(5);
    await tile.click();
    await page.waitForURL(/\/cases\?unit=20/);
    await page.getByText('Vi Văn Thắng').first().waitFor();
    await page.context().close();
  }, 60_000);

  it('on the phone: the numbers fit the width, a district row opens its room, within 300 kB', async () => {
    const context = await rig.browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
    const session = await login(rig.server.base, 'demo.tinh');
    await context.addCookies(
      session.cookie.split('; ').map((c) => {
        const [name, value] = c.split('=') as [string, string];
        return { name, value, url: rig.server.base };
      }),
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
    });
    await page.goto(`${rig.server.base}/situation-room?date=${DAY}`);
    await page.locator('[data-tile="underTreatment"] .tile-value').filter({ hasText: '1' }).waitFor();
    await page.locator('.risk-map').waitFor();
    console.log(`situation room first load: ${bytes} bytes on the wire`);
    expect(bytes).toBeLessThanOrEqual(300_000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width + 1,
    );
    await page.getByRole('link', { name: 'Huyện Hữu Lũng' }).click();
    await page.waitForURL(/unit=186/);
    await page.getByRole('heading', { name: /Huyện Hữu Lũng/ }).waitFor();
    await context.close();
  }, 60_000);
});
