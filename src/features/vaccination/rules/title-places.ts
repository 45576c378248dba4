/**
 * The places a list's title names: "DANH SÁCH NGƯỜI ĐÃ TIÊM VẮC XIN COVID-19 XÃ YÊN THỊNH", "UBND HUYỆN HỮU
 * LŨNG - TRẠM Y TẾ XÃ YÊN THỊNH". A national-platform export has no commune column: its title says whose it is.
 */
import { foldDiacritics } from '../../../core/text.ts';

export interface TitlePlaces {
  /** Folded words after each marker, up to the next marker or punctuation ("yen thinh nam 2021"). */
  commune: string[];
  district: string[];
  province: string[];
}

const MARKERS: readonly [string, keyof TitlePlaces][] = [
  ['thi tran', 'commune'],
  ['thi xa', 'district'],
  ['thanh pho', 'district'],
  ['xa', 'commune'],
  ['phuong', 'commune'],
  ['huyen', 'district'],
  ['quan', 'district'],
  ['tinh', 'province'],
];
const MARKER = new RegExp(`\\b(${MARKERS.map(([m]) => m).join('|')})\\b`, 'g');

export function titlePlaces(texts: readonly string[]): TitlePlaces {
  const places: TitlePlaces = { commune: [], district: [], province: [] };
  for (const text of texts)
    for (const part of foldDiacritics(text).split(/[^a-z0-9 ]+/)) {
      // Each marker's phrase runs to the next marker: "huyen huu lung xa yen thinh".
      const found = [...part.matchAll(MARKER)];
      found.forEach((m, i) => {
        const phrase = part.slice(m.index + m[0].length, found[i + 1]?.index).trim();
        const kind = MARKERS.find(([marker]) => marker === m[1])![1];
        if (phrase) places[kind].push(phrase);
      });
    }
  return places;
}

/** The phrase's leading words, longest first: a title goes on after the name ("yen thinh nam 2021"). */
export function leadingNames(phrase: string, maxWords = 5): string[] {
  const words = phrase.split(' ').slice(0, maxWords);
  return words.map((_, i) => words.slice(0, words.length - i).join(' '));
}
