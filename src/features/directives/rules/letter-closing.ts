/**
 * The end of a letter: "Nơi nhận:" (distribution) and the signature block (authority "KT./TM./TL./TUQ.",
 * the signer's title, the signer's name). A flattened two-column table interleaves the two, so every line
 * is classified by its shape rather than by position.
 */
import { isUpperText, startsUpper, trimEntry } from './letter-text.ts';
import { readMarker } from './list-markers.ts';
import type { DistributionEntry, DistributionMark } from './parsed-document.ts';

export interface LetterClosing {
  distribution: DistributionEntry[];
  authority: string | null;
  signerTitle: string | null;
  signer: string | null;
}

const DISTRIBUTION_LEAD = /^nơi nhận\s*:?\s*/iu;
const AUTHORITY =
  /^(?:(?:KT|TM|TL|TUQ|Q)\s*\.|K\/T|T\/M|T\/L)\s*\S|^(?:THỪA LỆNH|THỪA ỦY QUYỀN|THỪA UỶ QUYỀN)(?!\p{L})/u;
/** Lines that start a new title rather than continue the one above ("PHÓ TRƯỞNG BAN / THƯỜNG TRỰC"). */
const TITLE_START =
  /^(?:PHÓ|CHỦ TỊCH|TRƯỞNG|GIÁM ĐỐC|BÍ THƯ|CHÁNH|TỔNG|CỤC TRƯỞNG|VIỆN TRƯỞNG|THỦ TRƯỞNG|HIỆU TRƯỞNG|CHI CỤC TRƯỞNG|ỦY VIÊN|UỶ VIÊN|CHỈ HUY TRƯỞNG)(?!\p{L})/u;
const SIGNED_NOTE = /^[([]?\s*(?:đã ký|ký(?:,| và)|daky|chữ ký)/iu;
const NAME = /^\p{Lu}[\p{Ll}]*(?:\s+\p{Lu}[\p{Ll}]*){1,6}$/u;
const MARK = /\s*\(\s*(?:để\s+)?(b\s*\/\s*c|báo cáo|bc|t\s*\/\s*h|thực hiện|th)\s*\)$/iu;

export function isDistributionLead(line: string): boolean {
  return DISTRIBUTION_LEAD.test(line);
}

export function isAuthorityLine(line: string): boolean {
  return AUTHORITY.test(line) && isUpperText(line);
}

export function isSignerName(line: string): boolean {
  return NAME.test(line) && !isUpperText(line);
}

/**
 * Where the closing starts when the letter has no "Nơi nhận" and no "KT./TM." line: a title in capitals
 * followed only by a name (or "(Đã ký)") at the very end. Returns lines.length when there is none.
 */
export function signatureStartFromEnd(lines: readonly string[], from: number): number {
  let k = lines.length - 1;
  const skippable = (l: string) => !l || isSignerName(l) || SIGNED_NOTE.test(l);
  while (k >= from && skippable(lines[k] ?? '')) k--;
  let start = lines.length;
  while (k >= from) {
    const l = lines[k] ?? '';
    if (!l) {
      k--;
      continue;
    }
    if (!isUpperText(l) || l.length > 80 || /[.;:]$/.test(l)) break;
    start = k;
    k--;
  }
  return start;
}

export function readClosing(lines: readonly string[], start: number): LetterClosing {
  const distribution: DistributionEntry[] = [];
  const authority: string[] = [];
  const titles: string[] = [];
  let last: 'authority' | 'title' | null = null;
  let signer: string | null = null;
  let usesBullets = false;
  let blankBefore = false;
  let inDistribution = false;

  // Raw entry text is kept so that a wrapped entry is re-read whole, mark included.
  const raws: string[] = [];
  const addEntry = (text: string) => {
    const entry = toEntry(text);
    if (!entry) return;
    distribution.push(entry);
    raws.push(text);
  };

  for (let k = start; k < lines.length; k++) {
    let line = lines[k] ?? '';
    if (!line) {
      blankBefore = true;
      continue;
    }
    const wasBlank = blankBefore;
    blankBefore = false;
    if (DISTRIBUTION_LEAD.test(line)) {
      inDistribution = true;
      line = line.replace(DISTRIBUTION_LEAD, '');
      if (!line) continue;
    }
    const marker = readMarker(line);
    if (marker && (marker.type === 'dash' || marker.type === 'plus' || marker.type === 'dot')) {
      usesBullets = true;
      addEntry(line.slice(marker.length));
      continue;
    }
    if (isAuthorityLine(line)) {
      authority.push(line);
      last = 'authority';
      continue;
    }
    if (isUpperText(line) && line.length <= 80) {
      if (last === null || TITLE_START.test(line)) {
        titles.push(line);
        last = 'title';
      } else {
        const group = last === 'authority' ? authority : titles;
        group[group.length - 1] = `${group.at(-1) ?? ''} ${line}`.trim();
      }
      continue;
    }
    if (SIGNED_NOTE.test(line)) continue;
    if (last !== null) {
      if (signer === null && isSignerName(line)) signer = line;
      if (signer !== null) break;
      continue;
    }
    if (!inDistribution) continue;
    const previous = raws.at(-1);
    if (previous !== undefined && !wasBlank && (usesBullets || !startsUpper(line))) {
      // A distribution entry wrapped onto the next line ("- C, PCVP UBND tỉnh, / các phòng CV, ĐV …").
      const raw = `${previous} ${line}`;
      const merged = toEntry(raw);
      if (merged) {
        distribution[distribution.length - 1] = merged;
        raws[raws.length - 1] = raw;
      }
      continue;
    }
    if (/:$/.test(line)) continue; // a sub-heading such as "Gửi bản điện tử:"
    if (!usesBullets) addEntry(line);
  }
  return {
    distribution,
    authority: authority.length > 0 ? authority.join(', ') : null,
    signerTitle: titles.length > 0 ? titles.join(', ') : null,
    signer,
  };
}

function toEntry(raw: string): DistributionEntry | null {
  let text = trimEntry(raw);
  let mark: DistributionMark | null = null;
  const m = MARK.exec(text);
  if (m) {
    const word = (m[1] ?? '').replace(/\s/g, '').toLowerCase();
    mark = word === 'b/c' || word === 'báocáo' || word === 'bc' ? 'b/c' : 't/h';
    text = trimEntry(text.slice(0, m.index));
  }
  return text ? { text, mark } : null;
}
