import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { positivityResponse, retestItem, roundResponse } from '../testing-schemas.ts';

export type Positivity = z.infer<typeof positivityResponse>;
export type Retest = z.infer<typeof retestItem>;
export type TestingRound = z.infer<typeof roundResponse>;

const TESTING = ['testing'] as const;

export function usePositivity(unit: string) {
  return useQuery({
    queryKey: [...TESTING, 'positivity', unit],
    queryFn: () => api<Positivity>('GET', `/api/tests/positivity${query({ unit })}`),
  });
}

export function useRetests(unit: string) {
  return useQuery({
    queryKey: [...TESTING, 'retests', unit],
    queryFn: () => api<{ total: number; retests: Retest[] }>('GET', `/api/retests${query({ unit })}`),
    staleTime: 0,
  });
}

export function useRounds(unit: string) {
  return useQuery({
    queryKey: [...TESTING, 'rounds', unit],
    queryFn: () =>
      api<{ total: number; rounds: TestingRound[] }>('GET', `/api/testing-rounds${query({ unit })}`),
  });
}
