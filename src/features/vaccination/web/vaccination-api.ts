import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import type { CoverageAgeGroup } from '../rules/age-groups.ts';
import type { ContactOutcome } from '../rules/contact-outcomes.ts';
import type { CoverageClass } from '../rules/dose-series.ts';
import type { VaccinationStatus } from '../rules/person-status.ts';
import type { GoalProgress } from '../rules/targets.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  cardDose,
  coverageResponse,
  DOSE_IMPORT_MODES,
  doseImportBatch,
  doseImportResultResponse,
  doseImportsResponse,
  doseReportEntry,
  nextDose,
  outcomeFact,
  outcomeResponse,
  target,
  targetBehind,
  targetProgressResponse,
  targetsResponse,
  unitCoverage,
  vaccinationCardResponse,
  worklistEntry,
  worklistResponse,
} from '../schemas.ts';
import type { Worklist } from '../worklist-store.ts';

// The rules modules hold the same lists, but they import server code: only their types come here.
export const COVERAGE_CLASSES = [
  'notVaccinated',
  'partial',
  'primaryComplete',
  'booster',
] as const satisfies readonly CoverageClass[];
export const AGE_GROUPS = [
  '5-11',
  '12-17',
  '18-49',
  '50-64',
  '65+',
  '12+',
  '18+',
  '50+',
] as const satisfies readonly CoverageAgeGroup[];
/** The age bands (each person in one) and the wider groups the targets use (sums of bands). */
export const AGE_BANDS_SHOWN = ['5-11', '12-17', '18-49', '50-64', '65+'] as const;
export const WIDE_GROUPS = ['12+', '18+', '50+'] as const;
export const CONTACT_OUTCOMES = [
  'invited',
  'willCome',
  'refused',
  'deferred',
  'contraindicated',
  'moved',
  'wrongData',
] as const satisfies readonly ContactOutcome[];
/** Outcomes that need a reason in words (contact-outcomes.ts REASON_REQUIRED). */
export const REASON_REQUIRED: ReadonlySet<ContactOutcome> = new Set(['deferred', 'contraindicated']);

export const WORKLISTS = ['all', 'notVaccinated', 'due', 'overdue'] as const satisfies readonly Worklist[];
/** Ages a worklist may start from (age-groups.ts MIN_AGES). */
export const MIN_AGES = [5, 12, 18, 50, 65] as const;

export type { ContactOutcome, CoverageAgeGroup, CoverageClass, GoalProgress, VaccinationStatus, Worklist };
export type ClassCounts = Record<CoverageClass, number>;

/** One unit of GET /api/vaccination/coverage (the answers' types are inferred from the routes' schemas). */
export type UnitCoverage = z.infer<typeof unitCoverage>;
export type CoverageView = z.infer<typeof coverageResponse>;

const VACCINATION = ['vaccination'] as const;

