import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../core/errors.ts';
import { errorResponses, isoDate, responses } from '../../server/schemas.ts';
import { MAX_AGE_YEARS } from './rules/daily-check.ts';
import { homeCareEligibility } from './rules/home-care-eligibility.ts';
import { quarantinePlan } from './rules/quarantine.ts';
import { warningsFor } from './rules/warning-signs.ts';
import { checkBody, quarantinePlanResponse, ruleSetRef, warning } from './schemas.ts';

function noRuleSet(field: string, date: string): never {
  const message = {
    vi: `Không có quy định nào có hiệu lực ngày ${date}.`,
    en: `No rule set was in force on ${date}.`,
  };
  throw badRequest(message, [{ field, message }]);
}

/**
 * The regulation as a calculator: what a check raises, how long a contact stays home. Public (no personal data)
 * and evaluated under the rule set in force on the date given, whatever today is.
 */
export function casesRulesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/rules/home-care/warnings',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['cases'],
        summary:
          'The warning signs a daily check raises (rules.md §4.4), under the rule set in force on the date',
        operationId: 'evaluateWarningSigns',
        body: checkBody.extend({ date: isoDate, ageYears: z.number().min(0).max(MAX_AGE_YEARS) }),
        response: responses({
          200: z.object({
            ruleSet: ruleSetRef,
            warnings: z.array(warning),
          }),
          ...errorResponses(400),
        }),
      },
    },
    async (request) => {
      const { date, ...measures } = request.body;
      return warningsFor(date, measures) ?? noRuleSet('date', date);
    },
  );
  r.post(
    '/api/rules/quarantine',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['cases'],
        summary:
          "A close contact's quarantine (rules.md §5), under the rule set in force on the exposure date",
        operationId: 'evaluateQuarantine',
        body: z.object({
          exposureDate: isoDate,
          fullyVaccinatedOn: isoDate.nullish().transform((d) => d ?? null),
          recoveredOn: isoDate.nullish().transform((d) => d ?? null),
        }),
        response: responses({
          200: quarantinePlanResponse,
          ...errorResponses(400),
        }),
      },
    },
    async (request) => quarantinePlan(request.body) ?? noRuleSet('exposureDate', request.body.exposureDate),
  );
  r.post(
    '/api/rules/home-care/eligibility',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['cases'],
        summary: 'Whether a case may be treated at home (rules.md §4.2), and every condition it misses',
        operationId: 'evaluateHomeCareEligibility',
        body: z.object({
          date: isoDate,
          ageYears: z.number().min(0).max(MAX_AGE_YEARS),
          mildOrNoSymptoms: z.boolean(),
          respiratoryRate: checkBody.shape.respiratoryRate.unwrap().unwrap(),
          spo2: checkBody.shape.spo2.unwrap().unwrap(),
          abnormalBreathing: z.boolean(),
          comorbidity: z.enum(['none', 'stable', 'unstable']),
          selfCareOrCaregiver: z.boolean(),
          hasMeansOfContact: z.boolean(),
          doses: z.number().int().min(0).max(10),
          lastDoseOn: isoDate.nullable(),
        }),
        response: responses({
          200: z.object({
            ruleSet: ruleSetRef,
            eligible: z.boolean(),
            unmet: z.array(
              z.object({ field: z.string(), reason: z.object({ vi: z.string(), en: z.string() }) }),
            ),
          }),
          ...errorResponses(400),
        }),
      },
    },
    async (request) => homeCareEligibility(request.body) ?? noRuleSet('date', request.body.date),
  );
}
