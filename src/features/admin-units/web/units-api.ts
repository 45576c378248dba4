import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../web/api.ts';
import type { OrganizationKind } from '../../organizations/rules.ts';
import type { VillageKind } from '../rules.ts';

/** The JSON of GET /api/admin-units/:code and its parts. */
export interface UnitSummary {
  code: string;
  name: string;
  nameWithType: string;
  kind: string;
  level: number;
  population: number | null;
  populationSource: string;
}

export interface PathEntry {
  code: string;
  nameWithType: string;
  level: number;
  accessible: boolean;
}

export interface Village {
  id: number;
  communeCode: string;
  name: string;
  kind: VillageKind;
  population: number | null;
  populationSource: string;
}

export interface Organization {
  id: number;
  kind: OrganizationKind;
  name: string;
  shortName: string | null;
}

export interface UnitView {
  unit: UnitSummary & { parentCode: string | null };
  path: PathEntry[];
  children: UnitSummary[];
  villages: Village[];
  organizations: Organization[];
}

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
    queryFn: () =>
      api<{ units: UnitSummary[] }>('GET', `/api/admin-units${query({ q: text })}`).then((r) => r.units),
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
