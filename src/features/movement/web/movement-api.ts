import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../web/api.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  ArrivalList,
  CheckpointItem,
  ForecastAnswer,
  GatheringItem,
  GatheringList,
  ShiftsAnswer,
} from '../schemas.ts';

export type { ArrivalItem, CheckpointItem, DecisionItem, GatheringItem } from '../schemas.ts';
export const PAGE_SIZE = 50;
/** A decision as signed (what the decision routes take with their own fields). */
export interface SignedDecision {
  decisionNumber: string;
  decisionDate: string;
  signerName: string;
  signerTitle: string;
}
const KEY = ['movement'] as const;

export const useArrivals = (unit: string, date: string, page: number) =>
  useQuery({
    queryKey: [...KEY, 'arrivals', unit, date, page],
    queryFn: () =>
      api<ArrivalList>(
        'GET',
        `/api/arrivals${query({ unit, date, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });

export const useForecast = (unit: string) =>
  useQuery({
    queryKey: [...KEY, 'forecast', unit],
    queryFn: () => api<ForecastAnswer>('GET', `/api/arrivals/forecast${query({ unit, days: 30 })}`),
  });

/** The unit's checkpoints, open first, closed ones too (with their closing decision). */
export const useCheckpoints = (unit: string) =>
  useQuery({
    queryKey: [...KEY, 'checkpoints', unit],
    queryFn: () => api<{ checkpoints: CheckpointItem[] }>('GET', `/api/checkpoints${query({ unit })}`),
  });

export const useShifts = (id: number | null) =>
  useQuery({
    queryKey: [...KEY, 'shifts', id],
    queryFn: () => api<ShiftsAnswer>('GET', `/api/checkpoints/${id}/shifts?limit=10`),
    enabled: id !== null,
  });

export const useGatherings = (unit: string) =>
  useQuery({
    queryKey: [...KEY, 'gatherings', unit],
    queryFn: () => api<GatheringList>('GET', `/api/gatherings${query({ unit, limit: PAGE_SIZE })}`),
  });

function useWrite<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useRecordShift = (id: number) =>
  useWrite((body: Record<string, unknown>) => api('POST', `/api/checkpoints/${id}/shifts`, body));
export const useHandOver = () =>
  useWrite((b: { id: number; to: string }) =>
    api('POST', `/api/checkpoint-shifts/${b.id}/handover`, { to: b.to }),
  );
export const useRequestGathering = () =>
  useWrite((body: Record<string, unknown>) => api<GatheringItem>('POST', '/api/gatherings', body));
export const useDecideGathering = () =>
  useWrite(
    ({ id, ...body }: { id: number; decision: 'approve' | 'refuse'; reason: string } & SignedDecision) =>
      api<GatheringItem>('POST', `/api/gatherings/${id}/decision`, body),
  );
export const useOpenCheckpoint = () =>
  useWrite((body: { communeCode: string; name: string; place: string } & SignedDecision) =>
    api<CheckpointItem>('POST', '/api/checkpoints', body),
  );
export const useCloseCheckpoint = () =>
  useWrite(({ id, ...body }: { id: number } & SignedDecision) =>
    api<CheckpointItem>('POST', `/api/checkpoints/${id}/close`, body),
  );
export const useDeclare = () =>
  useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<{ status: 'received' }>('POST', '/api/arrival-declarations', body),
  });
