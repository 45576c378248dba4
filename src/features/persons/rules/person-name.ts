/** People's names: how they are stored (NFC, single spaces, each word capitalised) and what is refused. */
import type { Message } from '../../../core/errors.ts';
import { normalizeName } from '../../../core/text.ts';

export type NameResult = { ok: true; value: string } | { ok: false; reason: Message };

/** "NGUYỄN  văn an" → "Nguyễn Văn An"; Vietnamese letters keep their diacritics. */
export function titleCaseName(text: string): string {
  return normalizeName(text)
    .toLocaleLowerCase('vi')
    .replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toLocaleUpperCase('vi'),
    );
}

/** A full name must have a family and a given name, and letters only (apostrophes for names like H'Hen). */
export function checkFullName(raw: string): NameResult {
  const value = titleCaseName(raw);
  if (value === '') return fail('Thiếu họ tên.', 'The full name is missing.');
  if (/\d/.test(value)) return fail(`Họ tên “${value}” có chữ số.`, `The name “${value}” contains digits.`);
  const odd = value.replace(/[\p{L}\p{M}\s'’-]/gu, '');
  if (odd !== '')
    return fail(
      `Họ tên “${value}” có ký tự không phải chữ cái: ${[...new Set(odd)].join(' ')}`,
      `The name “${value}” contains characters other than letters: ${[...new Set(odd)].join(' ')}`,
    );
  if (value.split(' ').length < 2)
    return fail(
      `Họ tên “${value}” chỉ có một từ: ghi đủ họ và tên.`,
      `The name “${value}” is a single word: write the family and given names.`,
    );
  return { ok: true, value };
}

function fail(vi: string, en: string): { ok: false; reason: Message } {
  return { ok: false, reason: { vi, en } };
}
