/**
 * A commune's F0 list as communes keep it: title rows, merged headers, an STT column, the person's columns
 * (read by the registry's header aliases and row validator) and the case's: "Ngày lấy mẫu", "Loại xét
 * nghiệm" (test nhanh / PCR / gộp mẫu), "Kết quả", "Nơi điều trị/cách ly" (tại nhà, trạm y tế…). Pure.
 */
import type { FieldError, Message } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';
import { cellText, readCell } from '../../persons/rules/cell.ts';
import { parseBirthDate } from '../../persons/rules/dates.ts';
import {
  headerField,
  headerKey,
  PERSON_FIELD_LABELS,
  type PersonField,
} from '../../persons/rules/headers.ts';
import type { TestKind } from './case-input.ts';
import type { PlaceOfCare } from './day-counts.ts';

export const CASE_FIELDS = [
  'sampleDate',
  'confirmedOn',
  'testKind',
  'result',
  'placeOfCare',
  'caseNote',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];
export type CaseFileField = CaseField | PersonField;

/** Headers reduced to folded words (headerKey): "Loại xét nghiệm (test nhanh/PCR)" → "loai xet nghiem". */
const CASE_ALIASES: Readonly<Record<string, CaseField>> = Object.fromEntries(
  Object.entries({
    sampleDate: ['ngay lay mau', 'ngay lay mau xet nghiem', 'ngay xet nghiem', 'ngay test', 'ngay lm'],
    confirmedOn: ['ngay xac nhan', 'ngay co ket qua', 'ngay tra ket qua', 'ngay duong tinh'],
    testKind: ['loai xet nghiem', 'hinh thuc xet nghiem', 'phuong phap xet nghiem', 'loai xn', 'loai test'],
    result: ['ket qua', 'ket qua xet nghiem', 'kq', 'kq xn', 'ket qua xn'],
    placeOfCare: [
      'noi dieu tri',
      'noi dieu tri cach ly',
      'noi cach ly dieu tri',
      'noi cach ly',
      'hinh thuc dieu tri',
      'dieu tri tai',
      'cach ly tai',
    ],
    caseNote: ['ghi chu'],
  }).flatMap(([field, keys]) => keys.map((k) => [k, field as CaseField])),
);
/**
 * "Thôn", "Địa chỉ/Thôn": the village when one of the commune's is named, else kept as the address (a case
 * is not refused for a village the registry does not know yet).
 */
const VILLAGE_OR_ADDRESS = new Set(['dia chi thon', 'thon dia chi', 'dia chi thon xom', 'thon xom dia chi']);
const IGNORED = new Set(['stt', 'tt', 'so tt', 'so thu tu']);

export interface CaseColumn {
  index: number;
  header: string;
  field: CaseFileField | 'villageOrAddress' | null;
}

/**
 * The header among the first rows: the row naming the most known columns, with a name and a sample day. A
 * header merged over two rows ("Xét nghiệm" over "Ngày lấy mẫu | Loại | Kết quả") is read as the two rows'
 * texts column by column.
 */
export function detectCaseHeader(rows: unknown[][]): { headerRow: number; columns: CaseColumn[] } | null {
  let best: { headerRow: number; columns: CaseColumn[]; score: number } | null = null;
  for (let i = 0; i < rows.length; i++) {
    const candidates = [{ headerRow: i, texts: (rows[i] ?? []).map(cellText) }];
    if (rows[i + 1]) {
      const below = rows[i + 1]!.map(cellText);
      const top = (rows[i] ?? []).map(cellText);
      const width = Math.max(top.length, below.length);
      candidates.push({
        headerRow: i + 1,
        texts: Array.from({ length: width }, (_, j) => (below[j] || top[j]) ?? ''),
      });
    }
    for (const c of candidates) {
      const columns = readColumns(c.texts);
      const fields = new Set(columns.map((col) => col.field));
      const score = columns.filter((col) => col.field).length;
      if (fields.has('fullName') && fields.has('sampleDate') && (!best || score > best.score))
        best = { headerRow: c.headerRow, columns, score };
    }
  }
  return best && { headerRow: best.headerRow, columns: best.columns };
}

function readColumns(texts: string[]): CaseColumn[] {
  const taken = new Set<string>();
  return texts.flatMap((text, index) => {
    const header = text.replace(/\s+/g, ' ').trim();
    if (!header) return [];
    const key = headerKey(header);
    let field: CaseColumn['field'] = IGNORED.has(key)
      ? null
      : (CASE_ALIASES[key] ??
        (VILLAGE_OR_ADDRESS.has(key) ? 'villageOrAddress' : headerField(header)) ??
        null);
    if (field === 'note') field = 'caseNote';
    if (field === 'village') field = 'villageOrAddress';
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    return [{ index, header, field }];
  });
}

export interface CaseRowFacts {
  sampleDate: string;
  confirmedOn: string;
  testKind: TestKind;
  placeOfCare: PlaceOfCare;
  note: string | null;
}

const problem = (field: CaseField, vi: string, en: string): FieldError => ({ field, message: { vi, en } });
const READ_ANY_YEAR = new Date('9999-12-31T00:00:00Z');

/** A day as lists write it (05/01/2022, 2022-01-05, an Excel date), or why not. */
function readDay(raw: unknown, field: CaseField, label: Message): string | FieldError | null {
  const cell = readCell(typeof raw === 'string' ? raw.replace(/^ng[aà]y\s+/i, '') : raw);
  if (!cell.ok) return { field, message: cell.reason };
  if (cell.value == null) return null;
  const parsed = parseBirthDate(cell.value, READ_ANY_YEAR);
  if (parsed.ok && parsed.date) return parsed.date;
  const shown = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.value);
  return problem(
    field,
    `Không đọc được ${label.vi} “${shown}”: ghi ngày/tháng/năm (05/01/2022).`,
    `Cannot read the ${label.en} “${shown}”: write day/month/year (05/01/2022).`,
  );
}

