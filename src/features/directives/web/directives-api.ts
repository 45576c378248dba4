import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import type {
  DistributionMark,
  DocumentKind,
  ParsedDocument,
  PartialDate,
  ReferenceKind,
  ReferenceRelation,
} from '../rules/parsed-document.ts';
import type { Direction, UnitRef } from '../rules/task-assignees.ts';
import type { ComplianceClass, TaskAction, TaskState } from '../rules/task-lifecycle.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  awaitingResponse,
  cascadeNodeResponse,
  complianceCounts,
  complianceResponse,
  complianceRow,
  createdResponse,
  documentListItem,
  documentListResponse,
  documentRecord,
  documentSummary,
  documentViewResponse,
  extractedTextResponse,
  inboxResponse,
  inboxTask,
  parsedDocumentResponse,
  progressReport,
  registrationPreviewResponse,
  reportCreatedResponse,
  steeringMember,
  steeringMembersResponse,
  supervisionVisit,
  supervisionVisitsResponse,
  task,
  taskEvent,
  taskMovedResponse,
  taskViewResponse,
} from '../schemas.ts';

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
export const REFERENCE_RELATIONS = [
  'implements',
  'basis',
  'mentioned',
] as const satisfies readonly ReferenceRelation[];
export const DIRECTIONS = ['outgoing', 'incoming'] as const satisfies readonly Direction[];
export const DISTRIBUTION_MARKS = ['b/c', 't/h'] as const satisfies readonly DistributionMark[];

/** documentSummaryJson (json.ts): a line of the register, a link to a document. The answers' types are
 * inferred from the routes' response schemas (schemas.ts). */
export type DocumentSummary = z.infer<typeof documentSummary>;
export type DocumentListItem = z.infer<typeof documentListItem>;
type DocumentList = z.infer<typeof documentListResponse>;

/** documentJson (json.ts): the whole document. */
export type DocumentRecord = z.infer<typeof documentRecord>;

/** taskJson (json.ts). */
export type Task = z.infer<typeof task>;
export type InboxTask = z.infer<typeof inboxTask>;
export type Inbox = z.infer<typeof inboxResponse>;
export type AwaitingTask = z.infer<typeof awaitingResponse>['tasks'][number];
export type DocumentView = z.infer<typeof documentViewResponse>;
export type ComplianceCounts = z.infer<typeof complianceCounts>;

/** A node of the cascade: its children are nodes too (the schema describes them loosely). */
export type CascadeNode = Omit<z.infer<typeof cascadeNodeResponse>, 'children'> & { children: CascadeNode[] };

export type TaskEvent = z.infer<typeof taskEvent>;
export type ProgressReport = z.infer<typeof progressReport>;
export type TaskView = z.infer<typeof taskViewResponse>;
type TaskMoved = z.infer<typeof taskMovedResponse>;
type ReportCreated = z.infer<typeof reportCreatedResponse>;
export type ComplianceRow = z.infer<typeof complianceRow>;
export type ComplianceView = z.infer<typeof complianceResponse>;
export type Preview = z.infer<typeof registrationPreviewResponse>;
/** The answer of POST /api/directives/extract. */
export type ExtractedText = z.infer<typeof extractedTextResponse>;

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

export type SteeringMember = z.infer<typeof steeringMember>;
type SteeringMembers = z.infer<typeof steeringMembersResponse>;

export interface MemberInput {
  unitCode: string;
  name: string;
  position: string;
  organizationId: number | null;
  assignedAreaCode: string | null;
}

export type SupervisionVisit = z.infer<typeof supervisionVisit>;
type SupervisionVisits = z.infer<typeof supervisionVisitsResponse>;
type Created = z.infer<typeof createdResponse>;

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

