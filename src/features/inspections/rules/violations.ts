/**
 * An inspection's violations and penalties. rules.md gives no amounts for COVID-prevention violations (the
 * decree on administrative sanctions is not in the digest), so every amount is entered by the inspector, never
 * computed; the rules only check what was entered. Pure.
 */
import type { FieldError } from '../../../core/errors.ts';

export const PENALTY_KINDS = ['warning', 'fine', 'suspension'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export interface ViolationInput {
  description: string;
  penaltyKind?: PenaltyKind | null;
  /** VND, entered; only with a fine. */
  penaltyAmount?: number | null;
  /** Days the establishment must fix it in: a follow-up task to its commune. */
  fixWithinDays?: number | null;
}

/** Each violation needs a description; a fine needs a non-negative whole amount in VND; no amount without one. */
export function violationProblems(violations: readonly ViolationInput[]): FieldError[] {
  const out: FieldError[] = [];
  violations.forEach((v, i) => {
    const at = `violations.${i}`;
    if (!v.description?.trim())
      out.push({
        field: `${at}.description`,
        message: { vi: 'Vi phạm phải có mô tả.', en: 'A violation needs a description.' },
      });
    const amount = v.penaltyAmount;
    if (amount != null && (!Number.isInteger(amount) || amount < 0))
      out.push({
        field: `${at}.penaltyAmount`,
        message: {
          vi: 'Số tiền phạt là số nguyên không âm (đồng).',
          en: 'A penalty amount is a whole, non-negative number of VND.',
        },
      });
    else if (amount != null && v.penaltyKind !== 'fine')
      out.push({
        field: `${at}.penaltyKind`,
        message: { vi: 'Chỉ hình thức phạt tiền có số tiền.', en: 'Only a fine has an amount.' },
      });
    if (v.penaltyKind === 'fine' && amount == null)
      out.push({
        field: `${at}.penaltyAmount`,
        message: { vi: 'Phạt tiền cần số tiền.', en: 'A fine needs its amount.' },
      });
  });
  return out;
}
