import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserRig } from '../support/browser.ts';

/**
 * Journey 5 in Chromium: the district opens the week's levels and why, announces level 3 (orange) for a
 * commune with its decision; the commune sees its level and why on the phone.
 */
describe('risk levels in Chromium', () => {
  const rig = useBrowserRig();

  it('the district announces level 3 for a commune, and it turns orange', async () => {
    const page = await rig.loginAs('demo.huyen', { width: 1280, height: 900 });
    await page.goto(`${rig.server.base}/risk-levels?unit=186&week=2022-W02`);
    await page.locator('tr[data-unit="06385"]').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(24);
    await page.locator('tr[data-unit="06385"] button').click();
    await page.getByText('Vì sao cấp độ này').waitFor();
    await page.locator('select[name="level"]').selectOption('3');
    await page.locator('input[name="decisionNumber"]').fill('12/QĐ-UBND');
    await page.locator('input[name="decisionDate"]').fill('2022-01-17');
    await page.locator('input[name="announcedBy"]').fill('Chủ tịch UBND huyện Hữu Lũng');
    await page.getByRole('button', { name: 'Công bố' }).click();
    // The proposal is level 1: without a reason the server names the field.
    await page.getByRole('alert').waitFor();
    await page.locator('input[name="reason"]').fill('Ổ dịch tại chợ thị trấn');
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByRole('status').filter({ hasText: '12/QĐ-UBND' }).waitFor();
    const badge = page.locator('#risk-own .risk-badge').first();
    await expect.poll(() => badge.getAttribute('data-level')).toBe('3');
    expect(await badge.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(240, 124, 0)');

    // The district's own level, announced as 3: the province map turns it orange.
    await page.goto(`${rig.server.base}/risk-levels?unit=186&week=2022-W02`);
    const shape = page.locator('.risk-map path[data-code="186"]');
    await shape.waitFor();
    await page.locator('select[name="level"]').selectOption('3');
    await page.locator('input[name="decisionNumber"]').fill('13/QĐ-UBND');
    await page.locator('input[name="decisionDate"]').fill('2022-01-17');
    await page.locator('input[name="announcedBy"]').fill('Chủ tịch UBND huyện Hữu Lũng');
    await page.locator('input[name="reason"]').fill('Hai xã có ổ dịch');
    await page.getByRole('button', { name: 'Công bố' }).click();
    await expect.poll(() => shape.getAttribute('fill')).toBe('#f07c00');
    expect(await page.locator('.risk-map path[data-code="187"]').getAttribute('fill')).toBe('#ccc');
    await page.context().close();
  }, 60_000);

  it('the commune sees its level and why on the phone', async () => {
    const page = await rig.loginAs('demo.xa.06385', PHONE);
    await page.goto(`${rig.server.base}/risk-levels?week=2022-W02`);
    await page.getByText('Vì sao cấp độ này').waitFor();
    await page.getByText('Quyết định 4800/QĐ-BYT', { exact: false }).first().waitFor();
    expect(await page.locator('#risk-own .risk-badge').first().getAttribute('data-level')).toBe('3');
    expect(await page.getByText('Tiêu chí 1:', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width + 1,
    );
    await page.context().close();
  }, 60_000);
});
