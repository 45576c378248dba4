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
