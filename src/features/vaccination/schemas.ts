/**
 * Request and response schemas of the vaccination routes: one place for the shapes the web pages send and
 * receive. Pure zod (the web imports the response types from here).
 */
import { z } from 'zod';
import { isoDate, unitCode } from '../../server/schemas.ts';
import { COVERAGE_AGE_GROUPS, MIN_AGES } from './rules/age-groups.ts';
import { CONTACT_OUTCOMES } from './rules/contact-outcomes.ts';
import { COVERAGE_CLASSES, DOSE_KINDS } from './rules/dose-series.ts';
import { VACCINATION_STATUSES } from './rules/person-status.ts';
import { VACCINE_IDS } from './rules/vaccines.ts';

/** The lists of people a worklist shows. */
export const WORKLISTS = ['notVaccinated', 'due', 'overdue', 'all'] as const;

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
/** A page of the worklist on screen; `exceptSession` leaves out those invited to that session already. */
export const worklistPageQuery = worklistQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  exceptSession: z.coerce.number().int().positive().optional(),
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

/* ---------------------------------------------------------------- responses */

const id = z.number().int();
const count = z.number().int();
const day = z.string().describe('yyyy-mm-dd');
const message = z.object({ vi: z.string(), en: z.string() });
const unitRef = z.object({ code: z.string(), name: z.string() });
const sex = z.enum(['male', 'female']);
const vaccine = z.enum(VACCINE_IDS);
const coverageClass = z.enum(COVERAGE_CLASSES);
const classCounts = z.object(
  Object.fromEntries(COVERAGE_CLASSES.map((c) => [c, count])) as Record<
    (typeof COVERAGE_CLASSES)[number],
    typeof count
  >,
);

export const unitCoverage = z.object({
  code: z.string(),
  name: z.string().optional(),
  level: z.number().int().optional(),
  population: count,
  byAgeGroup: z.object(
    Object.fromEntries(COVERAGE_AGE_GROUPS.map((g) => [g, classCounts])) as Record<
      (typeof COVERAGE_AGE_GROUPS)[number],
      typeof classCounts
    >,
  ),
});

/** GET /api/vaccination/coverage: the unit asked first, then each unit directly below it. */
export const coverageResponse = z.object({ asOf: day.optional(), units: z.array(unitCoverage) });

export const trendWeek = z.object({
  week: day,
  firstDose: count,
  primaryComplete: count,
  booster: count,
});

/** GET /api/vaccination/trend */
export const trendResponse = z.object({
  unit: unitRef,
  ageGroup: z.enum(COVERAGE_AGE_GROUPS),
  population: count,
  asOf: day,
  weeks: z.array(trendWeek),
});

/** GET /api/vaccination/rules */
export const vaccinationRulesResponse = z.object({
  vaccines: z.array(z.looseObject({ id: vaccine })),
  boosterRuleSets: z.array(z.looseObject({ id: z.string() })),
  overdueAfterDays: z.object({ value: z.number().int(), provisional: z.boolean() }),
  mixes: z
    .array(z.object({ first: vaccine, next: vaccine, since: day, sinceProvisional: z.boolean() }))
    .describe('The product changes a primary series may make, each from the date of its source'),
});

export const goalProgress = z.object({
  population: count,
  achieved: count,
  required: count,
  remaining: count,
  coverage: z.number().describe('Achieved share of the population, in percent (one decimal)'),
  pacePerDay: z.number(),
  projectedDate: day.nullable(),
  beyondHorizon: z.boolean().describe('Reached at the current pace only more than a year after the deadline'),
  onTrack: z.boolean(),
});

const goalAnswer = z.object({ minAge: z.number().int(), percent: z.number() });

/** POST /api/vaccination/targets */
export const targetResponse = z.object({
  id,
  unitCode: z.string(),
  title: z.string(),
  basis: z.string().nullable(),
  deadline: day,
  primary: goalAnswer.nullable(),
  booster: goalAnswer.nullable(),
  provisional: z.boolean(),
});

export const target = targetResponse.extend({
  progress: z.object({
    unitCode: z.string(),
    windowEnd: day,
    primary: goalProgress.nullable(),
    booster: goalProgress.nullable(),
  }),
});

/** GET /api/vaccination/targets */
export const targetsResponse = z.object({ unit: unitRef, asOf: day, targets: z.array(target) });

export const targetBehind = z.object({
  code: z.string(),
  name: z.string(),
  primary: goalProgress.nullable(),
  booster: goalProgress.nullable(),
});

/** GET /api/vaccination/targets/:id/progress */
export const targetProgressResponse = z.object({
  target: targetResponse,
  unit: unitRef,
  asOf: day,
  primary: goalProgress.nullable(),
  booster: goalProgress.nullable(),
  behind: z.array(targetBehind),
});

export const outcomeFact = z.object({
  outcome: z.enum(CONTACT_OUTCOMES),
  reason: z.string().nullable(),
  until: day.nullable(),
  date: day,
});

export const nextDose = z.object({
  kind: z.enum(['primary', 'booster']),
  number: z.number().int().nullable(),
  dueFrom: day.nullable(),
  overdueFrom: day.nullable(),
  provisional: z.boolean().optional(),
});

/** A person of a worklist (and of the missed list). */
export const worklistEntry = z
  .object({
    personId: id,
    fullName: z.string(),
    birthDate: day.nullable(),
    birthYear: z.number().int(),
    sex: sex.nullable(),
    phone: z.string().nullable(),
    nationalId: z.string().nullable().describe('Masked: only its last 3 digits'),
    villageId: id.nullable(),
    villageName: z.string().nullable(),
    ageBand: z.string(),
    coverage: coverageClass,
    list: z.enum(['notVaccinated', 'due', 'overdue']),
    next: nextDose.nullable(),
    outcome: outcomeFact.nullable(),
    hasReason: z.boolean().describe('The last outcome explains, today, why the person is not vaccinated'),
  })
  .meta({ id: 'WorklistEntry' });

