/**
 * The deadline of a task: a date phrase ("trước ngày 15/12/2021", "trong tháng 01/2022", "chậm nhất
 * ngày …", "trong quý I/2022"), a relative one ("trong vòng 03 ngày") or an urgency word
 * ("ngay", "khẩn trương", "kịp thời").
 */
import type { Deadline } from './parsed-document.ts';
import { completeYear, DATE_PATTERN, dateFromGroups, isoDate, lastDayOfMonth } from './vietnamese-dates.ts';

export interface LetterDateContext {
  year: number | null;
  month: number | null;
}

const TIME = String.raw`(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?(?:\s*phút)?\s*,?\s*)?`;
/** "trước (17 giờ) (ngày) 15/12/2021", "chậm nhất là ngày …", "hạn chót …", "không quá ngày …". */
const BEFORE_DATE = new RegExp(
  String.raw`(?:trước|chậm nhất(?:\s+(?:là|vào))?|hạn chót(?:\s+là)?|không quá)\s+${TIME}(?:ngày\s+)?(?:${DATE_PATTERN})`,
  'giu',
);
/** "(hoàn thành) trong ngày 15/12/2021": "trong" needs "ngày", else "trong 3/4 số xã" would be a date. */
const ON_DATE = new RegExp(String.raw`trong\s+${TIME}ngày\s+(?:${DATE_PATTERN})`, 'giu');
const IN_MONTH =
  /(?:trong|hết|cuối)\s+tháng\s+(\d{1,2})(?:\s*[/-]\s*(\d{4})|\s*,?\s*năm\s+(\d{4}))?(?!\s*[/-]?\s*\d)/giu;
const IN_QUARTER =
  /(?:trong|hết|cuối)\s+quý\s+(IV|I{1,3}|[1-4])(?:\s*[/-]\s*(\d{4})|\s*,?\s*năm\s+(\d{4}))?/giu;
const RELATIVE =
  /trong\s+(?:vòng|thời hạn|thời gian)?\s*\d{1,3}\s+(?:ngày|giờ)(?:\s+làm\s+việc)?(?:\s*,?\s*kể\s+từ\s+ngày\s+[^,;.]{1,40})?/giu;
/** "ngay tại cơ sở" is a place, not a time; the other uses of "ngay" are. */
const URGENT =
  /(?:ngay(?!\s+(?:tại|từ|cả|bên|cạnh|sát|trên|dưới)(?!\p{L}))|khẩn trương|kịp thời|khẩn cấp|hỏa tốc|hoả tốc)(?![\p{L}\p{M}])/giu;

interface DatedPhrase {
  index: number;
  text: string;
  date: string | null;
}

/** The deadline stated in a task's text, or null when it states none. */
export function findDeadline(text: string, context: LetterDateContext): Deadline | null {
  // Each pattern runs only when its leading word is in the text: cheap substring tests spare most runs.
  const lower = text.toLowerCase();
  const inWords = hasAny(lower, 'trong', 'hết', 'cuối');
  const dated = earliest([
    ...(hasAny(lower, 'trước', 'chậm nhất', 'hạn chót', 'không quá')
      ? matches(BEFORE_DATE, text, (m) => dayDate(m, context))
      : []),
    ...(inWords && hasAny(lower, 'ngày') ? matches(ON_DATE, text, (m) => dayDate(m, context)) : []),
    ...(inWords && hasAny(lower, 'tháng')
      ? matches(IN_MONTH, text, (m) => {
          const month = Number(m[1]);
          const year = completeYear({ month, year: yearOf(m[2] ?? m[3]) }, context);
          return year === null || month < 1 || month > 12
            ? null
            : isoDate(year, month, lastDayOfMonth(year, month));
        })
      : []),
    ...(inWords && hasAny(lower, 'quý')
      ? matches(IN_QUARTER, text, (m) => {
          const quarter = quarterNumber(m[1] ?? '');
          const month = quarter * 3;
          const year = completeYear({ month, year: yearOf(m[2] ?? m[3]) }, context);
          return year === null ? null : isoDate(year, month, lastDayOfMonth(year, month));
        })
      : []),
    ...(hasAny(lower, 'trong') ? matches(RELATIVE, text, () => null) : []),
  ]);
  const urgent = hasAny(lower, 'ngay', 'khẩn', 'kịp thời', 'hỏa tốc', 'hoả tốc')
    ? (matches(URGENT, text, () => null)[0] ?? null)
    : null;
  if (!dated && !urgent) return null;
  return {
    date: dated?.date ?? null,
    urgent: urgent !== null,
    text: dated ? dated.text : (urgent?.text ?? ''),
  };
}

/**
 * All matches that start a word. The word-start test is done here rather than with a look-behind in
 * the patterns, which would run at every position of the text.
 */
function matches(re: RegExp, text: string, toDate: (m: RegExpExecArray) => string | null): DatedPhrase[] {
  const out: DatedPhrase[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > 0 && LETTER.test(text.charAt(m.index - 1))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ index: m.index, text: m[0].trim(), date: toDate(m) });
  }
  return out;
}

const LETTER = /[\p{L}\p{M}]/u;

/** The first phrase that gives a date wins; a relative phrase only when no date is given. */
function earliest(phrases: DatedPhrase[]): DatedPhrase | null {
  const withDate = phrases.filter((p) => p.date !== null);
  const pool = withDate.length > 0 ? withDate : phrases;
  let best: DatedPhrase | null = null;
  for (const p of pool) if (!best || p.index < best.index) best = p;
  return best;
}

function dayDate(m: RegExpExecArray, context: LetterDateContext): string | null {
  const d = dateFromGroups(m, 1);
  return isoDate(completeYear(d, context), d.month, d.day);
}

function hasAny(text: string, ...words: string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

function yearOf(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

function quarterNumber(text: string): number {
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
  return roman[text.toUpperCase()] ?? Number(text);
}
