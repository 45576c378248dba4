/** The risk levels API's shapes: the routes declare them, the web client takes their types. */
import { z } from 'zod';
import { bilingual, isoDate, unitCode } from '../../server/schemas.ts';
import { AGGREGATIONS } from './rules/rule-sets.ts';

const message = z.object({ vi: z.string(), en: z.string() });
export const weekParam = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, bilingual({ vi: 'tuần theo dạng YYYY-Www', en: 'a week as YYYY-Www' }))
  .describe('ISO week, e.g. 2022-W02 (Monday to Sunday)');
const level = z.number().int().min(1).max(4);
const revision = z
  .object({ documentNumber: z.string(), documentDate: z.string(), valuesFrom: z.string() })
  .describe('The document that set this version’s values and the day they apply from');

export const criteria = z.object({
  newCasesPer100kPerWeek: z.number().nullable(),
  coverage: z
    .number()
    .nullable()
    .describe("Criterion 2 of the rule set: 4800's share of people 18+ with ≥ 1 dose"),
  capacityMet: z.boolean(),
});
const distribution = z
  .object({ '1': z.number(), '2': z.number(), '3': z.number(), '4': z.number() })
  .nullable();

export const unitRiskLevel = z.object({
  code: z.string(),
  name: z.string(),
  adminLevel: z.number(),
  level,
  announcedLevel: level.nullable(),
  ruleSet: z.string(),
  ruleSetVersion: z.number(),
  provisional: z.boolean(),
  criteria,
  capacityAssumed: z.boolean().describe('No treatment-capacity data: criterion 3 taken as met'),
  decidingRule: z.string(),
  reason: message,
  distribution,
});
export const riskLevelsAnswer = z.object({ week: z.string(), units: z.array(unitRiskLevel) });

export const band = z.object({
  level,
  min: z.number(),
  max: z.number().nullable(),
  provisional: z.boolean(),
  clause: z.string(),
});
const ruleStep = z.object({
  rule: z.string(),
  applied: z.boolean(),
  levelAfter: level,
  provisional: z.boolean(),
  clause: z.string(),
  text: message,
});
export const announcement = z.object({
  id: z.number(),
  unitCode: z.string(),
  week: z.string(),
  level,
  proposedLevel: level,
  ruleSet: z.string(),
  ruleSetVersion: z.number(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  announcedBy: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  checklist: z
    .object({ opened: z.number(), withdrawn: z.number() })
    .optional()
    .describe("On announcing: the level's checklist tasks opened and the previous level's withdrawn"),
});
export const whyAnswer = z.object({
  unit: z.object({ code: z.string(), name: z.string(), adminLevel: z.number() }),
  week: z.string(),
  level,
  provisional: z.boolean(),
  ruleSet: z.object({
    id: z.string(),
    name: z.string(),
    legalBasis: z.string(),
    version: z.number(),
    provinceCode: z.string().nullable(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    aggregation: z.enum(AGGREGATIONS),
    revision: revision.nullable(),
  }),
  criteria,
  criterion1: z.object({
    newCases: z.number(),
    severeCases: z
      .number()
      .describe('218: new cases needing respiratory/oxygen support (severe or critical) in the week'),
    population: z.number(),
    value: z.number().nullable(),
    band,
    bands: z.array(band),
    clause: z.string(),
  }),
  criterion2: z.object({
    metric: z.string(),
    value: z.number().nullable(),
    threshold: z.number(),
    highRisk: z.object({ value: z.number().nullable(), threshold: z.number() }).nullable(),
    met: z.boolean().nullable(),
    clause: z.string(),
    provisional: z.boolean(),
  }),
  criterion3: z.object({
    met: z.boolean(),
    known: z.boolean(),
    lastWeekLevel: level.nullable(),
    clause: z.string(),
    provisional: z.boolean(),
    definition: z.string().nullable().describe("The capacity capability's definition of criterion 3 used"),
    checks: z.array(
      z.object({
        name: z.string(),
        value: z.number().nullable(),
        threshold: z.number(),
        met: z.boolean(),
        provisional: z.boolean(),
        clause: z.string(),
        text: message,
      }),
    ),
  }),
  severeCasesPer100kPerWeek: z.number().nullable(),
  deathsPer100kPerWeek: z.number().nullable(),
  rules: z.array(ruleStep),
  decidingRule: ruleStep,
  distribution,
  announcements: z.array(announcement),
});

const side = z.object({ level, provisional: z.boolean(), criteria, reason: message });
export const replayAnswer = z.object({
  week: z.string(),
  ruleSets: z.object({ a: z.string(), b: z.string() }),
  changed: z.number().describe('Communes whose level differs'),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      adminLevel: z.number(),
      a: side,
      b: side,
      changed: z.boolean(),
    }),
  ),
});

