import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../web/api.ts';
import type {
  DistributionMark,
  DocumentKind,
  ParsedDocument,
  PartialDate,
  ReferenceKind,
} from '../rules/parsed-document.ts';
import type { Direction, PlannedTask, UnitRef } from '../rules/task-assignees.ts';
import type {
  ComplianceClass,
  TaskAction,
  TaskParty,
  TaskState,
  TaskWorkflowAction,
} from '../rules/task-lifecycle.ts';

// task-lifecycle.ts is pure (no imports): its lists come along; the other rules modules give only types.
export {
  COMPLIANCE_CLASSES,
  TASK_STATES,
} from '../rules/task-lifecycle.ts';
export type { ComplianceClass, Direction, DocumentKind, ParsedDocument, TaskAction, TaskState, UnitRef };

export const DOCUMENT_KINDS = [
  'letter',
  'telegram',
  'notice',
  'plan',
  'decision',
  'directive',
  'resolution',
] as const satisfies readonly DocumentKind[];
export const REFERENCE_KINDS = [
  ...DOCUMENT_KINDS,
  'decree',
  'circular',
  'law',
  'guidance',
  'report',
  'conclusion',
  'other',
] as const satisfies readonly ReferenceKind[];
export const DIRECTIONS = ['outgoing', 'incoming'] as const satisfies readonly Direction[];
export const DISTRIBUTION_MARKS = ['b/c', 't/h'] as const satisfies readonly DistributionMark[];

/** documentSummaryJson (json.ts): a line of the register, a link to a document. */
export interface DocumentSummary {
  id: number;
  unitCode: string;
  direction: Direction;
  kind: DocumentKind;
  number: string | null;
  symbol: string | null;
  issuer: string;
  date: string | null;
  subject: string | null;
  parentDocumentId: number | null;
  createdAt: string;
}

export interface DocumentListItem extends DocumentSummary {
  taskCount: number;
}

/** documentJson (json.ts): the whole document. */
export interface DocumentRecord extends DocumentSummary {
  issuerSuperior: string | null;
  place: string | null;
  datePartial: PartialDate;
  addressees: string[];
  references: ParsedDocument['references'];
  distribution: ParsedDocument['distribution'];
  authority: string | null;
  signerTitle: string | null;
  signer: string | null;
  body: string;
  originalText: string | null;
  createdBy: number | null;
}

/** taskJson (json.ts). */
export interface Task {
  id: number;
  documentId: number | null;
  sourceVisitId: number | null;
  issuerUnitCode: string;
  ordinal: string;
  text: string;
  leadUnit: { text: string; unitCode: string | null; organizationId: number | null } | null;
  coordinatingUnits: UnitRef[];
  assignee: {
    text: string;
    unitCode: string | null;
    unitName: string | null;
    organizationId: number | null;
    resolved: boolean;
  };
  deadline: { date: string | null; text: string | null; urgent: boolean };
  state: TaskState;
  stateChangedAt: string;
  doneAt: string | null;
  returnedReason: string | null;
  overdue: boolean;
  compliance: ComplianceClass;
  createdAt: string;
}

export interface InboxTask extends Task {
  document: DocumentSummary | null;
}

export interface Inbox {
  unit: { code: string; name: string };
  counts: Record<TaskState, number>;
  total: number;
  tasks: InboxTask[];
}

export interface DocumentView {
  document: DocumentRecord;
  originalFile: { name: string; mediaType: string; size: number } | null;
  parentDocument: DocumentSummary | null;
  implementingDocuments: DocumentSummary[];
  tasks: Task[];
}

export type ComplianceCounts = Record<ComplianceClass | 'total', number>;

export interface CascadeNode {
  document: DocumentSummary;
  counts: ComplianceCounts;
  tasks: Task[];
  children: CascadeNode[];
}

export interface TaskEvent {
  id: number;
  from: TaskState;
  to: TaskState;
  action: TaskWorkflowAction;
  note: string | null;
  percent: number | null;
  by: string | null;
  at: string;
}

export interface ProgressReport {
  id: number;
  text: string;
  percent: number;
  attachment: { name: string; mediaType: string; size: number } | null;
  by: string | null;
  at: string;
}

export interface TaskView {
  task: Task;
  document: DocumentSummary | null;
  events: TaskEvent[];
  reports: ProgressReport[];
  parties: TaskParty[];
  actions: TaskAction[];
  canReport: boolean;
}

export interface ComplianceRow {
  unitCode: string;
  organizationId: number | null;
  name: string;
  counts: ComplianceCounts & { states: Record<TaskState, number> };
}

export interface ComplianceView {
  unit: { code: string; name: string; level: number };
  today: string;
  totals: ComplianceRow['counts'];
  rows: ComplianceRow[];
}

export interface Preview {
  parentDocument: DocumentSummary | null;
  tasks: PlannedTask[];
  unresolved: string[];
}

/** A file in a JSON body (schemas.ts `upload`). */
export interface UploadBody {
  name: string;
  contentBase64: string;
}

/** What POST /api/documents/preview and POST /api/documents take (schemas.ts registerBody). */
export interface RegisterRequest {
  unitCode: string;
  direction: Direction;
  document: Omit<ParsedDocument, 'datePartial'> & { datePartial?: PartialDate };
  originalText?: string | null;
  originalFile?: UploadBody | null;
}

