/**
 * A row of an establishments list (.xlsx/.csv as districts keep them): its header found among title rows by
 * folded words, its sector and size read from the words communes write ("Chợ", "Công ty TNHH…", "Lớn"), its
 * commune by GSO code or name. Pure.
 */
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';
import { SECTORS, type Sector, SIZES, type Size } from './checklists.ts';

export const ROW_FIELDS = [
  'name',
  'sector',
  'size',
  'commune',
  'address',
  'owner',
  'phone',
  'workers',
] as const;
export type RowField = (typeof ROW_FIELDS)[number];

const fold = (v: unknown) =>
  foldDiacritics(String(v ?? ''))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Header words (folded) per field, longest first where one contains another. */
const HEADER_WORDS: Record<RowField, string[]> = {
  name: ['ten co so', 'ten don vi', 'ten'],
  sector: ['loai hinh', 'loai co so', 'linh vuc', 'loai'],
  size: ['quy mo'],
  commune: ['ma xa', 'xa, phuong', 'xa phuong', 'xa'],
  address: ['dia chi'],
  owner: ['nguoi phu trach', 'chu co so', 'nguoi dai dien'],
  phone: ['so dien thoai', 'dien thoai', 'sdt'],
  workers: ['so lao dong', 'so nguoi'],
};

/** The header row among the first rows: the first holding a name and a sector column. */
export function findHeader(head: readonly { row: number; cells: unknown[] }[]) {
  for (const r of head) {
    const columns = r.cells.map((cell, index) => {
      const text = fold(cell);
      const field = text
        ? (ROW_FIELDS.find((f) => HEADER_WORDS[f].some((w) => text === w || text.startsWith(`${w} `))) ??
          null)
        : null;
      return { index, field, header: String(cell ?? '') };
    });
    const fields = new Set(columns.map((c) => c.field));
    if (fields.has('name') && fields.has('sector')) {
      // A field named twice keeps its first column.
      const seen = new Set<RowField>();
      return {
        row: r.row,
        columns: columns.map((c) => {
          if (!c.field || seen.has(c.field)) return { ...c, field: null };
          seen.add(c.field);
          return c;
        }),
      };
    }
  }
  return null;
}

const SECTOR_WORDS: [string, Sector][] = [
  ['benh vien', 'hospital'],
  ['phong kham', 'hospital'],
  ['tram y te', 'hospital'],
  ['truong', 'school'],
  ['mam non', 'school'],
  ['cho', 'market'],
  ['nha may', 'factory'],
  ['xi nghiep', 'factory'],
  ['cong ty', 'factory'],
  ['san xuat', 'factory'],
  ['xuong', 'factory'],
  ['cua hang', 'shop'],
  ['tap hoa', 'shop'],
  ['sieu thi', 'shop'],
  ['nha hang', 'shop'],
  ['quan', 'shop'],
];
const SIZE_WORDS: Record<string, Size> = { nho: 'small', vua: 'medium', lon: 'large' };

export function readSector(value: unknown): Sector | null {
  const text = fold(value);
  if ((SECTORS as readonly string[]).includes(text)) return text as Sector;
  return SECTOR_WORDS.find(([w]) => text === w || text.startsWith(`${w} `))?.[1] ?? null;
}

export function readSize(value: unknown): Size | null {
  const text = fold(value);
  if ((SIZES as readonly string[]).includes(text)) return text as Size;
  return SIZE_WORDS[text] ?? null;
}

export interface RowProblemOut {
  column: RowField;
  reason: Message;
}

export interface EstablishmentRowValue {
  name: string;
  sector: Sector;
  size: Size;
  communeCode: string;
  address: string | null;
  ownerName: string | null;
  phone: string | null;
  workers: number | null;
}

/**
 * A row's establishment, or its problems. `communes` are the unit's communes (code → folded name); a list of one
 * commune may leave the column out (`defaultCommune`). A missing size is "small" (most shops and markets).
 */
export function readRow(
  cells: Partial<Record<RowField, unknown>>,
  communes: ReadonlyMap<string, string>,
  defaultCommune: string | null,
): { value: EstablishmentRowValue } | { problems: RowProblemOut[] } {
  const problems: RowProblemOut[] = [];
  const name = String(cells.name ?? '').trim();
  if (!name)
    problems.push({ column: 'name', reason: { vi: 'Thiếu tên cơ sở.', en: 'The name is missing.' } });
  const sector = readSector(cells.sector);
  if (!sector)
    problems.push({
      column: 'sector',
      reason: {
        vi: 'Loại cơ sở không rõ (bệnh viện, cơ sở sản xuất, chợ, cửa hàng, trường học).',
        en: 'Unknown sector (hospital, factory, market, shop, school).',
      },
    });
  const sizeText = fold(cells.size);
  const size = sizeText ? readSize(cells.size) : 'small';
  if (!size)
    problems.push({
      column: 'size',
      reason: { vi: 'Quy mô là Nhỏ, Vừa hoặc Lớn.', en: 'Size is small, medium or large.' },
    });
  const communeText = fold(cells.commune);
  let communeCode: string | null = null;
  if (!communeText) communeCode = defaultCommune;
  else if (communes.has(communeText)) communeCode = communeText;
  else
    communeCode =
      [...communes].find(
        ([, folded]) =>
          folded === communeText || communeText.endsWith(` ${folded}`) || folded.endsWith(` ${communeText}`),
      )?.[0] ?? null;
  if (!communeCode)
    problems.push({
      column: 'commune',
      reason: { vi: 'Không có xã này trong đơn vị.', en: 'No such commune in the unit.' },
    });
  const workersText = String(cells.workers ?? '').trim();
  const workers = workersText ? Number(workersText.replace(/[.\s,]/g, '')) : null;
  if (workers !== null && (!Number.isInteger(workers) || workers < 0))
    problems.push({
      column: 'workers',
      reason: { vi: 'Số lao động không hợp lệ.', en: 'Not a number of workers.' },
    });
  if (problems.length) return { problems };
  const text = (v: unknown) => String(v ?? '').trim() || null;
  return {
    value: {
      name,
      sector: sector!,
      size: size!,
      communeCode: communeCode!,
      address: text(cells.address),
      ownerName: text(cells.owner),
      phone: text(cells.phone),
      workers,
    },
  };
}
