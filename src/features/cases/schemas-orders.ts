import { z } from 'zod';
import { DELIVERY_OUTCOMES } from './rules/order-input.ts';

export const orderSummary = z.object({
  id: z.number(),
  communeCode: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  persons: z.number(),
  delivered: z.number(),
});

export const orderCandidatesResponse = z.object({
  contacts: z.array(
    z.object({
      contactId: z.number(),
      personId: z.number(),
      caseId: z.number(),
      fullName: z.string(),
      exposureDate: z.string(),
      quarantineEndsOn: z.string(),
      testDates: z.array(z.string()),
      ruleSetId: z.string(),
    }),
  ),
});

export const orderLine = z.object({
  id: z.number(),
  contactId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  nationalId: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string(),
  exposureDate: z.string(),
  quarantineEndsOn: z.string(),
  monitoringEndsOn: z.string(),
  testDates: z.array(z.string()),
  ruleSetId: z.string(),
  delivery: z
    .object({
      deliveredBy: z.string(),
      deliveredAt: z.string(),
      outcome: z.enum(DELIVERY_OUTCOMES),
      receivedBy: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
});

export const quarantineOrderResponse = orderSummary.extend({
  issuer: z.string(),
  commune: z.string(),
  district: z.string().nullable(),
  lines: z.array(orderLine),
});
