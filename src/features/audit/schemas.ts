/** Answers of the audit route: pure zod, shared by the route (OpenAPI) and the web client (types). */
import { z } from 'zod';

import { AUDIT_ACTIONS } from './rules/actions.ts';

export { AUDIT_ACTIONS };

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string(),
  entity_id: z.string().nullable(),
  unit_code: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.string(),
});

/** GET /api/audit */
export const auditPageResponse = z.object({
  total: z.number().int(),
  entries: z.array(auditEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
});
