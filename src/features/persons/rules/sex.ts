/** Sex as lists write it: Nam / Nữ, with or without diacritics, or M / F, male / female. */
import { foldDiacritics } from '../../../core/text.ts';
import type { Sex } from './national-id.ts';

export type { Sex } from './national-id.ts';

const ALIASES: Readonly<Record<string, Sex>> = {
  nam: 'male',
  m: 'male',
  male: 'male',
  trai: 'male',
  nu: 'female',
  f: 'female',
  female: 'female',
  gai: 'female',
};

/** The sex, null for a blank, undefined when the text is not a sex. */
export function parseSex(text: string | null): Sex | null | undefined {
  if (text == null || text.trim() === '') return null;
  return ALIASES[foldDiacritics(text).replace(/[.\s]/g, '')];
}
