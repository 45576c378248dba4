import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../../core/text.ts';
import { duplicateKey, isLikelyDuplicate, sameNationalId } from './duplicates.ts';

const an = { fullName: 'Nguyễn Văn An', birthDate: '1985-03-05', birthYear: 1985, villageId: 1 };

describe('duplicates', () => {
  it('folds names: "nguyen van an" is "Nguyễn Văn An"', () => {
    expect(foldDiacritics('Nguyễn Văn An')).toBe('nguyen van an');
    expect(duplicateKey({ ...an, fullName: 'nguyen van an' })).toBe(duplicateKey(an));
    expect(duplicateKey({ ...an, fullName: 'NGUYỄN  VĂN AN' })).toBe(duplicateKey(an));
    expect(duplicateKey(an)).toBe('nguyen van an|1985-03-05|1');
    expect(duplicateKey({ ...an, birthDate: null, villageId: null })).toBe('nguyen van an|1985|');
  });

  it('keeps different people apart', () => {
    expect(duplicateKey({ ...an, fullName: 'Nguyễn Văn Anh' })).not.toBe(duplicateKey(an));
    expect(duplicateKey({ ...an, birthDate: '1985-03-06' })).not.toBe(duplicateKey(an));
    expect(duplicateKey({ ...an, villageId: 2 })).not.toBe(duplicateKey(an));
  });

  it('cannot tell An from Ân once folded: such pairs go to review, which is why it never merges', () => {
    expect(duplicateKey({ ...an, fullName: 'Nguyễn Văn Ân' })).toBe(duplicateKey(an));
  });

  it('applies the whole rule: year against date, unknown village', () => {
    expect(isLikelyDuplicate(an, { ...an, fullName: 'nguyen van an' })).toBe(true);
    expect(isLikelyDuplicate(an, { ...an, birthDate: null })).toBe(true);
    expect(isLikelyDuplicate(an, { ...an, villageId: null })).toBe(true);
    expect(isLikelyDuplicate(an, { ...an, villageId: 2 })).toBe(false);
    expect(isLikelyDuplicate(an, { ...an, birthDate: '1985-03-06' })).toBe(false);
    expect(isLikelyDuplicate(an, { ...an, birthDate: null, birthYear: 1986 })).toBe(false);
    expect(isLikelyDuplicate(an, { ...an, fullName: 'Nguyễn Văn Anh' })).toBe(false);
  });

  it('treats the same national ID as the same person', () => {
    expect(sameNationalId({ nationalId: '020085001234' }, { nationalId: '020085001234' })).toBe(true);
    expect(sameNationalId({ nationalId: '020085001234' }, { nationalId: '020085001235' })).toBe(false);
    expect(sameNationalId({ nationalId: null }, { nationalId: null })).toBe(false);
  });
});
