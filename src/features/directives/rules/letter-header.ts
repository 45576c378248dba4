/**
 * The header of an official document (Nghị định 30/2020/NĐ-CP): issuing body (with its superior above it),
 * national motto, "Số: …/…", "<place>, ngày … tháng … năm …", the title for kinds other than công văn,
 * the subject ("V/v …" or the line under the title) and "Kính gửi:".
 *
 * Exports and conversions shuffle these blocks (the two header columns get flattened, "Số" and the date
 * share a line, the subject comes before or after the date), so each line is classified on its own and
 * the order is not assumed — only that the issuer comes before the first anchor (Số, date, V/v, title).
 */
import { readNumberSymbol } from './citations.ts';
import { foldAligned, isUpperText, lowerVi, startsUpper, trimEntry } from './letter-text.ts';
import { readMarker } from './list-markers.ts';
import { officialNameCase } from './official-name-case.ts';
import type { DocumentKind, PartialDate } from './parsed-document.ts';

export interface LetterHeader {
  issuer: string | null;
  issuerSuperior: string | null;
  number: string | null;
  symbol: string | null;
  place: string | null;
  datePartial: PartialDate;
  titleKind: DocumentKind | null;
  subject: string | null;
  addressees: string[];
  /** Index of the first line after the header. */
  bodyStart: number;
  /** Which parts of the national layout were seen; a letter has several of them. */
  seen: { motto: boolean; number: boolean; placeDate: boolean; subject: boolean; addressees: boolean };
}

/** The header never runs longer than this many lines; beyond it we are in the body of something else. */
const HEADER_LINE_LIMIT = 120;
/** The mottos, on folded text so that "HOÀ"/"HÒA" and missing diacritics do not matter. */
const MOTTOS = [
  /cong hoa xa hoi chu nghia viet nam/,
  /doc lap\s*[-–—,.]?\s*tu do\s*[-–—,.]?\s*hanh phuc/,
  /dang cong san viet nam/,
];
const MOTTO_HINT = /việt nam|viet nam|phúc|phuc/i;
/** Folded forms of recent motto lines: the same two or three lines open every letter. */
const FOLDED = new Map<string, string>();
const TITLE_KINDS: Record<string, DocumentKind> = {
  'cong van': 'letter',
  'cong dien': 'telegram',
  'thong bao': 'notice',
  'ke hoach': 'plan',
  'quyet dinh': 'decision',
  'chi thi': 'directive',
  'nghi quyet': 'resolution',
};
const TITLE_RE =
  /^(cong van|cong dien|thong bao|ke hoach|quyet dinh|chi thi|nghi quyet)(?: (?:khan|hoa toc|thuong khan|mat|toi mat))*$/;
const PLACE_DATE = /(?:^|[\s,])ngày\s*(\d{1,2})?[\s.…]*tháng\s*(\d{1,2})?[\s.…]*năm\s*(\d{4})?/iu;
const SUBJECT_LEAD = /^(?:v\s?\/\s?v|về việc)\s*[:.]?\s*/iu;
/** "Kính gửi: …", and the telegram form "CHỦ TỊCH UBND TỈNH điện:". */
const ADDRESSEE_LINE = /^kính gửi(?!\p{L})|(?:^|\s)điện\s*:$/iu;
const BODY_OPENERS =
  /^(?:Căn cứ|Thực hiện|Ngày|Theo|Trước|Để|Nhằm|Trong|Sau khi|Vừa qua|Thời gian qua|Hiện nay|Tiếp theo|Nhận được)(?!\p{L})/u;
/** Lines that start a new body in the issuer block (the superior, then the issuer). */
const ORG_HEAD =
  /^(?:ủy ban|ubnd|hđnd|hội đồng|ban |sở |bộ |trung tâm|văn phòng|công an|chi cục|cục |tổng cục|tỉnh ủy|huyện ủy|thành ủy|đảng ủy|quận ủy|thị ủy|đảng bộ|bệnh viện|trạm |phòng (?!chống)|trường |viện |bch|bcđ|mặt trận|liên đoàn|hội |đoàn |chính phủ|thủ tướng|quốc hội|kho bạc|ngân hàng|thanh tra|tòa án|chi nhánh|công ty|đài )/u;

