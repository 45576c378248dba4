/** The testing API's shapes (pools, retests, rounds, positivity): the routes declare them, the web takes types. */
import { z } from 'zod';

export const poolResponse = z.object({
  id: z.number(),
  commune_code: z.string(),
  kind: z.string(),
  sample_date: z.string(),
  result: z.string(),
  place: z.string().nullable(),
  taken_by: z.string().nullable(),
  round_id: z.number().nullable(),
  members: z.array(z.number()),
});
export const poolResultResponse = z.object({
  id: z.number(),
  commune_code: z.string(),
  result: z.string(),
  result_on: z.string(),
  members: z.number(),
  retestsOpened: z.number(),
  retestDue: z.string().nullable(),
  provisional: z.boolean(),
});
export const poolItem = z.object({
  id: z.number(),
  communeCode: z.string(),
  kind: z.string(),
  sampleDate: z.string(),
  result: z.string(),
  resultOn: z.string().nullable(),
  place: z.string().nullable(),
  takenBy: z.string().nullable(),
  roundId: z.number().nullable(),
  members: z.array(z.object({ personId: z.number(), fullName: z.string() })),
});
export const retestItem = z.object({
  id: z.number(),
  poolId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  communeCode: z.string(),
  poolSampleDate: z.string(),
  poolResultOn: z.string().nullable(),
  due: z.string().nullable(),
  takenBy: z.string().nullable(),
});
export const retestTestResponse = z.object({
  id: z.number(),
  retestId: z.number(),
  commune_code: z.string(),
  kind: z.string(),
  sample_date: z.string(),
  result: z.string(),
  result_on: z.string(),
});
export const roundResponse = z.object({
  id: z.number(),
  communeCode: z.string(),
  name: z.string(),
  areaKind: z.string(),
  villageId: z.number().nullable(),
  householdIds: z.array(z.number()).nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  people: z.number(),
  tested: z.number(),
  share: z.number().nullable(),
  positives: z.number(),
});
const positivityWeek = z.object({
  week: z.string(),
  testsDone: z.number(),
  testsPositive: z.number(),
  rate: z.number().nullable(),
});
export const positivityResponse = z.object({
  from: z.string(),
  to: z.string(),
  weeks: z.array(z.string()),
  units: z.array(
    z.object({ code: z.string(), name: z.string(), level: z.number(), weeks: z.array(positivityWeek) }),
  ),
});
