/** Answers of the admin-units routes: pure zod, shared by the routes (OpenAPI) and the web client (types). */
import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../organizations/index.ts';
import { VILLAGE_KINDS } from './rules.ts';

export const unitSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    nameWithType: z.string(),
    kind: z.string(),
    level: z.number().int(),
    population: z.number().int().nullable(),
    populationSource: z.string(),
  })
  .meta({ id: 'UnitSummary' });

export const pathEntry = z.object({
  code: z.string(),
  nameWithType: z.string(),
  level: z.number().int(),
  accessible: z.boolean(),
});

export const village = z.object({
  id: z.number().int(),
  communeCode: z.string(),
  name: z.string(),
  kind: z.enum(VILLAGE_KINDS),
  population: z.number().int().nullable(),
  populationSource: z.string(),
});

export const unitOrganization = z.object({
  id: z.number().int(),
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
});

/** GET /api/admin-units/:code */
export const unitViewResponse = z.object({
  unit: unitSummary.extend({ parentCode: z.string().nullable() }),
  path: z.array(pathEntry),
  children: z.array(unitSummary),
  villages: z.array(village),
  organizations: z.array(unitOrganization),
});

/** GET /api/admin-units?q= */
export const unitSearchResponse = z.object({ units: z.array(unitSummary) });
