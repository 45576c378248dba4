import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { call, login, type Running, startServer } from '../support/http.ts';

/**
 * Journey 3 in real headless Chromium against the real server: the commune reads its coverage, imports a
 * dose list laid out like a national-platform export, sees the coverage move, records what a contact gave on
 * the village worklist and prints the list.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const COMMUNE = '06400';
const VILLAGE = 'Thôn Nà Hoa';

/** Five residents of the village (national IDs consistent with sex and birth year), none vaccinated. */
const PERSONS = [
  'Họ và tên;Ngày sinh;Giới tính;Số CCCD;Số điện thoại;Thôn',
  `Hoàng Văn Minh;12/05/1968;Nam;020068001245;0912345678;${VILLAGE}`,
  `Lương Thị Hoa;05/03/1990;Nữ;020190002345;0987654321;${VILLAGE}`,
  `Nông Văn Cảnh;20/07/1978;Nam;020078003456;0912111222;${VILLAGE}`,
  `Vi Thị Dung;12/12/2000;Nữ;020300004567;;${VILLAGE}`,
  `Hoàng Văn Nam;03/04/1995;Nam;020095005678;0977000111;${VILLAGE}`,
].join('\n');

/**
 * Four dose rows: the primary series of one person (matched by national ID), a first dose matched by name and
 * birth date (no ID in the row), and a dose in the future (rejected).
 */
const DOSES = [
  'STT;Họ và tên;Ngày sinh;Số CCCD/CMND;Tên vắc xin;Ngày tiêm;Mũi tiêm;Cơ sở tiêm;Số lô',
  '1;Hoàng Văn Minh;12/05/1968;020068001245;AstraZeneca;10/08/2021;Mũi 1;Trạm Y tế xã Yên Thịnh;NX1234',
  '2;Hoàng Văn Minh;12/05/1968;020068001245;AstraZeneca;05/10/2021;Mũi 2;Trạm Y tế xã Yên Thịnh;NX5678',
  '3;Lương Thị Hoa;05/03/1990;;Pfizer;01/11/2021;Mũi 1;Trạm Y tế xã Yên Thịnh;FK0001',
  '4;Nông Văn Cảnh;20/07/1978;020078003456;Vero Cell;01/01/2099;Mũi 1;Trạm Y tế xã Yên Thịnh;VC0001',
].join('\n');

