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

/** Kind words, matched on the text as written (case-insensitive) so that no folded copy is needed. */
const KIND_RE = new RegExp(
  `(${Object.keys(KIND_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}\\d])`,
  'giu',
);
const NUMBER_WORD = /\s+số\s*:?|\s*:/iuy;
const DATE_LEAD = /\s*,?\s*ngày\s+/iuy;
const ISSUER_LEAD = /\s*,?\s*của\s+/iuy;
const LAW_NAME_END = /\s(?:ngày|số|của|năm)\s|[;.(]|$/u;

/** Every document cited in a paragraph, in order, without repeats. */
export function findReferences(paragraph: string): DocumentReference[] {
  const found: DocumentReference[] = [];
  let previousEnd = 0;
  KIND_RE.lastIndex = 0;
  for (let m = KIND_RE.exec(paragraph); m; m = KIND_RE.exec(paragraph)) {
    const start = m.index;
    if (start > 0 && /[\p{L}\d]/u.test(paragraph.charAt(start - 1))) continue;
    const word = (m[1] ?? '').toLowerCase();
    let pos = start + word.length;
    NUMBER_WORD.lastIndex = pos;
    if (NUMBER_WORD.test(paragraph)) pos = NUMBER_WORD.lastIndex;
    const cited = readNumberSymbol(paragraph, pos);
    let reference: DocumentReference | null = null;
    let end = pos;
    if (cited) {
      end = cited.end;
      const kind = KIND_WORDS[word] ?? kindFromSymbol(cited.symbol) ?? 'letter';
      reference = { kind, number: cited.number, symbol: cited.symbol, date: null, issuer: null, text: '' };
    } else if (word === 'luật' && paragraph.charAt(start) === 'L') {
      // A law is cited by its name: "Luật Phòng, chống bệnh truyền nhiễm ngày 21/11/2007".
      const rest = paragraph.slice(pos, pos + 300);
      const stop = LAW_NAME_END.exec(rest);
      end = pos + (stop ? stop.index : rest.length);
      if (end - pos < 3) continue;
      reference = { kind: 'law', number: null, symbol: null, date: null, issuer: null, text: '' };
    }
    if (!reference) continue;
    const ref = reference;

    end = readDate(paragraph, end, ref);
    ISSUER_LEAD.lastIndex = end;
    if (ISSUER_LEAD.test(paragraph)) {
      const at = ISSUER_LEAD.lastIndex;
      const issuer = unitAt(paragraph, at);
      if (issuer) {
        ref.issuer = issuer.unit;
        end = at + issuer.unit.length;
        if (ref.date === null) end = readDate(paragraph, end, ref);
      }
    }
    ref.issuer ??= issuerBefore(paragraph, previousEnd, start);
    ref.text = paragraph.slice(start, end).trim();
    previousEnd = end;
    KIND_RE.lastIndex = Math.max(KIND_RE.lastIndex, end);
    const duplicate = found.some(
      (r) => r.symbol !== null && r.symbol === ref.symbol && r.number === ref.number,
    );
    if (!duplicate) found.push(ref);
  }
  return found;
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
