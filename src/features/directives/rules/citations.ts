/**
 * Document numbers and symbols ("Số: 2043/UBND-KGVX", "451-TB/TU", "30/2020/NĐ-CP") and the citations of
 * superior documents in an opening paragraph.
 */
import type { DocumentKind, DocumentReference, ReferenceKind } from './parsed-document.ts';
import { unitAt } from './unit-phrases.ts';
import { isoDate, readDateAt } from './vietnamese-dates.ts';

/** One symbol segment: capitals and digits, at most one lower-case run ("TTg", "TTr"), never a word. */
const SEGMENT = String.raw`[\p{Lu}\d][\p{Lu}\d&]*(?:\p{Ll}[\p{Lu}\d&]*)?(?![\p{L}\d])`;
const SYMBOL = String.raw`${SEGMENT}(?:\s?[-–—/]\s?${SEGMENT})*`;
/**
 * Blank numbers are written as spaces, dots or an ellipsis before the slash ("Số:   /UBND-VP"). The runs
 * are matched atomically ((?=(x*))\1) so that a long run of dots cannot make the regex backtrack.
 */
const NUMBER_SYMBOL = new RegExp(
  String.raw`(?=([\s:.…]*))\1(\d+(?:/\d{4}(?=/))?)?(?=([\s.…]*))\3([-–/])?\s?(${SYMBOL})`,
  'uy',
);

export interface NumberSymbol {
  number: string | null;
  symbol: string;
  end: number;
}

/** Reads "2043/UBND-KGVX", "/UBND – VP", "-CV/BCĐ" at `index`; null unless a number or a separator leads. */
export function readNumberSymbol(text: string, index: number): NumberSymbol | null {
  NUMBER_SYMBOL.lastIndex = index;
  const m = NUMBER_SYMBOL.exec(text);
  if (!m) return null;
  const number = m[2] ?? null;
  if (number === null && m[4] === undefined) return null;
  const symbol = (m[5] ?? '').replace(/\s/g, '').replace(/[–—]/g, '-');
  if (!/\p{L}/u.test(symbol)) return null;
  return { number, symbol, end: NUMBER_SYMBOL.lastIndex };
}

/** Type codes at the head of a symbol (QĐ-UBND, 451-TB/TU). A công văn's symbol starts with its issuer. */
const TYPE_CODES: Record<string, ReferenceKind> = {
  qd: 'decision',
  ct: 'directive',
  nq: 'resolution',
  tb: 'notice',
  kh: 'plan',
  cd: 'telegram',
  cv: 'letter',
  nd: 'decree',
  tt: 'circular',
  ttlt: 'circular',
  hd: 'guidance',
  bc: 'report',
  kl: 'conclusion',
  ttr: 'other',
  ctr: 'plan',
};

export function kindFromSymbol(symbol: string | null): ReferenceKind | null {
  if (!symbol) return null;
  const head = (symbol.split(/[-/]/)[0] ?? '').toLowerCase().replace(/đ/g, 'd');
  return TYPE_CODES[head] ?? null;
}

/** The document's own kind from its symbol, for letters without a title line. */
export function documentKindFromSymbol(symbol: string | null): DocumentKind | null {
  const kind = kindFromSymbol(symbol);
  const own: readonly string[] = [
    'letter',
    'telegram',
    'notice',
    'plan',
    'decision',
    'directive',
    'resolution',
  ];
  return kind && own.includes(kind) ? (kind as DocumentKind) : null;
}

const KIND_WORDS: Record<string, ReferenceKind | null> = {
  'công văn': 'letter',
  'văn bản': null,
  'công điện': 'telegram',
  'thông báo': 'notice',
  'kế hoạch': 'plan',
  'quyết định': 'decision',
  'chỉ thị': 'directive',
  'nghị quyết': 'resolution',
  'nghị định': 'decree',
  'thông tư liên tịch': 'circular',
  'thông tư': 'circular',
  'hướng dẫn': 'guidance',
  luật: 'law',
  'báo cáo': 'report',
  'kết luận': 'conclusion',
  'chương trình': 'plan',
  'tờ trình': 'other',
};
/** Abbreviated kinds ("theo QĐ số 768-QĐ/HU", "NQ 128/NQ-CP"): read only in capitals and before a number. */
const KIND_ABBREVIATIONS: Record<string, ReferenceKind | null> = {
  cv: 'letter',
  vb: null,
  cđ: 'telegram',
  tb: 'notice',
  kh: 'plan',
  qđ: 'decision',
  ct: 'directive',
  nq: 'resolution',
  nđ: 'decree',
  tt: 'circular',
  hd: 'guidance',
};

