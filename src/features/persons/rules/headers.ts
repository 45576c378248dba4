/**
 * Finding the header row of a list as communes make them: title rows ("UBND XÃ …", "DANH SÁCH …")
 * merged across the sheet, blank rows, then the headers in any order and spelling.
 */
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics, normalizeName } from '../../../core/text.ts';
import { cellText } from './cell.ts';

export const PERSON_FIELDS = [
  'fullName',
  'birthDate',
  'sex',
  'nationalId',
  'phone',
  'village',
  'address',
  'householdHead',
  'relationToHead',
  'occupation',
  'priorityGroups',
  'status',
  'note',
  // The "Nam | Nữ" layout: the birth date is written under the column of the person's sex.
  'birthDateMale',
  'birthDateFemale',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const PERSON_FIELD_LABELS: Readonly<Record<PersonField, Message>> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  birthDate: { vi: 'Ngày sinh', en: 'Birth date' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  nationalId: { vi: 'Số CCCD/CMND', en: 'National ID' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  village: { vi: 'Thôn/Xóm', en: 'Village' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  householdHead: { vi: 'Chủ hộ', en: 'Head of household' },
  relationToHead: { vi: 'Quan hệ với chủ hộ', en: 'Relation to the head' },
  occupation: { vi: 'Nghề nghiệp', en: 'Occupation' },
  priorityGroups: { vi: 'Đối tượng ưu tiên', en: 'Priority groups' },
  status: { vi: 'Tình trạng', en: 'Status' },
  note: { vi: 'Ghi chú', en: 'Note' },
  birthDateMale: { vi: 'Ngày sinh – Nam', en: 'Birth date (male)' },
  birthDateFemale: { vi: 'Ngày sinh – Nữ', en: 'Birth date (female)' },
};

export interface HeaderColumn {
  /** Position of the cell in the given row array. */
  index: number;
  /** The header as written, on one line. */
  header: string;
  /** null: not a person field (STT) or not recognised (the user maps it by hand). */
  field: PersonField | null;
}

export interface DetectedHeader {
  /** Index of the (last) header row: data starts on the next row. */
  headerRow: number;
  columns: HeaderColumn[];
}

/** Headers reduced to folded words: "Số CCCD/\nCMND" → "so cccd cmnd". */
const ALIASES: Readonly<Record<string, PersonField>> = aliasTable({
  fullName: ['ho va ten', 'ho ten', 'ho va ten nguoi dan', 'ho ten nguoi dan', 'ho va ten cong dan'],
  birthDate: [
    'ngay sinh',
    'nam sinh',
    'ngay thang nam sinh',
    'ngay thang nam',
    'ns',
    'sinh ngay',
    'ngay sinh nam sinh',
  ],
  sex: ['gioi tinh', 'gioi', 'nam nu', 'gt', 'phai'],
  nationalId: [
    'cccd cmnd',
    'cmnd cccd',
    'so cccd cmnd',
    'so cmnd cccd',
    'so cccd',
    'so cmnd',
    'cccd',
    'cmnd',
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma dinh danh',
    'can cuoc cong dan',
    'so can cuoc cong dan',
    'chung minh nhan dan',
    'so chung minh nhan dan',
  ],
  phone: [
    'sdt',
    'so dt',
    'so dien thoai',
    'dien thoai',
    'dt',
    'dtdd',
    'dien thoai di dong',
    'so dien thoai lien he',
    'sdt lien he',
  ],
  village: ['thon xom', 'thon', 'ban', 'xom', 'to dan pho', 'tdp', 'thon ban', 'thon to', 'khu pho', 'ap'],
  address: [
    'dia chi',
    'noi o',
    'noi o hien nay',
    'cho o hien nay',
    'dia chi thuong tru',
    'noi thuong tru',
    'dia chi cu tru',
    'noi cu tru',
  ],
  householdHead: ['chu ho', 'ho ten chu ho', 'ho va ten chu ho', 'ten chu ho'],
  relationToHead: [
    'quan he voi chu ho',
    'qh voi ch',
    'qh voi chu ho',
    'quan he voi ch',
    'quan he chu ho',
    'quan he',
  ],
  occupation: ['nghe nghiep', 'nghe', 'cong viec'],
  priorityGroups: ['doi tuong', 'nhom uu tien', 'doi tuong uu tien', 'nhom doi tuong'],
  status: ['tinh trang', 'trang thai', 'tinh trang cu tru'],
  note: ['ghi chu'],
});

/** Row numbers: recognised, but not a person field. */
const IGNORED = new Set(['stt', 'tt', 'so tt', 'so thu tu']);

/** "Tên" alone is the name only when nothing else is: beside "Họ và tên" it is something else. */
const WEAK_NAME = 'ten';

/** The field a header names on its own (without the context of its row: "Tên", "Nam", "Nữ" need it). */
export function headerField(text: string): PersonField | null {
  return ALIASES[headerKey(text)] ?? null;
}

export function headerKey(text: string): string {
  return foldDiacritics(text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function detectHeader(rows: unknown[][], maxScan = 20): DetectedHeader | null {
  let best: { header: DetectedHeader; score: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, maxScan); i++) {
    const top = (rows[i] ?? []).map(cellText);
    const candidates: DetectedHeader[] = [{ headerRow: i, columns: readColumns(top, null) }];
    const below = rows[i + 1];
    if (below) {
      const sub = below.map(cellText);
      if (isSexSubHeader(top, sub)) candidates.push({ headerRow: i + 1, columns: readColumns(top, sub) });
    }
    for (const header of candidates) {
      const score = header.columns.filter((c) => c.field !== null).length;
      const named = header.columns.some((c) => c.field === 'fullName');
      if (named && score >= 2 && (!best || score > best.score)) best = { header, score };
    }
  }
  return best?.header ?? null;
}

/**
 * A "Nam | Nữ" row under a header row: the birth-date (or sex) header is merged over two columns and the
 * row below splits it. Other cells of that row must be blank or repeat the cell above (vertical merges).
 */
function isSexSubHeader(top: string[], sub: string[]): boolean {
  const keys = sub.map(headerKey);
  if (keys.filter((k) => k === 'nam').length !== 1 || keys.filter((k) => k === 'nu').length !== 1)
    return false;
  return sub.every((text, j) => text === '' || keys[j] === 'nam' || keys[j] === 'nu' || text === top[j]);
}

/** Maps one header row (or a header row and its Nam/Nữ sub-row) to fields; each field once, first wins. */
function readColumns(top: string[], sub: string[] | null): HeaderColumn[] {
  const width = Math.max(top.length, sub?.length ?? 0);
  const texts: string[] = [];
  for (let j = 0; j < width; j++) {
    const above = normalizeName(top[j] ?? '');
    const under = normalizeName(sub?.[j] ?? '');
    texts.push(under && under !== above ? (above ? `${above} / ${under}` : under) : above);
  }
  const subKeys = (sub ?? []).map(headerKey);
  const topKeys = top.map(headerKey);
  const sexColumns = subKeys.includes('nam') ? subKeys : topKeys;
  const hasSexPair = sexColumns.includes('nam') && sexColumns.includes('nu');
  const hasStrongName = topKeys.some((k) => ALIASES[k] === 'fullName');
  const taken = new Set<PersonField>();
  const columns: HeaderColumn[] = [];
  texts.forEach((header, index) => {
    if (header === '') return;
    const key = headerKey(top[index] ?? '') || headerKey(sub?.[index] ?? '');
    let field: PersonField | null = null;
    if (hasSexPair && sexColumns[index] === 'nam') field = 'birthDateMale';
    else if (hasSexPair && sexColumns[index] === 'nu') field = 'birthDateFemale';
    else if (IGNORED.has(key)) field = null;
    else if (key === WEAK_NAME) field = hasStrongName ? null : 'fullName';
    else field = ALIASES[key] ?? null;
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    columns.push({ index, header, field });
  });
  return columns;
}

function aliasTable(table: Partial<Record<PersonField, string[]>>): Record<string, PersonField> {
  const out: Record<string, PersonField> = {};
  for (const [field, keys] of Object.entries(table) as [PersonField, string[]][])
    for (const key of keys) out[key] = field;
  return out;
}

/**
 * The signature block under a table ("Người lập biểu", "Yên Thịnh, ngày … tháng … năm 2021",
 * "TM. UBND XÃ", "TRƯỞNG THÔN"): the table ends at the first such row, and the signers' names below it
 * are not residents.
 */
export function isSignatureRow(cells: unknown[]): boolean {
  return cells.some((cell) => {
    const key = foldDiacritics(cellText(cell));
    return SIGNATURE.some((pattern) => pattern.test(key));
  });
}

const SIGNATURE = [
  /^nguoi lap/,
  /(^|, )ngay\b.*\bthang\b.*\bnam\b/,
  /^(tm|kt|tl|tuq)\s*\./,
  // A title alone in its cell: "Chủ tịch hội nông dân" in a data row is an occupation, not a signature.
  /^(truong ban|pho truong ban|chu tich|pho chu tich|truong thon|pho truong thon|to truong)$/,
  /^xac nhan( cua .*)?$/,
];
