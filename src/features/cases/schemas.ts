/** The cases API's shapes: the routes declare them, the web client takes their types. */
import { z } from 'zod';
import { CHECK_MEASURE_RANGES, type CheckMeasure } from './rules/daily-check.ts';
import { WARNING_SIGN_NUMBERS } from './rules/warning-signs.ts';

const count = z.number().int();
export const unitSummary = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  newCases: count,
  underTreatmentHome: count,
  underTreatmentFacility: count,
  recovered: count,
  deaths: count,
  newContacts: count,
  inQuarantine: count,
  testsDone: count,
  testsPositive: count,
  casesLast7Days: count,
});
export const caseRecord = z.object({
  id: z.number(),
  province_code: z.string(),
  district_code: z.string(),
  commune_code: z.string(),
  person_id: z.number(),
  sample_date: z.string(),
  test_kind: z.string(),
  confirmed_on: z.string(),
  place_of_care: z.string(),
  severity: z.string().nullable(),
  status: z.string(),
  outcome_on: z.string().nullable(),
  source_case_id: z.number().nullable(),
  note: z.string().nullable(),
});
const measure = (name: CheckMeasure) => {
  const { min, max } = CHECK_MEASURE_RANGES[name];
  return z.number().min(min).max(max).nullish();
};
/** One check: every measure optional (not taken), each within a living person's range; signs by number. */
export const checkBody = z.object({
  respiratoryRate: measure('respiratoryRate'),
  spo2: measure('spo2'),
  pulse: measure('pulse'),
  temperature: measure('temperature'),
  systolic: measure('systolic'),
  diastolic: measure('diastolic'),
  signs: z
    .array(
      z
        .number()
        .int()
        .refine((n) => WARNING_SIGN_NUMBERS.includes(n), 'a warning sign number, 1-11'),
    )
    .max(11)
    .default([]),
});
/** A warning sign a check raised: its number (rules.md §4.4), the measure and the threshold it crossed. */
export const warning = z.object({
  number: z.number(),
  sign: z.object({ vi: z.string(), en: z.string() }),
  value: z.number().nullable(),
  threshold: z.string().nullable(),
  provisional: z.boolean(),
});
export const ruleSetRef = z.object({
  id: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  provisional: z.boolean(),
});
/** A close contact's quarantine under the rule set in force on the exposure day (rules.md §5). */
export const quarantinePlanResponse = z.object({
  ruleSet: ruleSetRef,
  protected: z.boolean(),
  quarantineDays: z.number(),
  selfMonitoringDays: z.number(),
  testDays: z.array(z.number()),
  quarantineEndsOn: z.string(),
  selfMonitoringEndsOn: z.string(),
  testDates: z.array(z.string()),
});
export const checkResult = z.object({
  id: z.number(),
  day: z.string(),
  warnings: z.array(warning),
  escalation: z
    .object({ actor: z.string(), actBy: z.string(), call115: z.boolean(), provisional: z.boolean() })
    .nullable(),
});
export const escalationItem = z.object({
  id: z.number(),
  caseId: z.number(),
  communeCode: z.string(),
  fullName: z.string(),
  phone: z.string().nullable(),
  warnings: z.array(z.number()),
  actor: z.string(),
  actBy: z.string(),
  call115: z.boolean(),
  status: z.string(),
  raisedAt: z.string(),
  note: z.string().nullable(),
});

/** GET /api/cases/:id/certificate: what the recovery certificate prints. */
export const recoveryCertificateResponse = z.object({
  caseId: z.number(),
  station: z.string(),
  commune: z.string(),
  district: z.string().nullable(),
  province: z.string().nullable(),
  person: z.object({
    fullName: z.string(),
    birthDate: z.string().nullable(),
    birthYear: z.number(),
    sex: z.string().nullable(),
    nationalId: z.string().nullable(),
    address: z.string(),
  }),
  sampleDate: z.string(),
  testKind: z.string(),
  confirmedOn: z.string(),
  placeOfCare: z.string(),
  recoveredOn: z.string(),
  ruleSet: ruleSetRef.nullable(),
});
