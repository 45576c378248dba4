import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { SECTORS, SIZES } from '../rules/checklists.ts';
import { PENALTY_KINDS } from '../rules/violations.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  assessmentResult,
  establishmentDetail,
  establishmentItem,
  establishmentPage,
  inspectionResult,
} from '../schemas.ts';

export { PENALTY_KINDS, SECTORS, SIZES };
export type Establishment = z.infer<typeof establishmentItem>;
export type EstablishmentPage = z.infer<typeof establishmentPage>;
export type EstablishmentDetail = z.infer<typeof establishmentDetail>;
export type AssessmentResult = z.infer<typeof assessmentResult>;
export type InspectionResult = z.infer<typeof inspectionResult>;
export type Sector = (typeof SECTORS)[number];
export type Size = (typeof SIZES)[number];
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const PAGE_SIZE = 50;
const KEY = ['inspections'] as const;

export function useEstablishments(f: { unit: string; overdue: boolean; q: string; page: number }) {
  return useQuery({
    queryKey: [...KEY, 'list', f],
    queryFn: () =>
      api<EstablishmentPage>(
        'GET',
        `/api/establishments${f.overdue ? '/overdue' : ''}${query({
          unit: f.unit,
          q: f.overdue ? undefined : f.q || undefined,
          limit: PAGE_SIZE,
          offset: (f.page - 1) * PAGE_SIZE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEstablishment(id: number) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api<EstablishmentDetail>('GET', `/api/establishments/${id}`),
  });
}

export function useAddEstablishment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      commune: string;
      name: string;
      sector: Sector;
      size: Size;
      address?: string | null;
      ownerName?: string | null;
      phone?: string | null;
    }) => api<Establishment>('POST', '/api/establishments', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'list'] }),
  });
}

export interface ViolationDraft {
  description: string;
  penaltyKind: PenaltyKind | '';
  penaltyAmount: string;
  fixWithinDays: string;
}

export function useRecordAssessment(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, boolean>) =>
      api<AssessmentResult>('POST', `/api/establishments/${id}/assessments`, { answers }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRecordInspection(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      answers: Record<string, boolean>;
      inspectors: string | null;
      findings: string | null;
      violations: ViolationDraft[];
    }) =>
      api<InspectionResult>('POST', `/api/establishments/${id}/inspections`, {
        ...body,
        violations: body.violations.map((v) => ({
          description: v.description,
          penaltyKind: v.penaltyKind || null,
          penaltyAmount:
            v.penaltyAmount.trim() === '' ? null : Number(v.penaltyAmount.replace(/[.\s,]/g, '')),
          fixWithinDays: v.fixWithinDays.trim() === '' ? null : Number(v.fixWithinDays),
        })),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
