/** A worklist as a printable .xlsx for the community team: who to visit, with a column for what happened. */
import { formatDay } from '../../core/dates.ts';
import { excel, neutralizeCell } from '../../core/spreadsheet.ts';
import { CONTACT_OUTCOME_LABELS } from './rules/contact-outcomes.ts';
import type { WorklistEntry, worklist } from './worklist-store.ts';

const LIST_TITLES = {
  notVaccinated: 'chưa tiêm',
  due: 'đến hạn tiêm',
  overdue: 'quá hạn tiêm',
  all: 'chưa tiêm, đến hạn hoặc quá hạn tiêm',
} as const;
const COVERAGE = {
  notVaccinated: 'Chưa tiêm',
  partial: 'Chưa đủ liều cơ bản',
  primaryComplete: 'Đủ liều cơ bản',
  booster: 'Đã tiêm nhắc lại',
} as Record<string, string>;

function nextDose(e: WorklistEntry): string {
  if (!e.next) return '';
  const what = e.next.kind === 'primary' ? `Mũi ${e.next.number}` : `Nhắc lại ${e.next.number}`;
  return e.next.dueFrom ? `${what} từ ${formatDay(e.next.dueFrom)}` : what;
}

export async function worklistXlsx(list: Awaited<ReturnType<typeof worklist>>): Promise<Buffer> {
  const book = new (excel().Workbook)();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow([`DANH SÁCH NGƯỜI TỪ ${list.minAge} TUỔI ${LIST_TITLES[list.list].toUpperCase()}`]).font = {
    bold: true,
  };
  sheet.addRow([`${list.unit.name} — đến ngày ${formatDay(list.asOf)}`]);
  sheet.addRow([]);
  sheet.addRow([
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Số điện thoại',
    'Thôn',
    'Tình trạng tiêm',
    'Mũi tiếp theo',
    'Lần liên hệ trước',
    'Kết quả liên hệ',
    'Ghi chú',
  ]).font = { bold: true };
  list.persons.forEach((p, i) => {
    const outcome = p.outcome
      ? `${CONTACT_OUTCOME_LABELS[p.outcome.outcome].vi}${p.outcome.reason ? ` (${p.outcome.reason})` : ''}, ${formatDay(p.outcome.date)}`
      : '';
    sheet.addRow(
      [
        i + 1,
        p.fullName,
        p.birthDate ? formatDay(p.birthDate) : String(p.birthYear),
        p.sex === 'male' ? 'Nam' : p.sex === 'female' ? 'Nữ' : '',
        p.phone,
        p.villageName,
        COVERAGE[p.coverage] ?? p.coverage,
        nextDose(p),
        outcome,
        '',
        '',
      ].map(neutralizeCell),
    );
  });
  const widths = [6, 28, 12, 9, 14, 18, 20, 24, 30, 22, 20];
  sheet.columns.forEach((col, i) => {
    col.width = widths[i];
  });
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return Buffer.from(await book.xlsx.writeBuffer());
}
