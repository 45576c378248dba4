import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxBomb, lyingDocx } from '../../test/support/zip-bombs.ts';
import { checkZip, LETTER_ZIP_LIMITS } from './zip-guard.ts';

describe('checkZip', () => {
  it('accepts a real letter', async () => {
    await expect(checkZip(fs.readFileSync('test/fixtures/letters/000.docx'))).resolves.toBeUndefined();
  });

  it('refuses an entry that expands past the limit (413) before inflating it', async () => {
    const bomb = await docxBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024); // a small upload…
    await expect(checkZip(bomb)).rejects.toMatchObject({ status: 413, code: 'unsafe_archive' });
  });

  it('refuses a suspicious ratio (422) and a header that lies about its size (422)', async () => {
    const bomb = await docxBomb(20 * 1024 * 1024); // under the total, but ~1000:1
    await expect(checkZip(bomb)).rejects.toMatchObject({ status: 422, code: 'unsafe_archive' });
    await expect(checkZip(await lyingDocx())).rejects.toMatchObject({ status: 422 });
    await expect(checkZip(Buffer.from('not a zip'))).rejects.toMatchObject({ code: 'damaged_archive' });
  });

  it('refuses too many entries', async () => {
    const limits = { ...LETTER_ZIP_LIMITS, maxEntries: 1 };
    await expect(checkZip(fs.readFileSync('test/fixtures/letters/000.docx'), limits)).rejects.toMatchObject({
      status: 422,
    });
  });
});
