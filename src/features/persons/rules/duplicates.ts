/**
 * Likely duplicates when a list is imported twice or two villages list the same person.
 *
 * The rule:
 *  - the same national ID is the same person (merged without asking);
 *  - the same folded name and the same birth date — or the same birth year when either record has only
 *    the year — and the same village when both villages are known, is probably the same person: sent to
 *    review, never merged automatically (namesakes born the same day do exist).
 */
import { foldDiacritics } from '../../../core/text.ts';

export interface DuplicateFacts {
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  villageId: number | null;
}

/** Folded name | birth date (or year) | village ("" when unknown): records with equal keys go to review. */
export function duplicateKey(p: DuplicateFacts): string {
  return `${foldDiacritics(p.fullName)}|${p.birthDate ?? p.birthYear}|${p.villageId ?? ''}`;
}

/** The whole rule for two records, for when their keys differ only by what one of them does not know. */
export function isLikelyDuplicate(a: DuplicateFacts, b: DuplicateFacts): boolean {
  return foldDiacritics(a.fullName) === foldDiacritics(b.fullName) && sameBirthAndVillage(a, b);
}

/** The rule without the name, for records already grouped by folded name (imports compare thousands). */
export function sameBirthAndVillage(
  a: Omit<DuplicateFacts, 'fullName'>,
  b: Omit<DuplicateFacts, 'fullName'>,
): boolean {
  const sameBirth = a.birthDate && b.birthDate ? a.birthDate === b.birthDate : a.birthYear === b.birthYear;
  const sameVillage = a.villageId == null || b.villageId == null || a.villageId === b.villageId;
  return sameBirth && sameVillage;
}

export function sameNationalId(a: { nationalId: string | null }, b: { nationalId: string | null }): boolean {
  return a.nationalId != null && a.nationalId === b.nationalId;
}
