/** Pure rules: no I/O. Each regulation constant cites its clause (document, article, clause) in a comment. */

/** Longest note a commune may keep (a product choice, not a legal value). */
export const MAX_NOTE_LENGTH = 500;

export function noteProblem(text: string): { vi: string; en: string } | null {
  if (text.trim().length === 0) return { vi: 'Ghi chú không được để trống.', en: 'The note is empty.' };
  if (text.length > MAX_NOTE_LENGTH)
    return {
      vi: `Ghi chú dài quá ${MAX_NOTE_LENGTH} ký tự.`,
      en: `The note is over ${MAX_NOTE_LENGTH} characters.`,
    };
  return null;
}
