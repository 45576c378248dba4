/** Rows of the directive tables as the API answers them (camelCase, JSON columns parsed, derived fields). */
import type { Selectable } from 'kysely';
import type { DocumentTable, TaskTable } from '../../db/schema.ts';
import type { DocumentReference } from './rules/parsed-document.ts';
import { complianceOf, isOverdue, type TaskState } from './rules/task-lifecycle.ts';

/** The unit's display name ("Xã Yên Thịnh") from the in-memory tree. */
export type UnitNames = (code: string) => string | undefined;

export type DocumentRow = Selectable<DocumentTable>;
export type TaskRow = Selectable<TaskTable>;

export function documentSummaryJson(d: Pick<DocumentRow, SummaryField>) {
  return {
    id: d.id,
    unitCode: d.unit_code,
    direction: d.direction,
    kind: d.kind,
    number: d.number,
    symbol: d.symbol,
    issuer: d.issuer,
    date: d.date,
    subject: d.subject,
    parentDocumentId: d.parent_document_id,
    createdAt: d.created_at,
  };
}
export const SUMMARY_FIELDS = [
  'id',
  'unit_code',
  'direction',
  'kind',
  'number',
  'symbol',
  'issuer',
  'date',
  'subject',
  'parent_document_id',
  'created_at',
] as const;
type SummaryField = (typeof SUMMARY_FIELDS)[number];

export function documentJson(d: DocumentRow) {
  return {
    ...documentSummaryJson(d),
    issuerSuperior: d.issuer_superior,
    place: d.place,
    datePartial: JSON.parse(d.date_partial),
    addressees: JSON.parse(d.addressees) as string[],
    // Rows saved before relations existed held only the letters answered.
    references: (JSON.parse(d.references) as Omit<DocumentReference, 'relation'>[]).map((r) => ({
      relation: 'implements' as const,
      ...r,
    })),
    distribution: JSON.parse(d.distribution),
    authority: d.authority,
    signerTitle: d.signer_title,
    signer: d.signer,
    body: d.body,
    originalText: d.original_text,
    createdBy: d.created_by,
  };
}

export function taskJson(t: TaskRow, today: string, names: UnitNames) {
  const timing = { state: t.state as TaskState, deadline: t.deadline, doneAt: t.done_at };
  return {
    id: t.id,
    documentId: t.document_id,
    sourceVisitId: t.source_visit_id,
    issuerUnitCode: t.issuer_unit_code,
    ordinal: t.ordinal,
    text: t.text,
    leadUnit:
      t.lead_unit_text === null
        ? null
        : { text: t.lead_unit_text, unitCode: t.lead_unit_code, organizationId: t.lead_organization_id },
    coordinatingUnits: JSON.parse(t.coordinating),
    assignee: {
      text: t.assignee_text,
      unitCode: t.assignee_unit_code,
      unitName: t.assignee_unit_code ? (names(t.assignee_unit_code) ?? null) : null,
      organizationId: t.assignee_organization_id,
      resolved: t.assignee_unit_code !== null,
    },
    deadline: { date: t.deadline, text: t.deadline_text, urgent: t.urgent === 1 },
    state: timing.state,
    stateChangedAt: t.state_changed_at,
    doneAt: t.done_at,
    returnedReason: t.returned_reason,
    overdue: isOverdue(timing, today),
    compliance: complianceOf(timing, today),
    createdAt: t.created_at,
  };
}
export type TaskJson = ReturnType<typeof taskJson>;
