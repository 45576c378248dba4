/**
 * The campaign's client: setting targets, the weekly trend, sessions (plan, invite, record doses) and the
 * FHIR export. Coverage, worklists, cards and imports are in vaccination-api.ts.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../web/api.ts';
import type { DoseKind } from '../rules/dose-series.ts';
import { VACCINE_IDS, type VaccineId } from '../rules/vaccines.ts';
import { type CoverageAgeGroup, type CoverageClass, type Target, VACCINATION } from './vaccination-api.ts';

export type { VaccineId };
export { VACCINE_IDS };

/** A goal of POST /api/vaccination/targets: `percent` of the people aged `minAge` and over. */
export interface GoalInput {
  minAge: number;
  percent: number;
}

export interface TargetInput {
  unitCode: string;
  title: string;
  basis: string | null;
  deadline: string;
  primary: GoalInput | null;
  booster: GoalInput | null;
  provisional: boolean;
}

/** Every vaccination view may include the new target: all are refreshed. */
export function useCreateTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TargetInput) =>
      api<Omit<Target, 'progress'>>('POST', '/api/vaccination/targets', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VACCINATION }),
  });
}

/** One week of GET /api/vaccination/trend: people reached so far (cumulative) at the week's end. */
export interface TrendWeek {
  week: string;
  firstDose: number;
  primaryComplete: number;
  booster: number;
}

export interface TrendView {
  unit: { code: string; name: string };
  ageGroup: CoverageAgeGroup;
  population: number;
  asOf: string;
  weeks: TrendWeek[];
}

export function useTrend(unit: string, ageGroup: CoverageAgeGroup) {
  return useQuery({
    queryKey: [...VACCINATION, 'trend', unit, ageGroup],
    queryFn: () => api<TrendView>('GET', `/api/vaccination/trend${query({ unit, ageGroup })}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
    enabled: unit !== '',
  });
}

/** A session of GET /api/vaccination/sessions (the columns as stored). */
export interface Session {
  id: number;
  unit_code: string;
  place: string;
  date: string;
  vaccine: VaccineId;
  doses_available: number;
  note: string | null;
  invited: number;
  doses_given: number;
}

export interface SessionInput {
  unitCode: string;
  place: string;
  date: string;
  vaccine: VaccineId;
  dosesAvailable: number;
  note: string | null;
}

export function useSessions(unit: string) {
  return useQuery({
    queryKey: [...VACCINATION, 'sessions', unit],
    queryFn: () =>
      api<{ sessions: Session[] }>('GET', `/api/vaccination/sessions${query({ unit })}`).then(
        (r) => r.sessions,
      ),
    staleTime: 0,
    enabled: unit !== '',
  });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput) =>
      api<Omit<Session, 'invited' | 'doses_given'>>('POST', '/api/vaccination/sessions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...VACCINATION, 'sessions'] }),
  });
}

export interface RosterInvitee {
  id: number;
  person_id: number;
  outcome: string;
  full_name: string;
  birth_date: string | null;
  birth_year: number;
  phone: string | null;
  coverage: CoverageClass | null;
}

export interface RosterDose {
  id: number;
  person_id: number;
  full_name: string;
  vaccine: VaccineId;
  kind: DoseKind;
  dose_number: number;
  date: string;
  lot: string | null;
}

export interface Roster {
  session: Omit<Session, 'invited' | 'doses_given'> & { doses_left: number };
  invitees: RosterInvitee[];
  doses: RosterDose[];
}

export function useRoster(id: number) {
  return useQuery({
    queryKey: [...VACCINATION, 'roster', id],
    queryFn: () => api<Roster>('GET', `/api/vaccination/sessions/${id}/roster`),
    staleTime: 0,
    enabled: id > 0,
  });
}

export function useInvite(sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personIds: number[]) =>
      api<{ invited: number; alreadyInvited: number }>(
        'POST',
        `/api/vaccination/sessions/${sessionId}/invitations`,
        { personIds },
      ),
    // The roster, the session list's counts and the worklists' last outcomes change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VACCINATION }),
  });
}

export type SessionDoseResult = { personId: number } & (
  | { result: 'recorded'; warnings: { vi: string; en: string }[] }
  | { result: 'ignored' | 'rejected'; reason: { vi: string; en: string } }
);

export function useRecordSessionDoses(sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doses: { personId: number; lot: string | null }[]) =>
      api<{ results: SessionDoseResult[] }>('POST', `/api/vaccination/sessions/${sessionId}/doses`, {
        doses,
      }).then((r) => r.results),
    // Coverage, targets, trend, worklists and the roster all move with new doses.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VACCINATION }),
  });
}

/** The unit's FHIR R4 Bundle (Patient and Immunization resources), downloaded as a file. */
export const fhirUrl = (unit: string) => `/api/vaccination/fhir${query({ unit })}`;
