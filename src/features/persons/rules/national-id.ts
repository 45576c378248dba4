/**
 * Citizen identity numbers.
 *
 * CCCD (căn cước công dân, 12 digits) — structure set by Thông tư 07/2016/TT-BCA, Điều 7, kept by
 * Thông tư 59/2021/TT-BCA, Điều 7 which replaced it:
 *   digits 1–3  province (or country) where the birth was registered: the province's 2-digit GSO code
 *               with a leading 0 (001 Hà Nội, 020 Lạng Sơn, 079 TP Hồ Chí Minh);
 *   digit 4     century of birth and sex (Điều 7, khoản 2): 0/1 = 20th century (1900s) male/female,
 *               2/3 = 21st (2000s), 4/5 = 22nd (2100s), 6/7 = 23rd (2200s), 8/9 = 24th (2300s);
 *   digits 5–6  last two digits of the birth year;
 *   digits 7–12 a random serial.
 * The 12-digit CMND issued in 2012–2016 already followed this structure, so it is checked as a CCCD.
 * The old 9-digit CMND carries no birth year or sex: only its length is checked.
 */
import type { Message } from '../../../core/errors.ts';

export type Sex = 'male' | 'female';

export type NationalIdResult =
  | {
      ok: true;
      value: string;
      kind: 'cccd' | 'cmnd';
      provinceCode?: string;
      sex?: Sex;
      birthYear?: number;
    }
  | { ok: false; reason: Message };

export interface NationalIdExpectation {
  birthYear?: number | null;
  sex?: Sex | null;
  /** The current year: a CCCD cannot encode a birth after it. */
  currentYear?: number;
}

/** The 63 provinces' GSO codes (2021). A CCCD starts with one of them preceded by 0. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  (
    '01 02 04 06 08 10 11 12 14 15 17 19 20 22 24 25 26 27 30 31 33 34 35 36 37 38 40 42 44 45 46 48 49 ' +
    '51 52 54 56 58 60 62 64 66 67 68 70 72 74 75 77 79 80 82 83 84 86 87 89 91 92 93 94 95 96'
  ).split(' '),
);

/** Digit 4 of a CCCD → first year of the birth century (index = digit). TT 07/2016/TT-BCA, Điều 7, khoản 2. */
const CENTURY_OF_DIGIT = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 2300, 2300] as const;

const SEX_VI: Record<Sex, string> = { male: 'nam', female: 'nữ' };
const SEX_EN: Record<Sex, string> = { male: 'male', female: 'female' };

export function checkNationalId(raw: string, expect: NationalIdExpectation = {}): NationalIdResult {
  const shown = raw.trim();
  // Spaces, dots and dashes are how people group digits; a leading apostrophe is how Excel users force text.
  const digits = shown.replace(/^'/, '').replace(/[\s.\-_]/g, '');
  if (digits === '') return fail('Thiếu số CCCD/CMND.', 'The ID number is empty.');
  if (/^\d+(,\d+)?e\+?\d+$/i.test(digits))
    return fail(
      `Số “${shown}” đã bị Excel làm tròn thành dạng số mũ: định dạng cột là Văn bản (Text) rồi nhập lại.`,
      `“${shown}” was rounded by Excel into scientific notation: format the column as Text and re-enter it.`,
    );
  if (!/^\d+$/.test(digits))
    return fail(
      `Số CCCD/CMND “${shown}” có ký tự không phải chữ số.`,
      `The ID number “${shown}” contains characters other than digits.`,
    );

  switch (digits.length) {
    case 12:
      return checkCccd(digits, expect, shown);
    // Excel stores IDs typed as numbers and drops their leading zeros: 020… becomes 20…, 001… becomes 1….
    case 11:
    case 10: {
      const padded = digits.padStart(12, '0');
      if (decodeCccd(padded)) return checkCccd(padded, expect, shown);
      break;
    }
    case 9:
      return checkCmnd(digits, shown);
    case 8:
      return checkCmnd(`0${digits}`, shown);
  }
  return fail(
    `Số CCCD/CMND “${shown}” có ${digits.length} chữ số: CCCD có 12 chữ số, CMND cũ có 9 chữ số.`,
    `The ID number “${shown}” has ${digits.length} digits: a CCCD has 12, an old CMND 9.`,
  );
}

interface DecodedCccd {
  provinceCode: string;
  sex: Sex;
  birthYear: number;
}

/** Reads the structure of a 12-digit number; null when its first three digits are not a province. */
function decodeCccd(digits: string): DecodedCccd | null {
  if (digits[0] !== '0' || !PROVINCE_CODES.has(digits.slice(1, 3))) return null;
  const centuryDigit = Number(digits[3]);
  return {
    provinceCode: digits.slice(0, 3),
    sex: centuryDigit % 2 === 0 ? 'male' : 'female',
    birthYear: (CENTURY_OF_DIGIT[centuryDigit] ?? 1900) + Number(digits.slice(4, 6)),
  };
}

function checkCccd(digits: string, expect: NationalIdExpectation, shown: string): NationalIdResult {
  const decoded = decodeCccd(digits);
  if (!decoded)
    return fail(
      `Số CCCD “${shown}”: 3 số đầu ${digits.slice(0, 3)} không phải mã tỉnh, thành phố nào (001–096).`,
      `CCCD “${shown}”: its first three digits ${digits.slice(0, 3)} are not a province code (001–096).`,
    );
  // Digits 4–9 (2100s to 2300s) are defined for the future; nobody alive can hold them, nor a birth after today.
  if (decoded.birthYear >= 2100 || (expect.currentYear != null && decoded.birthYear > expect.currentYear))
    return fail(
      `Số CCCD “${shown}” ghi năm sinh ${decoded.birthYear}: chữ số thứ 4 (${digits[3]}) sai.`,
      `CCCD “${shown}” encodes birth year ${decoded.birthYear}: its 4th digit (${digits[3]}) is wrong.`,
    );
  if (expect.birthYear != null && expect.birthYear !== decoded.birthYear)
    return fail(
      `CCCD ghi năm sinh ${decoded.birthYear} nhưng ngày sinh là ${expect.birthYear}.`,
      `The CCCD encodes birth year ${decoded.birthYear} but the birth date says ${expect.birthYear}.`,
    );
  if (expect.sex != null && expect.sex !== decoded.sex)
    return fail(
      `CCCD ghi giới tính ${SEX_VI[decoded.sex]} nhưng giới tính là ${SEX_VI[expect.sex]}.`,
      `The CCCD encodes sex ${SEX_EN[decoded.sex]} but the sex column says ${SEX_EN[expect.sex]}.`,
    );
  return { ok: true, value: digits, kind: 'cccd', ...decoded };
}

function checkCmnd(digits: string, shown: string): NationalIdResult {
  // 000000000, 111111111…: placeholders typed when the number is unknown.
  if (/^(\d)\1+$/.test(digits))
    return fail(
      `Số CMND “${shown}” là số giả (toàn một chữ số): để trống nếu chưa biết.`,
      `The CMND “${shown}” is a placeholder (one repeated digit): leave it blank if unknown.`,
    );
  return { ok: true, value: digits, kind: 'cmnd' };
}

function fail(vi: string, en: string): { ok: false; reason: Message } {
  return { ok: false, reason: { vi, en } };
}
