import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import type { OrganizationKind } from '../../organizations/web/index.ts';
import type { VillageKind } from '../rules.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  pathEntry,
  unitOrganization,
  unitSearchResponse,
  unitSummary,
  unitViewResponse,
  village,
} from '../schemas.ts';

/** The JSON of GET /api/admin-units/:code and its parts: inferred from the routes' response schemas. */
export type UnitSummary = z.infer<typeof unitSummary>;
export type PathEntry = z.infer<typeof pathEntry>;
export type Village = z.infer<typeof village>;
export type Organization = z.infer<typeof unitOrganization>;
export type UnitView = z.infer<typeof unitViewResponse>;
type UnitSearch = z.infer<typeof unitSearchResponse>;

export interface VillageInput {
  name: string;
  kind: VillageKind;
  population: number | null;
}

export interface OrganizationInput {
  name: string;
  kind: OrganizationKind;
  shortName: string | null;
}

const unitKey = (code: string) => ['unit', code] as const;

/** A unit with its children, villages and organizations; disabled while the code is empty. */
export function useUnit(code: string) {
  return useQuery({
    queryKey: unitKey(code),
    queryFn: () => api<UnitView>('GET', `/api/admin-units/${encodeURIComponent(code)}`),
    enabled: code !== '',
  });
}

export function useUnitSearch(text: string) {
  return useQuery({
    queryKey: ['unit-search', text],
    queryFn: () => api<UnitSearch>('GET', `/api/admin-units${query({ q: text })}`).then((r) => r.units),
    enabled: text !== '',
  });
}

/** Every change below a unit refreshes that unit's page. */
function useUnitMutation<V>(code: string, request: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKey(code) }),
  });
}

export const useAddVillage = (code: string) =>
  useUnitMutation(code, (input: VillageInput) =>
    api('POST', `/api/admin-units/${encodeURIComponent(code)}/villages`, input),
  );

export const useUpdateVillage = (code: string) =>
  useUnitMutation(code, ({ id, input }: { id: number; input: VillageInput }) =>
    api('PATCH', `/api/villages/${id}`, input),
  );

export const useDeleteVillage = (code: string) =>
  useUnitMutation(code, (id: number) => api('DELETE', `/api/villages/${id}`));

export const useAddOrganization = (code: string) =>
  useUnitMutation(code, (input: OrganizationInput) =>
    api('POST', `/api/admin-units/${encodeURIComponent(code)}/organizations`, input),
  );

export const useDeleteOrganization = (code: string) =>
  useUnitMutation(code, (id: number) => api('DELETE', `/api/organizations/${id}`));
