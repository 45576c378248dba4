import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
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

  it('switches to English', async () => {
    const page = await loginAs('demo.tinh');
    await expect.poll(() => page.getByTestId('area-title').textContent()).toContain('Tỉnh Lạng Sơn');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByText('Areas').first().isVisible()).toBe(true);
    await page.goto(`${rig.server.base}/areas/01`);
    await expect.poll(() => page.getByTestId('no-access').textContent()).toContain('No access');
  });
});
