import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setStoredToday } from '../../src/core/dates.ts';
import { applyDatabaseCalendar } from '../../src/db/calendar.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { PHONE, useBrowserRig } from '../support/browser.ts';

/** The foundation's journeys in real headless Chromium (Debian's), against the real server and web app. */
describe('web app in Chromium', () => {
  const rig = useBrowserRig();
  const loginAs = (username: string, password = DEMO_PASSWORD, viewport = { width: 1280, height: 800 }) =>
    rig.submitLogin(username, password, viewport);

  it('a commune user sees only its commune, and gets "no access" on another commune\'s URL', async () => {
    const page = await loginAs('demo.xa.06400', DEMO_PASSWORD, PHONE);
    await expect.poll(() => page.getByTestId('area-title').textContent()).toContain('Xã Yên Thịnh');
    expect(page.url()).toMatch(/\/areas\/06400$/);
    expect(await page.getByTestId('child-row').count()).toBe(0);
    expect(await page.getByTestId('village-row').count()).toBeGreaterThanOrEqual(5);
    // Usable on a 360-px phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.goto(`${rig.server.base}/areas/06403`);
    await expect.poll(() => page.getByTestId('no-access').isVisible()).toBe(true);
    expect(await page.getByTestId('no-access').textContent()).toContain('Không có quyền truy cập');
    await page.goto(`${rig.server.base}/areas/186`);
    await expect.poll(() => page.getByTestId('no-access').isVisible()).toBe(true);
  });

  it('a district user sees all 24 communes of Hữu Lũng', async () => {
    const page = await loginAs('demo.huyen');
    await expect.poll(() => page.getByTestId('area-title').textContent()).toContain('Huyện Hữu Lũng');
    await expect.poll(() => page.getByTestId('child-row').count()).toBe(24);
    expect(await page.getByText('Xã Yên Thịnh').count()).toBeGreaterThan(0);
    fs.mkdirSync(new URL('../../docs/screenshots/', import.meta.url), { recursive: true });
    await page.screenshot({
      path: new URL('../../docs/screenshots/area.png', import.meta.url).pathname,
      fullPage: false,
    });
    await page.getByText('Xã Yên Thịnh').first().click();
    await expect.poll(() => page.getByTestId('area-title').textContent()).toContain('Xã Yên Thịnh');
  });

  it('a wrong password shows a clear error', async () => {
    const page = await loginAs('demo.huyen', 'not-the-password');
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('Sai tên đăng nhập hoặc mật khẩu');
    expect(page.url()).toMatch(/\/login$/);
  });

  it("shows a demo's as-of day on every page, the login page too, and none on the real calendar", async () => {
    const banner = 'Dữ liệu minh hoạ — ngày tham chiếu 15/01/2022';
    try {
      await applyDatabaseCalendar(rig.server.app.db);
      const page = await loginAs('demo.ttyt');
      await expect.poll(() => page.getByTestId('calendar-banner').textContent()).toBe(banner);
      await page.goto(`${rig.server.base}/vaccination/targets`);
      await expect.poll(() => page.getByTestId('calendar-banner').textContent()).toBe(banner);
      const anonymous = await (await rig.browser.newContext()).newPage();
      await anonymous.goto(`${rig.server.base}/login`);
      await expect.poll(() => anonymous.getByTestId('calendar-banner').textContent()).toBe(banner);
    } finally {
      setStoredToday(null);
    }
    const page = await loginAs('demo.huyen');
    await expect.poll(() => page.getByTestId('area-title').textContent()).toContain('Huyện Hữu Lũng');
    expect(await page.getByTestId('calendar-banner').count()).toBe(0);
  });

  it('switches to English', async () => {
    const page = await loginAs('demo.tinh');
    await expect.poll(() => page.getByTestId('area-title').textContent()).toContain('Tỉnh Lạng Sơn');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByText('Areas').first().isVisible()).toBe(true);
    await page.goto(`${rig.server.base}/areas/01`);
    await expect.poll(() => page.getByTestId('no-access').textContent()).toContain('No access');
  });
});
