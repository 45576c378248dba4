/**
 * The dose columns of a national-platform export as people type them: "Mũi 2", "2", "Mũi 3 (nhắc lại)",
 * "Mũi bổ sung", a kind column ("Cơ bản", "Nhắc lại"), dates as the registry's date reader understands them.
 * Vietnamese lists number doses across the series: "Mũi 3" after a two-dose series is the first booster.
 */
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';
import { readCell } from '../../persons/rules/cell.ts';
import { parseBirthDate } from '../../persons/rules/dates.ts';
import type { DoseKind } from './dose-series.ts';
import { VACCINES, type VaccineId } from './vaccines.ts';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: Message };

const fail = (vi: string, en: string): { ok: false; reason: Message } => ({ ok: false, reason: { vi, en } });
/** The registry's reader refuses future birth dates; dose dates are checked against today by checkDose. */
const NO_FUTURE_LIMIT = new Date('9999-12-31T00:00:00Z');

/**
 * Exports stamp the time of the injection ("01/10/2021 08:30", "01/10/2021 8:30:00 SA" with Vietnamese
 * SA/CH for AM/PM) and lists sometimes write "ngày 01/10/2021": only the day counts for a dose.
 */
const TIME_OF_DAY = /\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM))?$/i;
const DAY_WORD = /^ng[aà]y\s+/i;

export function readDoseDate(raw: unknown): Read<string> {
  const cell = readCell(
    typeof raw === 'string' ? raw.trim().replace(TIME_OF_DAY, '').replace(DAY_WORD, '') : raw,
  );
  if (!cell.ok) return cell;
  if (cell.value == null) return fail('Thiếu ngày tiêm.', 'The dose date is missing.');
  const shown = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.value);
  const parsed = parseBirthDate(cell.value, NO_FUTURE_LIMIT);
  if (parsed.ok && parsed.date) return { ok: true, value: parsed.date };
  if (parsed.ok)
    return fail(`Ngày tiêm “${shown}” thiếu ngày, tháng.`, `The dose date “${shown}” has no day and month.`);
  return fail(
    `Không đọc được ngày tiêm “${shown}”: ghi theo dạng ngày/tháng/năm (05/10/2021).`,
    `Cannot read the dose date “${shown}”: write day/month/year (05/10/2021).`,
  );
}

function kindIn(folded: string): DoseKind | null {
  if (/nhac lai|tang cuong|booster/.test(folded)) return 'booster';
  if (/bo sung|additional/.test(folded)) return 'additional';
  if (/co ban|primary/.test(folded)) return 'primary';
  return null;
}

/** Kind and number of a dose from the "Mũi tiêm" cell and an optional kind cell, for the given product. */
export function readDoseNumber(
  numberRaw: unknown,
  kindRaw: unknown,
  vaccine: VaccineId,
): Read<{ kind: DoseKind; number: number }> {
  const text = (raw: unknown) => {
    const cell = readCell(raw);
    return cell.ok && cell.value != null ? foldDiacritics(String(cell.value)) : '';
  };
  const numberText = text(numberRaw);
  const kind = kindIn(text(kindRaw)) ?? kindIn(numberText);
  const digits = /\d+/.exec(numberText);
  const n = digits ? Number(digits[0]) : null;
  const primaryDoses = VACCINES[vaccine].primary.doses;
  if (kind === 'additional') return { ok: true, value: { kind, number: 1 } };
  if (kind === 'booster') {
    const number = n === null ? 1 : n > primaryDoses ? n - primaryDoses : n;
    return { ok: true, value: { kind, number } };
  }
  if (n === null || n < 1)
    return numberText
      ? fail(
          `Không đọc được mũi tiêm “${numberText}”: ghi Mũi 1, Mũi 2…`,
          `Cannot read the dose “${numberText}”: write Mũi 1, Mũi 2…`,
        )
      : fail('Thiếu mũi tiêm.', 'The dose number is missing.');
  if (kind === 'primary' || n <= primaryDoses) return { ok: true, value: { kind: 'primary', number: n } };
  return { ok: true, value: { kind: 'booster', number: n - primaryDoses } };
}
