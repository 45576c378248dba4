/**
 * Which stored document a citation ("Công văn số 2043/UBND-KGVX ngày 06/12/2021 của UBND tỉnh Lạng Sơn")
 * names: same number and symbol, same date and issuer when the citation gives them. Pure.
 */
import { foldDiacritics } from '../../../core/text.ts';
import { unitKey } from './resolve-unit.ts';

/** "02/UBND-KGVX" for number "02" and symbol "UBND - KGVX": the register key, or null without both parts. */
export function registerKey(number: string | null, symbol: string | null): string | null {
  if (!number?.trim() || !symbol?.trim()) return null;
  const n = number.trim().replace(/^0+(?=\d)/, '');
  const s = foldDiacritics(symbol).toUpperCase().replace(/[–—]/g, '-').replace(/\s+/g, '');
  return `${n}/${s}`;
}

export interface CitedFields {
  number: string | null;
  symbol: string | null;
  date: string | null;
  issuer: string | null;
}

/** A stored document is the one cited when the register keys agree and no given date or issuer differs. */
export function citationMatches(citation: CitedFields, stored: CitedFields): boolean {
  const key = registerKey(citation.number, citation.symbol);
  if (key === null || key !== registerKey(stored.number, stored.symbol)) return false;
  if (citation.date && stored.date && citation.date !== stored.date) return false;
  if (citation.issuer && stored.issuer && unitKey(citation.issuer) !== unitKey(stored.issuer)) return false;
  return true;
}

export interface DocumentIdentity {
  number: string | null;
  symbol: string | null;
  issuer: string;
  date: string | null;
  datePartial: { year: number | null };
}

/**
 * A registered letter's identity: number and symbol, issuer and date (the year when the day is left blank,
 * numbers restarting each year). Null without a number: a draft "Số: /UBND-VP" is known by its text only.
 */
export function identityKey(d: DocumentIdentity): string | null {
  const key = registerKey(d.number, d.symbol);
  const when = d.date ?? (d.datePartial.year === null ? null : String(d.datePartial.year));
  if (key === null || when === null || !d.issuer.trim()) return null;
  return `${key}|${unitKey(d.issuer)}|${when}`;
}

/** Fewer words than this is no letter's body: a short note may well be sent twice. */
const MIN_FINGERPRINT_WORDS = 20;

/**
 * The body reduced to its folded words, so that the same letter pasted again as Markdown, wrapped or with
 * other spaces gives the same text; null for a body too short to tell. The store hashes it.
 */
export function textFingerprint(body: string): string | null {
  const words = foldDiacritics(body.normalize('NFC'))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length < MIN_FINGERPRINT_WORDS ? null : words.join(' ');
}
