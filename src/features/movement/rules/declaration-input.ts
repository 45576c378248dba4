/**
 * Limits on a declared arrival (issue 17, bad input): the product's choices, not a regulation. Pure.
 * - Planned arrivals may be declared up to 30 days ahead (Tết plans are made about a month before).
 * - Late declarations are accepted up to 30 days back (the longest self-monitoring + quarantine term, 28 days).
 */
import { addDays } from '../../../core/dates.ts';
import type { FieldError } from '../../../core/errors.ts';

export const MAX_DAYS_AHEAD = 30;
export const MAX_DAYS_BACK = 30;

export function arrivalDateProblems(arrivalDate: string, today: string): FieldError[] {
  if (arrivalDate > addDays(today, MAX_DAYS_AHEAD)) {
    const message = {
      vi: `Ngày đến không được quá ${MAX_DAYS_AHEAD} ngày sau hôm nay.`,
      en: `The arrival date may be at most ${MAX_DAYS_AHEAD} days after today.`,
    };
    return [{ field: 'arrivalDate', message }];
  }
  if (arrivalDate < addDays(today, -MAX_DAYS_BACK)) {
    const message = {
      vi: `Ngày đến không được trước hôm nay quá ${MAX_DAYS_BACK} ngày.`,
      en: `The arrival date may be at most ${MAX_DAYS_BACK} days before today.`,
    };
    return [{ field: 'arrivalDate', message }];
  }
  return [];
}

/** A test before arrival cannot be after the arrival nor in the future. */
export function testDateProblems(
  testDate: string | null | undefined,
  arrivalDate: string,
  today: string,
): FieldError[] {
  if (!testDate) return [];
  if (testDate > today || testDate > arrivalDate) {
    const message = {
      vi: 'Ngày xét nghiệm phải trước ngày đến và không sau hôm nay.',
      en: 'The test date must be before the arrival and not after today.',
    };
    return [{ field: 'test.date', message }];
  }
  return [];
}
