import { WARNING_SIGN_NUMBERS, WARNING_SIGNS } from '../rules/warning-signs.ts';

export { WARNING_SIGN_NUMBERS };

/** "3. SpO2 giảm": a warning sign by its number in rules.md §4.4, in the interface's language. */
export const signLabel = (n: number, lang: string) =>
  `${n}. ${WARNING_SIGNS[n]?.[lang === 'en' ? 'en' : 'vi'] ?? ''}`;
