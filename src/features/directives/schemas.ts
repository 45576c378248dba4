/** Request schemas of the directive routes: one place for the shapes the web pages send. */
import { z } from 'zod';
import { isoDate, unitCode } from '../../server/schemas.ts';
import { DOCUMENT_KIND_LABELS } from './rules/labels.ts';
import type { DocumentKind, PartialDate, ReferenceKind } from './rules/parsed-document.ts';
import { DIRECTIONS } from './rules/task-assignees.ts';
import { TASK_ACTION_NAMES, TASK_STATES, type TaskAction } from './rules/task-lifecycle.ts';

const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as [DocumentKind, ...DocumentKind[]];
const REFERENCE_KINDS = [
  ...DOCUMENT_KINDS,
  'decree',
  'circular',
  'law',
  'guidance',
  'report',
  'conclusion',
  'other',
] as const satisfies readonly ReferenceKind[];

const line = (max: number) => z.string().trim().max(max);
const name = line(300).min(1);
export const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** A file in a JSON body: its name and its bytes in base64 (at most 10 MB of file). */
export const upload = z.object({
  name: line(200).min(1),
  contentBase64: z
    .string()
    .max(14_000_000)
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64'),
});
/** Room for a 10-MB file in base64 and the rest of the body. */
export const UPLOAD_BODY_LIMIT = 16 * 1024 * 1024;

const reviewedTask = z.object({
  ordinal: line(40).min(1),
  text: line(20_000).min(1),
  leadUnit: name.nullable().default(null),
  coordinatingUnits: z.array(name).max(100).default([]),
  addressedUnits: z.array(name).max(100).default([]),
  deadline: z
    .object({ date: isoDate.nullable(), urgent: z.boolean(), text: line(300) })
    .nullable()
    .default(null),
});

/** The parsed document (POST /api/directives/parse) after the user reviewed and corrected it. */
export const reviewedDocument = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: line(20).nullable().default(null),
  symbol: line(60).nullable().default(null),
  issuer: name,
  issuerSuperior: name.nullable().default(null),
  place: line(100).nullable().default(null),
  date: isoDate.nullable().default(null),
  /** Taken from `date` when left out. */
  datePartial: z
    .object({
      day: z.number().int().min(1).max(31).nullable(),
      month: z.number().int().min(1).max(12).nullable(),
      year: z.number().int().min(1900).max(2200).nullable(),
    })
    .optional(),
  subject: line(2000).nullable().default(null),
  addressees: z.array(name).max(200).default([]),
  references: z
    .array(
      z.object({
        kind: z.enum(REFERENCE_KINDS),
        number: line(20).nullable(),
        symbol: line(60).nullable(),
        date: isoDate.nullable(),
        issuer: name.nullable(),
        text: line(1000),
      }),
    )
    .max(100)
    .default([]),
  tasks: z.array(reviewedTask).max(500),
  distribution: z
    .array(z.object({ text: name, mark: z.enum(['b/c', 't/h']).nullable().default(null) }))
    .max(200)
    .default([]),
  authority: line(200).nullable().default(null),
  signerTitle: line(200).nullable().default(null),
  signer: line(200).nullable().default(null),
  body: z.string().max(1_000_000).default(''),
});

export function partialDateOf(date: string | null): PartialDate {
  if (!date) return { day: null, month: null, year: null };
  const [year, month, day] = date.split('-').map(Number);
  return { day: day ?? null, month: month ?? null, year: year ?? null };
}

export const registerBody = z.object({
  unitCode,
  direction: z.enum(DIRECTIONS),
  document: reviewedDocument,
  /** The pasted text the document was parsed from. */
  originalText: z.string().max(1_000_000).nullable().optional(),
  /** The uploaded original (.txt, .docx, .doc, .pdf); a .txt also fills originalText when that is absent. */
  originalFile: upload.nullable().optional(),
});

export const documentListQuery = z.object({
  unit: unitCode.optional(),
  direction: z.enum(DIRECTIONS).optional(),
  ...page,
});

export const inboxQuery = z.object({
  unit: unitCode.optional(),
  state: z.enum(TASK_STATES).optional(),
  ...page,
});

export const actionBody = z.object({
  action: z.enum(TASK_ACTION_NAMES as [TaskAction, ...TaskAction[]]),
  note: line(2000).optional(),
  /** Required to return a task: what is missing. */
  reason: line(2000).optional(),
});

export const reportBody = z.object({
  text: line(5000).min(1),
  percent: z.number().int().min(0).max(100),
  done: z.boolean().optional(),
  attachment: upload.nullable().optional(),
});

export const reassignBody = z.object({
  unitCode,
  organizationId: z.number().int().positive().nullable().optional(),
});

export const memberBody = z.object({
  name: name.max(120),
  position: name.max(200),
  organizationId: z.number().int().positive().nullable().optional(),
  assignedAreaCode: unitCode.nullable().optional(),
});

export const visitBody = z.object({
  memberId: z.number().int().positive().nullable().optional(),
  date: isoDate,
  areaCode: unitCode,
  findings: line(20_000).min(1),
});

export const visitTask = z.object({
  text: line(5000).min(1),
  assigneeUnitCode: unitCode,
  deadline: isoDate.nullable().optional(),
  urgent: z.boolean().optional(),
});
