import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { CLUSTER_KINDS, ZONE_KINDS } from '../rules/zones.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  ChainGraph,
  chainCase,
  clusterDetail,
  clusterItem,
  clusterPage,
  zoneDetail,
  zoneItem,
  zonePage,
} from '../schemas.ts';

export type { ChainGraph };
export { CLUSTER_KINDS, ZONE_KINDS };
export type ChainCase = z.infer<typeof chainCase>;
export type Cluster = z.infer<typeof clusterItem>;
export type ClusterDetail = z.infer<typeof clusterDetail>;
export type Zone = z.infer<typeof zoneItem>;
export type ZoneDetail = z.infer<typeof zoneDetail>;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];
export type ZoneKind = (typeof ZONE_KINDS)[number];

const CHAINS = ['chains'] as const;
const CLUSTERS = ['clusters'] as const;
const ZONES = ['containment-zones'] as const;

export function useChainGraph(f: { unit: string; from?: string; to?: string }) {
  return useQuery({
    queryKey: [...CHAINS, 'graph', f],
    queryFn: () => api<ChainGraph>('GET', `/api/cases/chains${query(f)}`),
    placeholderData: keepPreviousData,
  });
}

export function useChainCase(id: number | null) {
  return useQuery({
    queryKey: [...CHAINS, 'case', id],
    queryFn: () => api<ChainCase>('GET', `/api/chains/cases/${id}`),
    enabled: id !== null,
  });
}

export function useSetSource(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sourceCaseId: number | null) =>
      api<ChainCase>('PUT', `/api/chains/cases/${id}/source`, { sourceCaseId }),
    onSuccess: () => client.invalidateQueries({ queryKey: CHAINS }),
  });
}

export function useClusters(unit: string, open: boolean, page: number) {
  return useQuery({
    queryKey: [...CLUSTERS, unit, open, page],
    queryFn: () =>
      api<z.infer<typeof clusterPage>>(
        'GET',
        `/api/clusters${query({ unit, open: open ? '1' : undefined, offset: (page - 1) * 50 })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCluster(id: number) {
  return useQuery({
    queryKey: [...CLUSTERS, 'one', id],
    queryFn: () => api<ClusterDetail>('GET', `/api/clusters/${id}`),
  });
}

export interface ClusterBody {
  commune: string;
  name: string;
  kind: ClusterKind;
  address: string | null;
  openedOn: string;
  caseIds: number[];
}

function useClusterWrite<A>(fn: (a: A) => Promise<Cluster>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      client.invalidateQueries({ queryKey: CLUSTERS });
      client.invalidateQueries({ queryKey: CHAINS });
    },
  });
}

export const useAddCluster = () =>
  useClusterWrite((b: ClusterBody) => api<Cluster>('POST', '/api/clusters', b));
export const useAddClusterCases = (id: number) =>
  useClusterWrite((caseIds: number[]) => api<Cluster>('POST', `/api/clusters/${id}/cases`, { caseIds }));
export const useRemoveClusterCase = (id: number) =>
  useClusterWrite((caseId: number) => api<Cluster>('DELETE', `/api/clusters/${id}/cases/${caseId}`));
export const useCloseCluster = (id: number) =>
  useClusterWrite((closedOn: string) => api<Cluster>('POST', `/api/clusters/${id}/close`, { closedOn }));

export function useZones(unit: string, active: boolean, page: number) {
  return useQuery({
    queryKey: [...ZONES, unit, active, page],
    queryFn: () =>
      api<z.infer<typeof zonePage>>(
        'GET',
        `/api/containment-zones${query({ unit, active: active ? '1' : undefined, offset: (page - 1) * 50 })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useZone(id: number) {
  return useQuery({
    queryKey: [...ZONES, 'one', id],
    queryFn: () => api<ZoneDetail>('GET', `/api/containment-zones/${id}`),
  });
}

export interface ZoneBody {
  commune: string;
  name: string;
  kind: ZoneKind;
  villageId: number | null;
  startsOn: string;
  plannedEndOn: string;
  liftingCriteria: string;
  personIds: number[];
}

function useZoneWrite<A>(fn: (a: A) => Promise<Zone>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ZONES }) });
}

export const useAddZone = () => useZoneWrite((b: ZoneBody) => api<Zone>('POST', '/api/containment-zones', b));
export const useUpdateZone = (id: number) =>
  useZoneWrite((b: { plannedEndOn?: string; liftedOn?: string | null }) =>
    api<Zone>('PATCH', `/api/containment-zones/${id}`, b),
  );
export const useAddZonePersons = (id: number) =>
  useZoneWrite((personIds: number[]) =>
    api<Zone>('POST', `/api/containment-zones/${id}/persons`, { personIds }),
  );
export const useRemoveZonePerson = (id: number) =>
  useZoneWrite((personId: number) => api<Zone>('DELETE', `/api/containment-zones/${id}/persons/${personId}`));

/** "12, 15 ,18" → [12, 15, 18]; anything else is left out. */
export function parseIds(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && n > 0);
}
