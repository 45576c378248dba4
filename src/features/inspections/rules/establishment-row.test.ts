import { describe, expect, it } from 'vitest';
import { findHeader, readRow, readSector, readSize } from './establishment-row.ts';

const COMMUNES = new Map([
  ['06385', 'huu lung'],
  ['06388', 'huu lien'],
]);

describe('a row of an establishments list', () => {
  it('finds the header under title rows', () => {
    const header = findHeader([
      { row: 1, cells: ['DANH SÁCH CƠ SỞ KINH DOANH'] },
      { row: 3, cells: ['STT', 'Tên cơ sở', 'Loại hình', 'Quy mô', 'Xã, phường', 'Số điện thoại'] },
    ]);
    expect(header?.row).toBe(3);
    expect(header?.columns.map((c) => c.field)).toEqual([null, 'name', 'sector', 'size', 'commune', 'phone']);
  });

  it('reads sectors and sizes as communes write them', () => {
    expect(readSector('Chợ')).toBe('market');
    expect(readSector('Công ty TNHH may')).toBe('factory');
    expect(readSector('Trường Tiểu học')).toBe('school');
    expect(readSector('hospital')).toBe('hospital');
    expect(readSector('Khác')).toBeNull();
    expect(readSize('Lớn')).toBe('large');
    expect(readSize('vừa')).toBe('medium');
  });

  it('finds the commune by code or name, and names every bad column', () => {
    expect(readRow({ name: 'Chợ Hữu Liên', sector: 'Chợ', commune: 'Xã Hữu Liên' }, COMMUNES, null)).toEqual({
      value: expect.objectContaining({ communeCode: '06388', sector: 'market', size: 'small' }),
    });
    expect(readRow({ name: 'Tạp hóa', sector: 'Cửa hàng', commune: '06385' }, COMMUNES, null)).toMatchObject({
      value: { communeCode: '06385' },
    });
    const bad = readRow(
      { name: '', sector: 'Khác', size: 'khổng lồ', commune: 'Xã Không Có' },
      COMMUNES,
      null,
    );
    expect('problems' in bad && bad.problems.map((p) => p.column)).toEqual([
      'name',
      'sector',
      'size',
      'commune',
    ]);
  });
});