/** GET /api/vaccination/worklist: one page, with the counts of the whole list. */
export const worklistResponse = z.object({
  unit: unitRef,
  asOf: day,
  counts: z.object({ total: count, notVaccinated: count, due: count, overdue: count, withReason: count }),
  page: z.number().int(),
  pageSize: z.number().int(),
  persons: z.array(worklistEntry),
});

/** GET /api/vaccination/missed */
export const missedResponse = z.object({
  unit: unitRef,
  asOf: day,
  minAge: z.number().int(),
  eligible: count,
  complete: count,
  inProgress: count,
  withReason: count,
  missed: count,
  noOneMissed: z.boolean(),
  persons: z.array(worklistEntry),
});

export const cardDose = z.object({
  id,
  vaccine,
  kind: z.enum(DOSE_KINDS),
  doseNumber: z.number().int(),
  date: day,
  site: z.string().nullable(),
  lot: z.string().nullable(),
  sessionId: id.nullable(),
  importId: id.nullable(),
  warnings: z.array(message),
});

/** GET /api/vaccination/persons/:id/card */
export const vaccinationCardResponse = z.object({
  asOf: day,
  status: z.object({
    status: z.enum(VACCINATION_STATUSES),
    coverage: coverageClass,
    date: day.nullable(),
    dueFrom: day.nullable(),
    overdue: z.boolean(),
    reason: z.string().nullable(),
    next: nextDose.nullable(),
  }),
  doses: z.array(cardDose),
  outcomes: z.array(outcomeFact.extend({ id })),
});

/** A dose as stored (snake_case columns). */
export const doseRow = z.looseObject({
  id,
  person_id: id,
  vaccine,
  kind: z.enum(DOSE_KINDS),
  dose_number: z.number().int(),
  date: day,
  site: z.string().nullable(),
  lot: z.string().nullable(),
  session_id: id.nullable(),
  import_id: id.nullable(),
});

const doseRecorded = z.object({ result: z.literal('recorded'), dose: doseRow, warnings: z.array(message) });
const doseIgnored = z.object({ result: z.literal('ignored'), reason: message });

/** POST /api/vaccination/doses: 201 recorded, 200 ignored. */
export const doseResultResponse = z.discriminatedUnion('result', [doseRecorded, doseIgnored]);

/** PATCH /api/vaccination/doses/:id */
export const doseEditResponse = z.object({ dose: doseRow, warnings: z.array(message) });

export const DOSE_IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;

export const doseReportEntry = z.object({
  row: z.number().int(),
  column: z.string(),
  kind: z.enum(['rejected', 'warning', 'ignored']),
  reason: message,
});

/** POST /api/vaccination/imports */
export const doseImportResultResponse = z.object({
  importId: id.nullable(),
  rowsRead: count,
  imported: count,
  ignored: count,
  rejected: count,
  matchedPersons: count,
  matchedByNationalId: count,
  matchedByNameAndBirth: count,
  newPersons: count,
  warnings: count,
  report: z.array(doseReportEntry),
  committed: z.boolean(),
});

export const doseImportBatch = z.object({
  id,
  unit_code: z.string(),
  file_name: z.string(),
  mode: z.enum(DOSE_IMPORT_MODES),
  /** running: chunks are still being committed (the counts so far). */
  status: z.enum(['running', 'committed', 'refused']),
  rows_read: count,
  imported: count,
  ignored: count,
  rejected: count,
  matched_persons: count,
  new_persons: count,
  warnings: count,
  created_at: z.string(),
});

/** GET /api/vaccination/imports */
export const doseImportsResponse = z.object({ imports: z.array(doseImportBatch) });

/** POST /api/vaccination/outcomes */
export const outcomeResponse = outcomeFact.extend({ id, personId: id });

export const sessionRecord = z.looseObject({
  id,
  unit_code: z.string(),
  place: z.string(),
  date: day,
  vaccine,
  doses_available: count,
  note: z.string().nullable(),
});

export const sessionListItem = sessionRecord.extend({ invited: count, doses_given: count });

/** GET /api/vaccination/sessions */
export const sessionsResponse = z.object({ sessions: z.array(sessionListItem) });

export const rosterInvitee = z.looseObject({
  id,
  person_id: id,
  outcome: z.string(),
  full_name: z.string(),
  birth_date: day.nullable(),
  birth_year: z.number().int(),
  phone: z.string().nullable(),
  coverage: coverageClass.nullable(),
});

export const rosterDose = z.object({
  id,
  person_id: id,
  full_name: z.string(),
  vaccine,
  kind: z.enum(DOSE_KINDS),
  dose_number: z.number().int(),
  date: day,
  lot: z.string().nullable(),
});

/** GET /api/vaccination/sessions/:id/roster */
export const rosterResponse = z.object({
  session: sessionRecord.extend({ doses_left: z.number().int() }),
  invitees: z.array(rosterInvitee),
  doses: z.array(rosterDose),
});

/** POST /api/vaccination/sessions/:id/invitations */
export const invitationsResponse = z.object({ invited: count, alreadyInvited: count });

export const sessionDoseResult = z.discriminatedUnion('result', [
  doseRecorded.extend({ personId: id }),
  doseIgnored.extend({ personId: id }),
  z.object({ personId: id, result: z.literal('rejected'), reason: message }),
]);

/** POST /api/vaccination/sessions/:id/doses */
export const sessionDosesResponse = z.object({ results: z.array(sessionDoseResult) });
