import { describe, expect, it } from 'vitest';
import { deliveryProblems, orderProblems } from './order-input.ts';

const fields = (p: { field: string }[]) => p.map((x) => x.field);

describe('bulk quarantine decision and delivery record', () => {
  it('a decision is signed on or before today and names each contact once', () => {
    expect(orderProblems({ issuedOn: '2022-01-15', contactIds: [1, 2] }, '2022-01-15')).toEqual([]);
    expect(fields(orderProblems({ issuedOn: '2022-01-16', contactIds: [1, 2, 1] }, '2022-01-15'))).toEqual([
      'issuedOn',
      'contactIds.2',
    ]);
  });

  it('a delivery falls between the signing and today; received names the receiver, refused does not', () => {
    const ok = { deliveredBy: 'Tổ COVID thôn Na Hoa', deliveredAt: '2022-01-15T08:30', receivedBy: 'Vợ' };
    expect(deliveryProblems({ ...ok, outcome: 'received' }, '2022-01-14', '2022-01-15')).toEqual([]);
    expect(
      deliveryProblems({ ...ok, outcome: 'refused', receivedBy: null }, '2022-01-14', '2022-01-15'),
    ).toEqual([]);
    expect(
      fields(deliveryProblems({ ...ok, outcome: 'received', receivedBy: ' ' }, '2022-01-16', '2022-01-15')),
    ).toEqual(['deliveredAt', 'receivedBy']);
    expect(
      fields(
        deliveryProblems(
          { ...ok, deliveredAt: '2022-01-17T07:00', outcome: 'refused' },
          '2022-01-14',
          '2022-01-15',
        ),
      ),
    ).toEqual(['deliveredAt']);
  });
});
