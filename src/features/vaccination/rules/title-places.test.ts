import { describe, expect, it } from 'vitest';
import { leadingNames, titlePlaces } from './title-places.ts';

describe('the places a list title names', () => {
  it('reads the commune, district and province after their markers', () => {
    expect(titlePlaces(['DANH SÁCH NGƯỜI ĐÃ TIÊM VẮC XIN PHÒNG COVID-19 XÃ YÊN THỊNH'])).toEqual({
      commune: ['yen thinh'],
      district: [],
      province: [],
    });
    expect(
      titlePlaces([
        'UBND HUYỆN HỮU LŨNG - TRẠM Y TẾ XÃ YÊN THỊNH',
        'Tỉnh Lạng Sơn',
        'Thị xã Quảng Yên, thị trấn Đông Anh',
      ]),
    ).toEqual({
      commune: ['yen thinh', 'dong anh'],
      district: ['huu lung', 'quang yen'],
      province: ['lang son'],
    });
    expect(titlePlaces(['Phường 5, Quận 3, Thành phố Hồ Chí Minh'])).toEqual({
      commune: ['5'],
      district: ['3', 'ho chi minh'],
      province: [],
    });
    expect(titlePlaces(['Danh sách tiêm chủng', ''])).toEqual({ commune: [], district: [], province: [] });
  });

  it('tries the leading words of a phrase, longest first', () => {
    expect(leadingNames('yen thinh nam 2021')).toEqual([
      'yen thinh nam 2021',
      'yen thinh nam',
      'yen thinh',
      'yen',
    ]);
  });
});
