import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, useBrowserRig } from '../support/browser.ts';
import { call, login } from '../support/http.ts';

/**
 * Journeys 3 and 6 in real headless Chromium against the real server: the commune reads its coverage, imports
 * a dose list laid out like a national-platform export, sees the coverage move, records what a contact gave on
 * the village worklist and prints the list; the district sets a target and sees who is behind; the commune
 * plans a session, invites someone from the worklist, records the dose and sees coverage and trend move.
 * The tests share one server and run in order: each starts from the state the previous one left.
 */
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
  const rig = useBrowserRig('safeadapt-vaccination-ui-');
  const loginAs = (username: string) => rig.loginAs(username, PHONE);

  beforeAll(async () => {
    // The demo has no residents: the commune's list goes in through the registry's import API.
    const session = await login(rig.server.base, `demo.xa.${COMMUNE}`);
    const upload = await fetch(`${rig.server.base}/api/persons/uploads`, {
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
    const imported = await call(rig.server.base, session, 'POST', '/api/persons/imports', {
      uploadId,
      commune: COMMUNE,
      mode: 'all-or-nothing',
    });
    expect(((await imported.json()) as { imported: number }).imported).toBe(5);
  }, 120_000);

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
    const file = path.join(rig.folder, 'mui-tiem-yen-thinh.csv');
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
    await canh.getByTestId('outcome-deferred').check();
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

  it('sets a district target and shows its progress, projection and the communes behind', async () => {
    const page = await loginAs('demo.huyen');
    await page.goto(`${rig.server.base}/vaccination`);
    await page.getByRole('link', { name: 'Chỉ tiêu', exact: true }).click();
    await page.waitForURL(/\/vaccination\/targets$/);
    await page.getByTestId('targets-empty').waitFor();

    // The form checks what the district typed before sending it.
    await page.getByTestId('target-new').click();
    await page.getByTestId('target-save').click();
    const form = page.getByTestId('target-form');
    expect(await form.textContent()).toContain('Hãy ghi nội dung chỉ tiêu.');
    expect(await form.textContent()).toContain('Ngày không hợp lệ');

    // Seed 004's goals (the form's defaults: 12+ primary series and 18+ boosters, 100 %), due end of November.
    await page.getByLabel('Nội dung chỉ tiêu').fill('Tiêm đủ liều cho người từ 12 tuổi trước 30/11/2021');
    await page.getByLabel(/Căn cứ/).fill('Kế hoạch 123/KH-UBND');
    await page.getByLabel(/Thời hạn hoàn thành/).fill('30/11/2021');
    await page.getByTestId('target-save').click();

    // Five residents aged 12+ (and 18+) in the district's registry: one with the primary series, no boosters.
    const card = page.getByTestId('target-card');
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toContain('Tiêm đủ liều cho người từ 12 tuổi');
    expect(await card.textContent()).toContain('Hạn: 30/11/2021');
    const [primary, booster] = [
      card.getByTestId('target-goal').nth(0),
      card.getByTestId('target-goal').nth(1),
    ];
    expect(await primary.getByTestId('target-remaining').textContent()).toBe('Còn 4 người');
    expect(await primary.textContent()).toContain('Đạt 1 / 5 người');
    // One person completed in the last two weeks of activity (October): the pace gives a date after the deadline.
    expect(await primary.textContent()).toMatch(/dự kiến đạt ngày \d{2}\/\d{2}\/\d{4}/);
    expect(await primary.textContent()).toContain('Chậm so với hạn');
    expect(await booster.getByTestId('target-remaining').textContent()).toBe('Còn 5 người');
    expect(await booster.textContent()).toContain('chưa dự báo được');

    // The communes behind, open on this page: only the commune with residents is.
    const behind = card.getByTestId('behind-unit');
    await expect.poll(() => behind.count()).toBe(1);
    expect(await behind.textContent()).toContain('Xã Yên Thịnh');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The commune sees the district's target on its own coverage page.
    const commune = await loginAs(`demo.xa.${COMMUNE}`);
    await commune.goto(`${rig.server.base}/vaccination`);
    await expect.poll(() => commune.getByTestId('target-card').count()).toBe(1);
  }, 30_000);

  it('plans a session, invites from the worklist, records a dose and sees coverage and trend move', async () => {
    const page = await loginAs(`demo.xa.${COMMUNE}`);
    await page.goto(`${rig.server.base}/vaccination`);
    expect(await coverage(page)).toEqual({ notVaccinated: 3, partial: 1, primaryComplete: 1, booster: 0 });
    // The FHIR export is offered to roles that record doses, and answers a Bundle.
    const fhir = page.getByTestId('fhir-export');
    expect(await fhir.getAttribute('href')).toBe(`/api/vaccination/fhir?unit=${COMMUNE}`);
    const bundle = await page.request.get(`${rig.server.base}/api/vaccination/fhir?unit=${COMMUNE}`);
    expect(((await bundle.json()) as { resourceType: string }).resourceType).toBe('Bundle');

    await page.getByRole('link', { name: 'Buổi tiêm', exact: true }).click();
    await page.waitForURL(/\/vaccination\/sessions$/);
    await page.getByTestId('sessions-empty').waitFor();

    // Planned for today (the form's default date), Pfizer (the default), 50 doses; the roster opens.
    await page.getByTestId('session-new').click();
    await page.getByLabel('Địa điểm tiêm').fill('Nhà văn hóa thôn Nà Hoa');
    await page.getByLabel('Số liều dự kiến').fill('50');
    await page.getByTestId('session-save').click();
    await page.waitForURL(/session=\d+/);
    const roster = page.getByTestId('session-roster');
    expect(await roster.locator('h2').textContent()).toMatch(
      /^Nhà văn hóa thôn Nà Hoa · \d{2}\/\d{2}\/\d{4}$/,
    );
    expect(await roster.getByTestId('roster-doses-left').textContent()).toBe('còn 50 / 50 liều');

    // The worklist offers those still to vaccinate, without the deferred person; one is invited.
    await roster.getByTestId('invite-open').click();
    const offered = roster.getByTestId('invite-row');
    await offered.first().waitFor();
    expect(await offered.filter({ hasText: 'Nông Văn Cảnh' }).count()).toBe(0);
    await offered.filter({ hasText: 'Hoàng Văn Nam' }).getByRole('checkbox').check();
    await roster.getByTestId('invite-save').click();
    const invitee = roster.getByTestId('roster-row');
    await expect.poll(() => invitee.count()).toBe(1);
    expect(await invitee.textContent()).toContain('Hoàng Văn Nam');
    expect(await invitee.getByTestId('roster-state').textContent()).toBe('Chưa tiêm');

    // The dose given at the session: its date, vaccine and place come from the session.
    await roster.getByLabel('Ghi mũi tiêm cho Hoàng Văn Nam').check();
    await roster.getByLabel(/Số lô/).fill('FK9999');
    await roster.getByTestId('record-doses-save').click();
    await expect.poll(() => invitee.getByTestId('roster-state').textContent()).toBe('Đã tiêm Mũi 1');
    expect(await roster.getByTestId('dose-results').textContent()).toContain(
      'Hoàng Văn Nam: đã ghi mũi tiêm',
    );
    expect(await roster.getByTestId('roster-doses-left').textContent()).toBe('còn 49 / 50 liều');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The session list counts the invitation and the dose.
    await page.getByRole('link', { name: '‹ Các buổi tiêm' }).click();
    const counts = page.getByTestId('session-counts');
    await expect.poll(() => counts.textContent()).toBe('Dự kiến 50 liều · Đã mời 1 người · Đã tiêm 1 mũi');

    // Coverage moved (one more partly vaccinated) and the weekly trend counts three people with a first dose.
    await page.getByRole('link', { name: 'Độ bao phủ' }).click();
    await expect
      .poll(() => coverage(page))
      .toEqual({ notVaccinated: 2, partial: 2, primaryComplete: 1, booster: 0 });
    const trend = page.getByTestId('trend-section');
    await trend.getByTestId('trend-chart').waitFor();
    // The axis names each week by its first day as dd/mm/yyyy, like every date of the app.
    const axisDates = trend
      .getByTestId('trend-chart')
      .locator('text')
      .filter({ hasText: /^\d\d\/\d\d\// });
    await expect.poll(() => axisDates.count()).toBeGreaterThan(0);
    for (const text of await axisDates.allTextContents()) expect(text).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const lastWeek = trend.getByTestId('trend-row').last().locator('[data-milestone="firstDose"]');
    expect(await lastWeek.getAttribute('data-count')).toBe('3');
  }, 30_000);
});
