import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../web/api.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { Exposure, Venue } from '../schemas.ts';

export { VENUE_KINDS } from '../rules/venue-kinds.ts';
export type { Exposure, Venue };

const KEY = ['check-ins'] as const;

export function useVenues(unit: string) {
  return useQuery({
    queryKey: [...KEY, 'venues', unit],
    queryFn: () =>
      api<{ total: number; venues: Venue[] }>('GET', `/api/venues${query({ unit, limit: 100 })}`),
  });
}

export function useAddVenue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { unit: string; name: string; kind: string; address?: string | null }) =>
      api<Venue>('POST', '/api/venues', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'venues'] }),
  });
}

export function useCheckInVenue(token: string) {
  return useQuery({
    queryKey: ['check-in', token],
    queryFn: () =>
      api<{ name: string; kind: string; address: string | null }>(
        'GET',
        `/api/check-in/${encodeURIComponent(token)}`,
      ),
    retry: false,
  });
}

export function useCheckIn(token: string) {
  return useMutation({
    mutationFn: (body: { fullName: string; phone: string; birthYear: number; nationalId?: string | null }) =>
      api<{ venue: string; at: string }>('POST', `/api/check-in/${encodeURIComponent(token)}`, body),
  });
}

interface CaseExposures {
  caseId: number;
  window: { from: string; to: string; ruleSet: { name: string; provisional: boolean } } | null;
  exposures: Exposure[];
}

export function useExposures(unit: string, caseId: number | null) {
  return useQuery({
    queryKey: [...KEY, 'exposures', unit, caseId],
    queryFn: () =>
      caseId
        ? api<CaseExposures>('GET', `/api/exposures/cases/${caseId}`)
        : api<{ exposures: Exposure[] }>(
            'GET',
            `/api/exposures${query({ unit, status: 'listed', limit: 200 })}`,
          ).then((r): CaseExposures | { window?: undefined; exposures: Exposure[] } => r),
    staleTime: 0,
  });
}

export function useMakeContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (caseId: number) =>
      api<{ exposures: Exposure[]; skipped: { id: number; message: { vi: string; en: string } }[] }>(
        'POST',
        `/api/exposures/cases/${caseId}/contacts`,
      ),
    // The answer is the exposures changed: put them in the lists shown (the page keeps them, marked F1).
    onSuccess: (answer) =>
      client.setQueriesData<{ exposures: Exposure[] }>({ queryKey: [...KEY, 'exposures'] }, (data) => {
        if (!data) return data;
        const changed = new Map(answer.exposures.map((e) => [e.id, e]));
        return { ...data, exposures: data.exposures.map((e) => changed.get(e.id) ?? e) };
      }),
  });
}
