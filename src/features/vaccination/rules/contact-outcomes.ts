/**
 * What happened when the community team or the health station contacted a person on a worklist (journey 3).
 * Some outcomes are a recorded reason for not being vaccinated, which is what makes "no one missed"
 * provable (seed 004): every eligible person is vaccinated, on schedule, or has such a reason.
 */
import type { Message } from '../../../core/errors.ts';

export const CONTACT_OUTCOMES = [
  'invited',
  'willCome',
  'refused',
  'deferred',
  'contraindicated',
  'moved',
  'wrongData',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const CONTACT_OUTCOME_LABELS: Readonly<Record<ContactOutcome, Message>> = {
  invited: { vi: 'Đã mời tiêm', en: 'Invited' },
  willCome: { vi: 'Hẹn sẽ đến tiêm', en: 'Will come' },
  refused: { vi: 'Từ chối tiêm', en: 'Refused' },
  deferred: { vi: 'Tạm hoãn', en: 'Deferred' },
  contraindicated: { vi: 'Chống chỉ định', en: 'Contraindicated' },
  moved: { vi: 'Đã chuyển đi', en: 'Moved away' },
  wrongData: { vi: 'Sai thông tin', en: 'Wrong data' },
};

/** Outcomes that need a reason in words (why deferred, which contraindication). */
export const REASON_REQUIRED: ReadonlySet<ContactOutcome> = new Set(['deferred', 'contraindicated']);

export interface OutcomeFact {
  outcome: ContactOutcome;
  reason: string | null;
  /** A deferral's end, when known. */
  until: string | null;
  date: string;
}

/** Whether the outcome explains, on `today`, why the person is not vaccinated (a deferral lapses). */
export function isRecordedReason(o: OutcomeFact | null, today: string): boolean {
  if (!o) return false;
  if (o.outcome === 'deferred') return o.until === null || o.until >= today;
  return (
    o.outcome === 'refused' ||
    o.outcome === 'contraindicated' ||
    o.outcome === 'moved' ||
    o.outcome === 'wrongData'
  );
}

/** A deferral cannot end before the contact that recorded it: the form and the store check the same rule. */
export function deferralEndsBeforeContact(until: string | null, contactDay: string): boolean {
  return until !== null && until < contactDay;
}
