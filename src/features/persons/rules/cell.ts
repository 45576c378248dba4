/**
 * Spreadsheet cell values as exceljs and csv-parse hand them over, reduced to plain values.
 * exceljs gives formulas as { formula, result }, rich text as { richText: [{ text }] }, links as
 * { text, hyperlink } and error cells as { error: '#N/A' }.
 */
import type { Message } from '../../../core/errors.ts';

export type CellValue = string | number | Date | null;

export type CellResult = { ok: true; value: CellValue } | { ok: false; reason: Message };

/** The cell's value: trimmed text ('' → null), a number, a date, or why it cannot be used. */
export function readCell(raw: unknown): CellResult {
  if (raw == null) return { ok: true, value: null };
  if (typeof raw === 'string') return { ok: true, value: raw.trim() === '' ? null : raw.trim() };
  if (typeof raw === 'number') return { ok: true, value: Number.isFinite(raw) ? raw : null };
  if (typeof raw === 'boolean') return { ok: true, value: raw ? 'TRUE' : 'FALSE' };
  // exceljs turns a date-formatted number beyond year 275760 (a typo, a crafted file) into an invalid Date.
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime())
      ? fail('Ô ngày tháng có giá trị không hợp lệ.', 'The date cell holds an impossible value.')
      : { ok: true, value: raw };
  if (typeof raw !== 'object') return { ok: true, value: String(raw) };
  const cell = raw as Record<string, unknown>;
  if ('formula' in cell || 'sharedFormula' in cell) {
    // A formula saved without its computed value (files written by scripts, or never recalculated).
    if (cell.result === undefined)
      return fail(
        'Ô chứa công thức nhưng không có giá trị: chép rồi dán giá trị (Paste Values) trước khi tải lên.',
        'The cell holds a formula without a value: copy and paste it as values before uploading.',
      );
    return readCell(cell.result);
  }
  if (typeof cell.error === 'string')
    return fail(`Ô báo lỗi ${cell.error}.`, `The cell shows the error ${cell.error}.`);
  if (Array.isArray(cell.richText))
    return readCell(cell.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join(''));
  if ('text' in cell) return readCell(cell.text);
  return fail('Ô có giá trị không đọc được.', 'The cell holds a value that cannot be read.');
}

/** The cell as display text, for headers and free-text fields; unreadable cells become ''. */
export function cellText(raw: unknown): string {
  const cell = readCell(raw);
  if (!cell.ok || cell.value == null) return '';
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return String(cell.value);
}

function fail(vi: string, en: string): { ok: false; reason: Message } {
  return { ok: false, reason: { vi, en } };
}
