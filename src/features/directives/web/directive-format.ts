import type { TFunction } from 'i18next';
import { foldDiacritics } from '../../../core/text.ts';
import { formatDate } from '../../../web/format.ts';
import type { DocumentSummary, Task } from './directives-api.ts';

/** "…/UBND-VP", "2043/UBND-KGVX": the register number (blank before issue) and symbol, as offices write them. */
export function numberSymbol(d: Pick<DocumentSummary, 'number' | 'symbol'>): string {
  if (!d.number && !d.symbol) return '';
  return `${d.number ?? '…'}/${d.symbol ?? '…'}`;
}

/** "Công văn 2043/UBND-KGVX": the kind and the number and symbol. */
export function documentTitle(t: TFunction, d: Pick<DocumentSummary, 'kind' | 'number' | 'symbol'>): string {
  const ns = numberSymbol(d);
  return ns ? `${t(`directives.kinds.${d.kind}`)} ${ns}` : t(`directives.kinds.${d.kind}`);
}

/** dd/mm/yyyy of a document, or the parts a letter leaves blank before issue ("…/12/2021"). */
export function documentDate(
  date: string | null,
  partial?: { day: number | null; month: number | null; year: number | null },
): string | null {
  if (date) return formatDate(`${date}T00:00:00+07:00`);
  if (!partial || (partial.month === null && partial.year === null)) return null;
  const two = (n: number | null) => (n === null ? '…' : String(n).padStart(2, '0'));
  return `${two(partial.day)}/${two(partial.month)}/${partial.year ?? '…'}`;
}

/** "2021-12-31" → "31/12/2021" without going through a time zone. */
export function isoToText(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** The deadline in a few words: its date, else "khẩn" for "ngay"/"khẩn trương", else none. */
export function deadlineText(t: TFunction, deadline: Task['deadline'] | null): string {
  if (deadline?.date) return isoToText(deadline.date);
  if (deadline?.urgent) return t('directives.urgent');
  return t('directives.noDeadline');
}

/** The letter names the user's own unit as its issuer ("UBND huyện Hữu Lũng" for Huyện Hữu Lũng). */
export function issuedBy(issuer: string, unitName: string): boolean {
  const unit = foldDiacritics(unitName).trim();
  return unit.length > 0 && foldDiacritics(issuer).includes(unit);
}

/** Tasks by item, in the letter's order: one item fans out to many units. */
export function byOrdinal<T extends { ordinal: string }>(
  tasks: readonly T[],
): { ordinal: string; tasks: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const task of tasks) {
    const group = groups.get(task.ordinal);
    if (group) group.push(task);
    else groups.set(task.ordinal, [task]);
  }
  return [...groups].map(([ordinal, list]) => ({ ordinal, tasks: list }));
}

/** Lines of a textarea, trimmed, blank ones dropped. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A file as base64 for a JSON body (schemas.ts `upload`). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
