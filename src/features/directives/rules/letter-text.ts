/**
 * Turns pasted letter text (Word/PDF export, Markdown conversion, e-mail) into clean lines, and gives the
 * aligned lower-case views the other rules match on.
 */
import { foldDiacritics } from '../../../core/text.ts';

/** Longest input accepted; a real letter is a few thousand characters, anything longer is not one. */
export const MAX_LETTER_CHARS = 1_000_000;

const SEPARATOR_LINE = /^[-–—_=~*•·.]{3,}$/;
const CRLF_OTHER = /[\u2028\u2029]/;
const INVISIBLE_ALL = /[\u200b-\u200d\u2060\ufeff\u00ad]|[\u0300-\u036f]/g;
const ODD_SPACE_ALL = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * Whether the text has invisible characters, loose combining marks or odd spaces; most texts have none
 * and then need neither pass. A loop: a regex with these many ranges is several times slower.
 */
function hasOddCharacters(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xa0) {
      if (c === 9 || c === 11 || c === 12) return true;
      continue;
    }
    if (c === 0xa0 || c === 0xad || c === 0x1680 || c === 0x3000 || c === 0xfeff) return true;
    if (
      (c >= 0x300 && c <= 0x36f) ||
      (c >= 0x2000 && c <= 0x200d) ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x2060
    ) {
      return true;
    }
  }
  return false;
}
const TABLE_RULE = /^\|?\s*:?-{2,}/;

/**
 * Normalises text into trimmed lines with single spaces; blank lines are kept because they separate
 * paragraphs. Markdown emphasis is removed anywhere, a "* " bullet becomes "• ", table cells become lines
 * (a flattened header table then reads issuer, motto, issuer, motto … which the header rules tolerate).
 */
export function toLetterLines(text: string): string[] {
  // Each pass is guarded by a cheap test: most letters need only a few of them (speed matters here).
  let t = text.normalize('NFC');
  if (t.includes('\r') || CRLF_OTHER.test(t)) t = t.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  // Invisible characters and marks NFC could not compose would break word matching.
  const odd = hasOddCharacters(t);
  if (odd) t = t.replace(INVISIBLE_ALL, '');
  if (t.includes('\\')) t = t.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
  if (t.includes('*')) {
    t = t.replace(/^[ \t]*\*[ \t]+/gm, '• ');
    // Emphasis: ** and *** anywhere.
    t = t.replace(/\*+/g, '');
  }
  // _ runs of 3+ are blank placeholders ("Số: ___/UBND"), shorter ones are emphasis.
  if (t.includes('_')) t = t.replace(/_{3,}/g, ' ').replace(/_+/g, '');
  if (t.includes('#')) t = t.replace(/^[ \t]*#{1,6}[ \t]+/gm, '');
  if (t.includes('>')) t = t.replace(/^[ \t]*>[ \t]?/gm, '');
  if (odd) t = t.replace(ODD_SPACE_ALL, ' ');

  const lines: string[] = [];
  for (const raw of t.split('\n')) {
    const line = tidy(raw);
    if (!isTableRow(line)) {
      if (line.includes('<')) for (const part of line.split(BR)) pushLine(lines, tidy(part));
      else pushLine(lines, line);
      continue;
    }
    if (TABLE_RULE.test(line)) continue;
    // A header table: left cell (issuer, Số, V/v) then right cell (motto, date), each cell's <br> a line.
    for (const cell of line.split('|')) {
      for (const part of cell.split(BR)) {
        const c = tidy(part);
        if (c) pushLine(lines, c);
      }
    }
  }
  return lines;
}

/** The letter as plain text, for showing a saved one: no Markdown, table pipes, odd spaces or CRLF. */
export function plainLetterText(text: string): string {
  return toLetterLines(text)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BR = /<br\s*\/?>/i;

/** "| a | b |", and the pipe tables some converters write without the outer pipes ("a | b |"). */
function isTableRow(line: string): boolean {
  return (
    line.startsWith('|') ||
    line.endsWith('|') ||
    line.includes(' | ') ||
    (line.includes('|') && TABLE_RULE.test(line))
  );
}

function pushLine(lines: string[], line: string): void {
  lines.push(line.length >= 3 && SEPARATOR_LINE.test(line) ? '' : line);
}

function tidy(line: string): string {
  let out = line.includes('  ') ? line.replace(/ {2,}/g, ' ').trim() : line.trim();
  // A trailing backslash is a Markdown hard line break.
  if (out.endsWith('\\')) out = out.slice(0, -1).trimEnd();
  return out;
}

/**
 * foldDiacritics with the same length as the input, so a match in the folded text is a slice of the
 * original. Lines are already single-spaced and trimmed, so the fast path almost always holds.
 */
export function foldAligned(text: string): string {
  const folded = foldDiacritics(text);
  if (folded.length === text.length) return folded;
  let out = '';
  for (const ch of text) {
    const f = foldDiacritics(ch);
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

const OLD_TONE: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};
const OLD_TONE_RE = /o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]/g;

/**
 * Lower case that keeps diacritics (sở ≠ số ≠ sổ) but unifies the two tone placements ("uỷ"/"ủy",
 * "hoà"/"hòa"). Same length as the input (NFC), so indexes stay valid.
 */
export function lowerVi(text: string): string {
  const lower = text.toLowerCase();
  const out = lower.replace(OLD_TONE_RE, (m) => OLD_TONE[m] ?? m);
  return out.length === text.length ? out : text;
}

/** lowerVi for single words, cached: the vocabulary of letters is small and words repeat endlessly. */
export function lowerWord(word: string): string {
  let lower = WORD_CACHE.get(word);
  if (lower === undefined) {
    if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
    lower = lowerVi(word);
    WORD_CACHE.set(word, lower);
  }
  return lower;
}

const WORD_CACHE = new Map<string, string>();
const WORD_CACHE_LIMIT = 50_000;

/** True when the text has letters and all of them are capitals ("PHÓ CHỦ TỊCH"). */
export function isUpperText(text: string): boolean {
  // Fast answer for the common case, a line of running text.
  if (ASCII_LOWER.test(text)) return false;
  let letters = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) continue;
    if (ch !== upper) return false;
    letters++;
  }
  return letters >= 2;
}

const ASCII_LOWER = /[a-z]/;

export function startsUpper(text: string): boolean {
  const ch = text.charAt(0);
  return ch !== ch.toLowerCase();
}

/** Removes list punctuation at the end of an entry ("…huyện;" "…tỉnh," "Lưu: VT./."). */
export function trimEntry(text: string): string {
  // A loop rather than a regex: a long run of ". . ." must not make a regex backtrack.
  let end = text.length;
  while (end > 0 && ' ;,./'.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end).trim();
}
