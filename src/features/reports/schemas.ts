import { z } from 'zod';
import { isoDate, unitCode } from '../../server/schemas.ts';
import { FORM_IDS } from './rules/forms.ts';

const values = z.record(z.string(), z.number().nullable());
const state = z.enum(['draft', 'signed', 'submitted']);

export const storedReportFields = z.object({
  id: z.number(),
  version: z.number(),
  state,
  formVersion: z.number(),
  number: z.string().nullable(),
  values,
  fields: z.array(
    z.object({
      key: z.string(),
      computed: z.number().nullable(),
      value: z.number().nullable(),
      asOf: z
        .enum(['period', 'compiled'])
        .describe("'compiled': the records keep only the present state; the value is as of when compiled"),
      correction: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
    }),
  ),
  texts: z.record(z.string(), z.string()),
  signedBy: z.string().nullable(),
  signedById: z.number().nullable(),
  signedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedLocal: z.string().nullable(),
  late: z.boolean(),
});

const unitRef = z.object({ code: z.string(), name: z.string(), level: z.number() });

export const rollUp = z.object({
  numbers: z.record(z.string(), z.number()),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      state: z.enum(['draft', 'signed', 'submitted', 'missing']),
      submitted: z.boolean(),
      late: z.boolean(),
      submittedLocal: z.string().nullable(),
      values: values.nullable(),
    }),
  ),
  submitted: z.array(z.string()),
});

/** GET /api/reports/daily (the contract) and GET /api/reports/view. */
export const reportViewResponse = z.object({
  unit: unitRef,
  form: z.enum(FORM_IDS),
  formVersion: z.number(),
  period: z.string(),
  date: z.string(),
  today: z.string(),
  deadline: z.string().nullable().describe("Vietnam local time 'YYYY-MM-DDTHH:MM'"),
  deadlineProvisional: z.boolean(),
  compiledOn: z
    .string()
    .describe('The day the numbers were compiled (a submitted version: its day of submission)'),
  asOfCompiled: z
    .array(z.string())
    .describe('Fields whose value is as of `compiledOn`, not of the period (coverage, task status)'),
  submitted: z.boolean().describe("The unit's own report of the period has been submitted"),
  late: z.boolean(),
  numbers: values.describe(
    'Compiled from the records now: equal to /api/cases/summary and /api/vaccination/coverage',
  ),
  report: storedReportFields.nullable().describe("The unit's latest version (frozen once submitted)"),
  versions: z.array(
    z.object({ id: z.number(), version: z.number(), state: z.string(), submittedAt: z.string().nullable() }),
  ),
  missing: z.array(z.string()).describe('Units directly below without a submitted report'),
  lateUnits: z.array(z.string()).describe('Units directly below late with it'),
  rollUp: rollUp.nullable().describe("The units below: their submitted reports' values summed"),
});

export const storedReportResponse = storedReportFields.extend({
  unit: unitRef,
  form: z.enum(FORM_IDS),
  period: z.string(),
  rollUp: rollUp.nullable(),
});

export const dailyQuery = z.object({ unit: unitCode, date: isoDate.optional() });
export const viewQuery = z.object({
  form: z.enum(FORM_IDS),
  unit: unitCode,
  period: z.string().regex(/^(\d{4}-\d{2}-\d{2}|\d{1,10})$/, 'a day yyyy-mm-dd or a directive id'),
});
export const draftBody = viewQuery.extend({ revise: z.boolean().optional() });
export const textsBody = z.object({
  texts: z.record(z.string().max(40), z.string().max(20_000)).optional(),
  number: z.string().max(60).nullish(),
});
export const correctionBody = z.object({
  field: z.string().max(60),
  value: z.number().min(0).max(1e9),
  reason: z.string().max(2000).nullish(),
});
export const archiveQuery = z.object({
  unit: unitCode,
  form: z.enum(FORM_IDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const archiveResponse = z.object({
  total: z.number(),
  reports: z.array(
    z.object({
      id: z.number(),
      unitCode: z.string(),
      unitName: z.string(),
      form: z.string(),
      period: z.string(),
      version: z.number(),
      submittedAt: z.string().nullable(),
      submittedBy: z.string().nullable(),
      late: z.boolean(),
      superseded: z.boolean(),
    }),
  ),
});
export const remindResponse = z.object({
  period: z.string(),
  late: z.array(z.string()),
  opened: z.array(z.object({ unitCode: z.string(), taskId: z.number() })),
});
