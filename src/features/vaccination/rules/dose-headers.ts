/**
 * The header row of a dose list laid out like a national-platform export: one row per dose, with the person
 * (name, birth date, sex, ID, phone, address, commune) and the dose (vaccine, date, dose number, site, lot).
 * Person columns are recognised by the registry's own header table; the dose columns by the aliases below.
 */
import { foldDiacritics, normalizeName } from '../../../core/text.ts';
import { cellText } from '../../persons/rules/cell.ts';
import { headerField, headerKey, type PersonField } from '../../persons/rules/headers.ts';

const DOSE_FIELDS = [
  'vaccine',
  'doseDate',
  'doseNumber',
  'doseKind',
  'site',
  'lot',
  'communeCode',
  'commune',
  'district',
  'province',
] as const;
export type DoseField = (typeof DOSE_FIELDS)[number];
export type DoseFileField = DoseField | PersonField;

const DOSE_ALIASES: Readonly<Record<string, DoseField>> = Object.fromEntries(
  (
    [
      [
        'vaccine',
        'ten vac xin|loai vac xin|vac xin|vacxin|ten vacxin|loai vacxin|vaccine|ten vaccine|loai vaccine|vac xin da tiem|ten vac xin da tiem',
      ],
      ['doseDate', 'ngay tiem|ngay tiem chung|thoi gian tiem|ngay thang tiem|ngay tiem vac xin'],
      ['doseNumber', 'mui tiem|mui|mui so|mui thu|so mui|lan tiem|mui tiem thu|mui tiem so'],
      ['doseKind', 'loai mui|loai mui tiem|phan loai mui'],
      [
        'site',
        'co so tiem|co so tiem chung|diem tiem|noi tiem|don vi tiem|dia diem tiem|co so tiem chung covid 19',
      ],
      ['lot', 'so lo|lo vac xin|so lo vac xin|lo'],
      ['communeCode', 'ma xa|ma xa phuong|ma dvhc|ma don vi hanh chinh|ma xa phuong thi tran'],
      ['commune', 'xa phuong|xa|phuong xa|xa phuong thi tran|phuong'],
      ['district', 'quan huyen|huyen|huyen thi xa|quan huyen thi xa|huyen thi xa thanh pho'],
      ['province', 'tinh thanh pho|tinh|tinh tp|tinh thanh'],
    ] as const
  ).flatMap(([field, keys]) => keys.split('|').map((key) => [key, field])),
);

export interface DoseHeader {
  /** Index of the header row in the rows given; data starts below. */
  headerRow: number;
  columns: { index: number; header: string; field: DoseFileField | null }[];
}

function fieldOf(text: string): DoseFileField | null {
  return DOSE_ALIASES[headerKey(text)] ?? headerField(text);
}

/** The row naming the most known columns, among those with a name, a vaccine and a dose date column. */
export function detectDoseHeader(rows: unknown[][], maxScan = 20): DoseHeader | null {
  let best: { header: DoseHeader; score: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, maxScan); i++) {
    const taken = new Set<DoseFileField>();
    const columns = (rows[i] ?? []).flatMap((raw, index) => {
      const header = normalizeName(cellText(raw));
      if (!header) return [];
      let field = fieldOf(header);
      if (field && taken.has(field)) field = null;
      if (field) taken.add(field);
      return [{ index, header, field }];
    });
    const complete = taken.has('fullName') && taken.has('vaccine') && taken.has('doseDate');
    if (complete && (!best || taken.size > best.score))
      best = { header: { headerRow: i, columns }, score: taken.size };
  }
  return best?.header ?? null;
}

/** "Xã Yên Thịnh", "xa yen thinh", "Yên Thịnh" → "yen thinh": unit names without their kind. */
export function unitNameKey(name: string): string {
  return foldDiacritics(name)
    .replace(/^(thanh pho|thi tran|thi xa|tinh|huyen|quan|phuong|xa|tp\.?)\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
