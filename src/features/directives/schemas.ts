/**
 * Request and response schemas of the directive routes: one place for the shapes the web pages send and
 * receive. Pure zod (the web imports the response types from here).
 */
import { z } from 'zod';
import { isoDate, unitCode } from '../../server/schemas.ts';
import { DOCUMENT_KIND_LABELS } from './rules/labels.ts';
import type {
  DocumentKind,
  NotALetterReason,
  PartialDate,
  ReferenceKind,
  ReferenceRelation,
} from './rules/parsed-document.ts';
import { DIRECTIONS } from './rules/task-assignees.ts';
import {
  COMPLIANCE_CLASSES,
  TASK_ACTION_NAMES,
  TASK_STATES,
  type TaskAction,
  type TaskWorkflowAction,
} from './rules/task-lifecycle.ts';

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

/** 'basis' (Căn cứ), 'implements' (Thực hiện: the letters it answers), 'mentioned' (cited elsewhere). */
export const REFERENCE_RELATIONS = [
  'basis',
  'implements',
  'mentioned',
] as const satisfies readonly ReferenceRelation[];

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
        /** Left out by older clients, whose references were all the letters answered. */
        relation: z.enum(REFERENCE_RELATIONS).default('implements'),
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

/* ---------------------------------------------------------------- responses */

const id = z.number().int();
const count = z.number().int();
const nullableText = z.string().nullable();
const fileInfo = z.object({ name: z.string(), mediaType: z.string(), size: z.number().int() });
const taskAction = z.enum(TASK_ACTION_NAMES as [TaskAction, ...TaskAction[]]);

/** documentSummaryJson (json.ts): a line of the register, a link to a document. */
export const documentSummary = z.object({
  id,
  unitCode: z.string(),
  direction: z.enum(DIRECTIONS),
  kind: z.enum(DOCUMENT_KINDS),
  number: nullableText,
  symbol: nullableText,
  issuer: z.string(),
  date: nullableText,
  subject: nullableText,
  parentDocumentId: id.nullable(),
  createdAt: z.string(),
});

export const documentListItem = documentSummary.extend({ taskCount: count });

/** GET /api/documents */
export const documentListResponse = z.object({ total: count, documents: z.array(documentListItem) });

const partialDate = z.object({
  day: z.number().int().nullable(),
  month: z.number().int().nullable(),
  year: z.number().int().nullable(),
});
const documentReference = z.object({
  kind: z.enum(REFERENCE_KINDS),
  number: nullableText,
  symbol: nullableText,
  date: nullableText,
  issuer: nullableText,
  relation: z.enum(REFERENCE_RELATIONS),
  text: z.string(),
});
const distributionEntry = z.object({ text: z.string(), mark: z.enum(['b/c', 't/h']).nullable() });
const parsedTask = z.object({
  ordinal: z.string(),
  text: z.string(),
  leadUnit: nullableText,
  coordinatingUnits: z.array(z.string()),
  addressedUnits: z.array(z.string()),
  deadline: z.object({ date: nullableText, urgent: z.boolean(), text: z.string() }).nullable(),
});

/** POST /api/directives/parse: the letter's parts and tasks, for the user to review. */
export const parsedDocumentResponse = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: nullableText,
  symbol: nullableText,
  issuer: z.string(),
  issuerSuperior: nullableText,
  place: nullableText,
  date: nullableText,
  datePartial: partialDate,
  subject: nullableText,
  addressees: z.array(z.string()),
  references: z.array(documentReference),
  tasks: z.array(parsedTask),
  distribution: z.array(distributionEntry),
  authority: nullableText,
  signerTitle: nullableText,
  signer: nullableText,
  body: z.string(),
  /**
   * Parts of a letter not found, when `partial` was asked for: the reading is then what the text shows
   * (an issuer left empty, no tasks) for the user to complete. Always empty otherwise.
   */
  gaps: z.array(
    z.enum(['no-structure', 'no-issuer', 'no-body'] as const satisfies readonly NotALetterReason[]),
  ),
});

