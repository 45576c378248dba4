/**
 * Casing of body names taken from the all-capitals header ("ỦY BAN NHÂN DÂN / HUYỆN HỮU LŨNG").
 *
 * Chosen form: the casing the same name has in running text of a letter (and in the Nghị định 30
 * appendix on capitals): first word capital, proper names and the field of an agency capital, common
 * words lower case, acronyms kept — "Ủy ban nhân dân huyện Hữu Lũng", "Tỉnh ủy Lạng Sơn",
 * "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh", "Sở Y tế", "UBND huyện Mường Tè".
 * Names that already use lower case are left as written.
 */
import { isUpperText, lowerVi } from './letter-text.ts';

/** Acronyms that stay in capitals; any word with a digit, "&" or no vowel stays too ("BCĐ", "COVID-19"). */
const ACRONYMS = new Set([
  'ubnd',
  'hđnd',
  'mttq',
  'bcđ',
  'ttyt',
  'chqs',
  'bchqs',
  'cand',
  'qđnd',
  'ct-xh',
  'covid',
]);
const VOWEL = /[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/;

/** Words after which the rest of the name is a place name ("huyện Hữu Lũng", "Tỉnh ủy Lạng Sơn"). */
const PLACE_LEVELS = new Set(['tỉnh', 'huyện', 'xã', 'phường', 'quận', 'thị xã', 'thị trấn', 'thành phố']);

/** Fixed casing of common parts of body names, longest first (lower-case keys). */
const KNOWN_PARTS: readonly [string, string][] = [
  ['ban chỉ đạo quốc gia', 'Ban Chỉ đạo Quốc gia'],
  ['ban chỉ đạo', 'Ban Chỉ đạo'],
  ['ban chỉ huy quân sự', 'Ban Chỉ huy Quân sự'],
  ['bộ chỉ huy quân sự', 'Bộ Chỉ huy Quân sự'],
  ['ban thường vụ', 'Ban Thường vụ'],
  ['mặt trận tổ quốc việt nam', 'Mặt trận Tổ quốc Việt Nam'],
  ['mặt trận tổ quốc', 'Mặt trận Tổ quốc'],
  ['văn phòng chính phủ', 'Văn phòng Chính phủ'],
  ['chính phủ', 'Chính phủ'],
  ['việt nam', 'Việt Nam'],
  ['ủy ban nhân dân', 'Ủy ban nhân dân'],
  ['hội đồng nhân dân', 'Hội đồng nhân dân'],
];

/** Agency types whose field is capitalised: "Sở Y tế", "Phòng Văn hóa và Thông tin", "Trung tâm Y tế". */
const AGENCY_TYPES = new Set([
  'sở',
  'phòng',
  'bộ',
  'cục',
  'chi cục',
  'tổng cục',
  'trung tâm',
  'viện',
  'bệnh viện',
]);

/** Joins header lines into one name and gives it running-text casing when it is all capitals. */
export function officialNameCase(name: string): string {
  let cased = CASED.get(name);
  if (cased === undefined) {
    // Issuers repeat from letter to letter; the casing rules are pure, so their result is kept.
    if (CASED.size >= 1000) CASED.clear();
    cased = caseName(name);
    CASED.set(name, cased);
  }
  return cased;
}

const CASED = new Map<string, string>();

function caseName(name: string): string {
  const text = name.replace(/\s+/g, ' ').trim();
  if (!isUpperText(text)) return text;
  // lowerVi also settles the tone placement ("UỶ" → "ủy"), as running text of new letters writes it.
  const words = text.split(' ').map((w) => (keepsCapitals(w) ? w : lowerVi(w)));
  let lower = words.join(' ');
  for (const [key, cased] of KNOWN_PARTS) {
    lower = replaceWords(lower, key, cased);
  }
  const out = lower.split(' ');
  capitaliseField(out);
  capitalisePlaces(out);
  if (out[0]) out[0] = capitalise(out[0]);
  return out.join(' ');
}

function keepsCapitals(word: string): boolean {
  if (/[\d&]/.test(word)) return true;
  const letters = word.replace(/[.,;:]+$/, '').toLowerCase();
  return ACRONYMS.has(letters) || (letters.length > 1 && !VOWEL.test(letters));
}

function replaceWords(text: string, key: string, cased: string): string {
  let out = text;
  let from = 0;
  for (let at = out.indexOf(key, from); at >= 0; at = out.indexOf(key, from)) {
    const before = at === 0 || out.charAt(at - 1) === ' ';
    const after = at + key.length === out.length || /[\s,]/.test(out.charAt(at + key.length));
    if (before && after) out = out.slice(0, at) + cased + out.slice(at + key.length);
    from = at + key.length;
  }
  return out;
}

/** "sở y tế" → "Sở Y tế"; "phòng lao động - thương binh và xã hội" → "… Lao động - Thương binh và Xã hội". */
function capitaliseField(words: string[]): void {
  const first = words[0] ?? '';
  const two = `${first} ${words[1] ?? ''}`;
  const typeLength = AGENCY_TYPES.has(two) ? 2 : AGENCY_TYPES.has(first) ? 1 : 0;
  if (typeLength === 0) return;
  let capitalNext = true;
  for (let i = typeLength; i < words.length; i++) {
    const w = words[i] ?? '';
    if (PLACE_LEVELS.has(w)) return;
    if (w === 'và' || w === '-' || w === '–') {
      capitalNext = true;
      continue;
    }
    if (capitalNext) words[i] = capitalise(w);
    capitalNext = w.endsWith(',');
  }
}

/** Every word after a place level is part of the place name: "huyện hữu lũng" → "huyện Hữu Lũng". */
function capitalisePlaces(words: string[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const pair = `${w} ${words[i + 1] ?? ''}`;
    const level = PLACE_LEVELS.has(pair) ? 2 : PLACE_LEVELS.has(w) ? 1 : 0;
    if (level === 0) continue;
    let j = i + level;
    if (words[j] === 'ủy') j++;
    if (j >= words.length) return;
    for (; j < words.length; j++) {
      const name = words[j] ?? '';
      if (name === 'và' || name.endsWith(',')) break;
      words[j] = capitalise(name);
    }
    return;
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
