import { describe, expect, it } from 'vitest';
import { normalizePhone, OLD_MOBILE_PREFIXES } from './phone.ts';

const value = (raw: string | number) => {
  const result = normalizePhone(raw);
  return result.ok ? result.value : `ERR ${result.reason.vi}`;
};

describe('normalizePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['+84 (0)98 765 4321', '0987654321'],
    ['(+84) 912-345-678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ["'0912345678", '0912345678'],
    ['912345678', '0912345678'],
    [912345678, '0912345678'],
    [355667788, '0355667788'],
    [84983334455, '0983334455'],
    ['0562 123 456', '0562123456'],
    ['0702123456', '0702123456'],
    ['0812123456', '0812123456'],
  ])('%s → %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it('converts old 11-digit mobiles with the 2018 table', () => {
    expect(value('01688123456')).toBe('0388123456');
    expect(value(1688123456)).toBe('0388123456');
    expect(value('+841688123456')).toBe('0388123456');
    expect(value('0123 456 7890')).toBe('0834567890');
    for (const [old, now] of Object.entries(OLD_MOBILE_PREFIXES))
      expect(value(`${old}1234567`)).toBe(`${now}1234567`);
    expect(Object.keys(OLD_MOBILE_PREFIXES)).toHaveLength(21);
    expect(value('01111234567')).toContain('0111');
  });

  it('accepts landlines: 02xx area code, 11 digits in all', () => {
    expect(value('0205 3812 345')).toBe('02053812345');
    expect(value('(0205) 3812345')).toBe('02053812345');
    expect(value('024 3825 1234')).toBe('02438251234');
    expect(value(2053812345)).toBe('02053812345');
    expect(value('0205381234')).toContain('máy bàn');
  });

  it('accepts only allocated prefixes (mobile networks, provinces’ area codes)', () => {
    for (const ok of ['0321234567', '0522123456', '0559123456', '0861234567', '0896123456', '0991234567'])
      expect(value(ok)).toBe(ok);
    for (const unallocated of ['0501234567', '0531234567', '0711234567', '0801234567'])
      expect(value(unallocated)).toMatch(/^ERR .*chưa cấp/);
    expect(value('0951234567')).toMatch(/^ERR .*0951/); // S-Fone's, closed in 2012
    expect(value('0551234567')).toMatch(/^ERR/); // 055: only 0559 is allocated
    expect(value('02003812345')).toMatch(/^ERR .*mã vùng 0200/);
    expect(value('02173812345')).toMatch(/^ERR/);
  });

  it('refuses what is not a Vietnamese number', () => {
    expect(value('0412345678')).toMatch(/^ERR .*03, 05, 07, 08 hoặc 09/);
    expect(value('091234567')).toMatch(/^ERR/);
    expect(value('09123456789')).toMatch(/^ERR/);
    expect(value('không có')).toContain('không phải chữ số');
    expect(value('')).toBe('ERR Thiếu số điện thoại.');
    expect(value('+1 202 555 0100')).toContain('nước ngoài');
    expect(value(912345678.5)).toContain('số nguyên');
  });
});
