import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { AGE_BANDS } from '../rules/age-bands.ts';
import { PERSON_FIELDS, type PersonField } from '../rules/headers.ts';
import { PERSON_STATUSES } from '../rules/person-status.ts';
import { PRIORITY_GROUPS } from '../rules/priority-groups.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  duplicateReview,
  duplicateReviewsResponse,
  householdMember,
  importBatch,
  importBatchesResponse,
  importResultResponse,
  importRowError,
  personListItem,
  personListResponse,
  personRecord,
  personResponse,
  reviewPerson,
} from '../schemas.ts';

// The lists come from the pure rules the server uses (no I/O, safe in the web bundle).
export { AGE_BANDS, PERSON_FIELDS, PERSON_STATUSES, PRIORITY_GROUPS };

export type Sex = NonNullable<PersonListItem['sex']>;

/** A row of GET /api/persons (types inferred from the routes' response schemas). */
export type PersonListItem = z.infer<typeof personListItem>;
export type PersonListPage = z.infer<typeof personListResponse>;

/** The filters of the list, as kept in the address bar (empty string: not filtered). */
export interface PersonFilter {
  q: string;
  unit: string;
  village: string;
  ageBand: string;
  status: string;
  priority: string;
}

export type PersonRecord = z.infer<typeof personRecord>;
export type HouseholdMember = z.infer<typeof householdMember>;
type PersonView = z.infer<typeof personResponse>;
export type ImportRowError = z.infer<typeof importRowError>;
export type ImportResult = z.infer<typeof importResultResponse>;

export type ImportMode = 'all-or-nothing' | 'valid-rows';
/** Villages the commune lacks: ask first, create them, or reject their rows. */
export type NewVillagesChoice = 'ask' | 'create' | 'reject';

export interface ImportRequest {
  uploadId: string;
  commune: string;
  mode: ImportMode;
  newVillages: NewVillagesChoice;
  mapping?: Record<string, PersonField | null>;
  headerRow?: number;
}

export type ImportBatch = z.infer<typeof importBatch>;
type ImportBatches = z.infer<typeof importBatchesResponse>;
export type ReviewPerson = z.infer<typeof reviewPerson>;

export type ReviewStatus = 'open' | 'merged' | 'kept';

export type DuplicateReview = z.infer<typeof duplicateReview>;
type DuplicateReviews = z.infer<typeof duplicateReviewsResponse>;

const PERSONS = ['persons'] as const;

const filterParams = (filter: PersonFilter) => ({
  q: filter.q,
  unit: filter.unit,
  village: filter.village,
  ageBand: filter.ageBand,
  status: filter.status,
  priority: filter.priority,
});

export function usePersons(filter: PersonFilter, page: number) {
  return useQuery({
    queryKey: [...PERSONS, 'list', filter, page],
    queryFn: () => api<PersonListPage>('GET', `/api/persons${query({ ...filterParams(filter), page })}`),
    placeholderData: keepPreviousData,
  });
}

/** Every page of a filtered list, fetched one after the other (the printable list), up to `maxPages`. */
export function useAllPersons(filter: PersonFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...PERSONS, 'all', filter],
    queryFn: ({ pageParam }) =>
      api<PersonListPage>('GET', `/api/persons${query({ ...filterParams(filter), page: pageParam })}`),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.hasMore && last.page < 200 ? last.page + 1 : undefined),
    enabled,
  });
}

/** The address of the .xlsx or .csv export of the filtered list (a plain link: the browser downloads it). */
export const exportUrl = (filter: PersonFilter, format: 'xlsx' | 'csv') =>
  `/api/persons/export${query({ ...filterParams(filter), format })}`;

export function usePerson(id: number) {
  return useQuery({
    queryKey: [...PERSONS, 'one', id],
    queryFn: () => api<PersonView>('GET', `/api/persons/${id}`),
    enabled: id > 0,
  });
}

export const runImport = (request: ImportRequest) =>
  api<ImportResult>('POST', '/api/persons/imports', request);

export const importErrorsUrl = (batchId: number) => `/api/persons/imports/${batchId}/errors`;

/** After an import or an undo, every list of persons and batches is stale. */
export function useRefreshPersons() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: PERSONS });
}

export function useBatches() {
  return useQuery({
    queryKey: [...PERSONS, 'batches'],
    queryFn: () => api<ImportBatches>('GET', '/api/persons/imports').then((r) => r.batches),
    staleTime: 0,
  });
}

export function useUndoBatch() {
  const refresh = useRefreshPersons();
  return useMutation({
    mutationFn: (id: number) => api('POST', `/api/persons/imports/${id}/undo`),
    onSuccess: refresh,
  });
}

export function useReviews(status: ReviewStatus) {
  return useQuery({
    queryKey: [...PERSONS, 'duplicates', status],
    queryFn: () =>
      api<DuplicateReviews>('GET', `/api/persons/duplicates${query({ status })}`).then((r) => r.reviews),
    staleTime: 0,
  });
}

export function useDecideReview() {
  const refresh = useRefreshPersons();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'merge' | 'keep' | 'unmerge' }) =>
      api('POST', `/api/persons/duplicates/${id}/${action}`),
    onSuccess: refresh,
  });
}
