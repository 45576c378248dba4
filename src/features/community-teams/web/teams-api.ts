import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { SUPPORT_KINDS } from '../rules/support-requests.ts';
import { TEAM_DUTIES, TEAM_KINDS } from '../rules/teams.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { requestItem, requestPage, teamItem, teamPage } from '../schemas.ts';

export { SUPPORT_KINDS, TEAM_DUTIES, TEAM_KINDS };
export type Team = z.infer<typeof teamItem>;
export type TeamPage = z.infer<typeof teamPage>;
export type SupportRequest = z.infer<typeof requestItem>;
export type RequestPage = z.infer<typeof requestPage>;
export type TeamKind = (typeof TEAM_KINDS)[number];
export type TeamDuty = (typeof TEAM_DUTIES)[number];
export type SupportKind = (typeof SUPPORT_KINDS)[number];

const TEAMS = ['community-teams'] as const;
const REQUESTS = ['support-requests'] as const;

export function useTeams(unit: string) {
  return useQuery({
    queryKey: [...TEAMS, unit],
    queryFn: () => api<TeamPage>('GET', `/api/community-teams${query({ unit })}`),
    placeholderData: keepPreviousData,
  });
}

export interface TeamBody {
  commune: string;
  kind: TeamKind;
  name: string;
  leaderName: string | null;
  phone: string | null;
  duties: TeamDuty[];
  villageIds: number[];
  members: { name: string; phone: string | null; role: string | null }[];
}

export function useAddTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamBody) => api<Team>('POST', '/api/community-teams', body),
    onSuccess: () => client.invalidateQueries({ queryKey: TEAMS }),
  });
}

export function useRequests(unit: string) {
  return useQuery({
    queryKey: [...REQUESTS, unit],
    queryFn: () => api<RequestPage>('GET', `/api/support-requests${query({ unit })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAddRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { commune: string; kind: SupportKind; details: string; neededBy: string }) =>
      api<SupportRequest>('POST', '/api/support-requests', body),
    onSuccess: () => client.invalidateQueries({ queryKey: REQUESTS }),
  });
}

export function useAnswerRequest(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: 'answer' | 'refuse'; answer: string | null }) =>
      api<SupportRequest>('POST', `/api/support-requests/${id}/answer`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: REQUESTS }),
  });
}

/** "Họ tên, số điện thoại, nhiệm vụ" per line, as a commune types its roster on a phone. */
export function parseMembers(text: string) {
  return text
    .split('\n')
    .map((line) => line.split(',').map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([name, phone, role]) => ({ name: name!, phone: phone || null, role: role || null }));
}
