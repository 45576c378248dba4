/**
 * Finds the names of units (agencies, committees, office holders) in a sentence of a directive.
 *
 * Vietnamese directives put units before the verb: "Trung tâm Y tế và UBND các xã, thị trấn phối hợp …".
 * A unit starts with a head word (Phòng, Sở, UBND, Ban, Trung tâm, các cơ quan …) and runs until a verb in
 * lower case (thực hiện, phối hợp, chủ trì …), a colon or a sentence mark. Commas and "và" separate units
 * only when a new head follows, so "Phòng Lao động, Thương binh và Xã hội", "Ban Chỉ đạo phòng, chống dịch"
 * and "UBND các xã, thị trấn" stay whole. Capitals matter: "Ban Chỉ đạo" is a name, "chỉ đạo" a verb.
 */
import { phraseAt, ScanText } from './scan-text.ts';
import {
  ANY_CASE_HEADS,
  CAPITAL_HEADS,
  COLLECTIVE_NOUNS,
  NOT_A_HEAD_AFTER,
  STOPS,
} from './unit-vocabulary.ts';

/** A stop does not end a name right after these words ("Ban chỉ đạo", "các tổ chức", "Đội quản lý"). */
const KEEP_AFTER = new Set(['ban', 'các', 'những', 'đội', 'tổ', 'cơ']);
/** "có" is a verb, except in "có liên quan" / "có thẩm quyền" which end many unit lists. */
const CO_KEEP = new Set(['liên', 'thẩm']);
/** A dot after these short abbreviations does not end the sentence ("TP. Lạng Sơn", "TT. Huyện ủy"). */
const DOTTED_ABBREVIATIONS = new Set(['tp', 'tt', 'tx', 'p', 'q', 'đc', 'h']);

const MAX_UNIT_WORDS = 24;
/** A list longer than this is not a list of addressees; stopping keeps the scan linear on odd input. */
const MAX_UNITS = 40;

export function isHeadAt(text: ScanText, i: number): boolean {
  const t = text.at(i);
  if (!t || t.punct) return false;
  if (t.word === 'các' || t.word === 'những') {
    const next = text.at(i + 1);
    if (!next || next.punct) return false;
    return next.capital || phraseAt(text, i + 1, COLLECTIVE_NOUNS) > 0;
  }
  const excluded = NOT_A_HEAD_AFTER[t.word];
  const after = text.at(i + 1);
  if (excluded && after && excluded.includes(after.word)) return false;
  if (phraseAt(text, i, ANY_CASE_HEADS) > 0) return true;
  return t.capital && phraseAt(text, i, CAPITAL_HEADS) > 0;
}

/** The stop phrase at token i (lower case, not protected), or null. */
export function stopAt(text: ScanText, i: number): string | null {
  const t = text.at(i);
  if (!t || t.punct || t.capital) return null;
  const before = text.at(i - 1);
  if (before && !before.punct && KEEP_AFTER.has(before.word)) return null;
  const n = phraseAt(text, i, STOPS);
  if (n === 0) return null;
  if (t.word === 'có' && CO_KEEP.has(text.at(i + 1)?.word ?? '')) return null;
  const words: string[] = [];
  for (let k = i; k < i + n; k++) words.push(text.at(k)?.word ?? '');
  return words.join(' ');
}

export type ScanStop = 'verb' | 'colon' | 'semicolon' | 'punct' | 'end';

export interface UnitScan {
  units: string[];
  stop: ScanStop;
  /** The verb that ended the list ("chủ trì", "phối hợp" …) when stop is 'verb'. */
  stopWord: string | null;
  /** Token index just after the list (the stop word, colon …). */
  nextToken: number;
}

/**
 * Reads a list of units starting at token `start`; null when no unit starts there or the "name" runs on
 * for more words than a name has (then it was a sentence, not a name).
 */
export function scanUnits(text: ScanText, start: number): UnitScan | null {
  if (!isHeadAt(text, start)) return null;
  // Unit boundaries as start/end pairs; no closures here, this is the hottest loop of the parser.
  const ranges: number[] = [];
  let unitStart = text.at(start)?.start ?? 0;
  let unitEnd = unitStart;
  let words = 0;
  let stop: ScanStop = 'end';
  let stopWord: string | null = null;
  let i = start;
  for (let t = text.at(i); t; t = text.at(i)) {
    if (t.punct) {
      if (t.word === ',' || t.word === ';') {
        if (isHeadAt(text, i + 1)) {
          ranges.push(unitStart, unitEnd);
          unitStart = text.at(i + 1)?.start ?? unitEnd;
          unitEnd = unitStart;
          words = 0;
          i++;
          if (ranges.length >= MAX_UNITS * 2) break;
          continue;
        }
        if (t.word === ';') {
          stop = 'semicolon';
          break;
        }
        stopWord = stopAt(text, i + 1);
        if (stopWord) {
          stop = 'verb';
          i++;
          break;
        }
        i++;
        continue;
      }
      if (t.word === '.' && DOTTED_ABBREVIATIONS.has(text.at(i - 1)?.word ?? '') && text.at(i + 1)?.capital) {
        unitEnd = t.end;
        i++;
        continue;
      }
      stop = t.word === ':' ? 'colon' : 'punct';
      break;
    }
    if (words > 0) {
      stopWord = stopAt(text, i);
      if (stopWord) {
        stop = 'verb';
        break;
      }
      if ((t.word === 'và' || t.word === '&') && isHeadAt(text, i + 1) && !hdndAndUbnd(text, i)) {
        ranges.push(unitStart, unitEnd);
        unitStart = text.at(i + 1)?.start ?? unitEnd;
        unitEnd = unitStart;
        words = 0;
        i++;
        if (ranges.length >= MAX_UNITS * 2) break;
        continue;
      }
    }
    unitEnd = t.end;
    words++;
    if (words > MAX_UNIT_WORDS) return null;
    i++;
  }
  ranges.push(unitStart, unitEnd);
  return { units: unitTexts(text.text, ranges), stop, stopWord, nextToken: i };
}

function unitTexts(text: string, ranges: readonly number[]): string[] {
  const units: string[] = [];
  for (let k = 0; k + 1 < ranges.length; k += 2) {
    const start = ranges[k] ?? 0;
    const end = ranges[k + 1] ?? 0;
    if (end <= start) continue;
    // A list cut by a verb may end on its connector ("Sở Y tế và" before "chủ động").
    const unit = text
      .slice(start, end)
      .replace(/(?:\s*(?:,|và|&|-|–))+$/u, '')
      .trim();
    if (unit) units.push(unit);
  }
  return units;
}

/** "Văn phòng HĐND và UBND huyện" is one office. */
function hdndAndUbnd(text: ScanText, i: number): boolean {
  return text.at(i - 1)?.word === 'hđnd' && text.at(i + 1)?.word === 'ubnd';
}

/** Characters after a position that a unit list can take; scans read a window, not the whole paragraph. */
export const SCAN_WINDOW = 600;

/** The first unit named at a character offset ("của UBND tỉnh Lạng Sơn về việc …" → "UBND tỉnh Lạng Sơn"). */
export function unitAt(text: string, offset: number): { unit: string; scan: UnitScan } | null {
  const scan = scanUnits(new ScanText(text.slice(offset, offset + SCAN_WINDOW)), 0);
  const unit = scan?.units[0];
  return scan && unit ? { unit, scan } : null;
}