export function readHeader(lines: readonly string[]): LetterHeader {
  const header: LetterHeader = {
    issuer: null,
    issuerSuperior: null,
    number: null,
    symbol: null,
    place: null,
    datePartial: { day: null, month: null, year: null },
    titleKind: null,
    subject: null,
    addressees: [],
    bodyStart: 0,
    seen: { motto: false, number: false, placeDate: false, subject: false, addressees: false },
  };
  const orgLines: string[] = [];
  let anchorSeen = false;
  let subjectLines: string[] | null = null;
  const finishSubject = () => {
    if (subjectLines && subjectLines.length > 0) {
      const text = subjectLines.join(' ').replace(SUBJECT_LEAD, '').trim();
      if (text && header.subject === null) header.subject = text;
      header.seen.subject = true;
    }
    subjectLines = null;
  };

  let i = 0;
  let bodyStart = -1;
  const limit = Math.min(lines.length, HEADER_LINE_LIMIT);
  for (; i < limit && bodyStart < 0; i++) {
    const raw = lines[i] ?? '';
    if (!raw) {
      finishSubject();
      continue;
    }
    const { text: line, motto } = withoutMotto(raw);
    if (motto) header.seen.motto = true;
    if (!line) continue;
    if (subjectLines) {
      if (subjectLines.length < 8 && !isAnchor(line) && !endsSubject(line, subjectLines)) {
        subjectLines.push(line);
        continue;
      }
      finishSubject();
    }

    let segment = line;
    while (segment) {
      const lower = lowerVi(segment);
      if (/^số(?:[\s:.]|$)/u.test(lower)) {
        const cited = readNumberSymbol(segment, 2);
        header.seen.number = true;
        anchorSeen = true;
        if (cited && header.symbol === null) {
          header.number = cited.number;
          header.symbol = cited.symbol;
        }
        segment = cited ? segment.slice(cited.end).trim() : '';
        continue;
      }
      if (SUBJECT_LEAD.test(segment)) {
        subjectLines = [segment];
        anchorSeen = true;
        segment = '';
        continue;
      }
      const placeDate = PLACE_DATE.exec(segment);
      if (placeDate && segment.length - (placeDate.index + placeDate[0].length) <= 3) {
        readPlaceDate(header, segment.slice(0, placeDate.index), placeDate);
        anchorSeen = true;
        segment = '';
        continue;
      }
      const title = mayBeTitle(segment) ? TITLE_RE.exec(foldAligned(segment)) : null;
      if (title) {
        header.titleKind = TITLE_KINDS[title[1] ?? ''] ?? null;
        subjectLines = [];
        anchorSeen = true;
        segment = '';
        continue;
      }
      if (isAddresseeLine(segment)) {
        const read = readAddressees(lines, i);
        header.addressees = read.addressees;
        header.seen.addressees = true;
        bodyStart = read.next;
        break;
      }
      if (anchorSeen) {
        bodyStart = i;
        break;
      }
      orgLines.push(segment);
      segment = '';
    }
  }
  finishSubject();
  header.bodyStart = bodyStart >= 0 ? bodyStart : anchorSeen ? i : 0;
  const orgs = groupOrganisations(orgLines);
  header.issuer = orgs.at(-1) ?? null;
  header.issuerSuperior = orgs.at(-2) ?? null;
  return header;
}

/** Titles are short capitals starting with C, T, K, Q or N (checked before folding, which costs more). */
function mayBeTitle(segment: string): boolean {
  return segment.length <= 40 && 'CTKQN'.includes(segment.charAt(0)) && isUpperText(segment);
}

function withoutMotto(line: string): { text: string; motto: boolean } {
  // Every motto ends in "Việt Nam" or "Hạnh phúc"; skip the folding for all other lines.
  if (!MOTTO_HINT.test(line)) return { text: line, motto: false };
  let folded = FOLDED.get(line);
  if (folded === undefined) {
    if (FOLDED.size >= 1000) FOLDED.clear();
    folded = foldAligned(line);
    FOLDED.set(line, folded);
  }
  let text = line;
  let motto = false;
  for (const re of MOTTOS) {
    const m = re.exec(folded);
    if (!m) continue;
    motto = true;
    const end = m.index + m[0].length;
    text = `${text.slice(0, m.index)} ${text.slice(end)}`;
    folded = `${folded.slice(0, m.index)} ${folded.slice(end)}`;
  }
  return motto ? { text: text.replace(/\s+/g, ' ').trim(), motto } : { text, motto };
}

