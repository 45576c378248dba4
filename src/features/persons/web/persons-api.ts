import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, query } from '../../../web/api.ts';
import { AGE_BANDS } from '../rules/age-bands.ts';
import { PERSON_FIELDS, type PersonField } from '../rules/headers.ts';
import { PERSON_STATUSES, type PersonStatus } from '../rules/person-status.ts';
import { PRIORITY_GROUPS } from '../rules/priority-groups.ts';

// The lists come from the pure rules the server uses (no I/O, safe in the web bundle).
export { AGE_BANDS, PERSON_FIELDS, PERSON_STATUSES, PRIORITY_GROUPS };

export type Sex = 'male' | 'female';

/** A row of GET /api/persons. */
export interface PersonListItem {
  id: number;
  full_name: string;
  birth_date: string | null;
  birth_year: number;
  sex: Sex | null;
  national_id: string | null;
  phone: string | null;
  commune_code: string;
  village_id: number | null;
  village_name: string | null;
  household_id: number | null;
  priority_groups: string;
  status: PersonStatus;
}

export interface PersonListPage {
  persons: PersonListItem[];
  page: number;
  hasMore: boolean;
}

/** The filters of the list, as kept in the address bar (empty string: not filtered). */
export interface PersonFilter {
  q: string;
  unit: string;
  village: string;
  ageBand: string;
  status: string;
  priority: string;
}

export interface PersonRecord {
  id: number;
  full_name: string;
  birth_date: string | null;
  birth_year: number;
  sex: Sex | null;
  national_id: string | null;
  phone: string | null;
  address: string | null;
  occupation: string | null;
  priority_groups: string;
  status: PersonStatus;
  status_date: string | null;
  note: string | null;
  village_id: number | null;
  household_id: number | null;
  relation_to_head: string | null;
  commune_code: string;
  generated: number;
  import_batch_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface HouseholdMember {
  id: number;
  full_name: string;
  birth_year: number;
  sex: Sex | null;
  relation_to_head: string | null;
}

export interface ImportRowError {
  row: number;
  column: string;
  reason: { vi: string; en: string };
}

export interface ImportResult {
  batchId: number | null;
  rowsRead: number;
  imported: number;
  rejected: number;
  review: number;
  existing: number;
  errors: ImportRowError[];
  committed: boolean;
}

export type ImportMode = 'all-or-nothing' | 'valid-rows';

export interface ImportRequest {
  uploadId: string;
  commune: string;
  mode: ImportMode;
  mapping?: Record<string, PersonField | null>;
  headerRow?: number;
}

export interface ImportBatch {
  id: number;
  commune_code: string;
  file_name: string;
  mode: ImportMode;
  rows_read: number;
  imported: number;
  rejected: number;
  review: number;
  existing: number;
  status: 'committed' | 'refused' | 'undone';
  created_at: string;
}

export interface ReviewPerson {
  id: number;
  full_name: string;
  birth_date: string | null;
  birth_year: number;
  sex: Sex | null;
  national_id: string | null;
  phone: string | null;
  village_id: number | null;
}

export type ReviewStatus = 'open' | 'merged' | 'kept';

export interface DuplicateReview {
  id: number;
  person_id: number;
  candidate_id: number;
  reason: string;
  status: ReviewStatus;
  person: ReviewPerson;
  candidate: ReviewPerson;
}

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
    queryFn: () => api<{ person: PersonRecord; household: HouseholdMember[] }>('GET', `/api/persons/${id}`),
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
    queryFn: () => api<{ batches: ImportBatch[] }>('GET', '/api/persons/imports').then((r) => r.batches),
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
      api<{ reviews: DuplicateReview[] }>('GET', `/api/persons/duplicates${query({ status })}`).then(
        (r) => r.reviews,
      ),
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