describe('vaccination in Chromium', () => {
  let server: Running;
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    if (!fs.existsSync(new URL('../../dist/web/index.html', import.meta.url)))
      throw new Error('Build the web app first: npm run build:web');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-vaccination-ui-'));
    [server, browser] = await Promise.all([
      startServer('sqlite'),
      chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      }),
    ]);
    // The demo has no residents: the commune's list goes in through the registry's import API.
    const session = await login(server.base, `demo.xa.${COMMUNE}`);
    const upload = await fetch(`${server.base}/api/persons/uploads`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'application/octet-stream',
        'x-file-name': 'danh-sach-na-hoa.csv',
      },
      body: PERSONS,
    });
    expect(upload.status).toBe(201);
    const { uploadId } = (await upload.json()) as { uploadId: string };
    const imported = await call(server.base, session, 'POST', '/api/persons/imports', {
      uploadId,
      commune: COMMUNE,
      mode: 'all-or-nothing',
    });
    expect(((await imported.json()) as { imported: number }).imported).toBe(5);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  async function loginAs(username: string, viewport = { width: 360, height: 740 }): Promise<Page> {
    const page = await (await browser.newContext({ viewport, locale: 'vi-VN' })).newPage();
    await page.goto(`${server.base}/login`);
    await page.getByLabel(/Tên đăng nhập/).fill(username);
    await page.getByLabel(/Mật khẩu/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.waitForURL(/\/areas\//);
    return page;
  }

  /** The commune's counts of people aged 12+ by class, as its row of the coverage table shows them. */
  async function coverage(page: Page) {
    const row = page.locator(`[data-testid="coverage-row"][data-key="${COMMUNE}"]`);
    await row.waitFor();
    const count = async (status: string) =>
      Number(await row.getByTestId(`cov-${status}`).getAttribute('data-count'));
    return {
      notVaccinated: await count('notVaccinated'),
      partial: await count('partial'),
      primaryComplete: await count('primaryComplete'),
      booster: await count('booster'),
    };
  }

  it('reads coverage, imports doses, sees coverage move, records an outcome and prints the worklist', async () => {
    const page = await loginAs(`demo.xa.${COMMUNE}`);

    // From the navigation to the coverage dashboard: five residents aged 12+, none vaccinated.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Tiêm chủng' }).click();
    await page.waitForURL(/\/vaccination$/);
    expect(await coverage(page)).toEqual({ notVaccinated: 5, partial: 0, primaryComplete: 0, booster: 0 });
    expect(await page.getByTestId('coverage-row').count()).toBe(1);
    expect(await page.getByTestId('kpi-not-vaccinated').textContent()).toBe('5');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The dose list: three doses stored, one row rejected with its reason.
    const file = path.join(folder, 'mui-tiem-yen-thinh.csv');
    fs.writeFileSync(file, `\uFEFF${DOSES}\n`);
    await page.getByRole('link', { name: 'Nhập mũi tiêm' }).click();
    await page.waitForURL(/\/vaccination\/import$/);
    await page.getByTestId('dose-import-file').setInputFiles(file);
    await page.getByTestId('dose-import-submit').click();
    const result = page.getByTestId('dose-import-result');
    await expect.poll(() => result.isVisible(), { timeout: 15_000 }).toBe(true);
    const figure = async (key: string) =>
      Number(await result.getByTestId(`dose-import-${key}`).textContent());
    expect(await figure('rowsRead')).toBe(4);
    expect(await figure('imported')).toBe(3);
    expect(await figure('rejected')).toBe(1);
    // Matched before their doses are checked: the rejected row's person counts among those found.
    expect(await figure('matched')).toBe(3);
    expect(await figure('byNationalId')).toBe(2);
    expect(await figure('byNameAndBirth')).toBe(1);
    expect(await figure('newPersons')).toBe(0);
    const rejected = page.locator('[data-testid="dose-report-row"][data-kind="rejected"]');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.getAttribute('data-row')).toBe('5');

    // The coverage moved: one primary series complete, one partly vaccinated.
    await page.getByRole('link', { name: 'Độ bao phủ' }).click();
    await page.waitForURL(/\/vaccination$/);
    await expect
      .poll(() => coverage(page))
      .toEqual({ notVaccinated: 3, partial: 1, primaryComplete: 1, booster: 0 });

    // The village worklist: everyone still to contact, with phones; a refusal recorded in place.
    await page.getByRole('link', { name: /Mở danh sách cần tiêm/ }).click();
    await page.waitForURL(/\/vaccination\/worklist/);
    await page.getByTestId('worklist-village').selectOption({ label: VILLAGE });
    await expect.poll(() => page.getByTestId('worklist-row').count()).toBe(5);
    const canh = page.getByTestId('worklist-row').filter({ hasText: 'Nông Văn Cảnh' });
    expect(await canh.getByRole('link', { name: '0912111222' }).getAttribute('href')).toBe('tel:0912111222');
    await canh.getByTestId('outcome-open').click();
    await canh.getByTestId('outcome-select').selectOption('deferred');
    await canh.getByTestId('outcome-save').click();
    expect(await canh.getByRole('alert').textContent()).toContain('lý do');
    await canh.getByTestId('outcome-reason').fill('đang điều trị viêm phổi');
    await canh.getByTestId('outcome-save').click();
    await expect
      .poll(() => canh.getByTestId('last-outcome').textContent())
      .toContain('Tạm hoãn (đang điều trị');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Printed: the shell and the screen list hidden, the A4 list with its title and today's date.
    await page.emulateMedia({ media: 'print' });
    const title = page.getByTestId('worklist-print-title');
    expect(await title.isVisible()).toBe(true);
    expect(await title.textContent()).toBe('DANH SÁCH CẦN TIÊM — THÔN NÀ HOA');
    expect(await page.getByTestId('worklist-print').textContent()).toMatch(/Ngày in: \d{2}\/\d{2}\/\d{4}/);
    expect(await page.getByTestId('worklist-print').textContent()).toContain('đang điều trị viêm phổi');
    expect(await page.getByTestId('worklist-row').first().isVisible()).toBe(false);
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 40_000);
});
