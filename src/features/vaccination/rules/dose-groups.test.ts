import { describe, expect, it } from 'vitest';
import { detectDoseHeader } from './dose-headers.ts';

const groupsOf = (rows: unknown[][]) =>
  detectDoseHeader(rows)?.groups.map((g) => ({
    doseNumber: g.doseNumber,
    columns: Object.fromEntries(Object.entries(g.columns).map(([field, c]) => [field, c.index])),
  }));

describe('the wide layout: doses side by side, one row per person', () => {
  it('reads "Mũi N - field" headers and keeps the person columns', () => {
    const rows = [
      [
        'STT',
        'Họ và tên',
        'Ngày sinh',
        'CCCD',
        'Mũi 1 - Tên vắc xin',
        'Mũi 1 - Ngày tiêm',
        'Mũi 2 - Tên vắc xin',
        'Mũi 2 - Ngày tiêm',
        'Mũi 2 - Số lô',
      ],
      [1, 'Nguyễn Văn An', '12/05/1980', '', 'AZ', '10/09/2021', 'AZ', '20/11/2021', 'NX1'],
    ];
    const header = detectDoseHeader(rows);
    expect(header?.headerRow).toBe(0);
    expect(header?.columns.map((c) => c.field)).toEqual([null, 'fullName', 'birthDate', 'nationalId']);
    expect(groupsOf(rows)).toEqual([
      { doseNumber: '1', columns: { vaccine: 4, doseDate: 5 } },
      { doseNumber: '2', columns: { vaccine: 6, doseDate: 7, lot: 8 } },
    ]);
  });

  it('reads "Ngày tiêm mũi 1", "Loại vắc xin M2", boosters and additional doses', () => {
    expect(
      groupsOf([
        [
          'Họ tên',
          'Ngày tiêm mũi 1',
          'Loại vắc xin mũi 1',
          'Ngày tiêm M2',
          'Loại vắc xin M2',
          'Mũi nhắc lại - Ngày tiêm',
          'Mũi bổ sung - Ngày tiêm',
          'Ngày tiêm mũi nhắc lại lần 2',
        ],
      ]),
    ).toEqual([
      { doseNumber: '1', columns: { doseDate: 1, vaccine: 2 } },
      { doseNumber: '2', columns: { doseDate: 3, vaccine: 4 } },
      { doseNumber: 'nhắc lại 1', columns: { doseDate: 5 } },
      { doseNumber: 'bổ sung', columns: { doseDate: 6 } },
      { doseNumber: 'nhắc lại 2', columns: { doseDate: 7 } },
    ]);
  });

  it('reads a merged "Mũi N" over a sub-row naming the vaccine and the date; data starts below the sub-row', () => {
    const rows = [
      ['DANH SÁCH NGƯỜI ĐÃ TIÊM'],
      ['STT', 'Họ và tên', 'Năm sinh', 'Mũi 1', '', 'Mũi 2', '', 'Mũi 3 (nhắc lại)', ''],
      ['', '', '', 'Loại vắc xin', 'Ngày tiêm', 'Loại vắc xin', 'Ngày tiêm', 'Vắc xin', 'Ngày'],
      [1, 'Hoàng Văn Tú', 1985, 'Vero Cell', '01/09/2021', 'Vero Cell', '29/09/2021', 'Pfizer', '05/01/2022'],
    ];
    expect(detectDoseHeader(rows)?.headerRow).toBe(2);
    expect(groupsOf(rows)).toEqual([
      { doseNumber: '1', columns: { vaccine: 3, doseDate: 4 } },
      { doseNumber: '2', columns: { vaccine: 5, doseDate: 6 } },
      { doseNumber: '3', columns: { vaccine: 7, doseDate: 8 } },
    ]);
  });

  it('takes bare "Mũi 1 | Mũi 2" columns as the dates, the vaccine from the row’s own column', () => {
    const rows = [
      ['Họ và tên', 'Ngày sinh', 'Loại vắc xin', 'Mũi 1', 'Mũi 2'],
      ['Lý Thị Mai', '2001', 'AZ', '15/10/2021', '10/12/2021'],
    ];
    expect(detectDoseHeader(rows)?.headerRow).toBe(0);
    expect(detectDoseHeader(rows)?.columns.map((c) => c.field)).toEqual(['fullName', 'birthDate', 'vaccine']);
    expect(groupsOf(rows)).toEqual([
      { doseNumber: '1', columns: { doseDate: 3 } },
      { doseNumber: '2', columns: { doseDate: 4 } },
    ]);
  });

  it('leaves the one-row-per-dose layout alone ("Mũi tiêm" is the dose number column)', () => {
    const header = detectDoseHeader([
      ['Họ và tên', 'Ngày sinh', 'Mũi tiêm', 'Tên vắc xin', 'Ngày tiêm'],
      ['Lý Thị Mai', '2001', 'Mũi 1', 'AZ', '15/10/2021'],
    ]);
    expect(header?.groups).toEqual([]);
    expect(header?.columns.map((c) => c.field)).toEqual([
      'fullName',
      'birthDate',
      'doseNumber',
      'vaccine',
      'doseDate',
    ]);
  });
});
