import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserRig } from '../support/browser.ts';

/**
 * Journeys 1 and 2 in real headless Chromium (Debian's), against the real server and web app: the district
 * pastes seed 000, reviews what was understood and saves it; a commune officer on a phone finds the task in
 * the inbox, acknowledges it and reports it done; the district sees the compliance change and accepts.
 */
const SEED_000 = new URL('../fixtures/letters/000_0cc6a49cf5414292.txt', import.meta.url);

describe('directives in Chromium', () => {
  const rig = useBrowserRig();
  const loginAs = (username: string, viewport = { width: 1280, height: 900 }) =>
    rig.loginAs(username, viewport);

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  /** The counts of one unit's row on the compliance page, by class. */
  async function complianceOf(page: Page, unitName: string) {
    await page.goto(`${rig.server.base}/directives/compliance`);
    const row = page.getByTestId('compliance-row').filter({ hasText: unitName });
    await expect.poll(() => row.count()).toBe(1);
    const count = async (name: string) => Number(await row.getByTestId(`count-${name}`).textContent());
    return {
      notStarted: await count('notStarted'),
      inProgress: await count('inProgress'),
      reportedDone: await count('reportedDone'),
      doneOnTime: await count('doneOnTime'),
    };
  }

  it('district registers seed 000, a commune reports its task done, the district sees it and accepts', async () => {
    const [district, commune] = await Promise.all([loginAs('demo.huyen'), loginAs('demo.xa.06400', PHONE)]);

    // Journey 1: paste, analyse, review (the text beside what was understood), save as an outgoing letter.
    await district.getByRole('link', { name: 'Văn bản chỉ đạo' }).click();
    await district.waitForURL(/\/directives$/);
    await district.goto(`${rig.server.base}/directives/new`);
    await district.getByTestId('letter-text').fill(fs.readFileSync(SEED_000, 'utf8'));
    await district.getByTestId('parse-button').click();
    await expect.poll(() => district.getByTestId('review-task').count(), { timeout: 10_000 }).toBe(3);
    expect(await district.locator('#doc-symbol').inputValue()).toBe('UBND-VP');
    expect(await district.locator('#doc-issuer').inputValue()).toBe('Ủy ban nhân dân huyện Hữu Lũng');
    expect(await district.getByTestId('direction-outgoing').isChecked()).toBe(true);
    // The preview: item 1 goes to the 24 communes and to names that match no unit, flagged in amber.
    await expect
      .poll(() => district.getByTestId('preview-summary').textContent(), { timeout: 10_000 })
      .toContain('Sẽ giao 53 nhiệm vụ');
    expect(await district.getByTestId('unresolved-summary').textContent()).toContain('chưa xác định');
    await district.getByTestId('save-document').click();
    await district.waitForURL(/\/directives\/documents\/\d+$/, { timeout: 10_000 });
    expect(await district.getByTestId('document-head').textContent()).toContain('Công văn …/UBND-VP');
    expect(await complianceOf(district, 'Xã Yên Thịnh')).toMatchObject({ notStarted: 2, inProgress: 0 });

    // Journey 2, on a 360-px phone: the inbox counts the new tasks; open one, acknowledge, report it done.
    await commune.getByRole('button', { name: 'Menu' }).click();
    await commune.getByRole('link', { name: 'Văn bản chỉ đạo' }).click();
    await commune.waitForURL(/\/directives$/);
    await expect.poll(() => commune.getByTestId('inbox-task').count()).toBe(2);
    expect(await commune.getByTestId('new-count').textContent()).toBe('2 việc mới');
    expect(await noSideScroll(commune)).toBeLessThanOrEqual(PHONE.width);
    await commune.getByTestId('inbox-task').first().getByRole('link').click();
    await commune.waitForURL(/\/directives\/tasks\/\d+$/);
    const taskUrl = commune.url();
    await commune.getByTestId('task-action-acknowledge').click();
    await expect.poll(() => commune.getByTestId('task-card').getAttribute('data-state')).toBe('acknowledged');
    await commune.getByTestId('task-action-reportDone').click();
    await commune.getByTestId('report-text').fill('Đã họp triển khai với các thôn, có biên bản kèm theo.');
    await commune.getByTestId('report-submit').click();
    await expect.poll(() => commune.getByTestId('task-card').getAttribute('data-state')).toBe('reportedDone');
    expect(await commune.getByTestId('task-report').first().textContent()).toContain('Đã họp triển khai');
    expect(await noSideScroll(commune)).toBeLessThanOrEqual(PHONE.width);

    // The district sees the commune's row move, accepts the report, and sees it done on time.
    expect(await complianceOf(district, 'Xã Yên Thịnh')).toMatchObject({
      notStarted: 1,
      inProgress: 1,
      reportedDone: 1,
      doneOnTime: 0,
    });
    await district.goto(taskUrl);
    await district.getByTestId('task-action-accept').click();
    await expect.poll(() => district.getByTestId('task-card').getAttribute('data-state')).toBe('accepted');
    expect(await complianceOf(district, 'Xã Yên Thịnh')).toMatchObject({ inProgress: 0, doneOnTime: 1 });
  }, 40_000);
});
