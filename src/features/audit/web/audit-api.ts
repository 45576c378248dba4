import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { nextDay } from '../../../web/format.ts';
import type { auditEntry, auditPageResponse } from '../schemas.ts';

export { AUDIT_ACTIONS } from '../rules/actions.ts';

export interface AuditFilter {
  username: string;
  action: string;
  entity: string;
  from: string;
  to: string;
  page: number;
}

export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditPage = z.infer<typeof auditPageResponse>;

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    // The server's `to` is exclusive; "Đến ngày 23/11" means up to the end of that day.
    queryFn: () =>
      api<AuditPage>('GET', `/api/audit${query({ ...filter, to: filter.to ? nextDay(filter.to) : '' })}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
