import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../web/api.ts';
import type { Sex } from '../../persons/web/persons-api.ts';
import type { DoseImportMode, DoseImportResult, ReportEntry } from '../import/import-doses.ts';
import type { CoverageAgeGroup } from '../rules/age-groups.ts';
import type { ContactOutcome } from '../rules/contact-outcomes.ts';
import type { CoverageClass, DoseKind } from '../rules/dose-series.ts';
import type { VaccinationStatus } from '../rules/person-status.ts';
import type { GoalProgress } from '../rules/targets.ts';
import type { VaccineId } from '../rules/vaccines.ts';
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

/** One unit of GET /api/vaccination/coverage. */
export interface UnitCoverage {
  code: string;
  /** Not in the fixed contract: the page falls back on the admin-unit names when missing. */
  name?: string;
  level?: number;
  population: number;
  byAgeGroup: Record<CoverageAgeGroup, ClassCounts>;
}

export interface CoverageView {
  asOf?: string;
  /** The unit asked first, then each unit directly below it. */
  units: UnitCoverage[];
}

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
export interface Target {
  id: number;
  unitCode: string;
  title: string;
  basis: string | null;
  deadline: string;
  primary: { minAge: number; percent: number } | null;
  booster: { minAge: number; percent: number } | null;
  provisional: boolean;
  progress: {
    unitCode: string;
    windowEnd: string;
    primary: GoalProgress | null;
    booster: GoalProgress | null;
  };
}

export interface TargetBehind {
  code: string;
  name: string;
  primary: GoalProgress | null;
  booster: GoalProgress | null;
}

export interface TargetProgressView {
  unit: { code: string; name: string };
  asOf: string;
  primary: GoalProgress | null;
  booster: GoalProgress | null;
  behind: TargetBehind[];
}

export function useTargets(unit: string) {
  return useQuery({
    queryKey: [...VACCINATION, 'targets', unit],
    queryFn: () =>
      api<{ asOf: string; targets: Target[] }>('GET', `/api/vaccination/targets${query({ unit })}`),
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

export interface OutcomeFact {
  outcome: ContactOutcome;
  reason: string | null;
  until: string | null;
  date: string;
}

export interface NextDose {
  kind: 'primary' | 'booster';
  number: number | null;
  dueFrom: string | null;
  overdueFrom: string | null;
}

/** A person of GET /api/vaccination/worklist. */
export interface WorklistEntry {
  personId: number;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: Sex | null;
  phone: string | null;
  nationalId: string | null;
  villageId: number | null;
  villageName: string | null;
  ageBand: string;
  coverage: CoverageClass;
  list: Exclude<Worklist, 'all'>;
  next: NextDose | null;
  outcome: OutcomeFact | null;
  /** The last outcome explains, today, why the person is not vaccinated. */
  hasReason: boolean;
}

export interface WorklistFilter {
  unit: string;
  village: string;
  list: Worklist;
  minAge: number;
  withoutReason: boolean;
}

export interface WorklistView {
  unit: { code: string; name: string };
  asOf: string;
  persons: WorklistEntry[];
}

const worklistParams = (f: WorklistFilter) => ({
  unit: f.unit,
  village: f.village,
  list: f.list,
  minAge: f.minAge,
  withoutReason: f.withoutReason ? 'true' : undefined,
});

export function useWorklist(filter: WorklistFilter) {
  return useQuery({
    queryKey: [...VACCINATION, 'worklist', filter],
    queryFn: () => api<WorklistView>('GET', `/api/vaccination/worklist${query(worklistParams(filter))}`),
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
  return useMutation({
    mutationFn: (input: OutcomeInput) =>
      api<{ id: number; personId: number } & OutcomeFact>('POST', '/api/vaccination/outcomes', input),
    onSuccess: (saved) => {
      const today = new Date().toISOString().slice(0, 10);
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

// The import's answer as the server types it (type-only: nothing of the server module reaches the bundle).
export type { DoseImportMode, DoseImportResult, ReportEntry as DoseReportEntry };

export const runDoseImport = (request: { uploadId: string; unit: string; mode: DoseImportMode }) =>
  api<DoseImportResult>('POST', '/api/vaccination/imports', request);

export const doseImportReportUrl = (id: number) => `/api/vaccination/imports/${id}/errors`;

export interface DoseImportBatch {
  id: number;
  unit_code: string;
  file_name: string;
  mode: DoseImportMode;
  status: 'committed' | 'refused';
  rows_read: number;
  imported: number;
  ignored: number;
  rejected: number;
  matched_persons: number;
  new_persons: number;
  warnings: number;
  created_at: string;
}

export function useDoseImports(unit: string) {
  return useQuery({
    queryKey: [...VACCINATION, 'imports', unit],
    queryFn: () =>
      api<{ imports: DoseImportBatch[] }>('GET', `/api/vaccination/imports${query({ unit })}`).then(
        (r) => r.imports,
      ),
    staleTime: 0,
    enabled: unit !== '',
  });
}

export interface CardDose {
  id: number;
  vaccine: VaccineId;
  kind: DoseKind;
  doseNumber: number;
  date: string;
  site: string | null;
  lot: string | null;
  sessionId: number | null;
  importId: number | null;
  warnings: { vi: string; en: string }[];
}

export interface VaccinationCard {
  asOf: string;
  status: {
    status: VaccinationStatus;
    coverage: CoverageClass;
    date: string | null;
    dueFrom: string | null;
    overdue: boolean;
    reason: string | null;
    next: (NextDose & { provisional?: boolean }) | null;
  };
  doses: CardDose[];
  outcomes: ({ id: number } & OutcomeFact)[];
}

export function useVaccinationCard(personId: number) {
  return useQuery({
    queryKey: [...VACCINATION, 'card', personId],
    queryFn: () => api<VaccinationCard>('GET', `/api/vaccination/persons/${personId}/card`),
    enabled: personId > 0,
    retry: false,
  });
}
