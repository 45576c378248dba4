/**
 * Who acts on a check's warning signs, and by when. 261/QĐ-BYT says "report at once" to the managing
 * facility, commune health station, mobile medical station or 115 (rules.md §4.4) and sets no deadline: the
 * deadlines below are a product choice, flagged provisional. Signs of failing breathing or circulation
 * (1 dyspnoea, 3 low SpO2, 7 altered consciousness, 8 cyanosis) also tell the person to call 115. Pure.
 */
export const ESCALATION_RULE = {
  /** The commune health station manages home-treated cases (rules.md §4.5: it certifies recovery). */
  actor: 'communeStation',
  urgentWithinMinutes: 30,
  otherWithinMinutes: 120,
  urgentSigns: [1, 3, 7, 8],
  provisional: true,
} as const;

export interface EscalationPlan {
  actor: string;
  /** ISO instant by which the actor should have acted. */
  actBy: string;
  call115: boolean;
  provisional: boolean;
}

export function escalationFor(warningNumbers: readonly number[], raisedAt: Date): EscalationPlan | null {
  if (warningNumbers.length === 0) return null;
  const urgent = warningNumbers.some((n) => (ESCALATION_RULE.urgentSigns as readonly number[]).includes(n));
  const minutes = urgent ? ESCALATION_RULE.urgentWithinMinutes : ESCALATION_RULE.otherWithinMinutes;
  return {
    actor: ESCALATION_RULE.actor,
    actBy: new Date(raisedAt.getTime() + minutes * 60_000).toISOString(),
    call115: urgent,
    provisional: ESCALATION_RULE.provisional,
  };
}

/** Morning until noon (Vietnam time), afternoon after: the form's two checks a day (rules.md §4.3). */
export function checkPeriod(at: Date): 'morning' | 'afternoon' {
  return (at.getUTCHours() + 7) % 24 < 12 ? 'morning' : 'afternoon';
}
