import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../../web/api.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { caseImportResult } from '../../import-routes.ts';
import type {
  orderCandidatesResponse,
  orderLine,
  orderSummary,
  quarantineOrderResponse,
} from '../../schemas-orders.ts';

export type OrderSummary = z.infer<typeof orderSummary>;
export type OrderCandidate = z.infer<typeof orderCandidatesResponse>['contacts'][number];
export type QuarantineOrder = z.infer<typeof quarantineOrderResponse>;
export type OrderLine = z.infer<typeof orderLine>;
export type CaseImportResult = z.infer<typeof caseImportResult>;
export type CaseImportMode = 'valid-rows' | 'all-or-nothing';

const ORDERS = ['quarantine-orders'] as const;

export function useOrders(unit: string, page: number) {
  return useQuery({
    queryKey: [...ORDERS, 'list', unit, page],
    queryFn: () =>
      api<{ total: number; orders: OrderSummary[] }>(
        'GET',
        `/api/quarantine-orders${query({ unit, limit: 20, offset: (page - 1) * 20 })}`,
      ),
  });
}

export function useOrderCandidates(unit: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ORDERS, 'candidates', unit],
    queryFn: () =>
      api<{ contacts: OrderCandidate[] }>('GET', `/api/quarantine-orders/candidates${query({ unit })}`).then(
        (r) => r.contacts,
      ),
    enabled,
    staleTime: 0,
  });
}

export function useOrder(id: number) {
  return useQuery({
    queryKey: [...ORDERS, 'one', id],
    queryFn: () => api<QuarantineOrder>('GET', `/api/quarantine-orders/${id}`),
  });
}

export interface NewOrder {
  unit: string;
  number: string;
  issuedOn: string;
  signerName: string;
  signerTitle: string;
  contactIds: number[];
}

export function useCreateOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOrder) => api<OrderSummary>('POST', '/api/quarantine-orders', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ORDERS }),
  });
}

export interface DeliveryInput {
  deliveredBy: string;
  deliveredAt: string;
  outcome: 'received' | 'refused';
  receivedBy: string | null;
  note: string | null;
}

export function useRecordDelivery(orderId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, ...body }: DeliveryInput & { lineId: number }) =>
      api<OrderLine>('PUT', `/api/quarantine-order-lines/${lineId}/delivery`, body),
    onSuccess: (line) => {
      // The write answers the changed line only: put it in place.
      client.setQueryData<QuarantineOrder>([...ORDERS, 'one', orderId], (order) =>
        order
          ? {
              ...order,
              delivered: order.lines.filter((l) => (l.id === line.id ? line.delivery : l.delivery)).length,
              lines: order.lines.map((l) => (l.id === line.id ? line : l)),
            }
          : order,
      );
      void client.invalidateQueries({ queryKey: [...ORDERS, 'list'] });
    },
  });
}

export const runCaseImport = (body: { uploadId: string; unit: string; mode: CaseImportMode }) =>
  api<CaseImportResult>('POST', '/api/cases/imports', body);
