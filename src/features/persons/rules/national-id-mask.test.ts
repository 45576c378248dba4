import { describe, expect, it } from 'vitest';
import { maskNationalId } from './national-id-mask.ts';

describe('maskNationalId', () => {
  it('keeps the last 3 digits of a CCCD or a CMND', () => {
    expect(maskNationalId('020068001245')).toBe('•••••••••245');
    expect(maskNationalId('123456789')).toBe('••••••789');
  });
});
