/** The capacity API's shapes: the routes declare them, the web client takes their types. */
import { z } from 'zod';
import { isoDate, unitCode } from '../../server/schemas.ts';
import { ACTION_KINDS } from './rules/checklist.ts';
import { FACILITY_KINDS } from './rules/kinds.ts';

const message = z.object({ vi: z.string(), en: z.string() });
const count = z.number().int().min(0).max(1_000_000);

export const facilityBody = z.object({
  unitCode,
  name: z.string().min(1).max(200),
  kind: z.enum(FACILITY_KINDS),
});
export const facilityDayBody = z.object({
  day: isoDate,
  beds: count,
  occupied: count
    .nullable()
    .optional()
    .describe('null: computed from the cases under treatment outside home'),
  icuBeds: count,
  icuOccupied: count.nullable().optional(),
  oxygenCylinders: count,
});
export const stationBody = z.object({
  communeCode: unitCode,
  name: z.string().min(1).max(200),
  openedOn: isoDate,
  areaCommunes: z.array(unitCode).max(50),
  areaVillageIds: z.array(z.number().int().positive()).max(200).optional(),
});
export const stationDayBody = z.object({
  day: isoDate,
  doctors: count,
  staff: count,
  oxygenCylinders: count,
  closed: z.boolean().optional(),
});
export const oxygenBody = z.object({
  unit: unitCode,
  day: isoDate,
  oxygenCylinders: count,
  concentrators: count,
});

const facilityFigures = z.object({
  day: z.string(),
  beds: z.number(),
  occupied: z.number().nullable(),
  icuBeds: z.number(),
  icuOccupied: z.number().nullable(),
  oxygenCylinders: z.number(),
});
const stationFigures = z.object({
  day: z.string(),
  doctors: z.number(),
  staff: z.number(),
  oxygenCylinders: z.number(),
});
export const checkResult = z.object({
  name: z.string(),
  value: z.number().nullable(),
  threshold: z.number(),
  met: z.boolean(),
  provisional: z.boolean(),
  clause: z.string(),
  text: message,
});
export const criterion3Result = z.object({
  met: z.boolean().nullable(),
  provisional: z.boolean(),
  definition: z.string(),
  checks: z.array(checkResult),
});
export const capacityAnswer = z.object({
  unit: z.object({ code: z.string(), name: z.string(), adminLevel: z.number() }),
  day: z.string(),
  district: z.object({
    code: z.string(),
    name: z.string(),
    population: z.number(),
    beds: z.number(),
    occupied: z.number(),
    occupiedComputed: z.boolean(),
    patientsOutsideHome: z.number(),
    icuBeds: z.number(),
  }),
  facilities: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.string(),
      unitCode: z.string(),
      districtCode: z.string().nullable(),
      figures: facilityFigures.extend({ enteredOn: z.string() }).nullable(),
    }),
  ),
  mobileStations: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      communeCode: z.string(),
      districtCode: z.string(),
      openedOn: z.string(),
      closedOn: z.string().nullable(),
      areaCommunes: z.array(z.string()),
      areaVillageIds: z.array(z.number()),
      figures: stationFigures.nullable(),
    }),
  ),
  communeStations: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      oxygenCylinders: z.number().nullable(),
      concentrators: z.number().nullable(),
      enteredOn: z.string().nullable(),
    }),
  ),
  criterion3: criterion3Result.nullable(),
});
export const historyAnswer = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  days: z.array(
    z.object({
      day: z.string(),
      beds: z.number(),
      occupied: z.number(),
      icuBeds: z.number(),
      facilityOxygen: z.number(),
      mobileStations: z.number(),
      mobileStaff: z.number(),
      mobileOxygen: z.number(),
      stationOxygen: z.number(),
    }),
  ),
});
export const facilityAnswer = z.object({
  id: z.number(),
  unitCode: z.string(),
  name: z.string(),
  kind: z.string(),
});
export const facilityDayAnswer = facilityFigures;
export const stationAnswer = z.object({
  id: z.number(),
  communeCode: z.string(),
  name: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
});
export const stationDayAnswer = stationFigures;
export const oxygenAnswer = z.object({
  communeCode: z.string(),
  day: z.string(),
  oxygenCylinders: z.number(),
  concentrators: z.number(),
});

export const planAction = z.object({
  kind: z.enum(ACTION_KINDS),
  text: z.string().min(1).max(500),
  assignee: z
    .string()
    .regex(/^(announced|communes|\d{2}|\d{3}|\d{5})$/)
    .describe(
      "'announced' (the unit whose level is announced), 'communes' (each of its communes) or a GSO code",
    ),
  deadlineDays: z.number().int().min(0).max(90),
  urgent: z.boolean().optional(),
});
export const scenarioBody = z.object({
  beds: count,
  teams: count,
  oxygenCylinders: count,
  actions: z.array(planAction).max(50),
  note: z.string().max(2000).nullable().optional(),
});
export const scenarioAnswer = z.object({
  unitCode: z.string(),
  level: z.number(),
  beds: z.number(),
  teams: z.number(),
  oxygenCylinders: z.number(),
  actions: z.array(planAction),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export const measuresAnswer = z.object({
  ruleSet: z.object({ id: z.string(), name: z.string(), legalBasis: z.string() }),
  level: z.number(),
  day: z.string(),
  provisional: z.boolean(),
  measures: z.array(
    z.object({
      activity: z.string(),
      name: message,
      restriction: z.string(),
      text: message,
      provisional: z.boolean(),
      clause: z.string(),
    }),
  ),
});
export const planAnswer = z.object({
  unit: z.object({ code: z.string(), name: z.string(), adminLevel: z.number() }),
  day: z.string(),
  levels: z.array(
    z.object({
      level: z.number(),
      scenario: scenarioAnswer.nullable(),
      inherited: scenarioAnswer.nullable(),
      measures: measuresAnswer.nullable(),
    }),
  ),
});
export const checklistsAnswer = z.object({
  unitCode: z.string(),
  checklists: z.array(
    z.object({
      level: z.number(),
      openedOn: z.string(),
      closedOn: z.string().nullable(),
      tasks: z.array(
        z.object({
          id: z.number(),
          text: z.string(),
          assigneeUnitCode: z.string(),
          deadline: z.string().nullable(),
          state: z.string(),
        }),
      ),
    }),
  ),
});