function isAnchor(line: string): boolean {
  const lower = lowerVi(line);
  if (/^số(?:[\s:.]|$)/u.test(lower) || SUBJECT_LEAD.test(line) || isAddresseeLine(line)) return true;
  const placeDate = PLACE_DATE.exec(line);
  return placeDate !== null && line.length - (placeDate.index + placeDate[0].length) <= 3;
}

/** A subject ends at a blank line, or where the body visibly starts when the export dropped blank lines. */
function endsSubject(line: string, subject: readonly string[]): boolean {
  if (readMarker(line)) return true;
  if (BODY_OPENERS.test(line)) return true;
  const first = subject.find((s) => s.length > 0) ?? '';
  return isUpperText(line) && !isUpperText(first.replace(SUBJECT_LEAD, ''));
}

function isAddresseeLine(line: string): boolean {
  return ADDRESSEE_LINE.test(line);
}

function readPlaceDate(header: LetterHeader, before: string, m: RegExpExecArray): void {
  header.seen.placeDate = true;
  if (header.datePartial.year !== null || header.datePartial.month !== null) return;
  header.datePartial = {
    day: m[1] === undefined ? null : Number(m[1]),
    month: m[2] === undefined ? null : Number(m[2]),
    year: m[3] === undefined ? null : Number(m[3]),
  };
  // The place is the run of capitalised words before ", ngày" ("Hữu Lũng", "TP. Hồ Chí Minh").
  const words = before.replace(/[\s,]+$/, '').split(' ');
  const place: string[] = [];
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k] ?? '';
    if (!w || !startsUpper(w)) break;
    place.unshift(w);
  }
  header.place = place.length > 0 ? place.join(' ') : null;
}

/** "Kính gửi: X." on one line (possibly wrapped), or followed by a "- " list (blank lines allowed between). */
function readAddressees(lines: readonly string[], at: number): { addressees: string[]; next: number } {
  const first = (lines[at] ?? '').replace(/^.*?(?:kính gửi|điện)\s*:?\s*/iu, '');
  // Raw item texts, so that an item wrapped after a comma is re-read whole ("các xã, / thị trấn.").
  const raws: string[] = [];
  let inline = first !== '';
  if (first) raws.push(first.replace(/^[-–•+]\s*/, ''));
  let next = at + 1;
  for (let j = at + 1; j < lines.length; j++) {
    const line = lines[j] ?? '';
    if (!line) {
      inline = false;
      continue;
    }
    const marker = readMarker(line);
    if (marker && (marker.type === 'dash' || marker.type === 'plus' || marker.type === 'dot')) {
      raws.push(line.slice(marker.length));
      inline = false;
      next = j + 1;
      continue;
    }
    const previous = raws.at(-1);
    const wrapped = previous !== undefined && lines[j - 1] !== '' && !marker && !BODY_OPENERS.test(line);
    if (wrapped && (!startsUpper(line) || /[;,]$/.test(previous) || inline)) {
      raws[raws.length - 1] = `${previous} ${line}`;
      next = j + 1;
      continue;
    }
    break;
  }
  const items: string[] = [];
  for (const raw of raws) {
    for (const part of raw.split(';')) {
      const entry = trimEntry(part);
      if (entry) items.push(entry);
    }
  }
  return { addressees: items, next };
}

/** Header lines before the first anchor: each line opening with a body type starts a new body. */
function groupOrganisations(all: readonly string[]): string[] {
  // A repost's page title, date posted or views before the header are not part of it.
  const lines = all.slice(all.findLastIndex(isNotOrganisation) + 1);
  if (lines.length === 0 || lines.length > 8) return [];
  const groups: string[][] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (!last || ORG_HEAD.test(`${lowerVi(line)} `)) groups.push([line]);
    else last.push(line);
  }
  return groups.map((g) => officialNameCase(g.join(' ')));
}

/** A sentence, a "label: value" line or a long line: page text before the issuer block, never a name. */
function isNotOrganisation(line: string): boolean {
  return line.length > 120 || /[:|]|[.!?]$|\d{1,2}\/\d{1,2}\/\d{4}/.test(line);
}
