import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, isoDate, responses, unitCode } from '../../server/schemas.ts';
import { createCase, listCases, setCaseOutcome, transferCase } from './cases-store.ts';
import { recoveryCertificate } from './certificate-store.ts';
import { addContact } from './contacts-store.ts';
import { daySummary } from './counts-store.ts';
import { CASE_OUTCOMES, SEVERITIES, TEST_KINDS, TEST_RESULTS } from './rules/case-input.ts';
import { PLACES_OF_CARE } from './rules/day-counts.ts';
import { caseRecord, quarantinePlanResponse, recoveryCertificateResponse, unitSummary } from './schemas.ts';
import { recordTest } from './tests-store.ts';

const placeOfCare = z.enum(PLACES_OF_CARE);

export function caseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/cases/summary',
    {
      config: { access: { permission: 'cases.read' }, readOnly: true },
      schema: {
        tags: ['cases'],
        summary:
          "A day's numbers of a unit and of every unit below it (new cases, under treatment, contacts, tests)",
        operationId: 'getCaseSummary',
        querystring: z.object({ unit: unitCode, date: isoDate.optional() }),
        response: responses({
          200: z.object({ date: z.string(), units: z.array(unitSummary) }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) =>
      daySummary(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit,
        request.query.date ?? request.ctx.today(),
      ),
  );
  r.get(
    '/api/cases',
    {
      config: { access: { permission: 'cases.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['cases'],
        summary: "A unit's cases, newest first, one page (personal data: audited)",
        operationId: 'listCases',
        querystring: z.object({
          unit: unitCode,
          status: z.enum(['treating', ...CASE_OUTCOMES]).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: responses({
          200: z.object({ total: z.number(), cases: z.array(caseRecord.extend({ full_name: z.string() })) }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) => listCases(request.ctx.db, request.ctx.scope, request.query),
  );
  r.post(
    '/api/cases',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Record a confirmed case (F0) of a registered person',
        operationId: 'createCase',
        body: z.object({
          personId: z.number().int().positive(),
          sampleDate: isoDate,
          testKind: z.enum(TEST_KINDS),
          confirmedOn: isoDate.optional(),
          placeOfCare,
          severity: z.enum(SEVERITIES).nullish(),
          sourceCaseId: z.number().int().positive().nullish(),
          note: z.string().max(1000).nullish(),
        }),
        response: responses({ 200: caseRecord, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) => createCase(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.post(
    '/api/cases/:id/outcome',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Recovery or death of a case',
        operationId: 'setCaseOutcome',
        params: idParams,
        body: z.object({ status: z.enum(CASE_OUTCOMES), on: isoDate }),
        response: responses({ 200: caseRecord, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) =>
      setCaseOutcome(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
  r.get(
    '/api/cases/:id/certificate',
    {
      config: { access: { permission: 'cases.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['cases'],
        summary:
          'The recovery certificate of a recovered case, signed by the commune health station (personal data: audited)',
        operationId: 'getRecoveryCertificate',
        params: idParams,
        response: responses({ 200: recoveryCertificateResponse, ...errorResponses(404, 409) }),
      },
    },
    async (request) => recoveryCertificate(request.ctx.db, request.ctx.scope, request.params.id),
  );
  r.post(
    '/api/cases/:id/transfers',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Move a case between home and facilities',
        operationId: 'transferCase',
        params: idParams,
        body: z.object({ on: isoDate, placeOfCare, facility: z.string().max(200).nullish() }),
        response: responses({
          200: caseRecord.extend({ place_now: z.string() }),
          ...errorResponses(400, 404, 409),
        }),
      },
    },
    async (request) =>
      transferCase(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
  r.post(
    '/api/cases/:id/contacts',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'List a close contact (F1) of a case, with the quarantine the rules give',
        operationId: 'addContact',
        params: idParams,
        body: z.object({
          personId: z.number().int().positive(),
          exposureDate: isoDate,
          setting: z.string().max(200).nullish(),
        }),
        response: responses({
          200: z.object({
            id: z.number(),
            case_id: z.number(),
            person_id: z.number(),
            commune_code: z.string(),
            exposure_date: z.string(),
            rule_set_id: z.string(),
            quarantine_ends_on: z.string(),
            monitoring_ends_on: z.string(),
            test_dates: z.string(),
            plan: quarantinePlanResponse,
          }),
          ...errorResponses(400, 404),
        }),
      },
    },
    async (request) =>
      addContact(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
  r.post(
    '/api/tests',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: "Record a test (a person's, or an anonymous one of a testing round)",
        operationId: 'recordTest',
        body: z.object({
          personId: z.number().int().positive().nullish(),
          commune: unitCode,
          kind: z.enum(TEST_KINDS),
          sampleDate: isoDate,
          result: z.enum(TEST_RESULTS),
          place: z.string().max(200).nullish(),
          takenBy: z.string().max(200).nullish(),
          roundId: z.number().int().positive().nullish(),
        }),
        response: responses({
          200: z.object({
            id: z.number(),
            commune_code: z.string(),
            kind: z.string(),
            sample_date: z.string(),
            result: z.string(),
          }),
          ...errorResponses(400, 404),
        }),
      },
    },
    async (request) => recordTest(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
}