/** POST /api/directives/parse */
export const parseBody = z.object({
  text: z.string(),
  /** Answer what could be read (with its `gaps`) instead of 422 when the text lacks a letter's structure. */
  partial: z.boolean().optional(),
});

/** POST /api/directives/extract */
export const extractedTextResponse = z.object({ text: z.string() });

/** documentJson (json.ts): the whole document. */
export const documentRecord = documentSummary.extend({
  issuerSuperior: nullableText,
  place: nullableText,
  datePartial: partialDate,
  addressees: z.array(z.string()),
  references: z.array(documentReference),
  distribution: z.array(distributionEntry),
  authority: nullableText,
  signerTitle: nullableText,
  signer: nullableText,
  body: z.string(),
  originalText: nullableText,
  createdBy: id.nullable(),
});

/** A unit or organization as a letter names it, and what it was resolved to. */
export const unitRef = z.object({
  text: z.string(),
  unitCode: nullableText,
  organizationId: id.nullable(),
  resolved: z.boolean(),
});

/** taskJson (json.ts). */
export const task = z
  .object({
    id,
    documentId: id.nullable(),
    sourceVisitId: id.nullable(),
    issuerUnitCode: z.string(),
    ordinal: z.string(),
    text: z.string(),
    leadUnit: z
      .object({ text: z.string(), unitCode: nullableText, organizationId: id.nullable() })
      .nullable(),
    coordinatingUnits: z.array(unitRef),
    assignee: z.object({
      text: z.string(),
      unitCode: nullableText,
      unitName: nullableText,
      organizationId: id.nullable(),
      resolved: z.boolean(),
    }),
    deadline: z.object({ date: nullableText, text: nullableText, urgent: z.boolean() }),
    state: z.enum(TASK_STATES),
    stateChangedAt: z.string(),
    doneAt: nullableText,
    returnedReason: nullableText,
    overdue: z.boolean(),
    compliance: z.enum(COMPLIANCE_CLASSES),
    createdAt: z.string(),
  })
  .meta({ id: 'Task' });

export const inboxTask = task.extend({ document: documentSummary.nullable() });

/** A count for each task state (an object with every state, not a free-form record: exact in OpenAPI). */
const stateCounts = z.object(
  Object.fromEntries(TASK_STATES.map((st) => [st, count])) as Record<
    (typeof TASK_STATES)[number],
    typeof count
  >,
);

/** GET /api/tasks/inbox */
export const inboxResponse = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  counts: stateCounts,
  total: count,
  tasks: z.array(inboxTask),
});

/** GET /api/documents/:id, POST /api/documents */
export const documentViewResponse = z
  .object({
    document: documentRecord,
    originalFile: fileInfo.nullable(),
    parentDocument: documentSummary.nullable(),
    implementingDocuments: z.array(documentSummary),
    /** The references (by index in `document.references`) that name a document registered in SafeAdapt. */
    citedDocuments: z.array(z.object({ reference: count, document: documentSummary })),
    tasks: z.array(task),
  })
  .meta({ id: 'DocumentView' });

export const complianceCounts = z.object(
  Object.fromEntries([...COMPLIANCE_CLASSES, 'total'].map((c) => [c, count])) as Record<
    (typeof COMPLIANCE_CLASSES)[number] | 'total',
    typeof count
  >,
);

/**
 * GET /api/documents/:id/cascade: a node of the tree. Its `children` are nodes of the same shape (described
 * loosely here: the OpenAPI document holds no recursive schema; the web types them recursively).
 */
export const cascadeNodeResponse = z.object({
  document: documentSummary,
  counts: complianceCounts,
  tasks: z.array(task),
  children: z.array(z.looseObject({}).describe('A cascade node (the same shape as its parent)')),
});

