/**
 * Vietnamese phone numbers, normalised to the national format with its leading 0.
 * Mobiles have 10 digits (03x, 05x, 07x, 08x, 09x since the 2018 conversion of 11-digit numbers);
 * landlines have 11 digits, area code 02xx included (every province moved to a 02… code in 2017).
 * Only prefixes allocated to a network or a province are accepted: "0501234567" has ten digits but no owner.
 */
import type { Message } from '../../../core/errors.ts';

export type PhoneResult = { ok: true; value: string } | { ok: false; reason: Message };

/** The 2018 conversion of 11-digit mobile prefixes to 10-digit ones (Bộ TT&TT, 15/9/2018 – 15/11/2018). */
export const OLD_MOBILE_PREFIXES: Readonly<Record<string, string>> = {
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  '0186': '056',
  '0188': '058',
  '0199': '059',
};

/**
 * The allocated ranges (Bộ TT&TT numbering plan, Thông tư 22/2014/TT-BTTTT and its allocations; compare
 * libphonenumber's VN metadata): mobiles 03x; 051, 0522/0523/0528, 0559, 056, 058, 059; 070, 076–079;
 * 081–089; 090–094, 096–099 (095 was S-Fone's, closed in 2012). Landlines: the 63 provinces' 02xx codes.
 */
const MOBILE = /^0(?:(?:3\d|5[1689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}|(?:52[238]|559)\d{6})$/;
const LANDLINE = /^02(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])\d{7}$/;

export function normalizePhone(raw: string | number): PhoneResult {
  const shown = String(raw).trim();
  if (typeof raw === 'number' && !Number.isSafeInteger(raw))
    return fail(
      `Số điện thoại “${shown}” không phải số nguyên.`,
      `The phone “${shown}” is not a whole number.`,
    );
  // "+84 (0)98…": the trunk 0 in brackets is dropped after a country code.
  let digits = shown
    .replace(/^'/, '')
    .replace(/\(0\)/g, '')
    .replace(/[\s.\-()]/g, '');
  if (digits === '') return fail('Thiếu số điện thoại.', 'The phone number is empty.');
  if (!/^\+?\d+$/.test(digits))
    return fail(
      `Số điện thoại “${shown}” có ký tự không phải chữ số.`,
      `The phone “${shown}” contains characters other than digits.`,
    );

  // International forms: +84…, 0084…, and 84… (84 + 9 or 10 digits).
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12))
    digits = `0${digits.slice(2)}`;
  else if (digits.startsWith('+'))
    return fail(
      `Số điện thoại “${shown}” là số nước ngoài: chỉ nhận số Việt Nam.`,
      `The phone “${shown}” is foreign: only Vietnamese numbers are accepted.`,
    );
  // Typed as a number, Excel drops the leading 0: 912345678, 2053812345, 1688123456.
  else if (!digits.startsWith('0') && (digits.length === 9 || digits.length === 10)) digits = `0${digits}`;

  if (digits.length === 11 && digits.startsWith('01')) {
    const prefix = OLD_MOBILE_PREFIXES[digits.slice(0, 4)];
    if (!prefix)
      return fail(
        `Số điện thoại “${shown}”: đầu số ${digits.slice(0, 4)} không có trong bảng chuyển đổi đầu số năm 2018.`,
        `The phone “${shown}”: prefix ${digits.slice(0, 4)} is not in the 2018 conversion table.`,
      );
    digits = prefix + digits.slice(4);
  }
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return { ok: true, value: digits };
  if (digits.length === 10 && /^0[35789]/.test(digits))
    return fail(
      `Số điện thoại “${shown}”: đầu số ${digits.slice(0, 4)} chưa cấp cho mạng di động nào.`,
      `The phone “${shown}”: prefix ${digits.slice(0, 4)} is not allocated to any mobile network.`,
    );
  if (digits.length === 11 && digits.startsWith('02'))
    return fail(
      `Số máy bàn “${shown}”: mã vùng ${digits.slice(0, 4)} không phải mã vùng của tỉnh nào.`,
      `The landline “${shown}”: ${digits.slice(0, 4)} is not a province's area code.`,
    );
  if (digits.length === 10 && digits.startsWith('02'))
    return fail(
      `Số máy bàn “${shown}” thiếu số: số máy bàn có 11 chữ số kể cả mã vùng (ví dụ 0205 3812 345).`,
      `The landline “${shown}” is too short: landlines have 11 digits with the area code (e.g. 0205 3812 345).`,
    );
  return fail(
    `Số điện thoại “${shown}” không đúng: số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.`,
    `The phone “${shown}” is not valid: mobiles have 10 digits and start with 03, 05, 07, 08 or 09.`,
  );
}

function fail(vi: string, en: string): { ok: false; reason: Message } {
  return { ok: false, reason: { vi, en } };
}
