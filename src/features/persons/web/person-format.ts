import { isoDateToText } from '../../../web/format.ts';
import { PRIORITY_GROUPS } from './persons-api.ts';

type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

/** "12/05/1968", or "1955" when only the year is known. */
export const birthText = (p: { birth_date: string | null; birth_year: number }) =>
  (p.birth_date && isoDateToText(p.birth_date)) || String(p.birth_year);

/** "aged65plus,chronicDisease" → the known groups, in the campaign's order. */
export function priorityGroupsOf(text: string | null | undefined): PriorityGroup[] {
  const set = new Set((text ?? '').split(',').map((g) => g.trim()));
  return PRIORITY_GROUPS.filter((g) => set.has(g));
}

/** 0 → "A", 25 → "Z", 26 → "AA": columns as Excel names them. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
