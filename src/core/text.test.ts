import { describe, expect, it } from 'vitest';
import { foldDiacritics, normalizeName } from './text.ts';

describe('Vietnamese text', () => {
  it('folds diacritics, đ and case for search', () => {
    expect(foldDiacritics('Nguyễn Văn An')).toBe('nguyen van an');
    expect(foldDiacritics('ĐẶNG THỊ Ngọc  Ánh')).toBe('dang thi ngoc anh');
    expect(foldDiacritics('Huyện Hữu Lũng')).toBe('huyen huu lung');
  });
  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldDiacritics('Hữu Lũng'.normalize('NFD'))).toBe(foldDiacritics('Hữu Lũng'));
  });
  it('normalises names to NFC with single spaces', () => {
    expect(normalizeName('  Trần   Quốc Phong '.normalize('NFD'))).toBe('Trần Quốc Phong');
  });
});

describe('folding matches the Unicode decomposition for every Vietnamese letter', () => {
  it('agrees with NFD + mark removal on all precomposed letters and on mixed text', () => {
    const reference = (t: string) =>
      t
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    for (const ch of letters + letters.toUpperCase()) expect(foldDiacritics(ch)).toBe(reference(ch));
    const sample = '  Thôn  Nà\tHoa, Xã YÊN THỊNH — Ủy ban nhân dân ';
    expect(foldDiacritics(sample)).toBe(reference(sample));
  });
});
