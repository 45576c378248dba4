/**
 * A commune's household list shaped like the real ones a first import meets (issue 14): title rows merged
 * across the sheet, households with a "Chủ hộ" column, children without CCCD, 169 of 248 rows naming villages
 * the commune does not have yet (of every kind, one without its kind), rows repeating an earlier row's CCCD,
 * a bad date and an unallocated phone prefix, and a signature block. For Xã Yên Thịnh (06400) of the demo
 * district, whose villages include Thôn Nà Hoa and Thôn Đồng Tâm.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

export const EXISTING_VILLAGES = ['Thôn Nà Hoa', 'Đồng Tâm'];
/** As typed in the list, and as the commune's list of villages will show them. */
export const NEW_VILLAGES = [
  ['Bản Pò Háng', 'Bản Pò Háng', 'ban'],
  ['xóm Cốc Lùng', 'Xóm Cốc Lùng', 'xom'],
  ['Làng Mỏ Khang', 'Làng Mỏ Khang', 'lang'],
  ['Khu Nà Pàn', 'Khu Nà Pàn', 'khu'],
  ['Khuổi Cáp', 'Thôn Khuổi Cáp', 'thon'],
  ['KHỐI 4', 'Khối 4', 'khoi'],
] as const;

const FAMILIES = ['Hoàng', 'Nông', 'Lường', 'Vi', 'Lộc', 'Chu', 'Hà', 'Lý', 'Mã', 'Triệu'];
const MEN = ['Văn Tình', 'Văn Hải', 'Văn Bình', 'Văn Tuấn', 'Đức Thắng', 'Văn Dũng', 'Văn Lực'];
const WOMEN = ['Thị Lan', 'Thị Mai', 'Thị Hoa', 'Thị Hằng', 'Thị Nguyệt', 'Thị Thủy'];
const BOYS = ['Văn An', 'Minh Khôi', 'Gia Huy', 'Văn Phúc'];
const GIRLS = ['Thị Ngọc', 'Bảo Anh', 'Thu Trang', 'Khánh Linh'];

/** A CCCD of Lạng Sơn (020) for the birth year and sex: the century-and-sex digit, the year, a serial. */
const cccd = (year: number, female: boolean, serial: number) =>
  `020${(year >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
const ddmmyyyy = (y: number, m: number, d: number) =>
  `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;

type Cell = string | number | Date | null;
/** STT, Họ và tên, Ngày sinh, Giới tính, Số CCCD, SĐT, Chủ hộ, Quan hệ với chủ hộ, Thôn/Xóm */
export type ListRow = [string, Cell, string, Cell, Cell, string, string, string];

/** 60 households of four (a head and spouse with CCCD, two children without), then the odd rows. */
export function communeListRows(): ListRow[] {
  const rows: ListRow[] = [];
  for (let h = 0; h < 60; h++) {
    // 18 households in the commune's villages, 42 in new ones: 168 rows, and one repeat below.
    const village = h < 18 ? EXISTING_VILLAGES[h % 2]! : NEW_VILLAGES[(h - 18) % NEW_VILLAGES.length]![0];
    const family = FAMILIES[h % FAMILIES.length]!;
    const head = `${family} ${MEN[h % MEN.length]}`;
    const year = 1960 + (h % 30);
    const childYear = 2009 + (h % 11);
    rows.push(
      [
        head,
        ddmmyyyy(year, (h % 12) + 1, (h % 27) + 1),
        'Nam',
        cccd(year, false, 1000 + h),
        `09${String(12345600 + h)}`,
        head,
        'Chủ hộ',
        village,
      ],
      [
        `${FAMILIES[(h + 3) % FAMILIES.length]} ${WOMEN[h % WOMEN.length]}`,
        new Date(Date.UTC(year + 2, h % 12, (h % 25) + 2)),
        'Nữ',
        Number(cccd(year + 2, true, 2000 + h)), // typed as a number: Excel dropped the leading zero
        null,
        head,
        'Vợ',
        village,
      ],
      [
        `${family} ${BOYS[h % BOYS.length]}`,
        ddmmyyyy(childYear, ((h + 5) % 12) + 1, (h % 28) + 1),
        'Nam',
        null,
        null,
        head,
        'Con',
        village,
      ],
      [
        `${family} ${GIRLS[h % GIRLS.length]}`,
        ddmmyyyy(childYear + 2, ((h + 7) % 12) + 1, (h % 20) + 3),
        'Nữ',
        null,
        null,
        head,
        'Con',
        village,
      ],
    );
  }
  // Four heads listed a second time (three in the commune's villages, one in a new one: 169 rows name new
  // villages); household 40's first row lacks the phone its repeat gives (merged in).
  for (const h of [2, 5, 8, 40]) rows.push([...rows[h * 4]!]);
  rows[40 * 4]![4] = null;
  rows.push(
    [
      'Lý Văn Sáng',
      '31/02/1990',
      'Nam',
      cccd(1990, false, 9001),
      null,
      'Lý Văn Sáng',
      'Chủ hộ',
      'Thôn Nà Hoa',
    ],
    [
      'Mã Thị Xuân',
      '12/03/1994',
      'Nữ',
      cccd(1994, true, 9002),
      '0501234567',
      'Mã Thị Xuân',
      'Chủ hộ',
      'Đồng Tâm',
    ],
    [
      'Triệu Văn Dương',
      '04/04/1985',
      'Nam',
      cccd(1985, false, 9003),
      '0382223344',
      'Triệu Văn Dương',
      'Chủ hộ',
      'Thôn Nà Hoa',
    ],
    [
      'Triệu Thị Yến',
      '09/09/1987',
      'Nữ',
      cccd(1987, true, 9004),
      null,
      'Triệu Văn Dương',
      'Vợ',
      'Thôn Nà Hoa',
    ],
  );
  return rows;
}

/** Writes the list as an .xlsx the way a commune makes it; answers its path. */
export async function writeCommuneList(rows: ListRow[] = communeListRows(), name = 'danh-sach-xa.xlsx') {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow(['UBND XÃ YÊN THỊNH']);
  sheet.addRow(['DANH SÁCH NHÂN KHẨU THƯỜNG TRÚ NĂM 2021']);
  sheet.mergeCells('A1:I1');
  sheet.mergeCells('A2:I2');
  sheet.addRow([]);
  sheet.addRow([
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Số CCCD/CMND',
    'SĐT',
    'Chủ hộ',
    'Quan hệ với chủ hộ',
    'Thôn/Xóm',
  ]);
  rows.forEach((r, i) => {
    sheet.addRow([i + 1, ...r]);
  });
  sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
  sheet.addRow([]);
  sheet.addRow(['', '', '', '', '', '', 'Yên Thịnh, ngày 15 tháng 11 năm 2021']);
  sheet.addRow(['', '', '', '', '', '', 'Người lập biểu']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-list-'));
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}