/** Kind words, matched on the text as written (case-insensitive) so that no folded copy is needed. */
const KIND_RE = new RegExp(
  `(${[...Object.keys(KIND_WORDS), ...Object.keys(KIND_ABBREVIATIONS)]
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}\\d])`,
  'giu',
);
const NUMBER_WORD = /\s+số\s*:?|\s*:/iuy;
/** "Công văn số 4800 ngày …": a number cited without its symbol. */
const BARE_NUMBER = /\s*(\d{1,6})(?![\d/\p{L}])/uy;
/** A number and symbol cited without a kind word ("theo yêu cầu tại 10315/BYT-DP"). */
const BARE_CITATION = /(?<![\p{L}\d/.-])\d{1,6}(?:\/\d{4})?[-/]\s?\p{Lu}/gu;
const NEXT_CITATION = new RegExp(
  `(?:[,;]|\\s+và)\\s*(?=(?:${Object.keys(KIND_WORDS).join('|')})(?![\\p{L}\\d]))`,
  'iu',
);
const DATE_LEAD = /\s*,?\s*ngày\s+/iuy;
const ISSUER_LEAD = /\s*,?\s*của\s+/iuy;
const LAW_NAME_END = /\s(?:ngày|số|của|năm)\s|[;.(]|$/u;
/** Words that say how the letter stands to what it cites next: its legal basis or what it implements. */
const RELATION_LEAD = /(căn cứ)|thực hiện|triển khai|tiếp theo|phúc đáp|trả lời|nhận được/giu;

/** Where a paragraph stands: the subject and opening say what the letter answers; elsewhere it mentions. */
export type CitingPart = 'opening' | 'body';

/**
 * Every document cited in a paragraph, in order, without repeats. In the opening (and subject) a citation
 * takes its relation from the last lead word before it ("Căn cứ …" basis, "Thực hiện …" implements);
 * elsewhere, and without a lead word, it is mentioned.
 */
export function findReferences(paragraph: string, part: CitingPart = 'opening'): DocumentReference[] {
  const found: { start: number; end: number; ref: DocumentReference }[] = [];
  let previousEnd = 0;
  KIND_RE.lastIndex = 0;
  for (let m = KIND_RE.exec(paragraph); m; m = KIND_RE.exec(paragraph)) {
    const start = m.index;
    // Inside a symbol ("4800/QĐ-BYT") a type code is no citation of its own.
    if (start > 0 && /[\p{L}\d/-]/u.test(paragraph.charAt(start - 1))) continue;
    const written = m[1] ?? '';
    const word = written.toLowerCase();
    const abbreviated = word in KIND_ABBREVIATIONS;
    if (abbreviated && written !== written.toUpperCase()) continue;
    let pos = start + word.length;
    NUMBER_WORD.lastIndex = pos;
    const numberWord = NUMBER_WORD.test(paragraph);
    if (numberWord) pos = NUMBER_WORD.lastIndex;
    const cited = readNumberSymbol(paragraph, pos);
    const wordKind = abbreviated ? KIND_ABBREVIATIONS[word] : KIND_WORDS[word];
    let reference: DocumentReference | null = null;
    let end = pos;
    if (cited && (cited.number !== null || !abbreviated)) {
      end = cited.end;
      const kind = wordKind ?? kindFromSymbol(cited.symbol) ?? 'letter';
      reference = cite(kind, cited.number, cited.symbol);
    } else if (numberWord && /số/iu.test(paragraph.slice(start + word.length, pos))) {
      BARE_NUMBER.lastIndex = pos;
      const bare = BARE_NUMBER.exec(paragraph);
      if (!bare) continue;
      end = BARE_NUMBER.lastIndex;
      reference = cite(wordKind ?? 'letter', bare[1] ?? null, null);
    } else if (word === 'luật' && paragraph.charAt(start) === 'L') {
      // A law is cited by its name: "Luật Phòng, chống bệnh truyền nhiễm ngày 21/11/2007".
      const rest = paragraph.slice(pos, pos + 300);
      const stop = LAW_NAME_END.exec(rest);
      end = pos + (stop ? stop.index : rest.length);
      if (end - pos < 3) continue;
      reference = cite('law', null, null);
    }
    if (!reference) continue;
    end = completeCitation(paragraph, start, end, previousEnd, reference);
    found.push({ start, end, ref: reference });
    previousEnd = end;
    KIND_RE.lastIndex = Math.max(KIND_RE.lastIndex, end);
  }
  findBareCitations(paragraph, found);
  found.sort((a, b) => a.start - b.start);
  setRelations(paragraph, part, found);
  const out: DocumentReference[] = [];
  for (const { ref } of found) if (!out.some((r) => sameDocument(r, ref))) out.push(ref);
  return out;
}

function cite(kind: ReferenceKind, number: string | null, symbol: string | null): DocumentReference {
  return { kind, number, symbol, date: null, issuer: null, relation: 'mentioned', text: '' };
}

/** Reads the date and issuer after a citation ("… ngày 06/12/2021 của UBND tỉnh"), sets its text; its end. */
function completeCitation(
  paragraph: string,
  start: number,
  citedEnd: number,
  previousEnd: number,
  ref: DocumentReference,
): number {
  let end = readDate(paragraph, citedEnd, ref);
  ISSUER_LEAD.lastIndex = end;
  if (ISSUER_LEAD.test(paragraph)) {
    const at = ISSUER_LEAD.lastIndex;
    const found = unitAt(paragraph, at);
    // "của Chính phủ, Quyết định số …", "của UBND tỉnh và Thông báo …": the issuer stops at the next citation.
    const issuer = found?.unit.split(NEXT_CITATION)[0]?.trim();
    if (issuer) {
      ref.issuer = issuer;
      end = at + issuer.length;
      if (ref.date === null) end = readDate(paragraph, end, ref);
    }
  }
  ref.issuer ??= issuerBefore(paragraph, previousEnd, start);
  ref.text = paragraph.slice(start, end).trim();
  return end;
}

/** Numbers and symbols cited without a kind word, outside the citations already read. */
function findBareCitations(
  paragraph: string,
  found: { start: number; end: number; ref: DocumentReference }[],
): void {
  const known = found.map((f) => [f.start, f.end] as const);
  BARE_CITATION.lastIndex = 0;
  for (let m = BARE_CITATION.exec(paragraph); m; m = BARE_CITATION.exec(paragraph)) {
    const start = m.index;
    if (known.some(([s, e]) => start >= s && start < e)) continue;
    const cited = readNumberSymbol(paragraph, start);
    // A symbol of two parts at least ("BYT-DP", "NQ-CP"): a lone "5K" or "12/F0" is no citation.
    if (!cited?.number || !/[-/]/.test(cited.symbol)) continue;
    const ref = cite(kindFromSymbol(cited.symbol) ?? 'letter', cited.number, cited.symbol);
    const end = completeCitation(paragraph, start, cited.end, start, ref);
    found.push({ start, end, ref });
    BARE_CITATION.lastIndex = Math.max(BARE_CITATION.lastIndex, end);
  }
}

function setRelations(
  paragraph: string,
  part: CitingPart,
  found: readonly { start: number; end: number; ref: DocumentReference }[],
): void {
  if (part !== 'opening') return;
  let relation: DocumentReference['relation'] = 'mentioned';
  let from = 0;
  for (const { start, end, ref } of found) {
    RELATION_LEAD.lastIndex = 0;
    for (const lead of paragraph.slice(from, start).matchAll(RELATION_LEAD))
      relation = lead[1] ? 'basis' : 'implements';
    ref.relation = relation;
    from = end;
  }
}

/** The same document: same number and symbol; a number cited alone is the one of the same kind. */
export function sameDocument(a: DocumentReference, b: DocumentReference): boolean {
  if (a.symbol !== null && b.symbol !== null) return a.symbol === b.symbol && a.number === b.number;
  if (a.number !== null || b.number !== null)
    return a.number === b.number && (a.symbol === null || b.symbol === null) && a.kind === b.kind;
  return a.text === b.text;
}

function readDate(text: string, index: number, reference: DocumentReference): number {
  DATE_LEAD.lastIndex = index;
  if (!DATE_LEAD.test(text)) return index;
  const date = readDateAt(text, DATE_LEAD.lastIndex);
  if (!date) return index;
  reference.date = isoDate(date.year, date.month, date.day);
  return date.end;
}

/** "… ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Thông báo số 451-TB/TU" names the issuer before. */
function issuerBefore(text: string, from: number, to: number): string | null {
  const before = text.slice(Math.max(from, to - SCAN_BACK), to);
  if (!/\stại\s*$/iu.test(before)) return null;
  const at = before.toLowerCase().lastIndexOf('của ');
  if (at < 0) return null;
  const offset = to - before.length + at + 4;
  const found = unitAt(text, offset);
  return found && found.scan.stopWord === 'tại' ? found.unit : null;
}

/** How far back "của … tại" is looked for. */
const SCAN_BACK = 300;
