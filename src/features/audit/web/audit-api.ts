import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../../web/api.ts';
import { nextDay } from '../../../web/format.ts';
import type { AuditAction } from '../rules.ts';

/** The actions of the log (rules.ts holds the same list, but it imports node:crypto: types only here). */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'read',
  'login',
  'logout',
  'login_failed',
] as const satisfies readonly AuditAction[];

export interface AuditFilter {
  username: string;
  action: string;
  entity: string;
  from: string;
  to: string;
  page: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  action: AuditAction;
  entity: string;
  entity_id: string | null;
  unit_code: string | null;
  ip: string | null;
  details: string;
}

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
  page: number;
  pageSize: number;
}

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
