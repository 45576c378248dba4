import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { capacityAnswer, planAnswer, scenarioBody } from '../schemas.ts';

export type CapacityView = z.infer<typeof capacityAnswer>;
export type PlanView = z.infer<typeof planAnswer>;
export type ScenarioBody = z.infer<typeof scenarioBody>;
const KEY = ['capacity'] as const;

export function useCapacity(unit: string, date: string) {
  return useQuery({
    queryKey: [...KEY, unit, date],
    queryFn: () => api<CapacityView>('GET', `/api/capacity${query({ unit, date })}`),
  });
}

export function usePlan(unit: string) {
  return useQuery({
    queryKey: [...KEY, 'plan', unit],
    queryFn: () => api<PlanView>('GET', `/api/response-plans${query({ unit })}`),
  });
}

export function useSave<T>(method: 'PUT' | 'POST', path: (body: T) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => api<unknown>(method, path(body), body),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
