import { describe, expect, it } from 'vitest';
import { detectCaseHeader, readCaseCells, readPlaceOfCare, readTestKind } from './case-row.ts';

describe("an F0 list's cells", () => {
  it('reads test kinds and places of care as stations write them', () => {
    expect(
      ['Test nhanh', 'TNKN', 'Kháng nguyên', 'RT-PCR', 'PCR gộp mẫu', 'Ho khan'].map(readTestKind),
    ).toEqual(['rapidAntigen', 'rapidAntigen', 'rapidAntigen', 'pcr', 'pooled', null]);
    expect(
      [
        'Tại nhà',
        'Cách ly tại nhà',
        'TYT xã',
        'Trạm y tế lưu động',
        'Khu cách ly tập trung',
        'BV Đa khoa',
        '?',
      ].map(readPlaceOfCare),
    ).toEqual(['home', 'home', 'communeStation', 'mobileStation', 'facility', 'hospital', null]);
  });

  it('finds a header merged over two rows under title rows', () => {
    const header = detectCaseHeader([
      ['UBND XÃ YÊN THỊNH'],
      ['STT', 'Họ và tên', 'Năm sinh', 'Địa chỉ/Thôn', 'Xét nghiệm', '', '', 'Nơi điều trị/cách ly'],
      ['', '', '', '', 'Ngày lấy mẫu', 'Loại xét nghiệm (test nhanh/PCR)', 'Kết quả', ''],
    ]);
    expect(header?.headerRow).toBe(2);
    expect(header?.columns.map((c) => c.field)).toEqual([
      null,
      'fullName',
      'birthDate',
      'villageOrAddress',
      'sampleDate',
      'testKind',
      'result',
      'placeOfCare',
    ]);
  });

  it('refuses a negative result and a confirmation before the sample, naming the column', () => {
    const read = readCaseCells({
      sampleDate: '05/01/2022',
      confirmedOn: '04/01/2022',
      testKind: 'Test nhanh',
      result: 'Âm tính',
    });
    expect(read.ok ? [] : read.problems.map((p) => p.field)).toEqual(['confirmedOn', 'result']);
  });
});
