/**
 * What a case record must satisfy before it is stored, whatever the way in (form, list import): dates that
 * happened, in order, after the person's birth. Pure; problems name the field.
 */
import type { FieldError } from '../../../core/errors.ts';

export const TEST_KINDS = ['rapidAntigen', 'pcr', 'pooled'] as const;
export type TestKind = (typeof TEST_KINDS)[number];
export const TEST_RESULTS = ['positive', 'negative', 'pending'] as const;
export const CASE_OUTCOMES = ['recovered', 'died'] as const;
export const SEVERITIES = ['mild', 'moderate', 'severe', 'critical'] as const;

const problem = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

/** A day on the app's calendar that must not be after today nor before the person was born. */
export function lifeDateProblems(
  field: string,
  day: string,
  ctx: { today: string; birth: string | null },
): FieldError[] {
  if (day > ctx.today)
    return [problem(field, 'Ngày này chưa tới (sau hôm nay).', 'This day has not come yet (after today).')];
  if (ctx.birth && day < ctx.birth)
    return [
      problem(field, 'Ngày này trước ngày sinh của người này.', "This day is before the person's birth."),
    ];
  return [];
}

/** An outcome (recovery, death, transfer) on or after confirmation and not in the future. */
export function outcomeDateProblems(
  field: string,
  day: string,
  confirmedOn: string,
  today: string,
): FieldError[] {
  if (day > today)
    return [problem(field, 'Ngày này chưa tới (sau hôm nay).', 'This day has not come yet (after today).')];
  if (day < confirmedOn)
    return [
      problem(
        field,
        'Ngày này trước ngày ca bệnh được xác nhận.',
        'This day is before the case was confirmed.',
      ),
    ];
  return [];
}
