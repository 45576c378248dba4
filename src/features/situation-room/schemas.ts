/** The situation room's API shapes: the routes declare them, the web client takes their types. */
import { z } from 'zod';

const count = z.number().int();
const level = z.number().int().min(1).max(4);

export const unitFigures = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  newCases: count,
  casesLast7Days: count,
  underTreatmentHome: count,
  underTreatmentFacility: count,
  inQuarantine: count,
  deaths: count,
  recovered: count,
  testsDone: count,
  testsPositive: count,
  adults: count,
  adultsPrimary: count,
  adultsBooster: count,
  overdueTasks: count,
  riskLevel: level.nullable(),
});

export const tile = z.object({
  key: z.string(),
  value: z.number().nullable(),
  of: z.number().nullable().optional(),
  unit: z.enum(['count', 'percent']).optional(),
  href: z.string().describe('The page of the web app listing what the number counts'),
  provisional: z.boolean().optional(),
  noData: z.boolean().optional(),
});

/** GET /api/situation-room */
export const situationSummaryAnswer = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: z.number() }),
  date: z.string(),
  week: z.string(),
  generatedAt: z.string(),
  figures: unitFigures,
  tiles: z.array(tile),
  trend: z.array(z.object({ day: z.string(), newCases: count })),
  target: z
    .object({
      id: z.number(),
      title: z.string(),
      deadline: z.string(),
      provisional: z.boolean(),
      minAge: z.number(),
      percent: z.number(),
      coverage: z.number(),
      remaining: count,
      onTrack: z.boolean(),
      projectedDate: z.string().nullable(),
    })
    .nullable(),
  behind: z.object({
    total: count,
    communes: z.array(z.object({ code: z.string(), name: z.string(), remaining: count })),
  }),
  map: z
    .object({
      week: z.string(),
      province: z.object({ code: z.string(), name: z.string() }),
      width: z.number(),
      height: z.number(),
      source: z.string(),
      districts: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          path: z.string().nullable(),
          level: level.nullable(),
          announcedLevel: level.nullable(),
          provisional: z.boolean(),
        }),
      ),
    })
    .nullable(),
  below: z.array(unitFigures),
});

/** GET /api/situation-room/dhis2 */
export const dataValueSetAnswer = z.object({
  dataSet: z.string(),
  period: z.string(),
  dataValues: z.array(
    z.object({
      dataSet: z.string(),
      period: z.string(),
      orgUnit: z.string(),
      dataElement: z.string(),
      value: z.string(),
    }),
  ),
});
