import { describe, expect, it } from 'vitest';
import { checkNationalId } from './national-id.ts';

const reason = (raw: string, expect?: Parameters<typeof checkNationalId>[1]) => {
  const result = checkNationalId(raw, expect);
  if (result.ok) throw new Error(`${raw} was accepted`);
  return result.reason.vi;
};

describe('checkNationalId: CCCD (Thông tư 07/2016/TT-BCA, 59/2021/TT-BCA)', () => {
  it.each([
    ['020085001234', '020', 'male', 1985],
    ['001190012345', '001', 'female', 1990],
    ['079205001234', '079', 'male', 2005],
    ['020310000001', '020', 'female', 2010],
    ['096099000001', '096', 'male', 1999],
  ] as const)('reads %s: province %s, %s, born %i', (raw, provinceCode, sex, birthYear) => {
    expect(checkNationalId(raw)).toEqual({
      ok: true,
      value: raw,
      kind: 'cccd',
      provinceCode,
      sex,
      birthYear,
    });
  });

  it('refuses a first three digits that are not a province', () => {
    expect(reason('097085001234')).toContain('097');
    expect(reason('003085001234')).toContain('không phải mã tỉnh');
    expect(reason('100085001234')).toContain('100');
  });

  it('checks the century-and-sex digit and the year against the birth date', () => {
    expect(checkNationalId('020085001234', { birthYear: 1985, sex: 'male' }).ok).toBe(true);
    expect(reason('020085001234', { birthYear: 1986 })).toBe(
      'CCCD ghi năm sinh 1985 nhưng ngày sinh là 1986.',
    );
    // digit 2 = born in the 2000s: 2085, not 1985
    expect(reason('020285001234', { birthYear: 1985 })).toContain('năm sinh 2085');
    expect(reason('020185001234', { sex: 'male' })).toBe('CCCD ghi giới tính nữ nhưng giới tính là nam.');
    expect(checkNationalId('020185001234', { birthYear: null, sex: null }).ok).toBe(true);
    expect(reason('020485001234')).toContain('2185');
  });

  it('reads digit 4 as TT 07/2016/TT-BCA, Điều 7, khoản 2 sets it: 0–9 = 1900s … 2300s (8/9 were read as 1800s)', () => {
    expect(checkNationalId('020005001234')).toMatchObject({ ok: true, birthYear: 1905, sex: 'male' });
    expect(checkNationalId('020305001234')).toMatchObject({ ok: true, birthYear: 2005, sex: 'female' });
    expect(reason('020405001234')).toContain('2105');
    expect(reason('020605001234')).toContain('2205');
    expect(reason('020805001234')).toContain('2305');
    expect(reason('020905001234')).toContain('2305');
    // a birth after the current year is refused (here 2021: born 2022 is impossible, 2021 is fine)
    expect(reason('020222001234', { currentYear: 2021 })).toContain('2022');
    expect(checkNationalId('020221001234', { currentYear: 2021 }).ok).toBe(true);
  });

  it('restores the leading zeros Excel drops from numbers', () => {
    expect(checkNationalId('20085001234')).toMatchObject({
      ok: true,
      value: '020085001234',
      provinceCode: '020',
    });
    expect(checkNationalId('1085001234')).toMatchObject({
      ok: true,
      value: '001085001234',
      provinceCode: '001',
    });
    expect(reason('97085001234')).toContain('11 chữ số');
    expect(reason('20085001234', { birthYear: 1984 })).toContain('năm sinh 1985');
  });

  it('ignores spaces, dots, dashes and the apostrophe that forces text', () => {
    for (const raw of [
      '020 085 001 234',
      '020.085.001.234',
      '020-085-001234',
      "'020085001234",
      ' 020085001234 ',
    ])
      expect(checkNationalId(raw)).toMatchObject({ ok: true, value: '020085001234' });
  });
});

describe('checkNationalId: CMND and rubbish', () => {
  it('accepts a 9-digit CMND, and an 8-digit one that lost its zero', () => {
    expect(checkNationalId('082345678')).toEqual({ ok: true, value: '082345678', kind: 'cmnd' });
    expect(checkNationalId('82345678')).toEqual({ ok: true, value: '082345678', kind: 'cmnd' });
    expect(checkNationalId('082345678', { birthYear: 1960, sex: 'female' }).ok).toBe(true);
    expect(reason('000000000')).toContain('số giả');
  });

  it('names what is wrong', () => {
    expect(reason('')).toBe('Thiếu số CCCD/CMND.');
    expect(reason('02008500123O')).toContain('không phải chữ số');
    expect(reason('CCCD 020085001234')).toContain('không phải chữ số');
    expect(reason('2.0085E+10')).toContain('số mũ');
    expect(reason('0200850012345')).toContain('13 chữ số');
    expect(reason('1234567')).toContain('7 chữ số');
  });

  it('gives every reason in both languages', () => {
    const result = checkNationalId('097085001234');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.en).toContain('097');
  });
});
