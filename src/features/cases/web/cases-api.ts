import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { CASE_OUTCOMES, TEST_KINDS } from '../rules/case-input.ts';
import { PLACES_OF_CARE } from '../rules/day-counts.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  caseRecord,
  checkBody,
  checkResult,
  escalationItem,
  quarantinePlanResponse,
  recoveryCertificateResponse,
  unitSummary,
} from '../schemas.ts';

// The lists come from the pure rules the server uses (no I/O, safe in the web bundle).
export { CASE_OUTCOMES, PLACES_OF_CARE, TEST_KINDS };
export const CASE_STATUSES = ['treating', ...CASE_OUTCOMES] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type PlaceOfCare = (typeof PLACES_OF_CARE)[number];
export type TestKind = (typeof TEST_KINDS)[number];

export type UnitSummary = z.infer<typeof unitSummary>;
type CaseRecord = z.infer<typeof caseRecord>;
export type CaseItem = CaseRecord & { full_name: string };
export type Escalation = z.infer<typeof escalationItem>;
export type CheckInput = z.input<typeof checkBody>;
export type CheckResult = z.infer<typeof checkResult>;
export type QuarantinePlan = z.infer<typeof quarantinePlanResponse>;
interface MissedCheck {
  caseId: number;
  fullName: string;
  phone: string | null;
  checks: number;
}

export type RecoveryCertificate = z.infer<typeof recoveryCertificateResponse>;

export const PAGE_SIZE = 50;
const CASES = ['cases'] as const;

export function useCaseSummary(unit: string) {
  return useQuery({
    queryKey: [...CASES, 'summary', unit],
    queryFn: () => api<{ date: string; units: UnitSummary[] }>('GET', `/api/cases/summary${query({ unit })}`),
    staleTime: 0,
  });
}

export function useEscalations(unit: string) {
  return useQuery({
    queryKey: [...CASES, 'escalations', unit],
    queryFn: () =>
      api<{ total: number; escalations: Escalation[] }>('GET', `/api/escalations${query({ unit })}`).then(
        (r) => r.escalations,
      ),
    staleTime: 0,
  });
}

export function useMissedChecks(unit: string) {
  return useQuery({
    queryKey: [...CASES, 'missed', unit],
    queryFn: () =>
      api<{ day: string; cases: MissedCheck[] }>('GET', `/api/cases/missed-checks${query({ unit })}`).then(
        (r) => r.cases,
      ),
  });
}

export function useCases(unit: string, status: CaseStatus | '', page: number) {
  return useQuery({
    queryKey: [...CASES, 'list', unit, status, page],
    queryFn: () =>
      api<{ total: number; cases: CaseItem[] }>(
        'GET',
        `/api/cases${query({ unit, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/** A write on a case: every view of the cases (numbers, lists, warnings) is stale after it. */
function useCaseWrite<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CASES }),
  });
}

export interface NewCase {
  personId: number;
  sampleDate: string;
  testKind: TestKind;
  placeOfCare: PlaceOfCare;
}

export interface CheckLink {
  token: string;
  path: string;
}
const issueLink = (caseId: number) => api<CheckLink>('POST', `/api/cases/${caseId}/check-link`);

/** Records a case; one treated at home gets its personal link at once (journey 4: the link is the next step). */
export const useCreateCase = () =>
  useCaseWrite(async (c: NewCase) => {
    const created = await api<CaseRecord>('POST', '/api/cases', c);
    return { created, link: c.placeOfCare === 'home' ? await issueLink(created.id) : null };
  });

export const useHandleEscalation = () =>
  useCaseWrite((id: number) => api('POST', `/api/escalations/${id}/handle`, {}));

export const useSetOutcome = (caseId: number) =>
  useCaseWrite((body: { status: (typeof CASE_OUTCOMES)[number]; on: string }) =>
    api('POST', `/api/cases/${caseId}/outcome`, body),
  );

export const useTransfer = (caseId: number) =>
  useCaseWrite((body: { on: string; placeOfCare: PlaceOfCare; facility: string | null }) =>
    api('POST', `/api/cases/${caseId}/transfers`, body),
  );

export const useAddContact = (caseId: number) =>
  useCaseWrite((body: { personId: number; exposureDate: string; setting: string | null }) =>
    api<{ id: number; plan: QuarantinePlan }>('POST', `/api/cases/${caseId}/contacts`, body),
  );

export const useTeamCheck = (caseId: number) =>
  useCaseWrite((body: CheckInput) => api<CheckResult>('POST', `/api/cases/${caseId}/checks`, body));

/** Issues the personal link (no cached view changes: only its hash is kept). */
export const useIssueLink = (caseId: number) => useMutation({ mutationFn: () => issueLink(caseId) });

// The personal link's page: no account, the token is the key.
export function useLinkForm(token: string) {
  return useQuery({
    queryKey: ['check-link', token],
    queryFn: () =>
      api<{ givenName: string; day: string; checksToday: number; checksPerDay: number }>(
        'GET',
        `/api/check-links/${encodeURIComponent(token)}`,
      ),
    retry: false,
  });
}

export function useLinkCheck(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckInput) =>
      api<CheckResult>('POST', `/api/check-links/${encodeURIComponent(token)}/checks`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['check-link', token] }),
  });
}

export function useCertificate(id: number) {
  return useQuery({
    queryKey: [...CASES, 'certificate', id],
    queryFn: () => api<RecoveryCertificate>('GET', `/api/cases/${id}/certificate`),
    enabled: id > 0,
  });
}
