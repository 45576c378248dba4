/**
 * The payment list (danh sách chi trả) as .xlsx: the approved and paid claims of a unit, by commune, with the
 * amounts and an empty column for each recipient's signature (ký nhận), as the commune pays in cash.
 */
import { formatDay } from '../../core/dates.ts';
import { excel, neutralizeCell } from '../../core/spreadsheet.ts';
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../auth/index.ts';
import { paymentClaims } from './claims-store.ts';
import { RESOLUTION_68, type SupportPolicyId } from './rules/policies.ts';

const HEADINGS = {
  vi: {
    title: 'DANH SÁCH CHI TRẢ HỖ TRỢ THEO NGHỊ QUYẾT 68/NQ-CP',
    columns: [
      'STT',
      'Họ và tên',
      'Năm sinh',
      'Thôn',
      'Xã',
      'Chính sách',
      'Số ngày',
      'Số tiền (đồng)',
      'Ký nhận',
    ],
    total: 'Tổng cộng',
    provisional: 'Giá trị tạm tính (chưa xác nhận văn bản)',
    day: 'Ngày lập',
  },
  en: {
    title: 'RESOLUTION 68/NQ-CP SUPPORT PAYMENT LIST',
    columns: [
      'No.',
      'Full name',
      'Birth year',
      'Village',
      'Commune',
      'Policy',
      'Days',
      'Amount (VND)',
      'Signature',
    ],
    total: 'Total',
    provisional: 'Provisional value (text not confirmed)',
    day: 'Made on',
  },
} as const;

export async function paymentListXlsx(
  db: Db,
  scope: Scope,
  f: { unit: string; policy?: SupportPolicyId },
  lang: 'vi' | 'en',
  today: string,
) {
  const { unit, claims } = await paymentClaims(db, scope, f);
  const h = HEADINGS[lang];
  const book = new (excel().Workbook)();
  book.creator = 'SafeAdapt';
  const sheet = book.addWorksheet(lang === 'vi' ? 'Danh sách chi trả' : 'Payment list', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.addRow([h.title]).font = { bold: true, size: 13 };
  sheet.addRow([unit.name_with_type, `${h.day}: ${formatDay(today)}`]);
  sheet.addRow([]);
  const header = sheet.addRow([...h.columns]);
  header.font = { bold: true };
  const widths = [6, 28, 10, 18, 22, 30, 8, 16, 22];
  sheet.columns.forEach((c, i) => {
    c.width = widths[i];
  });
  let total = 0;
  for (const [i, c] of claims.entries()) {
    total += c.amount;
    const row = sheet.addRow([
      i + 1,
      neutralizeCell(c.fullName),
      c.birthYear,
      neutralizeCell(c.villageName ?? ''),
      neutralizeCell(c.communeName),
      RESOLUTION_68.policies[c.policy]?.name[lang] ?? c.policy,
      c.paidDays ?? c.days,
      c.amount,
      '',
    ]);
    row.getCell(8).numFmt = '#,##0';
    row.height = 28;
    if (c.provisional) row.getCell(8).note = h.provisional;
  }
  const sum = sheet.addRow(['', h.total, '', '', '', '', '', total, '']);
  sum.font = { bold: true };
  sum.getCell(8).numFmt = '#,##0';
  sheet.eachRow((row, n) => {
    if (n < 4) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  });
  return { body: Buffer.from(await book.xlsx.writeBuffer()), unitCode: unit.code };
}
