import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStoredToday } from '../../src/core/dates.ts';
import { applyDatabaseCalendar } from '../../src/db/calendar.ts';
import { LEVEL_COLOURS } from '../../src/features/risk-levels/rules/rule-sets.ts';
import { PROVISIONAL_OUTLINE } from '../../src/features/risk-levels/rules/topology.ts';
import { PHONE, tapCounter, useBrowserRig } from '../support/browser.ts';

/** rules.md §1.1: level 3 is "Cam (orange)"; the badges and the map draw it #f07c00. */
const ORANGE = 'rgb(240, 124, 0)';

/**
 * Journey 5 in Chromium on a 360-px phone: the district announces level 3 for a commune with its decision
 * (number and date); the map's week slider shows that week with the commune's marker orange; the commune sees
 * its level on its home page, why one tap further, and the level's checklist tasks in its inbox.
 */
describe('risk levels in Chromium', () => {
  const rig = useBrowserRig();
  // The demo's calendar: today is its as-of day, Saturday 15/01/2022.
  beforeAll(() => applyDatabaseCalendar(rig.server.app.db));
  afterAll(() => setStoredToday(null));

  it('the district announces level 3, the map turns orange, the commune gets its tasks', async () => {
    expect(LEVEL_COLOURS[3]).toBe('orange');
    const district = await rig.loginAs('demo.huyen', PHONE);
    // The week closed last Sunday (the demo's as-of day is Saturday 15/01/2022): 2022-W01.
    // Journey 5: the week's assessment of every commune (level, cases per 100,000, coverage, capacity), then one.
    await district.goto(`${rig.server.base}/risk-levels?unit=186&week=2022-W01`);
    const row = district.locator('.risk-table tr[data-unit="06385"]');
    await row.waitFor();
    expect(await district.locator('.risk-table tbody tr').count()).toBeGreaterThan(20);
    await row.getByRole('button').click();
    await district.getByText('Vì sao cấp độ này').waitFor();
    await district.locator('select[name="level"]').selectOption('3');
    await district.locator('input[name="decisionDate"]').fill('2022-01-10');
    await district.locator('input[name="announcedBy"]').fill('Chủ tịch UBND huyện Hữu Lũng');
    await district.locator('input[name="reason"]').fill('Ổ dịch tại chợ thị trấn');
    // Without its decision number the announcement is refused.
    await district.getByRole('button', { name: 'Công bố' }).click();
    await district.locator('.risk-announce [role="alert"]').waitFor();
    await district.locator('input[name="decisionNumber"]').fill('12/QĐ-UBND');
    await district.getByRole('button', { name: 'Công bố' }).click();
    await district.getByRole('status').filter({ hasText: '12/QĐ-UBND' }).waitFor();
    const badge = district.locator('#risk-own .risk-badge').first();
    await expect.poll(() => badge.getAttribute('data-level')).toBe('3');
    expect(await badge.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(ORANGE);

    // The map opens on the as-of week (2022-W02); one step back on the slider is the announced week.
    await district.goto(`${rig.server.base}/risk-levels/map?unit=186`);
    const slider = district.locator('input[type="range"][name="week"]');
    await district.locator('.risk-map path[data-code="186"]').waitFor();
    // Its level rests on 4800's provisional bands: a dashed outline, which the legend explains ("tạm tính").
    expect(await district.locator('.risk-map path[data-code="186"]').getAttribute('stroke-dasharray')).toBe(
      PROVISIONAL_OUTLINE.dash,
    );
    expect(await district.locator('[data-legend="provisional"]').textContent()).toContain('tạm tính');
    expect(await slider.getAttribute('aria-valuetext')).toContain('Tuần 02/2022 (10/01/2022');
    await slider.focus();
    await district.keyboard.press('ArrowLeft');
    await district.locator('output').filter({ hasText: 'Tuần 01/2022' }).waitFor();
    const marker = district.locator('li[data-commune="06385"]');
    await expect.poll(() => marker.getAttribute('data-level')).toBe('3');
    expect(await marker.locator('.risk-dot').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      ORANGE,
    );
    // Districts outside the user's jurisdiction are grey; the page fits the phone.
    expect(await district.locator('.risk-map path[data-code="187"]').getAttribute('fill')).toBe('#ccc');
    expect(await district.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width + 1,
    );
    // Printed, the controls are gone and the map stays.
    await district.emulateMedia({ media: 'print' });
    expect(await slider.isVisible()).toBe(false);
    expect(await district.locator('.risk-map svg').isVisible()).toBe(true);
    await district.context().close();

    // The commune: its level on its home page, why one tap away, the checklist in its inbox.
    const commune = await rig.loginAs('demo.xa.06385', PHONE);
    const taps = await tapCounter(commune);
    const card = commune.getByTestId('home-risk-level');
    await expect.poll(() => card.locator('.risk-badge').first().getAttribute('data-level')).toBe('3');
    await card.getByRole('link', { name: 'Xem vì sao và biện pháp' }).click();
    await commune.getByText('Vì sao cấp độ này').waitFor();
    await commune.getByText('Quyết định 4800/QĐ-BYT', { exact: false }).first().waitFor();
    expect(await commune.getByText('Tiêu chí 1', { exact: false }).count()).toBeGreaterThan(0);
    expect(taps()).toBeLessThanOrEqual(2);
    expect(await commune.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width + 1,
    );
    await commune.goto(`${rig.server.base}/directives`);
    await commune
      .getByText(/^Cấp độ 3 — /)
      .first()
      .waitFor();
    await commune.context().close();
  }, 90_000);

  it('the province copies 218 as its own set and revises its severe-case raise, refused when negative', async () => {
    const admin = await rig.loginAs('demo.quantri', { width: 1280, height: 900 });
    await admin.goto(`${rig.server.base}/risk-levels/rule-sets`);
    await admin.locator('li[data-set="QD-218-BYT"] button').click();
    // The national set is the country's to revise: its raises show, the province may only copy it.
    await admin.locator('[data-raise="severeCases"]').waitFor();
    expect(await admin.locator('input[name="severeCases.raiseAt"]').isDisabled()).toBe(true);
    await admin.locator('input[name="copyNumber"]').fill('15/QĐ-UBND');
    await admin.getByRole('button', { name: 'Tạo bộ của tỉnh' }).click();
    await admin.locator('li[data-set="20-QD-218-BYT"] button').click();
    const severe = admin.locator('input[name="severeCases.raiseAt"]');
    await expect.poll(() => severe.inputValue()).toBe('5');
    expect(await admin.locator('input[name="severity.raiseAt"]').inputValue()).toBe('1');
    await admin.locator('input[name="documentNumber"]').fill('16/QĐ-UBND');
    await severe.fill('-1');
    await admin.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await admin.locator('[data-field="severeCases.raiseAt"]').waitFor();
    await severe.fill('7,5');
    await admin.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await admin.getByRole('status').filter({ hasText: 'Đã lưu phiên bản 2' }).waitFor();
    const saved = await admin.evaluate(async () => {
      const answer = await (await fetch('/api/risk-levels/rule-sets')).json();
      return answer.ruleSets.find((s: { id: string }) => s.id === '20-QD-218-BYT');
    });
    expect(saved).toMatchObject({
      version: 2,
      severeCases: { raiseAt: 7.5, provisional: true },
      severity: { raiseAt: 1 },
    });
    await admin.context().close();
  }, 60_000);
});
