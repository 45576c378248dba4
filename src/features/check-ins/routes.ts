import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vietnamToday } from '../../core/dates.ts';
import { badRequest } from '../../core/errors.ts';
import { errorResponses, idParams, isoDate, responses, unitCode } from '../../server/schemas.ts';
import { readCheckIn } from './rules/check-in-input.ts';
import { checkInBody, exposure, exposureWindow, venue, venueBody } from './schemas.ts';
import {
  checkIn,
  createVenue,
  exposuresOfCase,
  listExposures,
  listVenues,
  makeContacts,
  venueCheckIns,
  venueForm,
} from './store.ts';

const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(64)
    .regex(/^[\w-]+$/),
});
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const message = z.object({ vi: z.string(), en: z.string() });

export function checkInRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/venues',
    {
      config: { access: { permission: 'checkIns.read' }, readOnly: true },
      schema: {
        tags: ['check-ins'],
        summary: "A unit's check-in venues by name, one page, with today's number of check-ins",
        operationId: 'listVenues',
        querystring: z.object({ unit: unitCode, ...page }),
        response: responses({
          200: z.object({ total: z.number(), venues: z.array(venue) }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) => listVenues(request.ctx.db, request.ctx.scope, request.query, request.ctx.today()),
  );
  r.post(
    '/api/venues',
    {
      config: { access: { permission: 'checkIns.write' } },
      schema: {
        tags: ['check-ins'],
        summary: 'Register a venue of a commune (market, shop, office, event) with its QR token',
        operationId: 'createVenue',
        body: venueBody,
        response: responses({ 200: venue, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) => createVenue(request.ctx.db, request.ctx.scope, request.body),
  );
  r.get(
    '/api/venues/:id/check-ins',
    {
      config: { access: { permission: 'checkIns.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['check-ins'],
        summary: "A venue's check-ins of a day (personal data: audited)",
        operationId: 'listVenueCheckIns',
        params: idParams,
        querystring: z.object({ day: isoDate.optional() }),
        response: responses({
          200: z.object({
            venue,
            day: z.string(),
            checkIns: z.array(
              z.object({
                id: z.number(),
                fullName: z.string(),
                phone: z.string(),
                birthYear: z.number(),
                nationalId: z.string().nullable(),
                at: z.string(),
              }),
            ),
          }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) =>
      venueCheckIns(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.query.day ?? request.ctx.today(),
      ),
  );
  r.get(
    '/api/check-in/:token',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['check-ins'],
        summary: "The public check-in page's venue (name, kind, address; nothing about anyone)",
        operationId: 'getCheckInVenue',
        params: tokenParams,
        response: responses({
          200: z.object({ name: z.string(), kind: z.string(), address: z.string().nullable() }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) => venueForm(request.server.db, request.params.token),
  );
  r.post(
    '/api/check-in/:token',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['check-ins'],
        summary:
          'Check in at a venue without an account (throttled per address; answers only the venue and time)',
        operationId: 'postCheckIn',
        params: tokenParams,
        body: checkInBody,
        response: responses({
          200: z.object({ venue: z.string(), at: z.string() }),
          ...errorResponses(400, 404, 429),
        }),
      },
    },
    async (request) => {
      const today = vietnamToday();
      const read = readCheckIn(request.body, Number(today.slice(0, 4)));
      if (!read.ok) throw badRequest(read.problems[0]!.message, read.problems);
      return checkIn(request.server.db, request.params.token, read.value, request.ip, new Date(), today);
    },
  );
  r.get(
    '/api/exposures',
    {
      config: { access: { permission: 'checkIns.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['check-ins'],
        summary:
          "People checked in where a case was while infectious, at a unit's venues (personal data: audited)",
        operationId: 'listExposures',
        querystring: z.object({ unit: unitCode, status: z.enum(['listed', 'contact']).optional(), ...page }),
        response: responses({ 200: z.object({ exposures: z.array(exposure) }), ...errorResponses(403, 404) }),
      },
    },
    async (request) => listExposures(request.ctx.db, request.ctx.scope, request.query),
  );
  r.get(
    '/api/exposures/cases/:id',
    {
      config: { access: { permission: 'checkIns.read' }, personal: true },
      schema: {
        tags: ['check-ins'],
        summary: "A case's venue exposures, matched anew (window provisional; personal data: audited)",
        operationId: 'getCaseExposures',
        params: idParams,
        response: responses({
          200: z.object({ caseId: z.number(), window: exposureWindow, exposures: z.array(exposure) }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) => exposuresOfCase(request.ctx.db, request.ctx.scope, request.params.id),
  );
  r.post(
    '/api/exposures/cases/:id/contacts',
    {
      config: { access: { permission: 'checkIns.write' } },
      schema: {
        tags: ['check-ins'],
        summary:
          "Make every listed exposure of a case at the caller's venues an F1 contact, with its quarantine",
        operationId: 'makeExposureContacts',
        params: idParams,
        response: responses({
          200: z.object({
            exposures: z.array(exposure),
            skipped: z.array(z.object({ id: z.number(), message })),
          }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) =>
      makeContacts(request.ctx.db, request.ctx.scope, request.params.id, request.ctx.today()),
  );
}
