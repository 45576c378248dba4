import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, isoDate, responses, unitCode } from '../../server/schemas.ts';
import {
  createQuarantineOrder,
  listQuarantineOrders,
  orderCandidates,
  quarantineOrder,
  recordDelivery,
} from './orders-store.ts';
import { DELIVERY_OUTCOMES, MAX_ORDER_CONTACTS } from './rules/order-input.ts';
import {
  orderCandidatesResponse,
  orderLine,
  orderSummary,
  quarantineOrderResponse,
} from './schemas-orders.ts';

const name = (max: number) => z.string().trim().min(1).max(max);

/** Bulk quarantine decisions for F1 contacts and their delivery records (issue 15). */
export function quarantineOrderRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  r.get(
    '/api/quarantine-orders/candidates',
    {
      config: { access: { permission: 'cases.read' }, personal: true, readOnly: true },
      schema: {
        tags,
        summary: "A commune's contacts in quarantine not yet named in a decision (personal data: audited)",
        operationId: 'listQuarantineOrderCandidates',
        querystring: z.object({ unit: unitCode }),
        response: responses({ 200: orderCandidatesResponse, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) =>
      orderCandidates(request.ctx.db, request.ctx.scope, request.query.unit, request.ctx.today()),
  );
  r.post(
    '/api/quarantine-orders',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags,
        summary: "Issue a commune's quarantine decision for many contacts at once",
        operationId: 'createQuarantineOrder',
        body: z.object({
          unit: unitCode,
          number: name(50),
          issuedOn: isoDate,
          signerName: name(200),
          signerTitle: name(200),
          contactIds: z.array(z.number().int().positive()).min(1).max(MAX_ORDER_CONTACTS),
        }),
        response: responses({ 200: orderSummary, ...errorResponses(400, 403, 404, 409) }),
      },
    },
    async (request) =>
      createQuarantineOrder(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.get(
    '/api/quarantine-orders',
    {
      config: { access: { permission: 'cases.read' }, readOnly: true },
      schema: {
        tags,
        summary: "A unit's quarantine decisions, newest first, one page",
        operationId: 'listQuarantineOrders',
        querystring: z.object({
          unit: unitCode,
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: responses({
          200: z.object({ total: z.number(), orders: z.array(orderSummary) }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) => listQuarantineOrders(request.ctx.db, request.ctx.scope, request.query),
  );
  r.get(
    '/api/quarantine-orders/:id',
    {
      config: { access: { permission: 'cases.read' }, personal: true, readOnly: true },
      schema: {
        tags,
        summary: 'A quarantine decision as printed, with each person and delivery (personal data: audited)',
        operationId: 'getQuarantineOrder',
        params: idParams,
        response: responses({ 200: quarantineOrderResponse, ...errorResponses(404) }),
      },
    },
    async (request) => quarantineOrder(request.ctx.db, request.ctx.scope, request.params.id),
  );
  r.put(
    '/api/quarantine-order-lines/:id/delivery',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags,
        summary: "Record the delivery of one person's copy: who delivered it, when, received by or refused",
        operationId: 'recordQuarantineOrderDelivery',
        params: idParams,
        body: z.object({
          deliveredBy: name(200),
          deliveredAt: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'yyyy-mm-ddThh:mm')
            .refine(
              (s) =>
                isoDate.safeParse(s.slice(0, 10)).success &&
                Number(s.slice(11, 13)) < 24 &&
                Number(s.slice(14, 16)) < 60,
              'yyyy-mm-ddThh:mm',
            ),
          outcome: z.enum(DELIVERY_OUTCOMES),
          receivedBy: z.string().max(200).nullish(),
          note: z.string().max(1000).nullish(),
        }),
        response: responses({ 200: orderLine, ...errorResponses(400, 404) }),
      },
    },
    async (request) =>
      recordDelivery(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
}
