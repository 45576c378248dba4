/**
 * Requests for support from a commune to the district (seed 000, point 3: "huy động sự hỗ trợ của lực lượng công
 * an, quân đội, y tế, tổ Covid cộng đồng"): a small workflow — requested → answered or refused (with a reason) —
 * and "overdue" derived from the day the support is needed by, never stored. rules.md sets no deadline for the
 * district's answer: the commune states the day it needs the support by. Pure.
 */
import type { FieldError } from '../../../core/errors.ts';
import { defineWorkflow } from '../../../core/workflow.ts';

export const SUPPORT_KINDS = ['police', 'army', 'health', 'supplies'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_STATES = ['requested', 'answered', 'refused'] as const;
export type SupportState = (typeof SUPPORT_STATES)[number];

/** The commune asks; the district (the unit above it) answers or refuses. */
export const SUPPORT_WORKFLOW = defineWorkflow({
  states: SUPPORT_STATES,
  actions: {
    answer: { allowedFrom: ['requested'], to: 'answered', by: 'superior' },
    refuse: { allowedFrom: ['requested'], to: 'refused', by: 'superior', needsReason: true },
  },
});
export type SupportAction = (typeof SUPPORT_WORKFLOW.actionNames)[number];

/** Still waiting for the district's answer after the day it was needed by. */
export function isRequestOverdue(state: SupportState, neededBy: string, today: string): boolean {
  return state === 'requested' && neededBy < today;
}

/** A request is made for today or later, at most a year ahead, and says what is needed. */
export function requestProblems(input: { details: string; neededBy: string }, today: string): FieldError[] {
  const out: FieldError[] = [];
  if (!input.details.trim())
    out.push({
      field: 'details',
      message: { vi: 'Ghi rõ nội dung cần hỗ trợ.', en: 'Say what support is needed.' },
    });
  if (input.neededBy < today)
    out.push({
      field: 'neededBy',
      message: { vi: 'Ngày cần hỗ trợ đã qua.', en: 'The day the support is needed by has passed.' },
    });
  return out;
}
