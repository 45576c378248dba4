/** The chains, clusters and containment zones API's shapes: the routes declare them, the web client takes their types. */
import { z } from 'zod';
import { isoDate } from '../../server/schemas.ts';
import { CLUSTER_KINDS, ZONE_KINDS } from './rules/zones.ts';

const day = isoDate;

/**
 * The transmission graph, column by column (one entry per case in every array: 5,000 cases stay compact).
 * `label` is null for a case outside the caller's jurisdiction (a source elsewhere: its id only).
 */
export const chainGraph = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  /** More cases than one graph draws were sampled in the window: the earliest `limit` are drawn. */
  truncated: z.boolean(),
  communes: z.array(z.string()),
  nodes: z.object({
    id: z.array(z.number()),
    label: z.array(z.string().nullable()),
    /** Index into `communes`. */
    commune: z.array(z.number()),
    sampleDate: z.array(z.string()),
    status: z.array(z.string()),
    /** A cluster the case belongs to (the first), else null. */
    cluster: z.array(z.number().nullable()),
    /** False for a source drawn because a case of the window names it (outside the window or the unit). */
    inWindow: z.array(z.boolean()),
  }),
  /** Pairs [source id, case id, source id, case id, …]. */
  edges: z.array(z.number()),
  /** Cases of the window whose source is not known. */
  unknownSource: z.number(),
});
export type ChainGraph = z.infer<typeof chainGraph>;

export const chainCase = z.object({
  id: z.number(),
  fullName: z.string(),
  birthYear: z.number().nullable(),
  communeCode: z.string(),
  villageName: z.string().nullable(),
  sampleDate: z.string(),
  status: z.string(),
  placeOfCare: z.string(),
  sourceCaseId: z.number().nullable(),
  clusters: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const clusterBody = z.object({
  commune: z.string().regex(/^\d{5}$/),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(CLUSTER_KINDS),
  address: z.string().trim().max(300).nullish(),
  openedOn: day,
  closedOn: day.nullish(),
  note: z.string().trim().max(1000).nullish(),
  caseIds: z.array(z.number().int().positive()).max(500).default([]),
});

export const clusterItem = z.object({
  id: z.number(),
  communeCode: z.string(),
  name: z.string(),
  kind: z.enum(CLUSTER_KINDS),
  address: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  note: z.string().nullable(),
  caseCount: z.number(),
});

export const clusterCase = z.object({
  id: z.number(),
  label: z.string(),
  communeCode: z.string(),
  sampleDate: z.string(),
  status: z.string(),
  sourceCaseId: z.number().nullable(),
});

export const clusterDetail = clusterItem.extend({ cases: z.array(clusterCase) });
export const clusterPage = z.object({ total: z.number(), clusters: z.array(clusterItem) });

export const zoneBody = z.object({
  commune: z.string().regex(/^\d{5}$/),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ZONE_KINDS),
  villageId: z.number().int().positive().nullish(),
  clusterId: z.number().int().positive().nullish(),
  startsOn: day,
  plannedEndOn: day,
  liftingCriteria: z.string().trim().min(3).max(1000),
  personIds: z.array(z.number().int().positive()).max(2000).default([]),
});

export const zoneItem = z.object({
  id: z.number(),
  communeCode: z.string(),
  name: z.string(),
  kind: z.enum(ZONE_KINDS),
  villageId: z.number().nullable(),
  villageName: z.string().nullable(),
  clusterId: z.number().nullable(),
  startsOn: z.string(),
  plannedEndOn: z.string(),
  liftingCriteria: z.string(),
  liftedOn: z.string().nullable(),
  /** Not lifted, started, and past its planned end: to extend or to lift. */
  overdue: z.boolean(),
  personCount: z.number(),
});

export const zonePerson = z.object({
  id: z.number(),
  fullName: z.string(),
  birthYear: z.number(),
  villageName: z.string().nullable(),
});

export const zoneDetail = zoneItem.extend({
  persons: z.array(zonePerson),
  /** Days since the last case among the people inside (or since the start), as of today. */
  daysWithoutNewCase: z.number(),
  liftingDefault: z.object({ daysWithoutNewCase: z.number(), provisional: z.boolean() }),
});
export const zonePage = z.object({ total: z.number(), zones: z.array(zoneItem) });
