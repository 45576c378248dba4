import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserRig } from '../support/browser.ts';
import { call, login } from '../support/http.ts';

const SEED_000 = new URL('../fixtures/letters/000_0cc6a49cf5414292.txt', import.meta.url);

/**
 * The district's "Chờ nghiệm thu" list on a phone: the commune's reports are read in the list and accepted
 * in one tap, returned in two (a quick reason), counted with a click listener on the page.
 */
describe('awaiting acceptance in Chromium', () => {
  const rig = useBrowserRig();

  it('accepts a report in 1 tap and returns one in 2 from the list', async () => {
    const base = rig.server.base;
    const [district, commune] = await Promise.all([login(base, 'demo.huyen'), login(base, 'demo.xa.06400')]);
    const ok = async (res: Response, status = 200) => {
      expect(res.status, await res.clone().text()).toBe(status);
      return res.json();
    };
    const text = fs.readFileSync(SEED_000, 'utf8');
    const document = await ok(await call(base, district, 'POST', '/api/directives/parse', { text }));
    await ok(
      await call(base, district, 'POST', '/api/documents', {
        unitCode: '186',
        direction: 'outgoing',
        document,
      }),
      201,
    );
    const box = await ok(await call(base, commune, 'GET', '/api/tasks/inbox'));
    const ids: number[] = box.tasks.map((t: { id: number }) => t.id);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      await ok(await call(base, commune, 'POST', `/api/tasks/${id}/actions`, { action: 'acknowledge' }));
      const report = { text: `Đã triển khai mục ${id} đến các thôn.`, percent: 100, done: true };
      await ok(await call(base, commune, 'POST', `/api/tasks/${id}/reports`, report), 201);
    }

    const page = await rig.loginAs('demo.huyen', PHONE);
    await page.goto(`${base}/directives?view=awaiting`);
    await expect.poll(() => page.getByTestId('awaiting-task').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('pill-awaiting').textContent()).toBe('2');
    const first = page.getByTestId('awaiting-task').first();
    expect(await first.textContent()).toContain('Đã triển khai mục');
    await page.evaluate(() => {
      const w = window as unknown as { taps: number };
      w.taps = 0;
      document.addEventListener('click', () => w.taps++, true);
    });
    const taps = () => page.evaluate(() => (window as unknown as { taps: number }).taps);

    await first.getByTestId('awaiting-accept').click();
    await expect.poll(() => page.getByTestId('awaiting-task').count()).toBe(1);
    expect(await taps()).toBe(1);

    const second = page.getByTestId('awaiting-task').first();
    await second.getByTestId('awaiting-return').click();
    await second.getByTestId('awaiting-reason-missingList').click();
    await expect.poll(() => page.getByTestId('awaiting-task').count()).toBe(0);
    expect(await taps()).toBe(3);

    const states = await Promise.all(
      ids.map(async (id) => (await ok(await call(base, district, 'GET', `/api/tasks/${id}`))).task),
    );
    expect(states.map((t) => t.state).sort()).toEqual(['accepted', 'returned']);
    expect(states.find((t) => t.state === 'returned').returnedReason).toBe('Thiếu danh sách');
  }, 60_000);
});
