import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserRig } from '../support/browser.ts';

/** Journey 9 in Chromium on a phone: a commune corrects a number with its reason, signs off and submits. */
describe('daily report in Chromium', () => {
  const rig = useBrowserRig();

  it('a commune signs off and submits its daily report on a 360-px phone', async () => {
    const page = await rig.loginAs('demo.xa.06385', PHONE);
    await page.goto(`${rig.server.base}/reports/daily?date=2022-01-14`);
    const tests = page.locator('tr[data-field="testsDone"]');
    await tests.waitFor();
    await tests.getByRole('button', { name: 'Điều chỉnh' }).click();
    await tests.locator('input[name="value"]').fill('12');
    await tests.locator('input[name="reason"]').fill('Trạm y tế nhập trùng mẫu');
    await tests.getByRole('button', { name: 'Lưu' }).click();
    await tests.getByText('Trạm y tế nhập trùng mẫu', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Ký duyệt' }).click();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('.report-state[data-state="submitted"]').waitFor();
    expect(await tests.locator('strong').textContent()).toBe('12');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width + 1,
    );

    const stored = await rig.server.app.db.db
      .selectFrom('reports')
      .select(['state', 'signed_by_name', 'submitted_by_name'])
      .where('unit_code', '=', '06385')
      .where('period', '=', '2022-01-14')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      state: 'submitted',
      signed_by_name: 'demo.xa.06385',
      submitted_by_name: 'demo.xa.06385',
    });
    await page.context().close();
  }, 60_000);
});