/** "Test nhanh", "TNKN", "Kháng nguyên", "RT-PCR", "PCR gộp"… (glossary: rapidAntigen, pcr, pooled). */
export function readTestKind(text: string): TestKind | null {
  const t = foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (/\bgop\b|pool/.test(t)) return 'pooled';
  if (/pcr/.test(t)) return 'pcr';
  if (/test nhanh|\bnhanh\b|khang nguyen|tnkn|\bkn\b|\bag\b|antigen|rapid/.test(t)) return 'rapidAntigen';
  return null;
}

/** "Tại nhà", "F0 tại nhà", "Trạm y tế", "TYT xã", "Trạm y tế lưu động", "Khu cách ly", "Bệnh viện"… */
export function readPlaceOfCare(text: string): PlaceOfCare | null {
  const t = foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (/luu dong/.test(t)) return 'mobileStation';
  if (/tai nha|\bnha\b|home/.test(t)) return 'home';
  if (/tram y te|\btyt\b|\btram\b/.test(t)) return 'communeStation';
  if (/benh vien|\bbv\b/.test(t)) return 'hospital';
  if (/cach ly|thu dung|co so|khu dieu tri|tap trung|ttyt|trung tam y te/.test(t)) return 'facility';
  return null;
}

/**
 * The case's columns of a row: the sample day (required), the confirmation day (the sample day when blank), a
 * known test kind, a positive result (blank: the list is of F0), a known place of care (blank: at home, as
 * most F0 of the wave were). Dates against today and the birth are checked once the person is known.
 */
export function readCaseCells(
  cells: Partial<Record<CaseField, unknown>>,
): { ok: true; facts: CaseRowFacts } | { ok: false; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const day = (field: CaseField, label: Message) => {
    const read = readDay(cells[field], field, label);
    if (read && typeof read !== 'string') problems.push(read);
    return typeof read === 'string' ? read : null;
  };
  const sampleDate = day('sampleDate', { vi: 'ngày lấy mẫu', en: 'sample date' });
  if (sampleDate === null && !problems.length)
    problems.push(problem('sampleDate', 'Thiếu ngày lấy mẫu.', 'The sample date is missing.'));
  const confirmedOn = day('confirmedOn', { vi: 'ngày xác nhận', en: 'confirmation date' }) ?? sampleDate;
  if (sampleDate && confirmedOn && confirmedOn < sampleDate)
    problems.push(
      problem('confirmedOn', 'Ngày xác nhận trước ngày lấy mẫu.', 'Confirmed before the sample was taken.'),
    );

  const kindText = cellText(cells.testKind).trim();
  const testKind = readTestKind(kindText);
  if (!testKind)
    problems.push(
      kindText
        ? problem(
            'testKind',
            `Không rõ loại xét nghiệm “${kindText}”: ghi Test nhanh, RT-PCR hoặc PCR gộp mẫu.`,
            `Unknown test kind “${kindText}”: write Test nhanh, RT-PCR or PCR gộp mẫu.`,
          )
        : problem('testKind', 'Thiếu loại xét nghiệm.', 'The test kind is missing.'),
    );

  const resultText = foldDiacritics(cellText(cells.result)).trim();
  if (resultText && !/^(duong tinh|\+|dt|positive|pos|duong)$/.test(resultText))
    problems.push(
      problem(
        'result',
        `Kết quả “${cellText(cells.result).trim()}” không phải dương tính: danh sách F0 chỉ gồm ca dương tính.`,
        `Result “${cellText(cells.result).trim()}” is not positive: an F0 list holds positive cases only.`,
      ),
    );

  const placeText = cellText(cells.placeOfCare).trim();
  const placeOfCare = placeText ? readPlaceOfCare(placeText) : 'home';
  if (!placeOfCare)
    problems.push(
      problem(
        'placeOfCare',
        `Không rõ nơi điều trị “${placeText}”: ghi Tại nhà, Trạm y tế, Trạm y tế lưu động, Khu cách ly hoặc Bệnh viện.`,
        `Unknown place of care “${placeText}”: write Tại nhà, Trạm y tế, Trạm y tế lưu động, Khu cách ly or Bệnh viện.`,
      ),
    );
  if (problems.length || !sampleDate || !confirmedOn || !testKind || !placeOfCare)
    return { ok: false, problems };
  const note = cellText(cells.caseNote).trim();
  return { ok: true, facts: { sampleDate, confirmedOn, testKind, placeOfCare, note: note || null } };
}

const CASE_FIELD_LABELS: Readonly<Record<CaseField, string>> = {
  sampleDate: 'Ngày lấy mẫu',
  confirmedOn: 'Ngày xác nhận',
  testKind: 'Loại xét nghiệm',
  result: 'Kết quả',
  placeOfCare: 'Nơi điều trị',
  caseNote: 'Ghi chú',
};

/** The column a problem names: its header in the file, else the field's usual header. */
export function columnNamer(columns: readonly CaseColumn[]) {
  const headers = new Map<string, string>(columns.flatMap((c) => (c.field ? [[c.field, c.header]] : [])));
  const mixed = headers.get('villageOrAddress');
  if (mixed) for (const f of ['village', 'address']) if (!headers.has(f)) headers.set(f, mixed);
  return (field: string) =>
    headers.get(field) ??
    CASE_FIELD_LABELS[field as CaseField] ??
    PERSON_FIELD_LABELS[field as PersonField]?.vi ??
    field;
}
