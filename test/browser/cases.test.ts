import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { quarantinePlan } from '../../src/features/cases/rules/quarantine.ts';
import { isoDateToText } from '../../src/web/format.ts';
import { PHONE, tapCounter, useBrowserRig } from '../support/browser.ts';
import { call, importResidents, login } from '../support/http.ts';

/**
 * Journey 4 on a 360-px phone, each step counted in taps (≤ 6): the commune health station records a case
 * (its personal link is issued with it) and lists a household contact; the patient opens the link with no
 * account and sends SpO2 94; the station's page shows the escalation and handles it in one tap. The bytes of
 * the /cases page's API answers are printed.
 */
const COMMUNE = '06400';
const WORKER = 'tram.yte.06400';
const PASSWORD = 'Trạm y tế Nà Hoa, tháng giêng 2022';

describe('journey 4: a new F0 in the village', () => {
  const rig = useBrowserRig();
  let linkUrl = '';

  beforeAll(async () => {
    const admin = await login(rig.server.base, 'demo.quantri');
    const user = { username: WORKER, displayName: 'Chị Hoa', password: PASSWORD, role: 'healthWorker' };
    const created = await call(rig.server.base, admin, 'POST', '/api/users', { ...user, unitCode: COMMUNE });
    expect(created.status).toBe(201);
    const commune = await login(rig.server.base, `demo.xa.${COMMUNE}`);
    const imported = await importResidents(rig.server.base, commune, COMMUNE, [
      'Họ và tên;Ngày sinh;Giới tính;Số điện thoại;Thôn',
      'Hoàng Văn Minh;12/05/1968;Nam;0912345678;Thôn Nà Hoa',
      'Hoàng Thị Lan;20/10/1970;Nữ;;Thôn Nà Hoa',
    ]);
    expect(imported).toBe(2);
  }, 120_000);

  /** The health worker, logged in on the home page, then on /cases through the menu (2 taps). */
  async function openCases() {
    const page = await rig.submitLogin(WORKER, PASSWORD, PHONE);
    await page.waitForURL(/\/areas\//);
    const taps = await tapCounter(page);
    // What the page's data costs on a slow link: its API answers, as sent (before compression).
    const bytes: Record<string, number> = {};
    page.on('response', async (r) => {
      const path = new URL(r.url()).pathname;
      if (r.request().method() === 'GET' && /^\/api\/(cases|escalations)/.test(path))
        // A refetch still in flight when the test closes its page has no body to measure.
        bytes[path] = Math.max(bytes[path] ?? 0, (await r.body().catch(() => Buffer.alloc(0))).length);
    });
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#main-nav').getByRole('link', { name: 'F0 / F1' }).click();
    await page.waitForURL(/\/cases$/);
    return { page, taps, bytes };
  }

  async function findPerson(page: Page, name: string) {
    await page.getByTestId('person-search').fill(name);
    await page.getByTestId('person-search-button').click();
    await expect.poll(() => page.getByTestId('picked-person').textContent()).toContain(name);
  }

  it('the station records the case and its link is issued with it; a household contact gets its quarantine', async () => {
    const { page, taps } = await openCases();
    await page.getByTestId('new-case-open').click();
    await findPerson(page, 'Hoàng Văn Minh');
    await page.getByTestId('new-case-save').click();
    linkUrl = await page.getByTestId('check-link-url').inputValue();
    expect(linkUrl).toMatch(/\/theo-doi\/[\w-]{20,}$/);
    await expect.poll(() => page.getByRole('img', { name: /Mã QR/ }).count()).toBe(1);
    console.log(`journey 4, record the case and issue its link: ${taps()} taps`);
    expect(taps()).toBeLessThanOrEqual(6);

    const before = taps();
    await page.getByTestId('new-case').getByTestId('case-action-contact').click();
    await findPerson(page, 'Hoàng Thị Lan');
    await page.getByTestId('contact-save').click();
    const plan = page.getByTestId('contact-plan');
    // The order the rules give a contact with no vaccination nor recovery, exposed today (the form's default).
    const { today } = (await (await fetch(`${rig.server.base}/api/calendar`)).json()) as { today: string };
    const expected = quarantinePlan({ exposureDate: today, fullyVaccinatedOn: null, recoveredOn: null })!;
    await expect
      .poll(() => plan.textContent())
      .toContain(`Cách ly đến hết ngày ${isoDateToText(expected.quarantineEndsOn)}`);
    const text = await plan.textContent();
    expect(text).toContain(`Xét nghiệm ngày ${expected.testDates.map(isoDateToText).join(', ')}`);
    expect(text).toContain(expected.ruleSet.name);
    expect(await plan.getByTestId('plan-provisional').count()).toBe(expected.ruleSet.provisional ? 1 : 0);
    console.log(`journey 4, list a household contact: ${taps() - before} taps`);
    expect(taps() - before).toBeLessThanOrEqual(6);
  }, 60_000);

  it('the patient opens the link without an account and sends SpO2 94: warning sign 3 and "Gọi 115"', async () => {
    const page = await (await rig.browser.newContext({ viewport: PHONE, locale: 'vi-VN' })).newPage();
    await page.goto(linkUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Chào Minh');
    const taps = await tapCounter(page);
    await page.getByTestId('check-spo2').fill('94');
    await page.getByTestId('check-send').click();
    await expect.poll(() => page.getByTestId('check-warnings').textContent()).toContain('3. SpO2 giảm');
    expect(await page.getByTestId('call-115').getAttribute('href')).toBe('tel:115');
    console.log(`journey 4, the patient's check: ${taps()} taps`);
    expect(taps()).toBeLessThanOrEqual(6);
  }, 30_000);

  it("the commune's page shows the escalation first, and it is handled in one tap", async () => {
    const { page, taps, bytes } = await openCases();
    const escalation = page.getByTestId('escalation').filter({ hasText: 'Hoàng Văn Minh' });
    await expect.poll(() => escalation.textContent()).toContain('3. SpO2 giảm');
    expect(await escalation.getByRole('link', { name: /0912345678/ }).getAttribute('href')).toBe(
      'tel:0912345678',
    );
    await escalation.getByTestId('escalation-handle').click();
    await expect.poll(() => escalation.count()).toBe(0);
    console.log(`journey 4, the station acts on the warning: ${taps()} taps`);
    expect(taps()).toBeLessThanOrEqual(6);

    console.log(`/cases API answers (bytes): ${JSON.stringify(bytes)}`);
    expect(Object.values(bytes).reduce((a, b) => a + b, 0)).toBeLessThan(50_000);
  }, 60_000);
});