export function useInbox(state: TaskState | '', page: number, enabled = true) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'inbox', state, page],
    queryFn: () =>
      api<Inbox>(
        'GET',
        `/api/tasks/inbox${query({ state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
    enabled,
  });
}

/** The tasks the caller's unit gave that await its acceptance (oldest report first). */
export function useAwaiting(page: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...DIRECTIVES, 'awaiting', page],
    queryFn: () =>
      api<z.infer<typeof awaitingResponse>>(
        'GET',
        `/api/tasks/awaiting${query({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Accepting or returning a task from a list: the list and counts refresh after. */
export function useTaskDecision() {
  const refresh = useRefreshDirectives();
  return useMutation({
    mutationFn: (input: { id: number; action: 'accept' | 'return'; reason?: string }) =>
      api<TaskMoved>('POST', `/api/tasks/${input.id}/actions`, {
        action: input.action,
        reason: input.reason,
      }),
    onSuccess: () => void refresh(),
  });
}

export function useDocuments(direction: Direction | '', page: number) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'documents', direction, page],
    queryFn: () =>
      api<DocumentList>(
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

/** What the parser read; a text without a letter's structure comes back too, with its gaps to fill. */
export type LetterReading = z.infer<typeof parsedDocumentResponse>;
export const parseLetter = (text: string) =>
  api<LetterReading>('POST', '/api/directives/parse', { text, partial: true });
export const previewDocument = (request: RegisterRequest) =>
  api<Preview>('POST', '/api/documents/preview', request);
export const registerDocument = (request: RegisterRequest) =>
  api<DocumentView>('POST', '/api/documents', request);

/** The unit's task report as a spreadsheet (a plain link: the browser downloads it). */
export const taskReportUrl = (unit: string) => `/api/tasks/export.xlsx${query({ unit })}`;
export const reportAttachmentUrl = (reportId: number) => `/api/progress-reports/${reportId}/attachment`;
export const originalFileUrl = (documentId: number) => `/api/documents/${documentId}/original`;

/**
 * The task page's moves. An action answers the task, its new history row and what may follow: they are put
 * into the page's view. A report answers only itself and the task: it is added to the page's view; a report
 * that changed the state (done) refetches the view, whose actions and history changed with it. Either way the
 * other directive views (inbox, compliance) are refreshed.
 */
export function useTaskMoves(id: number) {
  const queryClient = useQueryClient();
  const key = [...DIRECTIVES, 'task', id];
  const refreshOthers = () =>
    queryClient.invalidateQueries({
      queryKey: DIRECTIVES,
      predicate: (q) => q.queryKey[1] !== 'task' || q.queryKey[2] !== id,
    });
  return {
    act: useMutation({
      mutationFn: (input: { action: TaskAction; reason?: string; note?: string }) =>
        api<TaskMoved>('POST', `/api/tasks/${id}/actions`, input),
      onSuccess: ({ event, ...moved }) => {
        const view = queryClient.getQueryData<TaskView>(key);
        if (view) queryClient.setQueryData(key, { ...view, ...moved, events: [...view.events, event] });
        else void queryClient.invalidateQueries({ queryKey: key });
        void refreshOthers();
      },
    }),
    report: useMutation({
      mutationFn: (input: { text: string; percent: number; done: boolean; attachment: UploadBody | null }) =>
        api<ReportCreated>('POST', `/api/tasks/${id}/reports`, input),
      onSuccess: ({ report, task }) => {
        const view = queryClient.getQueryData<TaskView>(key);
        if (view && view.task.state === task.state)
          queryClient.setQueryData(key, { ...view, task, reports: [...view.reports, report] });
        else void queryClient.invalidateQueries({ queryKey: key });
        void refreshOthers();
      },
    }),
  };
}

export function useMembers(unit: string) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'members', unit],
    queryFn: () =>
      api<SteeringMembers>('GET', `/api/steering-members${query({ unit })}`).then((r) => r.members),
  });
}

export function useVisits(unit: string) {
  return useQuery({
    queryKey: [...DIRECTIVES, 'visits', unit],
    queryFn: () =>
      api<SupervisionVisits>('GET', `/api/supervision-visits${query({ unit })}`).then((r) => r.visits),
  });
}

export function useSteeringChanges() {
  const refresh = useRefreshDirectives();
  return {
    addMember: useMutation({
      mutationFn: (input: MemberInput) => api<Created>('POST', '/api/steering-members', input),
      onSuccess: refresh,
    }),
    deleteMember: useMutation({
      mutationFn: (id: number) => api('DELETE', `/api/steering-members/${id}`),
      onSuccess: refresh,
    }),
    addVisit: useMutation({
      mutationFn: (input: VisitInput) => api<Created>('POST', '/api/supervision-visits', input),
      onSuccess: refresh,
    }),
    deleteVisit: useMutation({
      mutationFn: (id: number) => api('DELETE', `/api/supervision-visits/${id}`),
      onSuccess: refresh,
    }),
  };
}