export const taskEvent = z.object({
  id,
  from: z.enum(TASK_STATES),
  to: z.enum(TASK_STATES),
  /** The moves of the task page, reassignment (its own route) and withdrawal (by the capability that opened it). */
  action: z.enum(['reassign', 'withdraw', ...TASK_ACTION_NAMES] as [
    TaskWorkflowAction,
    ...TaskWorkflowAction[],
  ]),
  note: nullableText,
  percent: z.number().int().nullable(),
  by: nullableText,
  at: z.string(),
});

export const progressReport = z.object({
  id,
  text: z.string(),
  percent: z.number().int(),
  attachment: fileInfo.nullable(),
  by: nullableText,
  at: z.string(),
});

/** GET /api/tasks/awaiting */
export const awaitingQuery = z.object({ unit: unitCode.optional(), ...page });

/** GET /api/tasks/awaiting: the tasks a unit gave that await its acceptance, each with its last report. */
export const awaitingResponse = z.object({
  total: count,
  tasks: z.array(inboxTask.extend({ lastReport: progressReport.nullable() })),
});

/** GET /api/tasks/:id and the task's actions, reports and reassignment. */
export const taskViewResponse = z
  .object({
    task,
    document: documentSummary.nullable(),
    events: z.array(taskEvent),
    reports: z.array(progressReport),
    parties: z.array(z.enum(['assignee', 'superior'])),
    actions: z.array(taskAction),
    canReport: z.boolean(),
  })
  .meta({ id: 'TaskView' });

/** POST /api/tasks/:id/actions and PATCH /api/tasks/:id: the task, the new history row, what may follow. */
export const taskMovedResponse = z
  .object({
    task,
    event: taskEvent,
    parties: z.array(z.enum(['assignee', 'superior'])),
    actions: z.array(taskAction),
    canReport: z.boolean(),
  })
  .meta({ id: 'TaskMoved' });

/** POST /api/tasks/:id/reports: the new report and the task (its state changes with `done`), not its history. */
export const reportCreatedResponse = z
  .object({ report: progressReport, task })
  .meta({ id: 'ProgressReportCreated' });

const complianceRowCounts = complianceCounts.extend({ states: stateCounts });

export const complianceRow = z.object({
  unitCode: z.string(),
  organizationId: id.nullable(),
  name: z.string(),
  counts: complianceRowCounts,
});

/** GET /api/compliance */
export const complianceResponse = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: z.number().int() }),
  today: z.string(),
  totals: complianceRowCounts,
  rows: z.array(complianceRow),
});

export const plannedTask = z.object({
  ordinal: z.string(),
  text: z.string(),
  leadUnit: unitRef.nullable(),
  coordinating: z.array(unitRef),
  assignee: unitRef,
  deadline: nullableText,
  deadlineText: nullableText,
  urgent: z.boolean(),
});

/** POST /api/documents/preview */
export const registrationPreviewResponse = z.object({
  /** The same letter already in the unit's register (same number, issuer and date, or the same text). */
  duplicateOf: documentSummary.nullable(),
  parentDocument: documentSummary.nullable(),
  tasks: z.array(plannedTask),
  unresolved: z.array(z.string()),
});

export const steeringMember = z.object({
  id,
  unitCode: z.string(),
  name: z.string(),
  position: z.string(),
  organizationId: id.nullable(),
  organizationName: nullableText,
  assignedArea: z.object({ code: z.string(), name: nullableText }).nullable(),
});

/** GET /api/steering-members */
export const steeringMembersResponse = z.object({ members: z.array(steeringMember) });

export const supervisionVisit = z.object({
  id,
  unitCode: z.string(),
  member: z.object({ id, name: nullableText }).nullable(),
  date: z.string(),
  area: z.object({ code: z.string(), name: nullableText }),
  findings: z.string(),
  createdAt: z.string(),
  tasks: z.array(task),
});

/** GET /api/supervision-visits */
export const supervisionVisitsResponse = z.object({ visits: z.array(supervisionVisit) });

/** POST /api/steering-members, POST /api/supervision-visits */
export const createdResponse = z.object({ id });
