/**
 * The header row of a dose list laid out like a national-platform export: one row per dose, with the person
 * (name, birth date, sex, ID, phone, address, commune) and the dose (vaccine, date, dose number, site, lot).
 * Person columns are recognised by the registry's own header table; the dose columns by the aliases below.
 */
import { foldDiacritics, normalizeName } from '../../../core/text.ts';
import { cellText } from '../../persons/rules/cell.ts';
import { headerField, headerKey, type PersonField } from '../../persons/rules/headers.ts';
import { type DoseGroup, doseGroups } from './dose-groups.ts';

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
        'ten vac xin|loai vac xin|vac xin|vacxin|ten vacxin|loai vacxin|vaccine|ten vaccine|loai vaccine|vac xin da tiem|ten vac xin da tiem|loai vac xin tiem|vac xin tiem|ten vac xin tiem|loai vac xin da tiem',
      ],
      [
        'doseDate',
        'ngay tiem|ngay tiem chung|thoi gian tiem|ngay thang tiem|ngay tiem vac xin|ngay thang nam tiem|thoi gian tiem chung|ngay tiem vaccine|ngay da tiem',
      ],
      [
        'doseNumber',
        'mui tiem|mui|mui so|mui thu|so mui|lan tiem|mui tiem thu|mui tiem so|lan tiem thu|mui vac xin|mui da tiem',
      ],
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
  /** Index of the header row in the rows given (the sub-row, for a two-row header); data starts below. */
  headerRow: number;
  columns: { index: number; header: string; field: DoseFileField | null }[];
  /** The wide layout's doses side by side (one row per person); empty for one row per dose. */
  groups: DoseGroup[];
}

function fieldOf(text: string): DoseFileField | null {
  return DOSE_ALIASES[headerKey(text)] ?? headerField(text);
}

/** The header read from one row, or from a row and the sub-row a merged "Mũi N" heads. */
function readHeader(top: string[], sub: string[] | null, headerRow: number) {
  const wide = doseGroups(top, sub);
  const taken = new Set<DoseFileField>();
  const columns = top.flatMap((_, index) => {
    if (wide?.used.has(index)) return [];
    const header = normalizeName(top[index] || sub?.[index] || '');
    if (!header) return [];
    let field = fieldOf(header);
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    return [{ index, header, field }];
  });
  const doses = (taken.has('vaccine') && taken.has('doseDate')) || wide !== null;
  if (!taken.has('fullName') || !doses) return null;
  // A sub-row that names the groups' columns wins a tie: it is a header, not the first row of data.
  return {
    header: { headerRow, columns, groups: wide?.groups ?? [] },
    score: taken.size + (wide?.used.size ?? 0) + (wide?.fromSubRow ? 0.5 : 0),
  };
}

/** The row naming the most known columns, among those with a name column and doses (columns or groups). */
export function detectDoseHeader(rows: unknown[][], maxScan = 20): DoseHeader | null {
  let best: { header: DoseHeader; score: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, maxScan); i++) {
    const top = (rows[i] ?? []).map(cellText);
    const below = rows[i + 1]?.map(cellText);
    for (const found of [readHeader(top, null, i), below ? readHeader(top, below, i + 1) : null])
      if (found && (!best || found.score > best.score)) best = found;
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
