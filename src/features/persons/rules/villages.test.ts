import { describe, expect, it } from 'vitest';
import { matchVillage, newVillage, villageStem } from './villages.ts';

describe('new villages: the kind read from the name', () => {
  it.each([
    ['thôn khe rè', 'xa', 'Thôn Khe Rè', 'thon'],
    ['Bản Nà Lừa', 'xa', 'Bản Nà Lừa', 'ban'],
    ['XÓM ĐỒNG', 'xa', 'Xóm Đồng', 'xom'],
    ['Làng Mới', 'xa', 'Làng Mới', 'lang'],
    ['Ấp 3', 'xa', 'Ấp 3', 'ap'],
    ['Buôn Ea Sar', 'xa', 'Buôn Ea Sar', 'buon'],
    ['Plei Ơi', 'xa', 'Plei Ơi', 'plei'],
    ['Sóc Trà', 'xa', 'Sóc Trà', 'soc'],
    ['TDP 5', 'phuong', 'Tổ dân phố 5', 'to-dan-pho'],
    ['tổ dân phố Bắc Sơn', 'thi-tran', 'Tổ dân phố Bắc Sơn', 'to-dan-pho'],
    ['Tổ 7', 'phuong', 'Tổ dân phố 7', 'to-dan-pho'],
    ['Khu phố 2', 'phuong', 'Khu phố 2', 'khu-pho'],
    ['Khu Đồng Mỏ', 'xa', 'Khu Đồng Mỏ', 'khu'],
    ['Khối 4', 'thi-tran', 'Khối 4', 'khoi'],
    ['Khóm 1', 'phuong', 'Khóm 1', 'khom'],
    ['Tiểu khu 3', 'thi-tran', 'Tiểu khu 3', 'tieu-khu'],
    // No kind in the name: the commune's usual kind (Thông tư 04/2012/TT-BNV: thôn in a xã, tổ dân phố else).
    ['Khe Rè', 'xa', 'Thôn Khe Rè', 'thon'],
    ['Hòa Bình', 'phuong', 'Tổ dân phố Hòa Bình', 'to-dan-pho'],
  ])('%s (%s) → %s, %s', (text, communeKind, name, kind) => {
    expect(newVillage(text, communeKind)).toEqual({ name, kind });
  });

  it('a new village is then found by every spelling of the list', () => {
    const created = [{ id: 9, ...newVillage('khe re', 'xa') }];
    for (const text of ['Khe Rè', 'thôn Khe Rè', 'KHE RE', 'Bản Khe Rè'])
      expect(matchVillage(text, created)).toEqual({ ok: true, id: 9 });
    expect(villageStem('Tổ dân phố 05')).toBe('5');
  });

  it('tells a village the commune lacks from a name several villages share', () => {
    const villages = [
      { id: 1, name: 'Thôn Nà Hoa' },
      { id: 2, name: 'Bản Nà Hoa' },
      { id: 3, name: 'Thôn Làng Mới' },
    ];
    expect(matchVillage('Khe Rè', villages)).toMatchObject({ ok: false, unknown: true });
    expect(matchVillage('Nà Hoa', villages)).toMatchObject({ ok: false, unknown: false });
    // A name that starts with a kind's word may be the whole name of the village.
    expect(matchVillage('Làng Mới', villages)).toEqual({ ok: true, id: 3 });
  });
});
