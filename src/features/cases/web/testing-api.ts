import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
// The lists come from the pure rules the server uses (no I/O, safe in the web bundle).
import { POOL_RESULTS, type PoolResult, ROUND_AREAS, type RoundArea } from '../rules/testing.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  poolItem,
  poolResultResponse,
  positivityResponse,
  retestItem,
  roundResponse,
} from '../testing-schemas.ts';

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

export type Pool = z.infer<typeof poolItem>;
export type PoolKind = 'rapidAntigen' | 'pcr';
export const POOL_KINDS: readonly PoolKind[] = ['pcr', 'rapidAntigen'];
export { POOL_RESULTS, ROUND_AREAS };

/** A commune's pools waiting for their result (the page's worklist), newest sample first. */
export function usePendingPools(unit: string) {
  return useQuery({
    queryKey: [...TESTING, 'pools', unit],
    queryFn: () => api<{ total: number; pools: Pool[] }>('GET', `/api/test-pools${query({ unit })}`),
    staleTime: 0,
  });
}

/**
 * A write on testing: the lists and numbers it touches (pools, retests, rounds, positivity) and the cases'
 * numbers (tests done) are stale after it.
 */
function useTestingWrite<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Not awaited: the form's own onSuccess runs first, before the refreshed list unmounts the row it sits in.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: TESTING });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'summary'] });
    },
  });
}

export interface NewPool {
  commune: string;
  kind: PoolKind;
  sampleDate: string;
  takenBy: string | null;
  members: number[];
}

export const useCreatePool = () =>
  useTestingWrite((body: NewPool) => api<{ id: number }>('POST', '/api/test-pools', body));

export const useSetPoolResult = (poolId: number) =>
  useTestingWrite((body: { result: PoolResult; resultOn: string }) =>
    api<z.infer<typeof poolResultResponse>>('POST', `/api/test-pools/${poolId}/result`, body),
  );

export const useRecordRetest = (retestId: number) =>
  useTestingWrite((body: { kind: PoolKind; sampleDate: string; result: PoolResult }) =>
    api<{ id: number }>('POST', `/api/retests/${retestId}`, body),
  );

export interface NewRound {
  commune: string;
  name: string;
  areaKind: RoundArea;
  villageId: number | null;
  householdIds: number[] | null;
  expectedPeople: number | null;
  startsOn: string;
  endsOn: string;
}

export const useCreateRound = () =>
  useTestingWrite((body: NewRound) => api<TestingRound>('POST', '/api/testing-rounds', body));
