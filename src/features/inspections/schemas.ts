/** Response schemas of the inspections routes (types of the web client too). */
import { z } from 'zod';
import { RISK_CLASSES, SAFETY_CLASSES, SECTORS, SIZES } from './rules/checklists.ts';
import { PENALTY_KINDS } from './rules/violations.ts';

const ruleSet = z.object({
  id: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  provisional: z.boolean(),
});

export const establishmentItem = z.object({
  id: z.number(),
  communeCode: z.string(),
  name: z.string(),
  sector: z.enum(SECTORS),
  size: z.enum(SIZES),
  riskClass: z.enum(RISK_CLASSES),
  address: z.string().nullable(),
  workers: z.number().nullable(),
  registeredOn: z.string(),
  lastInspectedOn: z.string().nullable(),
  nextDueOn: z.string(),
  daysOverdue: z.number(),
  safetyClass: z.enum(SAFETY_CLASSES).nullable(),
  safetyValidUntil: z.string().nullable(),
  safetyExpired: z.boolean(),
  provisional: z.boolean(),
});

export const establishmentPage = z.object({
  total: z.number(),
  establishments: z.array(establishmentItem),
  intervals: z.object({ low: z.number(), medium: z.number(), high: z.number() }),
  provisional: z.boolean(),
});

export const violationItem = z.object({
  id: z.number(),
  description: z.string(),
  penaltyKind: z.enum(PENALTY_KINDS).nullable(),
  penaltyAmount: z.number().nullable(),
  fixBy: z.string().nullable(),
});

export const establishmentDetail = establishmentItem.extend({
  ownerName: z.string().nullable(),
  phone: z.string().nullable(),
  checklist: z.array(
    z.object({ id: z.string(), vi: z.string(), en: z.string(), weight: z.number(), critical: z.boolean() }),
  ),
  assessments: z.array(
    z.object({
      id: z.number(),
      assessedOn: z.string(),
      score: z.number(),
      safetyClass: z.enum(SAFETY_CLASSES),
      validUntil: z.string(),
      provisional: z.boolean(),
    }),
  ),
  inspections: z.array(
    z.object({
      id: z.number(),
      inspectedOn: z.string(),
      inspectorUnitCode: z.string(),
      score: z.number(),
      safetyClass: z.enum(SAFETY_CLASSES),
      findings: z.string().nullable(),
      violations: z.array(violationItem),
    }),
  ),
});

export const assessmentResult = z.object({
  id: z.number(),
  establishmentId: z.number(),
  assessedOn: z.string(),
  score: z.number(),
  safetyClass: z.enum(SAFETY_CLASSES),
  unmet: z.array(z.string()),
  criticalUnmet: z.array(z.string()),
  validUntil: z.string(),
  ruleSet,
});

export const inspectionResult = z.object({
  id: z.number(),
  establishmentId: z.number(),
  inspectedOn: z.string(),
  score: z.number(),
  safetyClass: z.enum(SAFETY_CLASSES),
  unmet: z.array(z.string()),
  findings: z.string().nullable(),
  violations: z.array(violationItem),
  taskIds: z.array(z.number()),
  nextDueOn: z.string(),
  ruleSet,
});

export const violationBody = z.object({
  description: z.string().max(1000),
  penaltyKind: z.enum(PENALTY_KINDS).nullish(),
  penaltyAmount: z.number().max(2_000_000_000).nullish(),
  fixWithinDays: z.number().int().min(1).max(365).nullish(),
});

/** An import's outcome: every rejected row named with its column and reason (all-or-nothing). */
export const establishmentImport = z.object({
  rowsRead: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  committed: z.boolean(),
  errors: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      reason: z.object({ vi: z.string(), en: z.string() }),
    }),
  ),
});
