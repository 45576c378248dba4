/** Request schemas of the vaccination routes: one place for the shapes the web pages send. */
import { z } from 'zod';
import { isoDate, unitCode } from '../../server/schemas.ts';
import { COVERAGE_AGE_GROUPS, MIN_AGES } from './rules/age-groups.ts';
import { CONTACT_OUTCOMES } from './rules/contact-outcomes.ts';
import { DOSE_KINDS } from './rules/dose-series.ts';
import { VACCINE_IDS } from './rules/vaccines.ts';
import { WORKLISTS } from './worklist-store.ts';

const text = (max: number) => z.string().trim().max(max);
const minAge = z.coerce
  .number()
  .int()
  .refine((n) => (MIN_AGES as readonly number[]).includes(n), `one of ${MIN_AGES.join(', ')}`);

export const unitQuery = z.object({ unit: unitCode.optional() });
export const trendQuery = unitQuery.extend({ ageGroup: z.enum(COVERAGE_AGE_GROUPS).default('12+') });

export const doseBody = z.object({
  personId: z.number().int().positive(),
  vaccine: z.enum(VACCINE_IDS),
  date: isoDate,
  kind: z.enum(DOSE_KINDS).optional(),
  doseNumber: z.number().int().min(1).max(3).optional(),
  site: text(200).nullish(),
  lot: text(50).nullish(),
});
export const doseChanges = doseBody.omit({ personId: true }).partial();

export const importBody = z.object({
  uploadId: z.string().uuid(),
  unit: unitCode.optional(),
  mode: z.enum(['all-or-nothing', 'valid-rows']).default('valid-rows'),
});

const goal = z.object({ minAge, percent: z.number().int().min(1).max(100) });
export const targetBody = z.object({
  unitCode,
  title: text(500).min(1),
  basis: text(1000).nullish(),
  deadline: isoDate,
  primary: goal.nullish(),
  booster: goal.nullish(),
  provisional: z.boolean().optional(),
});

export const worklistQuery = z.object({
  unit: unitCode,
  village: z.coerce.number().int().positive().optional(),
  list: z.enum(WORKLISTS).default('all'),
  minAge: minAge.default(12),
  withoutReason: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const missedQuery = z.object({ unit: unitCode.optional(), minAge: minAge.default(12) });

export const outcomeBody = z.object({
  personId: z.number().int().positive(),
  outcome: z.enum(CONTACT_OUTCOMES),
  reason: text(500).nullish(),
  until: isoDate.nullish(),
  date: isoDate.optional(),
  sessionId: z.number().int().positive().nullish(),
});

export const sessionBody = z.object({
  unitCode,
  place: text(300).min(1),
  date: isoDate,
  vaccine: z.enum(VACCINE_IDS),
  dosesAvailable: z.number().int().min(0).max(100_000),
  note: text(1000).nullish(),
});
export const invitationsBody = z.object({ personIds: z.array(z.number().int().positive()).min(1).max(5000) });
export const sessionDosesBody = z.object({
  doses: z
    .array(
      z.object({
        personId: z.number().int().positive(),
        kind: z.enum(DOSE_KINDS).optional(),
        doseNumber: z.number().int().min(1).max(3).optional(),
        lot: text(50).nullish(),
      }),
    )
    .min(1)
    .max(1000),
});
