/** Answers of the organizations routes: pure zod, shared by the routes (OpenAPI) and the web client (types). */
import { z } from 'zod';
import { ORGANIZATION_KINDS } from './rules.ts';

/** POST /api/admin-units/:code/organizations, PATCH /api/organizations/:id */
export const organizationResponse = z.object({
  id: z.number().int(),
  unitCode: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
});
