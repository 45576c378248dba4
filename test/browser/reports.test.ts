import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserRig } from '../support/browser.ts';

const DAY = '2022-01-14';

/**
 * Journeys 9 and 6 in Chromium on a phone: a commune adds its comment, corrects a number with its reason, signs
 * off and submits its daily report; the district's leader opens the situation room (painted by the server, then
 * the app), finds the commune no longer among the missing and its numbers in the units below, and the number
 * opens the list behind it.
 */
describe('daily report and situation room in Chromium', () => {
  const rig = useBrowserRig();

  it('a commune submits its daily report on a 360-px phone; the district sees it in the situation room', async () => {
    const page = await rig.loginAs('demo.xa.06385', PHONE);
    await page.goto(`${rig.server.base}/reports/daily?date=${DAY}`);
    const tests = page.locator('tr[data-field="testsDone"]');
    await tests.waitFor();
    await tests.getByRole('button', { name: 'Điều chỉnh' }).click();
    await tests.locator('input[name="value"]').fill('12');
    await tests.locator('input[name="reason"]').fill('Trạm y tế nhập trùng mẫu');
    await tests.getByRole('button', { name: 'Lưu' }).click();
    await tests.getByText('Trạm y tế nhập trùng mẫu', { exact: false }).waitFor();
    await page.getByLabel('Nhận định tình hình').fill('Ổn định, không có ca mới trong cộng đồng.');
    await page.getByRole('button', { name: 'Lưu nội dung' }).click();
    await page.getByRole('button', { name: 'Ký duyệt' }).waitFor();
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
      .where('period', '=', DAY)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      state: 'submitted',
      signed_by_name: 'demo.xa.06385',
      submitted_by_name: 'demo.xa.06385',
    });
    await page.context().close();

    // Journey 6: the district's leader on the situation room of that day.
    const db = rig.server.app.db.db;
    const communes = await db
      .selectFrom('admin_units')
      .select(['code', 'name_with_type'])
      .where('parent_code', '=', '186')
      .execute();
    const submitted = await db
      .selectFrom('reports')
      .select('unit_code')
      .distinct()
      .where('form', '=', 'daily')
      .where('period', '=', DAY)
      .where('state', '=', 'submitted')
      .where('district_code', '=', '186')
      .where('unit_code', '<>', '186')
      .execute();
    const leader = await rig.loginAs('demo.huyen', PHONE);
    await leader.goto(`${rig.server.base}/situation-room?date=${DAY}`);
    const missing = leader.locator('[data-tile="reportsMissing"] .tile-value');
    await missing.waitFor();
    expect(await missing.textContent()).toBe(String(communes.length - submitted.length));
    const summary = await leader.evaluate(
      async (day) => (await fetch(`/api/situation-room?date=${day}`)).json(),
      DAY,
    );
    const commune = summary.below.find((u: { code: string }) => u.code === '06385');
    const row = leader.locator('tr', { has: leader.locator('a[href*="unit=06385"]') });
    expect(await row.locator('td').first().textContent()).toBe(String(commune.newCases));
    // The app has taken over from the page the server painted: the number opens the reports behind it.
    await leader.locator('.topbar').waitFor();
    await leader.locator('[data-tile="reportsMissing"]').click();
    await leader.waitForURL(/\/reports\/daily\?unit=186/);
    const name = communes.find((c) => c.code === '06385')!.name_with_type;
    await leader.locator('.report-units li.ok', { hasText: name }).waitFor();
    expect(await leader.locator('.report-units li.missing', { hasText: name }).count()).toBe(0);
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width + 1,
    );
    await leader.context().close();
  }, 90_000);
});
