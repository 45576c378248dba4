/**
 * A bulk quarantine decision and its delivery records: what makes them well formed (pure; the form and the
 * store check the same). The quarantine itself (end, tests) is each contact's plan (rules/quarantine.ts).
 */
import type { FieldError } from '../../../core/errors.ts';

export const DELIVERY_OUTCOMES = ['received', 'refused'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** Contacts in one decision: a commune's day of listing, printed on a few A4 pages. */
export const MAX_ORDER_CONTACTS = 200;

const problem = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

export interface OrderFacts {
  issuedOn: string;
  contactIds: readonly number[];
}

export function orderProblems(o: OrderFacts, today: string): FieldError[] {
  const out: FieldError[] = [];
  if (o.issuedOn > today)
    out.push(problem('issuedOn', 'Ngày ký ở tương lai.', 'The signing day is in the future.'));
  const seen = new Set<number>();
  o.contactIds.forEach((id, i) => {
    if (seen.has(id))
      out.push(problem(`contactIds.${i}`, 'F1 bị chọn hai lần.', 'The same contact is chosen twice.'));
    seen.add(id);
  });
  return out;
}

export interface DeliveryFacts {
  deliveredBy: string;
  /** ISO instant, or a day and time as YYYY-MM-DDTHH:mm (Vietnam time). */
  deliveredAt: string;
  outcome: DeliveryOutcome;
  receivedBy?: string | null;
}

/**
 * A delivery record: handed over on or after the decision's signing day and not after today; "received"
 * names who received it (the person, or a family member who signs); "refused" needs no receiver.
 */
export function deliveryProblems(d: DeliveryFacts, issuedOn: string, today: string): FieldError[] {
  const out: FieldError[] = [];
  const day = d.deliveredAt.slice(0, 10);
  if (day < issuedOn)
    out.push(
      problem('deliveredAt', 'Giao trước ngày ký quyết định.', 'Delivered before the decision was signed.'),
    );
  if (day > today)
    out.push(problem('deliveredAt', 'Ngày giao ở tương lai.', 'The delivery day is in the future.'));
  if (!d.deliveredBy.trim()) out.push(problem('deliveredBy', 'Ghi người giao.', 'Name who delivered it.'));
  if (d.outcome === 'received' && !d.receivedBy?.trim())
    out.push(problem('receivedBy', 'Ghi người nhận.', 'Name who received it.'));
  return out;
}
