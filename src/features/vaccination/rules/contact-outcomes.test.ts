import { describe, expect, it } from 'vitest';
import { deferralEndsBeforeContact } from './contact-outcomes.ts';

describe('a deferral’s end, checked by the form and the store alike', () => {
  it('refuses an end before the contact, accepts the same day, a later one or none', () => {
    expect(deferralEndsBeforeContact('2022-01-14', '2022-01-15')).toBe(true);
    expect(deferralEndsBeforeContact('2022-01-15', '2022-01-15')).toBe(false);
    expect(deferralEndsBeforeContact('2022-04-15', '2022-01-15')).toBe(false);
    expect(deferralEndsBeforeContact(null, '2022-01-15')).toBe(false);
  });
});
