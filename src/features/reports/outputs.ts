/**
 * The report in the official layout of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I: issuing
 * body over its governing body at the left, the national motto at the right, number and place-date line,
 * title, "Kính gửi", body, signer) as .docx, and its tables as .xlsx. A report is a few pages: built in the
 * request's thread (≈ 10 ms), not off-thread.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { addDays, formatDay } from '../../core/dates.ts';
import { excel, neutralizeCell } from '../../core/spreadsheet.ts';
import { formVersion, placeDateLine } from './rules/forms.ts';
import type { ReportView } from './store.ts';

export interface Letterhead {
  /** Governing body ("UBND HUYỆN HỮU LŨNG") and the issuing unit ("BAN CHỈ ĐẠO … XÃ YÊN THỊNH"). */
  governing: string;
  issuer: string;
  place: string;
  recipient: string;
}

const lower = (nameWithType: string) => nameWithType.charAt(0).toLowerCase() + nameWithType.slice(1);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const BCD = 'Ban Chỉ đạo phòng, chống dịch COVID-19';

/** The letterhead of a unit's steering committee: its People's Committee governs it; it reports one level up. */
export function letterhead(
  unit: { name: string; name_with_type: string; level: number },
  parent: { name_with_type: string } | null,
): Letterhead {
  return {
    governing: `UBND ${unit.name_with_type.toUpperCase()}`,
    issuer: `BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19`,
    place: unit.name,
    recipient: parent && unit.level > 1 ? `${BCD} ${lower(parent.name_with_type)}` : `${BCD} Quốc gia`,
  };
}

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('vi-VN');

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

const line = (
  text: string,
  o: {
    bold?: boolean;
    italics?: boolean;
    underline?: boolean;
    size?: number;
    align?: 'center' | 'left' | 'right';
  } = {},
) =>
  new Paragraph({
    alignment:
      o.align === 'left'
        ? AlignmentType.LEFT
        : o.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.CENTER,
    children: [
      new TextRun({
        text,
        bold: o.bold,
        italics: o.italics,
        underline: o.underline ? {} : undefined,
        size: o.size ?? 26,
        font: 'Times New Roman',
      }),
    ],
  });
const body = (text: string, bold = false) =>
  new Paragraph({
    spacing: { after: 80 },
    children: [new TextRun({ text, bold, size: 28, font: 'Times New Roman' })],
  });

const cell = (children: Paragraph[], width: number) =>
  new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } });

