/** The movement API's shapes (arrivals, checkpoints, gatherings): the routes declare them, the web takes their types. */
import { z } from 'zod';
import { isoDate, unitCode } from '../../server/schemas.ts';
import { VACCINATION_STATES } from './rules/arrival-rules.ts';
import { VENUES } from './rules/gathering-rules.ts';

const communeCode = z.string().regex(/^\d{5}$/, 'a commune code: 5 digits');
const text = (max: number) => z.string().trim().min(1).max(max);

export const arrivalBody = z.object({
  fullName: text(120),
  nationalId: z.string().max(20).nullish(),
  phone: z
    .string()
    .regex(/^\+?[\d .-]{8,15}$/)
    .nullish(),
  birthYear: z.number().int().min(1900).max(2030).nullish(),
  originCode: z.string().max(10),
  arrivalDate: isoDate,
  vaccination: z.enum(VACCINATION_STATES),
  test: z
    .object({
      kind: z.enum(['pcr', 'rapidAntigen']),
      date: isoDate,
      result: z.enum(['negative', 'positive']),
    })
    .nullish(),
  stay: z.object({
    communeCode,
    villageId: z.number().int().positive().nullish(),
    address: z.string().max(200).nullish(),
  }),
});

const ruleSetRef = z.object({
  id: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  provisional: z.boolean(),
});
const obligation = z.object({
  kind: z.enum(['quarantine', 'selfMonitoring', 'test']),
  from: z.string(),
  until: z.string(),
  provisional: z.boolean(),
});
export const arrivalItem = z.object({
  id: z.number(),
  fullName: z.string(),
  nationalId: z.string().nullable(),
  phone: z.string().nullable(),
  registered: z.boolean(),
  communeCode: z.string(),
  villageName: z.string().nullable(),
  address: z.string().nullable(),
  originCode: z.string(),
  originLevel: z.number().nullable(),
  arrivalDate: z.string(),
  vaccination: z.string(),
  channel: z.string(),
  ruleSet: ruleSetRef,
  obligations: z.array(obligation),
  dueNow: obligation.nullable(),
  dueBy: z.string(),
  provisional: z.boolean(),
});
export const arrivalCreated = arrivalItem.extend({
  plan: z.object({ clause: z.string(), originLevel: z.number(), originLevelKnown: z.boolean() }).loose(),
});
export const arrivalList = z.object({
  unit: z.string(),
  date: z.string(),
  ruleSet: ruleSetRef.nullable(),
  total: z.number(),
  arrivals: z.array(arrivalItem),
});
export const arrivalsQuery = z.object({
  unit: unitCode,
  date: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const forecastAnswer = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byDay: z.record(z.string(), z.number()),
  origins: z.array(
    z.object({
      provinceCode: z.string(),
      provinceName: z.string(),
      districtCode: z.string(),
      districtName: z.string(),
      total: z.number(),
      byDay: z.record(z.string(), z.number()),
    }),
  ),
});

/**
 * A decision as signed: its number (số quyết định, e.g. "125/QĐ-UBND"), its date (not after today: the store
 * checks against the app's calendar), and its signer (người ký): all required, a decision without a signer is
 * not a decision.
 */
const decision = {
  decisionNumber: text(60).describe('the decision number, e.g. 125/QĐ-UBND'),
  decisionDate: isoDate.describe('the signing date, not after today'),
  signerName: text(120).describe('who signed it, e.g. Nguyễn Văn Hùng'),
  signerTitle: text(120).describe('the signer’s position, e.g. Chủ tịch UBND xã'),
};
export const checkpointBody = z.object({ communeCode, name: text(120), place: text(200), ...decision });
export const decisionBody = z.object(decision);
/** A decision as answered: the signer is null on decisions recorded before signers were (migration 0094). */
const decisionItem = z.object({
  decisionNumber: z.string(),
  decisionDate: z.string(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
});
export const checkpointItem = z.object({
  id: z.number(),
  communeCode: z.string(),
  name: z.string(),
  place: z.string(),
  status: z.string(),
  opened: decisionItem,
  closed: decisionItem.nullable(),
});
const count = z.number().int().min(0).max(100_000);
export const shiftBody = z.object({
  day: isoDate,
  shift: z.enum(['morning', 'afternoon', 'night']),
  staff: z.array(text(80)).min(1).max(30),
  countIn: count,
  countOut: count,
  turnedBack: count,
  sentToTesting: count,
  notes: z.string().max(1000).nullish(),
});
export const shiftItem = z.object({
  id: z.number(),
  checkpointId: z.number(),
  day: z.string(),
  shift: z.string(),
  staff: z.array(z.string()),
  countIn: z.number(),
  countOut: z.number(),
  turnedBack: z.number(),
  sentToTesting: z.number(),
  notes: z.string().nullable(),
  handover: z.object({ to: z.string(), note: z.string().nullable(), at: z.string() }).nullable(),
});
export const handoverBody = z.object({ to: text(120), note: z.string().max(1000).nullish() });
export const shiftsAnswer = z.object({
  checkpoint: checkpointItem,
  totals: z.object({
    countIn: z.number(),
    countOut: z.number(),
    turnedBack: z.number(),
    sentToTesting: z.number(),
  }),
  shifts: z.array(shiftItem),
});

export const gatheringBody = z.object({
  communeCode,
  name: text(200),
  kind: z.enum(['festival', 'wedding', 'funeral', 'religious', 'sport', 'fair', 'other']),
  organiser: text(200),
  place: text(200),
  venue: z.enum(VENUES),
  date: isoDate,
  participants: z.number().int().min(1).max(1_000_000),
  allParticipantsCovered: z.boolean(),
});
export const gatheringItem = z.object({
  id: z.number(),
  communeCode: z.string(),
  name: z.string(),
  kind: z.string(),
  organiser: z.string(),
  place: z.string(),
  venue: z.string(),
  date: z.string(),
  participants: z.number(),
  allParticipantsCovered: z.boolean(),
  level: z.number(),
  levelKnown: z.boolean(),
  conditions: z.object({
    ruleSet: ruleSetRef,
    level: z.number(),
    levelKnown: z.boolean(),
    limit: z.number().nullable(),
    participantsMustBeCovered: z.boolean(),
    problems: z.array(z.enum(['notAllowed', 'tooMany', 'participantsNotCovered'])),
    proposal: z.enum(['approve', 'refuse']),
    clauses: z.array(z.string()),
    provisional: z.boolean(),
  }),
  status: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decided: decisionItem.nullable(),
});
export const gatheringDecisionBody = z.object({
  decision: z.enum(['approve', 'refuse']),
  reason: z.string().max(1000).nullish(),
  ...decision,
});
export const gatheringList = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number(),
  gatherings: z.array(gatheringItem),
});

export type ArrivalList = z.infer<typeof arrivalList>;
export type ArrivalItem = z.infer<typeof arrivalItem>;
export type ForecastAnswer = z.infer<typeof forecastAnswer>;
export type CheckpointItem = z.infer<typeof checkpointItem>;
export type DecisionItem = z.infer<typeof decisionItem>;
export type ShiftsAnswer = z.infer<typeof shiftsAnswer>;
export type GatheringItem = z.infer<typeof gatheringItem>;
export type GatheringList = z.infer<typeof gatheringList>;