export function useCoverage(unit: string) {
  return useQuery({
    queryKey: [...VACCINATION, 'coverage', unit],
    queryFn: () => api<CoverageView>('GET', `/api/vaccination/coverage${query({ unit })}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
    enabled: unit !== '',
  });
}

/** People of a group in a class, and the group's size (the four classes add up to it). */
export const groupTotal = (counts: ClassCounts) => COVERAGE_CLASSES.reduce((sum, c) => sum + counts[c], 0);

/** After doses or outcomes are recorded, every coverage view and worklist is stale. */
export function useRefreshVaccination() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: VACCINATION });
}

export { VACCINATION };

/** A target as GET /api/vaccination/targets answers it, with the progress of the unit asked. */
export type Target = z.infer<typeof target>;
export type TargetBehind = z.infer<typeof targetBehind>;
export type TargetProgressView = z.infer<typeof targetProgressResponse>;
type TargetsView = z.infer<typeof targetsResponse>;

export function useTargets(unit: string) {
  return useQuery({
    queryKey: [...VACCINATION, 'targets', unit],
    queryFn: () => api<TargetsView>('GET', `/api/vaccination/targets${query({ unit })}`),
    staleTime: 0,
    enabled: unit !== '',
  });
}

/** The units behind on a target, within `unit` (fetched when the user opens the list). */
export function useTargetProgress(id: number, unit: string, enabled: boolean) {
  return useQuery({
    queryKey: [...VACCINATION, 'target', id, unit],
    queryFn: () =>
      api<TargetProgressView>('GET', `/api/vaccination/targets/${id}/progress${query({ unit })}`),
    enabled,
  });
}

export type OutcomeFact = z.infer<typeof outcomeFact>;
export type NextDose = z.infer<typeof nextDose>;
/** A person of GET /api/vaccination/worklist. */
export type WorklistEntry = z.infer<typeof worklistEntry>;

export interface WorklistFilter {
  unit: string;
  village: string;
  list: Worklist;
  minAge: number;
  withoutReason: boolean;
}

export type WorklistView = z.infer<typeof worklistResponse>;

const worklistParams = (f: WorklistFilter) => ({
  unit: f.unit,
  village: f.village,
  list: f.list,
  minAge: f.minAge,
  withoutReason: f.withoutReason ? 'true' : undefined,
});

/** One page of a worklist (50 rows, the counts of the whole list); `exceptSession` leaves out its invitees. */
export function useWorklist(filter: WorklistFilter, page = 1, exceptSession?: number) {
  return useQuery({
    queryKey: [...VACCINATION, 'worklist', filter, page, exceptSession],
    queryFn: () =>
      api<WorklistView>(
        'GET',
        `/api/vaccination/worklist${query({ ...worklistParams(filter), page, exceptSession })}`,
      ),
    placeholderData: keepPreviousData,
    enabled: filter.unit !== '',
  });
}

export const worklistXlsxUrl = (filter: WorklistFilter) =>
  `/api/vaccination/worklist.xlsx${query(worklistParams(filter))}`;

export interface OutcomeInput {
  personId: number;
  outcome: ContactOutcome;
  reason?: string | null;
  until?: string | null;
}

/**
 * Records a contact's outcome and writes it into the cached worklists at once (the list stays in place on a
 * slow link: no refetch of a long list after each person).
 */
export function useRecordOutcome() {
  const queryClient = useQueryClient();
  const today = useToday();
  return useMutation({
    mutationFn: (input: OutcomeInput) =>
      api<z.infer<typeof outcomeResponse>>('POST', '/api/vaccination/outcomes', input),
    onSuccess: (saved) => {
      const hasReason =
        saved.outcome === 'deferred'
          ? saved.until === null || saved.until >= today
          : ['refused', 'contraindicated', 'moved', 'wrongData'].includes(saved.outcome);
      queryClient.setQueriesData<WorklistView>({ queryKey: [...VACCINATION, 'worklist'] }, (view) =>
        view
          ? {
              ...view,
              persons: view.persons.map((p) =>
                p.personId === saved.personId
                  ? {
                      ...p,
                      outcome: {
                        outcome: saved.outcome,
                        reason: saved.reason,
                        until: saved.until,
                        date: saved.date,
                      },
                      hasReason,
                    }
                  : p,
              ),
            }
          : view,
      );
      void queryClient.invalidateQueries({ queryKey: [...VACCINATION, 'card', saved.personId] });
    },
  });
}

export type DoseImportMode = (typeof DOSE_IMPORT_MODES)[number];
export type DoseImportResult = z.infer<typeof doseImportResultResponse>;
export type DoseReportEntry = z.infer<typeof doseReportEntry>;

export const runDoseImport = (request: { uploadId: string; unit: string; mode: DoseImportMode }) =>
  api<DoseImportResult>('POST', '/api/vaccination/imports', request);

export const doseImportReportUrl = (id: number) => `/api/vaccination/imports/${id}/errors`;

export type DoseImportBatch = z.infer<typeof doseImportBatch>;
type DoseImports = z.infer<typeof doseImportsResponse>;

export function useDoseImports(unit: string) {
  return useQuery({
    queryKey: [...VACCINATION, 'imports', unit],
    queryFn: () =>
      api<DoseImports>('GET', `/api/vaccination/imports${query({ unit })}`).then((r) => r.imports),
    staleTime: 0,
    enabled: unit !== '',
  });
}

export type CardDose = z.infer<typeof cardDose>;
export type VaccinationCard = z.infer<typeof vaccinationCardResponse>;

export function useVaccinationCard(personId: number) {
  return useQuery({
    queryKey: [...VACCINATION, 'card', personId],
    queryFn: () => api<VaccinationCard>('GET', `/api/vaccination/persons/${personId}/card`),
    enabled: personId > 0,
    retry: false,
  });
}
