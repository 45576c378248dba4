/** Answers of the persons routes: pure zod, shared by the routes (OpenAPI) and the web client (types). */
import { z } from 'zod';
import { PERSON_STATUSES } from './rules/person-status.ts';

const sex = z.enum(['male', 'female']);
const id = z.number().int();

/** A row of GET /api/persons. */
export const personListItem = z.object({
  id,
  full_name: z.string(),
  birth_date: z.string().nullable(),
  birth_year: z.number().int(),
  sex: sex.nullable(),
  national_id: z.string().nullable(),
  phone: z.string().nullable(),
  commune_code: z.string(),
  village_id: id.nullable(),
  village_name: z.string().nullable(),
  household_id: id.nullable(),
  priority_groups: z.string().describe('Comma-separated priority groups'),
  status: z.enum(PERSON_STATUSES),
});

/** GET /api/persons */
export const personListResponse = z.object({
  persons: z.array(personListItem),
  page: z.number().int(),
  hasMore: z.boolean(),
});

export const personRecord = z.object({
  id,
  full_name: z.string(),
  birth_date: z.string().nullable(),
  birth_year: z.number().int(),
  sex: sex.nullable(),
  national_id: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  occupation: z.string().nullable(),
  priority_groups: z.string(),
  status: z.enum(PERSON_STATUSES),
  status_date: z.string().nullable(),
  note: z.string().nullable(),
  village_id: id.nullable(),
  household_id: id.nullable(),
  relation_to_head: z.string().nullable(),
  commune_code: z.string(),
  generated: z.number().int().describe('1 for generated demo residents'),
  import_batch_id: id.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const householdMember = z.object({
  id,
  full_name: z.string(),
  birth_year: z.number().int(),
  sex: sex.nullable(),
  relation_to_head: z.string().nullable(),
});

/** GET /api/persons/:id */
export const personResponse = z.object({ person: personRecord, household: z.array(householdMember) });

/** POST /api/persons/uploads (and the dose uploads) */
export const uploadResponse = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
});

export const importRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  reason: z.object({ vi: z.string(), en: z.string() }),
});

export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;

export const NEW_VILLAGE_CHOICES = ['ask', 'create', 'reject'] as const;

/** A village a list names that the commune did not have. */
export const newVillage = z.object({
  name: z.string().describe('As it will be (or was) created, its kind first: "Bản Pò Háng"'),
  kind: z.string().describe('Read from the name (admin-units village kinds)'),
  rows: z.number().int().describe('Rows naming it'),
  id: id.nullable().describe('Set once created by this import'),
});

/** POST /api/persons/imports: every row read is imported, merged into an earlier row, or rejected. */
export const importResultResponse = z.object({
  batchId: id.nullable(),
  rowsRead: z.number().int(),
  imported: z.number().int().describe('added + updated + unchanged'),
  added: z.number().int().describe('Persons registered'),
  updated: z.number().int().describe('Registered persons the row changed'),
  unchanged: z.number().int().describe('Registered persons the row left as they were'),
  merged: z.number().int().describe('Rows repeating an earlier row’s national ID, merged into it'),
  mergedRows: z.array(importRowError),
  rejected: z.number().int(),
  review: z.number().int(),
  existing: z.number().int(),
  newVillages: z.array(newVillage),
  errors: z.array(importRowError),
  committed: z.boolean(),
});

export const importBatch = z.object({
  id,
  commune_code: z.string(),
  file_name: z.string(),
  mode: z.enum(IMPORT_MODES),
  rows_read: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  review: z.number().int(),
  existing: z.number().int(),
  status: z.enum(['importing', 'committed', 'refused', 'undone']),
  created_at: z.string(),
});

/** GET /api/persons/imports */
export const importBatchesResponse = z.object({ batches: z.array(importBatch) });

export const reviewPerson = z
  .object({
    id,
    full_name: z.string(),
    birth_date: z.string().nullable(),
    birth_year: z.number().int(),
    sex: sex.nullable(),
    national_id: z.string().nullable(),
    phone: z.string().nullable(),
    village_id: id.nullable(),
  })
  .meta({ id: 'ReviewPerson' });

export const REVIEW_STATUSES = ['open', 'merged', 'kept'] as const;

export const duplicateReview = z.object({
  id,
  person_id: id,
  candidate_id: id,
  reason: z.string(),
  status: z.enum(REVIEW_STATUSES),
  person: reviewPerson,
  candidate: reviewPerson,
});

/** GET /api/persons/duplicates */
export const duplicateReviewsResponse = z.object({ reviews: z.array(duplicateReview) });
