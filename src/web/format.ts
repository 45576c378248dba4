/**
 * Numbers and dates as Vietnamese offices write them, whatever the interface language:
 * 120.000 (vi-VN grouping), dd/mm/yyyy, times in Vietnam's time zone.
 */

const numberFormat = new Intl.NumberFormat('vi-VN');

export function formatNumber(n: number | null | undefined): string {
  return n == null ? '—' : numberFormat.format(n);
}

const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "87,5 %": a share of a whole, one decimal; "—" when the whole is nil. */
export function formatPercent(part: number, whole: number): string {
  return whole > 0 ? `${percentFormat.format((part / whole) * 100)} %` : '—';
}

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date) {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const p: Record<string, string> = {};
  for (const { type, value: v } of dateTimeParts.formatToParts(date)) p[type] = v;
  return p;
}

/** dd/mm/yyyy in Asia/Ho_Chi_Minh. */
export function formatDate(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : '—';
}

/** dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '—';
}

/** "23/11/2021" (also 23-11-2021, 23.11.2021, 1/2/2022) → "2021-11-23"; null when not a real date. */
export function parseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/** "2021-11-23" → "23/11/2021" (for a date kept as ISO in the address bar). */
export function isoDateToText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** "2021-11-23" → "2021-11-24". */
export function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
