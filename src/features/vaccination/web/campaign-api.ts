/**
 * The campaign's client: setting targets, the weekly trend, sessions (plan, invite, record doses) and the
 * FHIR export. Coverage, worklists, cards and imports are in vaccination-api.ts.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { VACCINE_IDS, type VaccineId } from '../rules/vaccines.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  invitationsResponse,
  rosterDose,
  rosterInvitee,
  rosterResponse,
  sessionDoseResult,
  sessionDosesResponse,
  sessionListItem,
  sessionRecord,
  sessionsResponse,
  targetResponse,
  trendResponse,
  trendWeek,
} from '../schemas.ts';
import { type CoverageAgeGroup, VACCINATION } from './vaccination-api.ts';

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
      api<z.infer<typeof targetResponse>>('POST', '/api/vaccination/targets', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VACCINATION }),
  });
}

/** One week of GET /api/vaccination/trend: people reached so far (cumulative) at the week's end. */
export type TrendWeek = z.infer<typeof trendWeek>;
export type TrendView = z.infer<typeof trendResponse>;

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
export type Session = z.infer<typeof sessionListItem>;
type Sessions = z.infer<typeof sessionsResponse>;

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
      api<Sessions>('GET', `/api/vaccination/sessions${query({ unit })}`).then((r) => r.sessions),
    staleTime: 0,
    enabled: unit !== '',
  });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput) =>
      api<z.infer<typeof sessionRecord>>('POST', '/api/vaccination/sessions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...VACCINATION, 'sessions'] }),
  });
}

export type RosterInvitee = z.infer<typeof rosterInvitee>;
export type RosterDose = z.infer<typeof rosterDose>;
export type Roster = z.infer<typeof rosterResponse>;

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
      api<z.infer<typeof invitationsResponse>>('POST', `/api/vaccination/sessions/${sessionId}/invitations`, {
        personIds,
      }),
    // The roster, the session list's counts and the worklists' last outcomes change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VACCINATION }),
  });
}

export type SessionDoseResult = z.infer<typeof sessionDoseResult>;

export function useRecordSessionDoses(sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doses: { personId: number; lot: string | null }[]) =>
      api<z.infer<typeof sessionDosesResponse>>('POST', `/api/vaccination/sessions/${sessionId}/doses`, {
        doses,
      }).then((r) => r.results),
    // Coverage, targets, trend, worklists and the roster all move with new doses.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VACCINATION }),
  });
}

/** The unit's FHIR R4 Bundle (Patient and Immunization resources), downloaded as a file. */
export const fhirUrl = (unit: string) => `/api/vaccination/fhir${query({ unit })}`;
