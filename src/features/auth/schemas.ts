/** Answers of the auth and users routes: pure zod, shared by the routes (OpenAPI) and the web client (types). */
import { z } from 'zod';
import { ROLES } from './rules.ts';

export const currentUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitCode: z.string(),
  unitName: z.string(),
  unitLevel: z.number().int(),
  organizationId: z.number().int().nullable(),
});

/** POST /api/auth/login, GET /api/auth/me */
export const userResponse = z.object({ user: currentUser });

export const account = currentUser.extend({ disabled: z.boolean() });

/** GET /api/users */
export const accountsResponse = z.object({ users: z.array(account) });

/** POST /api/users */
export const createdAccountResponse = z.object({ id: z.number().int(), username: z.string() });
