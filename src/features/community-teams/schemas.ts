/** Response schemas of the community-forces routes (types of the web client too). */
import { z } from 'zod';
import { SUPPORT_KINDS, SUPPORT_STATES } from './rules/support-requests.ts';
import { TEAM_DUTIES, TEAM_KINDS } from './rules/teams.ts';

export const teamItem = z.object({
  id: z.number(),
  communeCode: z.string(),
  kind: z.enum(TEAM_KINDS),
  name: z.string(),
  leaderName: z.string().nullable(),
  phone: z.string().nullable(),
  duties: z.array(z.enum(TEAM_DUTIES)),
  dutiesProvisional: z.boolean(),
  villages: z.array(z.object({ id: z.number(), name: z.string() })),
  members: z.array(z.object({ name: z.string(), phone: z.string().nullable(), role: z.string().nullable() })),
  workload: z.object({ homeTreatment: z.number(), quarantine: z.number(), total: z.number() }).nullable(),
});

export const teamPage = z.object({ total: z.number(), date: z.string(), teams: z.array(teamItem) });

export const requestItem = z.object({
  id: z.number(),
  communeCode: z.string(),
  kind: z.enum(SUPPORT_KINDS),
  details: z.string(),
  requestedOn: z.string(),
  neededBy: z.string(),
  state: z.enum(SUPPORT_STATES),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  overdue: z.boolean(),
});

export const requestPage = z.object({
  total: z.number(),
  overdue: z.number(),
  requests: z.array(requestItem),
});