export interface SteeringMember {
  id: number;
  unitCode: string;
  name: string;
  position: string;
  organizationId: number | null;
  organizationName: string | null;
  assignedArea: { code: string; name: string | null } | null;
}

export interface MemberInput {
  unitCode: string;
  name: string;
  position: string;
  organizationId: number | null;
  assignedAreaCode: string | null;
}

export interface SupervisionVisit {
  id: number;
  unitCode: string;
  member: { id: number; name: string | null } | null;
  date: string;
  area: { code: string; name: string | null };
  findings: string;
  createdAt: string;
  tasks: Task[];
}

export interface VisitInput {
  unitCode: string;
  memberId: number | null;
  date: string;
  areaCode: string;
  findings: string;
  tasks: { text: string; assigneeUnitCode: string; deadline: string | null; urgent: boolean }[];
}

/** The largest file the server keeps (stored-files.ts: 10 MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const DIRECTIVES = ['directives'] as const;

/** After any change to a document or a task, every list of them is stale. */
export function useRefreshDirectives() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: DIRECTIVES });
}

export const PAGE_SIZE = 50;

export function useInbox(state: TaskState | '', page: number) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'inbox', state, page],
    queryFn: () =>
      api<Inbox>(
        'GET',
        `/api/tasks/inbox${query({ state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useDocuments(direction: Direction | '', page: number) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'documents', direction, page],
    queryFn: () =>
      api<{ total: number; documents: DocumentListItem[] }>(
        'GET',
        `/api/documents${query({ direction, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useDocument(id: number) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'document', id],
    queryFn: () => api<DocumentView>('GET', `/api/documents/${id}`),
    enabled: id > 0,
  });
}

export function useCascade(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'cascade', id],
    queryFn: () => api<CascadeNode>('GET', `/api/documents/${id}/cascade`),
    enabled: enabled && id > 0,
    staleTime: 0,
  });
}

export function useTask(id: number) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'task', id],
    queryFn: () => api<TaskView>('GET', `/api/tasks/${id}`),
    enabled: id > 0,
    staleTime: 0,
  });
}

export function useCompliance(unit: string, document: number | null) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'compliance', unit, document],
    queryFn: () => api<ComplianceView>('GET', `/api/compliance${query({ unit, document })}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export const parseLetter = (text: string) => api<ParsedDocument>('POST', '/api/directives/parse', { text });
export const previewDocument = (request: RegisterRequest) =>
  api<Preview>('POST', '/api/documents/preview', request);
export const registerDocument = (request: RegisterRequest) =>
  api<DocumentView>('POST', '/api/documents', request);

/** The unit's task report as a spreadsheet (a plain link: the browser downloads it). */
export const taskReportUrl = (unit: string) => `/api/tasks/export.xlsx${query({ unit })}`;
export const reportAttachmentUrl = (reportId: number) => `/api/progress-reports/${reportId}/attachment`;
export const originalFileUrl = (documentId: number) => `/api/documents/${documentId}/original`;

/** The task page's moves: actions of the state machine and progress reports answer the new task view. */
export function useTaskMoves(id: number) {
  const queryClient = useQueryClient();
  const refresh = useRefreshDirectives();
  const done = (view: TaskView) => {
    queryClient.setQueryData([...DIRECTIVES, 'task', id], view);
    void refresh();
  };
  return {
    act: useMutation({
      mutationFn: (input: { action: TaskAction; reason?: string; note?: string }) =>
        api<TaskView>('POST', `/api/tasks/${id}/actions`, input),
      onSuccess: done,
    }),
    report: useMutation({
      mutationFn: (input: { text: string; percent: number; done: boolean; attachment: UploadBody | null }) =>
        api<TaskView>('POST', `/api/tasks/${id}/reports`, input),
      onSuccess: done,
    }),
  };
}

export function useMembers(unit: string) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'members', unit],
    queryFn: () =>
      api<{ members: SteeringMember[] }>('GET', `/api/steering-members${query({ unit })}`).then(
        (r) => r.members,
      ),
  });
}

export function useVisits(unit: string) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'visits', unit],
    queryFn: () =>
      api<{ visits: SupervisionVisit[] }>('GET', `/api/supervision-visits${query({ unit })}`).then(
        (r) => r.visits,
      ),
  });
}

export function useSteeringChanges() {
  const refresh = useRefreshDirectives();
  return {
    addMember: useMutation({
      mutationFn: (input: MemberInput) => api<{ id: number }>('POST', '/api/steering-members', input),
      onSuccess: refresh,
    }),
    deleteMember: useMutation({
      mutationFn: (id: number) => api('DELETE', `/api/steering-members/${id}`),
      onSuccess: refresh,
    }),
    addVisit: useMutation({
      mutationFn: (input: VisitInput) => api<{ id: number }>('POST', '/api/supervision-visits', input),
      onSuccess: refresh,
    }),
    deleteVisit: useMutation({
      mutationFn: (id: number) => api('DELETE', `/api/supervision-visits/${id}`),
      onSuccess: refresh,
    }),
  };
}
