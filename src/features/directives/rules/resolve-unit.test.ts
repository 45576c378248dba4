import { describe, expect, it } from 'vitest';
import { expandCollectiveUnit, resolveUnitName, type UnitCandidate } from './resolve-unit.ts';

const UNITS: UnitCandidate[] = [
  { id: 'labour', name: 'Phòng Lao động, Thương binh và Xã hội' },
  { id: 'culture', name: 'Phòng Văn hóa và Thông tin' },
  { id: 'health-centre', name: 'Trung tâm Y tế huyện' },
  { id: 'front', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện' },
  { id: 'education', name: 'Phòng Giáo dục và Đào tạo' },
  { id: 'military', name: 'Ban Chỉ huy Quân sự huyện' },
  { id: 'council', name: 'Thường trực HĐND huyện' },
  { id: 'office', name: 'Văn phòng HĐND và UBND huyện' },
  { id: 'committee', name: 'Ủy ban nhân dân huyện' },
  { id: 'steering', name: 'Ban Chỉ đạo phòng, chống dịch COVID-19 huyện', aliases: ['BCĐ huyện'] },
  { id: 'mass-orgs', name: 'Các tổ chức chính trị - xã hội huyện' },
];

describe('resolveUnitName', () => {
  it.each([
    ['Phòng LĐ-TB&XH', 'labour'],
    ['Phòng Lao động –TB&XH', 'labour'],
    ['PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'labour'],
    ['Phòng VH-TT', 'culture'],
    ['Phòng VHTT', 'culture'],
    ['Phòng Văn hoá - Thông tin', 'culture'],
    ['TTYT huyện', 'health-centre'],
    ['Phòng GD&ĐT', 'education'],
    ['BCHQS huyện', 'military'],
    ['Ban CHQS huyện', 'military'],
    ['Thường trực Hội đồng nhân dân huyện', 'council'],
    ['Văn phòng HĐND&UBND huyện', 'office'],
    ['UBND huyện', 'committee'],
    ['UỶ BAN NHÂN DÂN HUYỆN', 'committee'],
    ['Trung tam Y te huyen', 'health-centre'],
    ['BCĐ huyện', 'steering'],
    ['Ban Chỉ đạo phòng chống dịch Covid 19 huyện', 'steering'],
    ['Các tổ chức CT-XH huyện', 'mass-orgs'],
  ])('"%s" is exactly %s', (name, id) => {
    expect(resolveUnitName(name, UNITS)).toEqual({ id, text: name, confidence: 'exact' });
  });

  it.each([
    ['Lao động, Thương binh và Xã hội', 'labour'],
    ['VH-TT', 'culture'],
    ['Trung tâm Y tế', 'health-centre'],
    ['MTTQ huyện', 'front'],
    ['Ủy ban MTTQ huyện', 'front'],
    ['Trung tâm Y tế huyệnn', 'health-centre'],
  ])('"%s" is probably %s', (name, id) => {
    expect(resolveUnitName(name, UNITS)).toEqual({ id, text: name, confidence: 'fuzzy' });
  });

  it('keeps an unknown unit as text, never dropping it', () => {
    expect(resolveUnitName('  Công an   huyện ', UNITS)).toEqual({
      id: null,
      text: 'Công an huyện',
      confidence: 'none',
    });
    expect(resolveUnitName('', UNITS)).toEqual({ id: null, text: '', confidence: 'none' });
  });

  it('does not guess between two equally good units', () => {
    const twins: UnitCandidate[] = [
      { id: 'a', name: 'Trạm Y tế xã Yên Thịnh' },
      { id: 'b', name: 'Trạm Y tế thị trấn Yên Thịnh' },
    ];
    expect(resolveUnitName('Trạm Y tế Yên Thịnh', twins).id).toBeNull();
  });
});

describe('expandCollectiveUnit', () => {
  const COMMUNES: UnitCandidate[] = [
    { id: 'c1', name: 'Xã Yên Thịnh' },
    { id: 'c2', name: 'Thị trấn Hữu Lũng' },
    { id: 'c3', name: 'Phường Chi Lăng' },
  ];

  it.each([
    ['UBND các xã, thị trấn', ['UBND xã Yên Thịnh', 'UBND thị trấn Hữu Lũng']],
    [
      'Ủy ban nhân dân các xã, thị trấn',
      ['Ủy ban nhân dân xã Yên Thịnh', 'Ủy ban nhân dân thị trấn Hữu Lũng'],
    ],
    ['Chủ tịch UBND các xã, thị trấn', ['Chủ tịch UBND xã Yên Thịnh', 'Chủ tịch UBND thị trấn Hữu Lũng']],
    ['Ủy ban nhân dân xã, thị trấn', ['Ủy ban nhân dân xã Yên Thịnh', 'Ủy ban nhân dân thị trấn Hữu Lũng']],
    [
      'Ban Chỉ đạo phòng, chống dịch các xã, thị trấn',
      ['Ban Chỉ đạo phòng, chống dịch xã Yên Thịnh', 'Ban Chỉ đạo phòng, chống dịch thị trấn Hữu Lũng'],
    ],
    ['các xã, phường, thị trấn', ['Xã Yên Thịnh', 'Thị trấn Hữu Lũng', 'Phường Chi Lăng']],
    ['UBND các xã', ['UBND xã Yên Thịnh']],
  ])('fans "%s" out to one entry per commune', (name, texts) => {
    const entries = expandCollectiveUnit(name, COMMUNES);
    expect(entries?.map((e) => e.text)).toEqual(texts);
    for (const entry of entries ?? []) expect(COMMUNES.map((c) => c.id)).toContain(entry.id);
  });

  it('gives the commune id and name with each entry', () => {
    expect(expandCollectiveUnit('UBND các xã', COMMUNES)).toEqual([
      { id: 'c1', name: 'Xã Yên Thịnh', text: 'UBND xã Yên Thịnh' },
    ]);
  });

  it('keeps every commune whose name carries no level', () => {
    const plain: UnitCandidate[] = [
      { id: 'p1', name: 'Yên Thịnh' },
      { id: 'p2', name: 'Hữu Lũng' },
    ];
    expect(expandCollectiveUnit('UBND các xã', plain)?.map((e) => e.text)).toEqual([
      'UBND Yên Thịnh',
      'UBND Hữu Lũng',
    ]);
  });

  it('returns null for a unit that is not collective', () => {
    expect(expandCollectiveUnit('UBND xã Yên Thịnh', COMMUNES)).toBeNull();
    expect(expandCollectiveUnit('Trung tâm Y tế huyện', COMMUNES)).toBeNull();
    expect(expandCollectiveUnit('UBND các huyện, thành phố', COMMUNES)).toBeNull();
    expect(expandCollectiveUnit('Phòng Lao động, Thương binh và Xã hội', COMMUNES)).toBeNull();
  });
});
