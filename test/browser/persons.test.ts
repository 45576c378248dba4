import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserRig } from '../support/browser.ts';
import { NEW_VILLAGES, writeCommuneList } from '../support/commune-list.ts';

/**
 * Journey 3's first step in real headless Chromium (Debian's), against the real server and web app: a commune
 * imports its messy Excel list, sees the rejected rows, fixes them, imports again, and finds a resident by a
 * name typed without diacritics.
 */
const FIXTURE = new URL('../fixtures/persons/danh-sach-thon-na-hoa.xlsx', import.meta.url).pathname;

/** "Hoàng Văn Thắng" → "hoang van thang": what a user types on a phone without a Vietnamese keyboard. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

describe('resident registry in Chromium', () => {
  const rig = useBrowserRig('safeadapt-persons-ui-');
  const loginAs = (username: string) => rig.loginAs(username, PHONE);

  /** The fixture with its two rejected rows corrected, as the commune would fix them in Excel. */
  async function correctedCopy(): Promise<{ file: string; firstName: string }> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(FIXTURE);
    const sheet = book.worksheets[0]!;
    const header = sheet.getRow(5);
    const column = (name: RegExp) => {
      let found = 0;
      header.eachCell((cell, index) => {
        if (name.test(String(cell.value))) found = index;
      });
      if (!found) throw new Error(`no column ${name} in the fixture`);
      return found;
    };
    const birth = column(/Ngày sinh/);
    const id = column(/CCCD/);
    // Row 23: the CCCD says born in '85 (digits 4–6: 0 + 85), the date says 1986 — the date was the typo.
    const cccd = String(sheet.getRow(23).getCell(id).value);
    expect(cccd).toMatch(/^\d{12}$/);
    sheet.getRow(23).getCell(birth).value = `10/10/19${cccd.slice(4, 6)}`;
    // Row 24: 31/02/1990 does not exist.
    sheet.getRow(24).getCell(birth).value = '28/02/1990';
    const file = path.join(rig.folder, 'danh-sach-thon-na-hoa-da-sua.xlsx');
    await book.xlsx.writeFile(file);
    return { file, firstName: String(sheet.getRow(6).getCell(column(/Họ và tên/)).value) };
  }

  it('imports a messy list, reports and fixes rejected rows, then finds a person typed without diacritics', async () => {
    const [page, corrected] = await Promise.all([loginAs('demo.xa.06400'), correctedCopy()]);

    await page.goto(`${rig.server.base}/persons/import`);
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    await page.getByTestId('import-mode').selectOption('all-or-nothing');
    await page.getByTestId('import-submit').click();

    // All or nothing with two rejected rows: nothing stored, said plainly, with the rows and their numbers.
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('import-nothing-stored').textContent()).toContain('Chưa lưu dòng nào');
    const errorRows = page.getByTestId('import-error-row');
    expect(await errorRows.count()).toBe(2);
    expect(await errorRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual([
      '23',
      '24',
    ]);
    expect(await errorRows.nth(1).textContent()).toMatch(/31\/02\/1990|ngày|Ngày/);
    expect(await page.getByRole('button', { name: 'Nhập các dòng hợp lệ' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The corrected file goes in whole.
    await page.getByTestId('import-file').setInputFiles(corrected.file);
    await page.getByTestId('import-submit').click();
    await expect
      .poll(() => page.getByTestId('import-committed').textContent(), { timeout: 15_000 })
      .toContain('Đã lưu vào sổ: 30 người mới');
    expect(await page.getByTestId('import-error-row').count()).toBe(0);

    // The registry, from the navigation; the first resident of the file, typed without diacritics.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Người dân' }).click();
    await page.waitForURL(/\/persons$/);
    const typed = fold(corrected.firstName);
    expect(typed).not.toBe(corrected.firstName);
    await page.getByTestId('person-search').fill(typed);
    await page.getByTestId('person-search').press('Enter');
    await expect
      .poll(() => page.getByTestId('person-row').first().textContent())
      .toContain(corrected.firstName);
    expect(await page.getByTestId('person-row').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Their card, with the diacritics and the national ID as the file had them.
    await page.getByTestId('person-row').getByRole('link', { name: corrected.firstName }).click();
    await expect.poll(() => page.getByTestId('person-card').textContent()).toContain(corrected.firstName);
  }, 30_000);

  it('shows the villages a first list names that the commune lacks, and creates them once confirmed', async () => {
    const [page, list] = await Promise.all([loginAs('demo.xa.06403'), writeCommuneList()]);
    await page.goto(`${rig.server.base}/persons/import`);
    await page.getByTestId('import-file').setInputFiles(list);
    await page.getByTestId('import-mode').selectOption('valid-rows');
    await page.getByTestId('import-submit').click();
    const step = page.getByTestId('new-villages');
    await expect.poll(() => step.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('new-village').allTextContents()).toEqual(
      NEW_VILLAGES.map(([, name]) => expect.stringContaining(name)),
    );
    expect(await step.textContent()).toContain('Bản Pò Háng (Bản)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId('create-villages').check();
    await page.getByTestId('new-villages-continue').click();
    await expect
      .poll(() => page.getByTestId('import-committed').textContent(), { timeout: 15_000 })
      .toContain('Đã lưu vào sổ: 242 người mới');
    expect(await page.getByTestId('villages-created').textContent()).toContain('Đã tạo 6 thôn, bản mới');
    expect(await page.getByTestId('import-merged-row').count()).toBe(4);
  }, 30_000);
});
