import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { reportViewResponse, storedReportResponse } from '../schemas.ts';

export type DailyView = z.infer<typeof reportViewResponse>;
export type StoredReport = z.infer<typeof storedReportResponse>;

const KEY = ['reports'] as const;

export function useDailyReport(unit: string, date: string) {
  return useQuery({
    queryKey: [...KEY, 'daily', unit, date],
    queryFn: () => api<DailyView>('GET', `/api/reports/daily${query({ unit, date })}`),
  });
}

/** Opens the draft when needed, then acts on it; the page's view is refetched after each change. */
export function useReportAction(unit: string, date: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (a: {
      id: number | null;
      action: 'texts' | 'corrections' | 'sign' | 'submit';
      body?: unknown;
    }) => {
      const id =
        a.id ??
        (await api<{ id: number }>('POST', '/api/reports/drafts', { form: 'daily', unit, period: date })).id;
      return api<StoredReport>('POST', `/api/reports/${id}/${a.action}`, a.body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'daily', unit, date] }),
  });
}

export function useRemind(unit: string, date: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ opened: { unitCode: string }[] }>('POST', '/api/reports/reminders', {
        form: 'daily',
        unit,
        period: date,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
