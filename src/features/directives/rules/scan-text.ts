/**
 * Text prepared for the unit scanner: tokens (words and single punctuation marks) read lazily, each with
 * its lower-case form (diacritics kept, tone placement unified) and whether it was written with a capital.
 * Phrase tables let word lists of several words ("trung tâm", "chủ trì") be matched token by token.
 */
import { lowerVi, lowerWord } from './letter-text.ts';

export interface Token {
  /** lowerVi form. */
  word: string;
  start: number;
  end: number;
  punct: boolean;
  capital: boolean;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** , ; : . ( ) " ' ! ? [ ] “ ” ‘ ’ — each is a token of its own. */
function isPunct(code: number): boolean {
  switch (code) {
    case 0x2c:
    case 0x3b:
    case 0x3a:
    case 0x2e:
    case 0x28:
    case 0x29:
    case 0x22:
    case 0x27:
    case 0x21:
    case 0x3f:
    case 0x5b:
    case 0x5d:
    case 0x201c:
    case 0x201d:
    case 0x2018:
    case 0x2019:
      return true;
    default:
      return false;
  }
}

/**
 * A sentence prepared for scanning: original text, tokenised lazily — scans usually stop after a few
 * words, and this runs for every item of every letter.
 */
export class ScanText {
  readonly text: string;
  private readonly tokens: Token[] = [];
  private readFrom = 0;
  private done = false;

  constructor(text: string) {
    this.text = text;
  }

  /** Token i, or undefined past the end. */
  at(i: number): Token | undefined {
    if (i < 0) return undefined;
    while (this.tokens.length <= i && !this.done) this.readToken();
    return this.tokens[i];
  }

  /** A word runs to the next space or punctuation mark; each mark is a token of its own. */
  private readToken(): void {
    const text = this.text;
    let start = this.readFrom;
    while (start < text.length && isSpace(text.charCodeAt(start))) start++;
    if (start >= text.length) {
      this.done = true;
      return;
    }
    const code = text.charCodeAt(start);
    const punct = isPunct(code);
    let end = start + 1;
    if (!punct) {
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (isSpace(c) || isPunct(c)) break;
        end++;
      }
    }
    this.readFrom = end;
    const first = text.charAt(start);
    this.tokens.push({
      word: lowerWord(text.slice(start, end)),
      start,
      end,
      punct,
      capital: code < 128 ? code >= 65 && code <= 90 : first !== first.toLowerCase(),
    });
  }
}

export type PhraseTable = Map<string, string[][]>;

export function phraseTable(phrases: readonly string[]): PhraseTable {
  const table: PhraseTable = new Map();
  for (const phrase of phrases) {
    const words = lowerVi(phrase.normalize('NFC')).split(' ');
    const first = words[0] ?? '';
    const list = table.get(first) ?? [];
    list.push(words);
    list.sort((a, b) => b.length - a.length);
    table.set(first, list);
  }
  return table;
}

/** Length in tokens of the longest phrase of the table starting at token i, 0 when none. */
export function phraseAt(text: ScanText, i: number, table: PhraseTable): number {
  const first = text.at(i);
  if (!first || first.punct) return 0;
  const candidates = table.get(first.word);
  if (!candidates) return 0;
  for (const words of candidates) {
    let ok = true;
    for (let k = 1; k < words.length; k++) {
      const t = text.at(i + k);
      if (!t || t.punct || t.word !== words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return words.length;
  }
  return 0;
}