/** The .docx of a compiled report (the view GET /api/reports/daily answers). */
export async function reportDocx(view: ReportView, head: Letterhead): Promise<Buffer> {
  const form = formVersion(view.form, view.formVersion)!;
  const report = view.report;
  const values = report?.values ?? view.numbers;
  const number = report?.number ? `Số: ${report.number}` : 'Số:      /BC-BCĐ';
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([line(head.governing, { size: 24 }), line(head.issuer, { bold: true, size: 24 })], 42),
          cell(
            [
              line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
              line('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true }),
            ],
            58,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell([line(number)], 42),
          // A submitted report is dated the day it was sent; a draft, today.
          cell(
            [
              line(placeDateLine(head.place, report?.submittedLocal?.slice(0, 10) ?? view.today), {
                italics: true,
              }),
            ],
            58,
          ),
        ],
      }),
    ],
  });
  // The form's title without its leading "Báo cáo" (the heading says it once, the body's verb once), and the
  // period once: "tình hình dịch COVID-19 ngày 13/01/2022", "tuần … từ ngày 10/01/2022 đến ngày 16/01/2022".
  const title = lower(form.title.vi.replace(/^báo cáo\s+/i, ''));
  const subject = view.form === 'daily' ? title.replace(/\s+hằng ngày$/, '') : title;
  const periodText =
    view.form === 'weekly'
      ? `từ ngày ${formatDay(view.period)} đến ngày ${formatDay(addDays(view.period, 6))}`
      : view.form === 'daily'
        ? `ngày ${formatDay(view.period)}`
        : `(mã văn bản ${view.period})`;
  const children: (Paragraph | Table)[] = [
    header,
    line(''),
    line('BÁO CÁO', { bold: true, size: 28 }),
    line(`${capital(subject)} ${periodText}`, { bold: true }),
    line(`Kính gửi: ${head.recipient}.`),
    line(''),
    body(`${BCD} ${lower(view.unit.name)} báo cáo ${subject} ${periodText} như sau:`),
  ];
  const fields = new Map(report?.fields.map((f) => [f.key, f]) ?? []);
  let group = '';
  let section = 0;
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
  for (const f of form.fields) {
    if (f.group.vi !== group) {
      group = f.group.vi;
      children.push(body(`${roman[section++]}. ${group.toUpperCase()}`, true));
    }
    const c = fields.get(f.key)?.correction;
    const computed = fields.get(f.key)?.computed;
    children.push(
      body(
        `- ${f.label.vi}: ${fmt(values[f.key])}` +
          (c ? ` (số hệ thống: ${fmt(computed)}; điều chỉnh: ${c.reason})` : ''),
      ),
    );
  }
  if (view.rollUp) {
    children.push(body(`${roman[section++]}. TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ`, true));
    children.push(
      body(
        `Đã gửi ${view.rollUp.submitted.length}/${view.rollUp.units.length} đơn vị` +
          (view.missing.length
            ? `; chưa gửi: ${view.rollUp.units
                .filter((u) => !u.submitted)
                .map((u) => u.name)
                .join(', ')}`
            : '') +
          '.',
      ),
    );
    const keys = form.fields.slice(0, 6);
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: ['Đơn vị', ...keys.map((k) => k.label.vi)].map((t) =>
              cell([line(t, { bold: true, size: 20 })], 14),
            ),
          }),
          ...view.rollUp.units.map(
            (u) =>
              new TableRow({
                children: [
                  cell([line(u.name + (u.late ? ' (muộn)' : ''), { size: 20, align: 'left' })], 16),
                  ...keys.map((k) =>
                    cell([line(u.values ? fmt(u.values[k.key]) : 'chưa gửi', { size: 20 })], 14),
                  ),
                ],
              }),
          ),
          new TableRow({
            children: [
              cell([line('Cộng', { bold: true, size: 20 })], 16),
              ...keys.map((k) =>
                cell([line(fmt(view.rollUp!.numbers[k.key]), { bold: true, size: 20 })], 14),
              ),
            ],
          }),
        ],
      }),
    );
  }
  for (const s of form.sections) {
    const text = report?.texts[s.key];
    if (!text) continue;
    children.push(body(`${roman[section++]}. ${s.label.vi.toUpperCase()}`, true));
    for (const p of text.split(/\n+/)) children.push(body(p));
  }
  children.push(line(''));
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            cell(
              [
                line('Nơi nhận:', { bold: true, italics: true, size: 22, align: 'left' }),
                line(`- Như trên;`, { size: 20, align: 'left' }),
                line('- Lưu: VT.', { size: 20, align: 'left' }),
              ],
              45,
            ),
            cell(
              [
                line('TM. BAN CHỈ ĐẠO', { bold: true }),
                line('TRƯỞNG BAN', { bold: true }),
                line(report?.signedBy ? '(đã ký duyệt điện tử)' : '(chưa ký duyệt)', {
                  italics: true,
                  size: 22,
                }),
                line(''),
                line(report?.signedBy ?? '', { bold: true }),
              ],
              55,
            ),
          ],
        }),
      ],
    }),
  );
  const doc = new Document({
    creator: 'SafeAdapt',
    title: form.title.vi,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The report's tables as .xlsx: the fields (computed, value, correction) and, for a district or province, its units. */
export async function reportXlsx(view: ReportView): Promise<Buffer> {
  const form = formVersion(view.form, view.formVersion)!;
  const wb = new (excel().Workbook)();
  const sheet = wb.addWorksheet('Báo cáo');
  sheet.addRow([`${form.title.vi} - ${view.unit.name} - ${formatDay(view.period)}`]);
  sheet.addRow(['Nhóm', 'Chỉ tiêu', 'Số hệ thống', 'Số báo cáo', 'Lý do điều chỉnh']);
  const fields = new Map(view.report?.fields.map((f) => [f.key, f]) ?? []);
  for (const f of form.fields) {
    const r = fields.get(f.key);
    sheet.addRow([
      f.group.vi,
      f.label.vi,
      r?.computed ?? view.numbers[f.key] ?? null,
      r?.value ?? view.numbers[f.key] ?? null,
      neutralizeCell(r?.correction?.reason ?? ''),
    ]);
  }
  sheet.getRow(2).font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.width = [24, 32, 14, 14, 40][i];
  });
  if (view.rollUp) {
    const units = wb.addWorksheet('Đơn vị');
    units.addRow(['Mã', 'Đơn vị', 'Trạng thái', 'Muộn', ...form.fields.map((f) => f.label.vi)]);
    for (const u of view.rollUp.units)
      units.addRow([
        u.code,
        u.name,
        u.state,
        u.late ? 'x' : '',
        ...form.fields.map((f) => u.values?.[f.key] ?? null),
      ]);
    units.addRow(['', 'Cộng', '', '', ...form.fields.map((f) => view.rollUp!.numbers[f.key] ?? null)]);
    units.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
