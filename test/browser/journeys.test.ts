import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, tapCounter, useBrowserRig } from '../support/browser.ts';
import { call, importResidents, login } from '../support/http.ts';

/**
 * Journeys 2 and 3 on a 360-px phone, counted in taps from the home page the login opens: every click the
 * page receives is a tap (typing in a field is not); a file chosen is the tap on its field. Issue 14 wants
 * at most 6 each. The counts are printed.
 */
const COMMUNE = '06400';
const SEED_000 = fs.readFileSync(
  new URL('../fixtures/letters/000_0cc6a49cf5414292.txt', import.meta.url),
  'utf8',
);

describe('journeys in taps', () => {
  const rig = useBrowserRig('safeadapt-journeys-');

  beforeAll(async () => {
    // The district sends seed 000: its tasks reach the commune's inbox.
    const district = await login(rig.server.base, 'demo.huyen');
    const parsed = await (
      await call(rig.server.base, district, 'POST', '/api/directives/parse', { text: SEED_000 })
    ).json();
    const body = { unitCode: '186', direction: 'outgoing', document: parsed, originalText: SEED_000 };
    expect((await call(rig.server.base, district, 'POST', '/api/documents', body)).status).toBe(201);
    // Residents of Thôn Nà Hoa, none vaccinated: the worklist has them.
    const commune = await login(rig.server.base, `demo.xa.${COMMUNE}`);
    const imported = await importResidents(rig.server.base, commune, COMMUNE, [
      'Họ và tên;Ngày sinh;Giới tính;Số điện thoại;Thôn',
      'Hoàng Văn Minh;12/05/1968;Nam;0912345678;Thôn Nà Hoa',
      'Lương Thị Hoa;05/03/1990;Nữ;0987654321;Thôn Nà Hoa',
    ]);
    expect(imported).toBe(2);
  }, 120_000);

  it('journey 2: a commune acknowledges a new task and reports it done with a photo, in at most 6 taps', async () => {
    const page = await rig.loginAs(`demo.xa.${COMMUNE}`, PHONE);
    const taps = await tapCounter(page);

    await page.getByTestId('home-task').first().click();
    await page.waitForURL(/\/directives\/tasks\/\d+$/);
    await page.getByTestId('task-action-acknowledge').click();
    await expect.poll(() => page.getByTestId('task-card').getAttribute('data-state')).toBe('acknowledged');
    await page.getByTestId('task-action-reportDone').click();
    await page.getByTestId('report-text').fill('Đã họp triển khai với các thôn, có biên bản kèm theo.');
    const photo = path.join(rig.folder, 'bien-ban.png');
    fs.copyFileSync(new URL('../../docs/screenshots/area.png', import.meta.url), photo);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('report-file').click();
    await (await chooser).setFiles(photo);
    await page.getByTestId('report-submit').click();
    await expect
      .poll(() => page.getByTestId('task-card').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('reportedDone');

    console.log(`journey 2: ${taps()} taps`);
    expect(taps()).toBeLessThanOrEqual(6);
  }, 60_000);

  it('journey 3: the station opens a village worklist, records an outcome and prints, in at most 6 taps', async () => {
    const page = await rig.loginAs(`demo.xa.${COMMUNE}`, PHONE);
    const taps = await tapCounter(page);

    await page.getByTestId('home-worklist').getByRole('link', { name: 'Thôn Nà Hoa' }).click();
    await page.waitForURL(/\/vaccination\/worklist\?village=\d+$/);
    const row = page.getByTestId('worklist-row').filter({ hasText: 'Lương Thị Hoa' });
    await row.getByTestId('outcome-open').click();
    await row.getByTestId('outcome-willCome').check();
    await row.getByTestId('outcome-save').click();
    await expect.poll(() => row.getByTestId('last-outcome').textContent()).toContain('Hẹn sẽ đến');
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', '1');
    });
    await page.getByTestId('worklist-print-button').click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('1');

    console.log(`journey 3: ${taps()} taps`);
    expect(taps()).toBeLessThanOrEqual(6);
  }, 60_000);
});
