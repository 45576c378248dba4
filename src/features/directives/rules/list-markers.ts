/**
 * Item markers at the start of a paragraph: "Điều 1.", "I.", "1.", "1.2.", "1)", "a)", "A.", "(1)", "(a)",
 * "-", "+", "•". The type decides nesting (see task-items.ts); the label becomes part of the ordinal.
 */

export type MarkerType =
  | 'article'
  | 'roman'
  | 'number'
  | `number${number}`
  | 'numberParen'
  | 'letter'
  | 'upper'
  | 'paren'
  | 'parenLetter'
  | 'dash'
  | 'plus'
  | 'dot';

export interface Marker {
  type: MarkerType;
  /** "1", "a", "(1)", "I"; empty for bullets, which are numbered by position. */
  label: string;
  /** Characters the marker and its following spaces take. */
  length: number;
}

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray) => Pick<Marker, 'type' | 'label'>;
}

const ARTICLE: Rule = {
  re: /^Điều\s+(\d{1,3})\s*[.:]\s*/u,
  make: (m) => ({ type: 'article', label: m[1] ?? '' }),
};
const ROMAN: Rule = { re: /^([IVX]{1,5})\s*[.)]\s+/u, make: (m) => ({ type: 'roman', label: m[1] ?? '' }) };
const NUMBERS: readonly Rule[] = [
  {
    // "1.2." or "1.2 Text"; never a decimal or a thousands group ("3.525 người").
    re: /^(\d{1,2}(?:\.\d{1,2}){1,5})(?:\.\s*|\s+(?=\p{Lu}))(?!\d)/u,
    make: (m) => {
      const parts = (m[1] ?? '').split('.');
      return { type: `number${parts.length}`, label: parts.at(-1) ?? '' };
    },
  },
  { re: /^(\d{1,3})\s*\.(?!\d)\s*(?=\S)/u, make: (m) => ({ type: 'number', label: m[1] ?? '' }) },
  { re: /^(\d{1,3})\s*\)\s*(?=\S)/u, make: (m) => ({ type: 'numberParen', label: m[1] ?? '' }) },
];
const PARENS: readonly Rule[] = [
  { re: /^\((\d{1,3})\)\s*(?=\S)/u, make: (m) => ({ type: 'paren', label: `(${m[1] ?? ''})` }) },
  { re: /^\(([a-zđ])\)\s*(?=\S)/u, make: (m) => ({ type: 'parenLetter', label: `(${m[1] ?? ''})` }) },
];
const LETTER: Rule = {
  re: /^([a-zđ])(?:\)\s*|\.\s+)(?=\S)/u,
  make: (m) => ({ type: 'letter', label: m[1] ?? '' }),
};
const UPPER: Rule = { re: /^([A-ZĐ])\s*[.)]\s+(?=\S)/u, make: (m) => ({ type: 'upper', label: m[1] ?? '' }) };
const BULLETS: readonly Rule[] = [
  { re: /^[-–—‐−](?![-–—])\s*(?=\S)/u, make: () => ({ type: 'dash', label: '' }) },
  { re: /^\+\s*(?=\S)/u, make: () => ({ type: 'plus', label: '' }) },
  { re: /^[•·●▪◦‣∙]\s*(?=\S)/u, make: () => ({ type: 'dot', label: '' }) },
];
const BULLET_CHARS = '-–—‐−+•·●▪◦‣∙';

/** The marker a paragraph opens with, or null. Dispatches on the first character: this runs on every line. */
export function readMarker(line: string): Marker | null {
  const c = line.charAt(0);
  const next = line.charAt(1);
  if (c >= '0' && c <= '9') return first(NUMBERS, line);
  if (c === '(') return first(PARENS, line);
  if (BULLET_CHARS.includes(c)) return first(BULLETS, line);
  if (c === 'Đ' && line.startsWith('Điều')) return first([ARTICLE], line);
  const opensLabel = next === '.' || next === ')' || next === ' ';
  if (c === 'I' || c === 'V' || c === 'X') return first([ROMAN, UPPER], line);
  if ((c >= 'A' && c <= 'Z') || c === 'Đ') return opensLabel ? first([UPPER], line) : null;
  if ((c >= 'a' && c <= 'z') || c === 'đ') return opensLabel ? first([LETTER], line) : null;
  return null;
}

function first(rules: readonly Rule[], line: string): Marker | null {
  for (const rule of rules) {
    const m = rule.re.exec(line);
    if (m) {
      const made = rule.make(m);
      return { type: made.type, label: made.label, length: m[0].length };
    }
  }
  return null;
}

/** Bullets are labelled by their position among siblings: "-1", "+2", "*1". */
export function bulletPrefix(type: MarkerType): string | null {
  if (type === 'dash') return '-';
  if (type === 'plus') return '+';
  if (type === 'dot') return '*';
  return null;
}
