/** Vietnamese text helpers shared by every feature (search, matching, name normalisation). */

/**
 * Folds a Vietnamese string for search and matching: lower case, no diacritics, đ → d,
 * runs of whitespace collapsed. "Nguyễn Văn  An" → "nguyen van an".
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises a person's or unit's name for display: NFC, single spaces, trimmed. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
