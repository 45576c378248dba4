/** Text that is not an official letter gets a clear, typed refusal — quickly, whatever its size. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotALetterError, type NotALetterReason, parseDocument, tryParseDocument } from './parse-document.ts';

function reasonOf(text: string): NotALetterReason | 'parsed' {
  const result = tryParseDocument(text);
  return result.ok ? 'parsed' : result.error.reason;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const SEED = readFileSync(
  new URL('../../../../test/fixtures/letters/000_0cc6a49cf5414292.txt', import.meta.url),
  'utf8',
);

describe('parseDocument refuses what is not a letter', () => {
  it('refuses empty and blank text', () => {
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf(' \r\n\t\u00a0\n ')).toBe('empty');
  });

  it('refuses a value that is not text', () => {
    expect(reasonOf(undefined as unknown as string)).toBe('not-text');
  });

  it('throws NotALetterError carrying the reason and a message for people', () => {
    expect(() => parseDocument('')).toThrow(NotALetterError);
    try {
      parseDocument('Hôm nay trời đẹp.');
    } catch (error) {
      expect(error).toBeInstanceOf(NotALetterError);
      expect((error as NotALetterError).reason).toBe('no-structure');
      expect((error as NotALetterError).message).toMatch(/official letter/);
    }
  });

  it('refuses plain prose, even prose about directives with a date in it', () => {
    const prose = [
      'Sáng nay, Ủy ban nhân dân huyện đã họp bàn về công tác phòng, chống dịch COVID-19 trên địa bàn.',
      '',
      'Theo báo cáo, ngày 15 tháng 12 năm 2021 huyện ghi nhận thêm 12 ca mắc mới; Trung tâm Y tế đã phối hợp',
      'với các xã khẩn trương truy vết. 1. Người dân cần thực hiện 5K. 2. Tiêm vắc xin đầy đủ.',
    ].join('\n');
    expect(reasonOf(prose)).toBe('no-structure');
  });

  it('refuses a header without an issuing body', () => {
    const text =
      'Số: 12/UBND-VP\nHà Nội, ngày 15 tháng 12 năm 2021\n\nKính gửi: Sở Y tế.\n\nĐề nghị báo cáo.';
    expect(reasonOf(text)).toBe('no-issuer');
  });

  it('refuses a header followed directly by the signature', () => {
    const text =
      'ỦY BAN NHÂN DÂN\nHUYỆN HỮU LŨNG\nSố: 12/UBND-VP\nHữu Lũng, ngày 15 tháng 12 năm 2021\n\nNơi nhận:\n- Lưu: VT.';
    expect(reasonOf(text)).toBe('no-body');
  });

  it('refuses 2 MB of junk at once with the limit in the message', () => {
    const junk = 'x7 ~ Số: ..../ ngày tháng năm - (1) a) '.repeat(55_000);
    expect(junk.length).toBeGreaterThan(2_000_000);
    const { value, ms } = timed(() => tryParseDocument(junk));
    expect(value.ok).toBe(false);
    if (!value.ok) {
      expect(value.error.reason).toBe('too-long');
      expect(value.error.message).toMatch(/1,000,000/);
    }
    expect(ms).toBeLessThan(1000);
  });

  it('reads or refuses junk just under the limit in linear time (no regex backtracking)', () => {
    const cases = [
      `ỦY BAN NHÂN DÂN\nHUYỆN X\nSố: ${'.'.repeat(990_000)}/UBND`,
      `Hà Nội, ngày ${'… '.repeat(330_000)}`,
      `UBND${', Sở'.repeat(240_000)}`,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM '.repeat(28_000),
      '-'.repeat(999_000),
    ];
    for (const text of cases) {
      const { value, ms } = timed(() => reasonOf(text));
      expect(value).toBe('no-structure');
      expect(ms).toBeLessThan(10_000); // backtracking would take minutes; the bound leaves room for a busy machine
    }
  });

  it('parses a real letter padded to nearly the limit in linear time', () => {
    const item =
      '3. UBND các xã, thị trấn phối hợp với Phòng Văn hóa và Thông tin triển khai trước ngày 15/12/2021.\n\n';
    const padded = SEED.replace('3. UBND', `${item.repeat(8000)}3. UBND`);
    expect(padded.length).toBeLessThan(1_000_000);
    const { value, ms } = timed(() => parseDocument(padded));
    expect(value.tasks).toHaveLength(8003);
    expect(value.tasks[2]?.deadline?.date).toBe('2021-12-15');
    expect(ms).toBeLessThan(15_000);
  });
});
