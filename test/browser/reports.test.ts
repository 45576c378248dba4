import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserRig } from '../support/browser.ts';

const DAY = '2022-01-14';

/**
 * Journeys 9 and 6 in Chromium on a phone, one report up the chain: a commune adds its comment, corrects a
 * number with its reason, signs off and submits its daily report; the district's officer opens the situation
 * room (painted by the server, then the app), finds the commune no longer among the missing, taps through to
 * the report, reminds the late commune, signs off and submits the district's roll-up; the province's leader
 * opens the province's situation room and finds Hữu Lũng's report counted. The taps of each role are printed.
 */
describe('daily report and situation room in Chromium', () => {
  const rig = useBrowserRig();
  const taps: Record<string, string[]> = {};
  /** A tap of a role's user, recorded for the printout. */
  const tap = async (role: string, target: Locator, label: string) => {
    await target.click();
    taps[role] = [...(taps[role] ?? []), label];
  };
  const fitsPhone = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width + 1,
    );

  it('a commune submits its daily report on a 360-px phone; the district rolls it up; the province sees it', async () => {
    const commune = 'commune (demo.xa.06385)';
    const page = await rig.loginAs('demo.xa.06385', PHONE);
    await page.goto(`${rig.server.base}/reports/daily?date=${DAY}`);
    const tests = page.locator('tr[data-field="testsDone"]');
    await tests.waitFor();
    await tap(commune, tests.getByRole('button', { name: 'Điều chỉnh' }), 'Điều chỉnh (số xét nghiệm)');
    await tests.locator('input[name="value"]').fill('12');
    await tests.locator('input[name="reason"]').fill('Trạm y tế nhập trùng mẫu');
    await tap(commune, tests.getByRole('button', { name: 'Lưu' }), 'Lưu');
    await tests.getByText('Trạm y tế nhập trùng mẫu', { exact: false }).waitFor();
    await page.getByLabel('Nhận định tình hình').fill('Ổn định, không có ca mới trong cộng đồng.');
    await tap(commune, page.getByRole('button', { name: 'Lưu nội dung' }), 'Lưu nội dung');
    await page.getByRole('button', { name: 'Ký duyệt' }).waitFor();
    await tap(commune, page.getByRole('button', { name: 'Ký duyệt' }), 'Ký duyệt');
    await tap(commune, page.getByRole('button', { name: 'Gửi báo cáo' }), 'Gửi báo cáo');
    await page.locator('.report-state[data-state="submitted"]').waitFor();
    expect(await tests.locator('strong').textContent()).toBe('12');
    await fitsPhone(page);

    const db = rig.server.app.db.db;
    const officer = await db
      .selectFrom('users')
      .select('display_name')
      .where('username', '=', 'demo.xa.06385')
      .executeTakeFirstOrThrow();
    const stored = await db
      .selectFrom('reports')
      .select(['state', 'signed_by_name', 'submitted_by_name'])
      .where('unit_code', '=', '06385')
      .where('period', '=', DAY)
      .executeTakeFirstOrThrow();
    // The account's display name is what the report (and its .docx) prints as signer.
    expect(stored).toEqual({
      state: 'submitted',
      signed_by_name: officer.display_name,
      submitted_by_name: officer.display_name,
    });
    await page.context().close();

    // Journey 9 at 17:05, then journey 6: the district's officer on the situation room of that day.
    const district = 'district (demo.huyen)';
    const communes = await db
      .selectFrom('admin_units')
      .select(['code', 'name_with_type'])
      .where('parent_code', '=', '186')
      .orderBy('code')
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
    const row06385 = summary.below.find((u: { code: string }) => u.code === '06385');
    const row = leader.locator('tr', { has: leader.locator('a[href*="unit=06385"]') });
    expect(await row.locator('td').first().textContent()).toBe(String(row06385.newCases));
    // The app has taken over from the page the server painted: the number opens the reports behind it.
    await leader.locator('.topbar').waitFor();
    await tap(district, leader.locator('[data-tile="reportsMissing"]'), 'ô "Báo cáo chưa gửi"');
    await leader.waitForURL(/\/reports\/daily\?unit=186/);
    const name = communes.find((c) => c.code === '06385')!.name_with_type;
    await leader.locator('.report-units li.ok', { hasText: name }).waitFor();
    expect(await leader.locator('.report-units li.missing', { hasText: name }).count()).toBe(0);
    // The demo's late commune has not sent that day's report: a reminder, then the district's own sign-off.
    const late = await leader.locator('.report-units li.missing').allTextContents();
    expect(late.length).toBeGreaterThan(0);
    await tap(district, leader.getByRole('button', { name: 'Nhắc các đơn vị chậm' }), 'Nhắc các đơn vị chậm');
    await leader.getByText(`Đã giao ${late.length} nhiệm vụ nhắc nhở.`).waitFor();
    await tap(district, leader.getByRole('button', { name: 'Ký duyệt' }), 'Ký duyệt');
    await tap(district, leader.getByRole('button', { name: 'Gửi báo cáo' }), 'Gửi báo cáo');
    await leader.locator('.report-state[data-state="submitted"]').waitFor();
    await fitsPhone(leader);
    await leader.context().close();
    const reminders = await db
      .selectFrom('tasks')
      .select('assignee_unit_code')
      .where('source_kind', '=', 'report')
      .where('source_ref', 'like', `daily:${DAY}:%`)
      .execute();
    expect(reminders.length).toBe(late.length);

    // Journey 6: the province's leader on the province's morning screen, on a phone.
    const province = 'province (demo.tinh)';
    const districts = await db
      .selectFrom('admin_units')
      .select('code')
      .where('parent_code', '=', '20')
      .execute();
    const chairman = await rig.loginAs('demo.tinh', PHONE);
    await chairman.goto(`${rig.server.base}/situation-room?date=${DAY}`);
    const provinceMissing = chairman.locator('[data-tile="reportsMissing"] .tile-value');
    await provinceMissing.waitFor();
    // No district had sent that day's report before Hữu Lũng: one fewer missing.
    expect(await provinceMissing.textContent()).toBe(String(districts.length - 1));
    await chairman.locator('.topbar').waitFor();
    await tap(province, chairman.locator('[data-tile="reportsMissing"]'), 'ô "Báo cáo chưa gửi"');
    await chairman.waitForURL(/\/reports\/daily\?unit=20/);
    await chairman.locator('.report-units li.ok', { hasText: 'Hữu Lũng' }).waitFor();
    expect(await chairman.locator('.report-units li.ok').count()).toBe(1);
    // The province's roll-up holds the district's, and so the commune's corrected tests.
    const rolled = await chairman.evaluate(
      async (day) => (await fetch(`/api/reports/daily?unit=20&date=${day}`)).json(),
      DAY,
    );
    const huuLung = rolled.rollUp.units.find((u: { code: string }) => u.code === '186');
    const districtReport = await db
      .selectFrom('reports')
      .select('roll_up')
      .where('unit_code', '=', '186')
      .where('period', '=', DAY)
      .where('state', '=', 'submitted')
      .executeTakeFirstOrThrow();
    expect(huuLung.values).toEqual(JSON.parse(districtReport.roll_up!).numbers);
    await fitsPhone(chairman);
    await chairman.context().close();

    for (const [role, list] of Object.entries(taps))
      console.log(`${role}: ${list.length} tap${list.length === 1 ? '' : 's'}: ${list.join(' → ')}`);
    expect(taps[commune]).toHaveLength(5);
  }, 120_000);
});
