import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { archiveResponse, reportViewResponse, storedReportResponse } from '../schemas.ts';

export type ReportView = z.infer<typeof reportViewResponse>;
export type StoredReport = z.infer<typeof storedReportResponse>;
export type Archive = z.infer<typeof archiveResponse>;
export type FormId = ReportView['form'];

const KEY = ['reports'] as const;
export const ARCHIVE_PAGE = 50;

/** A unit's report of a form for a period (a day, any day of a week, a directive's id). */
export function useReportView(form: FormId, unit: string, period: string) {
  return useQuery({
    queryKey: [...KEY, form, unit, period],
    queryFn: () => api<ReportView>('GET', `/api/reports/view${query({ form, unit, period })}`),
    enabled: period !== '',
  });
}

/** Opens the draft when needed, then acts on it; the page's view is refetched after each change. */
export function useReportAction(form: FormId, unit: string, period: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (a: {
      id: number | null;
      action: 'texts' | 'corrections' | 'sign' | 'submit';
      body?: unknown;
    }) => {
      const id =
        a.id ?? (await api<{ id: number }>('POST', '/api/reports/drafts', { form, unit, period })).id;
      return api<StoredReport>('POST', `/api/reports/${id}/${a.action}`, a.body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, form, unit, period] }),
  });
}

/** A new version superseding the submitted one (the archive keeps both). */
export function useRevise(form: FormId, unit: string, period: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ id: number }>('POST', '/api/reports/drafts', { form, unit, period, revise: true }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRemind(form: FormId, unit: string, period: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ opened: { unitCode: string }[] }>('POST', '/api/reports/reminders', { form, unit, period }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Every submitted report of a unit and those below, newest first, a page at a time. */
export function useArchive(unit: string, form: FormId | '', page: number) {
  return useQuery({
    queryKey: [...KEY, 'archive', unit, form, page],
    queryFn: () =>
      api<Archive>(
        'GET',
        `/api/reports/archive${query({ unit, form, limit: ARCHIVE_PAGE, offset: (page - 1) * ARCHIVE_PAGE })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The unit's register of documents, for choosing the directive a report answers. */
export interface DocumentChoice {
  id: number;
  number: string | null;
  symbol: string | null;
  subject: string | null;
  date: string | null;
}
export function useUnitDocuments(unit: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...KEY, 'documents', unit],
    queryFn: () =>
      api<{ documents: DocumentChoice[] }>('GET', `/api/documents${query({ unit, limit: 100 })}`),
  });
}
