import { describe, expect, it } from 'vitest';
import { detectHeader, headerField, isSignatureRow, type PersonField } from './headers.ts';

describe('detectHeader', () => {
  it('finds the header under merged title rows and blank rows', () => {
    const title = 'DANH SÁCH NGƯỜI DÂN TỪ 12 TUỔI TRỞ LÊN';
    const rows: unknown[][] = [
      ['UBND XÃ YÊN THỊNH', 'UBND XÃ YÊN THỊNH', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      Array(8).fill(title), // exceljs repeats a merged cell's value in every cell of the merge
      [],
      [null, '', null],
      ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD/\nCMND', 'SĐT', 'Thôn/Xóm', 'Ghi chú'],
      [1, 'Nguyễn Văn An', 'Nam', '05/03/1985', '020085001234', '0912345678', 'Thôn Nà Hoa', null],
    ];
    expect(detectHeader(rows)).toEqual({
      headerRow: 4,
      columns: [
        { index: 0, header: 'STT', field: null },
        { index: 1, header: 'Họ và tên', field: 'fullName' },
        { index: 2, header: 'Giới tính', field: 'sex' },
        { index: 3, header: 'Ngày sinh', field: 'birthDate' },
        { index: 4, header: 'Số CCCD/ CMND', field: 'nationalId' },
        { index: 5, header: 'SĐT', field: 'phone' },
        { index: 6, header: 'Thôn/Xóm', field: 'village' },
        { index: 7, header: 'Ghi chú', field: 'note' },
      ],
    });
  });

  const variants: [PersonField | null, string[]][] = [
    [
      'birthDate',
      [
        'Ngày sinh',
        'Năm sinh',
        'Ngày, tháng, năm sinh',
        'NS',
        'NGÀY SINH',
        'ngay sinh',
        'Ngày sinh (dd/mm/yyyy)',
      ],
    ],
    ['sex', ['Giới tính', 'Giới', 'Nam/Nữ', 'GIOI TINH']],
    [
      'nationalId',
      [
        'CCCD/CMND',
        'Số CCCD',
        'CMND',
        'Số định danh',
        'CCCD',
        'Số CMND/CCCD',
        'so cccd/cmnd',
        'Số CCCD/\nCMND',
      ],
    ],
    ['phone', ['SĐT', 'Số điện thoại', 'Điện thoại', 'ĐT', 'SDT', 'so dien thoai']],
    ['village', ['Thôn/Xóm', 'Thôn', 'Bản', 'Xóm', 'Tổ dân phố', 'Thôn, bản', 'Khu phố', 'THON']],
    ['address', ['Địa chỉ', 'Nơi ở', 'Nơi ở hiện nay', 'Địa chỉ thường trú']],
    ['householdHead', ['Chủ hộ', 'Họ tên chủ hộ']],
    ['relationToHead', ['Quan hệ với chủ hộ', 'QH với CH', 'Quan hệ\nvới chủ hộ']],
    ['occupation', ['Nghề nghiệp']],
    ['priorityGroups', ['Đối tượng', 'Nhóm ưu tiên', 'Đối tượng ưu tiên']],
    ['status', ['Tình trạng', 'Trạng thái']],
    ['note', ['Ghi chú', 'GHI CHÚ']],
    [null, ['STT', 'TT', 'Mũi 1', 'Loại vắc xin', 'Ngày tiêm']],
  ];
  for (const [field, headers] of variants)
    it(`recognises ${field ?? 'ignored and unknown'} headers`, () => {
      for (const header of headers) {
        expect([header, headerField(header)]).toEqual([header, field]);
        const row = detectHeader([['Họ và tên', 'Cột lạ', header], []])?.columns[2]?.field;
        if (field) expect([header, row]).toEqual([header, field]);
      }
    });

  it('recognises name headers in any spelling', () => {
    for (const header of ['Họ và tên', 'Họ tên', 'Họ, tên', 'HỌ VÀ TÊN', 'ho va ten', '  Họ   và\ntên  '])
      expect(detectHeader([[header, 'Ngày sinh']])?.columns[0]?.field).toBe('fullName');
  });

  it('takes "Tên" for the name only when there is no other name column', () => {
    expect(detectHeader([['Tên', 'Năm sinh']])?.columns[0]?.field).toBe('fullName');
    expect(detectHeader([['Họ và tên', 'Tên', 'Năm sinh']])?.columns.map((c) => c.field)).toEqual([
      'fullName',
      null,
      'birthDate',
    ]);
  });

  it('maps a header once: a second column with the same meaning is left to the user', () => {
    expect(detectHeader([['Họ và tên', 'SĐT', 'Điện thoại']])?.columns.map((c) => c.field)).toEqual([
      'fullName',
      'phone',
      null,
    ]);
  });

  it('reads the Nam | Nữ layout over two header rows (merged cells repeated, as exceljs reads them)', () => {
    const rows = [
      ['DANH SÁCH NHÂN KHẨU'],
      ['TT', 'Họ và tên', 'Ngày sinh', 'Ngày sinh', 'Số CCCD', 'Quan hệ với chủ hộ'],
      ['TT', 'Họ và tên', 'Nam', 'Nữ', 'Số CCCD', 'Quan hệ với chủ hộ'],
      [1, 'Hoàng Văn Chiến', 1962, null, 20062001357, 'Chủ hộ'],
    ];
    const header = detectHeader(rows);
    expect(header?.headerRow).toBe(2);
    expect(header?.columns.map((c) => c.field)).toEqual([
      null,
      'fullName',
      'birthDateMale',
      'birthDateFemale',
      'nationalId',
      'relationToHead',
    ]);
  });

  it('reads the Nam | Nữ layout when the merged cells below are empty', () => {
    const rows = [
      ['TT', 'Họ và tên', 'Năm sinh', null, 'Thôn'],
      [null, null, 'Nam', 'Nữ', null],
    ];
    const header = detectHeader(rows);
    expect(header?.headerRow).toBe(1);
    expect(header?.columns).toEqual([
      { index: 0, header: 'TT', field: null },
      { index: 1, header: 'Họ và tên', field: 'fullName' },
      { index: 2, header: 'Năm sinh / Nam', field: 'birthDateMale' },
      { index: 3, header: 'Nữ', field: 'birthDateFemale' },
      { index: 4, header: 'Thôn', field: 'village' },
    ]);
  });

  it('reads Nam and Nữ columns in a single header row', () => {
    expect(detectHeader([['Họ và tên', 'Nam', 'Nữ', 'Thôn']])?.columns.map((c) => c.field)).toEqual([
      'fullName',
      'birthDateMale',
      'birthDateFemale',
      'village',
    ]);
  });

  it('reads rich-text and formula header cells', () => {
    const rich = { richText: [{ text: 'Họ và ' }, { text: 'tên' }] };
    expect(
      detectHeader([[rich, { formula: 'X', result: 'Ngày sinh' }]])?.columns.map((c) => c.field),
    ).toEqual(['fullName', 'birthDate']);
  });

  it('returns null when no row has a name column and another recognised header', () => {
    expect(detectHeader([])).toBeNull();
    expect(detectHeader([['Danh sách'], ['a', 'b']])).toBeNull();
    expect(detectHeader([['Họ và tên', 'Cột 2']])).toBeNull();
    expect(detectHeader([['Ngày sinh', 'SĐT', 'CCCD']])).toBeNull();
  });

  it('looks only at the first maxScan rows', () => {
    const rows: unknown[][] = [...Array.from({ length: 25 }, () => []), ['Họ và tên', 'Ngày sinh']];
    expect(detectHeader(rows)).toBeNull();
    expect(detectHeader(rows, 30)?.headerRow).toBe(25);
  });

  it('prefers the row with the most recognised headers', () => {
    const rows = [
      ['Họ tên', 'Ngày sinh'],
      ['Họ và tên', 'Ngày sinh', 'CCCD', 'SĐT'],
    ];
    expect(detectHeader(rows)?.headerRow).toBe(1);
  });
});

describe('isSignatureRow', () => {
  it('spots the signature block under a table', () => {
    expect(isSignatureRow([null, 'Người lập biểu', null, 'Yên Thịnh, ngày … tháng … năm 2021'])).toBe(true);
    expect(isSignatureRow(['Ngày 15 tháng 11 năm 2021'])).toBe(true);
    expect(isSignatureRow([null, null, 'TM. BAN CHỈ ĐẠO'])).toBe(true);
    expect(isSignatureRow(['TRƯỞNG THÔN'])).toBe(true);
    expect(isSignatureRow(['XÁC NHẬN CỦA UBND XÃ'])).toBe(true);
    expect(isSignatureRow([1, 'Nguyễn Văn An', 'Nam', '05/03/1985'])).toBe(false);
    expect(isSignatureRow([2, 'Hoàng Văn Nam', 'Nam', 'Chủ tịch hội nông dân'])).toBe(false);
  });
});
