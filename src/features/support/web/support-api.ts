import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import type { ClaimAction, ClaimState } from '../rules/claim-lifecycle.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { claimList, claimView, missedAnswer } from '../schemas.ts';

export type Claim = z.infer<typeof claimView>;
export type ClaimPage = z.infer<typeof claimList>;
export type MissedView = z.infer<typeof missedAnswer>;

export const PAGE_SIZE = 20;
const SUPPORT = ['support'] as const;

export function useClaims(unit: string, status: ClaimState, page: number) {
  return useQuery({
    queryKey: [...SUPPORT, 'claims', unit, status, page],
    queryFn: () =>
      api<ClaimPage>(
        'GET',
        `/api/support/claims${query({ unit, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMissed(unit: string, page: number) {
  return useQuery({
    queryKey: [...SUPPORT, 'missed', unit, page],
    queryFn: () =>
      api<MissedView>(
        'GET',
        `/api/support/missed${query({ unit, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/** A write: every support list is stale after it. */
function useSupportWrite<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SUPPORT }),
  });
}

export const useClaimAction = () =>
  useSupportWrite((a: { id: number; action: ClaimAction; note?: string }) =>
    api<Claim>('POST', `/api/support/claims/${a.id}/${a.action}`, { note: a.note ?? null }),
  );

export const useClaimsFromRecords = () =>
  useSupportWrite((unit: string) =>
    api<{ created: number; amount: number }>('POST', `/api/support/claims/from-records${query({ unit })}`),
  );

export const useCreateClaim = () =>
  useSupportWrite(
    (c: {
      personId: number;
      policy: string;
      from: string | null;
      to: string | null;
      amount: number | null;
      note: string | null;
    }) => api<Claim>('POST', '/api/support/claims', c),
  );

export const paymentListHref = (unit: string) => `/api/support/payment-list.xlsx${query({ unit })}`;