export const announceBody = z.object({
  unit: unitCode,
  week: weekParam,
  level,
  decisionNumber: z.string().trim().min(1).max(100),
  decisionDate: isoDate,
  announcedBy: z.string().trim().min(1).max(200),
  reason: z.string().max(2000).nullish(),
});

export const historyAnswer = z.object({
  announcements: z.array(announcement),
  proposals: z.array(
    z.object({
      week: z.string(),
      ruleSet: z.string(),
      ruleSetVersion: z.number(),
      level,
      provisional: z.boolean(),
      newCasesPer100kPerWeek: z.number().nullable(),
      coverage: z.number().nullable(),
      computedAt: z.string(),
    }),
  ),
});

const share = z.number().min(0).max(1);
export const ruleSetBody = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{2,60}$/),
  name: z.string().min(1).max(200),
  legalBasis: z.string().min(1).max(500),
  legalBasisProvisional: z.boolean(),
  signedOn: isoDate,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  effectiveDatesProvisional: z.boolean(),
  provinceCode: z.string().nullable(),
  basedOn: z.string().nullable(),
  criterion1: z.object({ bands: z.array(band).min(1).max(10), clause: z.string() }),
  criterion2: z.object({
    metric: z.enum(['adults18FirstDose', 'wholePopulationPrimary']),
    threshold: share,
    provisional: z.boolean(),
    clause: z.string(),
    highRisk: z
      .object({
        metric: z.literal('over50Primary'),
        threshold: share,
        provisional: z.boolean(),
        clause: z.string(),
      })
      .nullable(),
  }),
  matrix: z.object({
    raiseWhenNotMet: z.number().int().min(0).max(3),
    provisional: z.boolean(),
    clause: z.string(),
  }),
  severity: z.object({ raiseAt: z.number().min(0), provisional: z.boolean(), clause: z.string() }).nullable(),
  severeCases: z
    .object({ raiseAt: z.number().min(0), provisional: z.boolean(), clause: z.string() })
    .nullish()
    .describe('218: severe (oxygen-support) cases per 100,000 per week raising the level by one'),
  capacityRule: z.object({ provisional: z.boolean(), clause: z.string() }),
  over50Draft: z.object({
    enabled: z.boolean(),
    threshold: share,
    provisional: z.boolean(),
    clause: z.string(),
  }),
  aggregation: z.enum(AGGREGATIONS),
  aggregationProvisional: z.boolean(),
});
export const ruleSetAnswer = ruleSetBody.extend({
  version: z.number(),
  provisional: z.boolean(),
  revision: revision.nullish(),
});

const flagged = { provisional: z.boolean() };
/** A new version of a set with the provisional values a document sets (only provisional values may change). */
export const revisionBody = z.object({
  document: z.object({
    number: z.string().trim().min(1).max(100).describe('Number of the document setting the values'),
    date: isoDate.describe('The day it was signed'),
  }),
  valuesFrom: isoDate.describe('The day the values apply from (not before the document was signed)'),
  bands: z
    .array(z.object({ level, min: z.number().min(0), max: z.number().nullable(), ...flagged }))
    .min(1)
    .max(10)
    .optional(),
  coverage: z.object({ threshold: share, ...flagged }).optional(),
  highRisk: z.object({ threshold: share, ...flagged }).optional(),
  matrix: z.object({ raiseWhenNotMet: z.number().int().min(0).max(3), ...flagged }).optional(),
  severity: z.object({ raiseAt: z.number().min(0), ...flagged }).optional(),
  severeCases: z.object({ raiseAt: z.number().min(0), ...flagged }).optional(),
  over50Draft: z.object({ enabled: z.boolean(), threshold: share, ...flagged }).optional(),
  aggregation: z.object({ value: z.enum(AGGREGATIONS), ...flagged }).optional(),
});

const mapArea = z.object({
  code: z.string(),
  name: z.string(),
  path: z.string().nullable().describe('SVG path in the box; null: no shape in the source (Quảng Ninh)'),
  level: level.nullable().describe("null: outside the caller's jurisdiction (drawn grey)"),
  announcedLevel: level.nullable(),
  provisional: z.boolean().describe('The level rests on a value the rule set flags provisional'),
});
export const mapAnswer = z.object({
  week: z.string(),
  province: z.object({ code: z.string(), name: z.string() }).describe('The province drawn (VN: the country)'),
  width: z.number(),
  height: z.number(),
  source: z.string(),
  provinces: z.array(mapArea).describe("The country's map: each province with its level; else empty"),
  districts: z.array(mapArea).describe("A province's map: each of its districts; else empty"),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      districtCode: z.string().nullable(),
      level,
      announcedLevel: level.nullable(),
      provisional: z.boolean(),
    }),
  ),
});
