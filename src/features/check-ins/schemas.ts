/** The check-ins API's shapes: the routes declare them, the web client takes their types. */
import { z } from 'zod';
import { VENUE_KINDS } from './rules/venue-kinds.ts';

export const venue = z.object({
  id: z.number(),
  communeCode: z.string(),
  name: z.string(),
  kind: z.string(),
  address: z.string().nullable(),
  /** The public check-in page's path: the poster's QR encodes the site's origin followed by it. */
  path: z.string(),
  active: z.boolean(),
  checkInsToday: z.number(),
});
export type Venue = z.infer<typeof venue>;

export const venueBody = z.object({
  unit: z.string().regex(/^\d{5}$/),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(VENUE_KINDS),
  address: z.string().max(300).nullish(),
});

export const checkInBody = z.object({
  fullName: z.string().max(120),
  phone: z.string().max(20),
  birthYear: z.number().int(),
  nationalId: z.string().max(20).nullish(),
});

export const exposure = z.object({
  id: z.number(),
  caseId: z.number(),
  status: z.enum(['listed', 'contact']),
  contactId: z.number().nullable(),
  communeCode: z.string(),
  checkInId: z.number(),
  fullName: z.string(),
  phone: z.string(),
  birthYear: z.number(),
  nationalId: z.string().nullable(),
  day: z.string(),
  at: z.string(),
  venueId: z.number(),
  venueName: z.string(),
});
export type Exposure = z.infer<typeof exposure>;

export const exposureWindow = z
  .object({
    from: z.string(),
    to: z.string(),
    ruleSet: z.object({ id: z.string(), name: z.string(), legalBasis: z.string(), provisional: z.boolean() }),
  })
  .nullable();
