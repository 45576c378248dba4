/**
 * The life of a task as an explicit state machine. Each action names the states it may start from
 * (`allowedFrom`, as OpenCRVS's allowedStartStates) and the party that may take it: the assignee does the
 * work, the issuing unit (or any unit above the assignee) accepts or returns it. Pure: no I/O, no clock.
 */

import { vietnamDay } from '../../../core/dates.ts';

export const TASK_STATES = [
  'assigned',
  'acknowledged',
  'inProgress',
  'reportedDone',
  'accepted',
  'returned',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** assignee: the unit that must act; superior: the issuing unit or a unit above the assignee. */
export type TaskParty = 'assignee' | 'superior';

interface ActionRule {
  allowedFrom: readonly TaskState[];
  to: TaskState;
  by: TaskParty;
  /** A return says what is missing ("thiếu danh sách"), so the assignee knows what to do. */
  needsReason?: true;
}

export const TASK_ACTIONS = {
  acknowledge: { allowedFrom: ['assigned'], to: 'acknowledged', by: 'assignee' },
  start: { allowedFrom: ['acknowledged', 'returned'], to: 'inProgress', by: 'assignee' },
  reportDone: { allowedFrom: ['acknowledged', 'inProgress', 'returned'], to: 'reportedDone', by: 'assignee' },
  accept: { allowedFrom: ['reportedDone'], to: 'accepted', by: 'superior' },
  return: { allowedFrom: ['reportedDone'], to: 'returned', by: 'superior', needsReason: true },
} as const satisfies Record<string, ActionRule>;
export type TaskAction = keyof typeof TASK_ACTIONS;
export const TASK_ACTION_NAMES = Object.keys(TASK_ACTIONS) as TaskAction[];

export type TransitionRefusal = 'state' | 'party' | 'reason';
export type Transition = { ok: true; to: TaskState } | { ok: false; refusal: TransitionRefusal };

/** Whether `action` may be taken on a task in `state` by a caller who is the given parties. */
export function transition(
  state: TaskState,
  action: TaskAction,
  parties: ReadonlySet<TaskParty>,
  reason?: string | null,
): Transition {
  const rule: ActionRule = TASK_ACTIONS[action];
  if (!parties.has(rule.by)) return { ok: false, refusal: 'party' };
  if (!rule.allowedFrom.includes(state)) return { ok: false, refusal: 'state' };
  if (rule.needsReason && !reason?.trim()) return { ok: false, refusal: 'reason' };
  return { ok: true, to: rule.to };
}

/** The actions a caller may take now (the buttons a page shows). */
export function availableActions(state: TaskState, parties: ReadonlySet<TaskParty>): TaskAction[] {
  return TASK_ACTION_NAMES.filter((a) => {
    const rule: ActionRule = TASK_ACTIONS[a];
    return parties.has(rule.by) && rule.allowedFrom.includes(state);
  });
}

/** Progress may be reported while the assignee works on the task (not before acknowledging, not once done). */
export function canReportProgress(state: TaskState): boolean {
  return state === 'acknowledged' || state === 'inProgress' || state === 'returned';
}

export interface TaskTiming {
  state: TaskState;
  /** yyyy-mm-dd or null (no date: "ngay", "khẩn trương" or none). */
  deadline: string | null;
  /** When the assignee last reported it done (ISO instant), or null. */
  doneAt: string | null;
}

/** Reported done (awaiting acceptance) or accepted: the assignee's part is over. */
function reportedOrAccepted(state: TaskState): boolean {
  return state === 'reportedDone' || state === 'accepted';
}

/** Past its deadline and not reported done. Derived on each read, never stored: it changes with the date. */
export function isOverdue(task: TaskTiming, today: string): boolean {
  return task.deadline !== null && !reportedOrAccepted(task.state) && today > task.deadline;
}

export const COMPLIANCE_CLASSES = ['doneOnTime', 'doneLate', 'inProgress', 'notStarted', 'overdue'] as const;
export type ComplianceClass = (typeof COMPLIANCE_CLASSES)[number];

/**
 * Done means accepted by the superior, on time when reported done on or before the deadline (Vietnam's day).
 * Until then a task is overdue past its deadline, else not started (assigned or only acknowledged) or in
 * progress (working, returned, or reported and awaiting acceptance).
 */
export function complianceOf(task: TaskTiming, today: string): ComplianceClass {
  if (task.state === 'accepted') {
    const late = task.deadline !== null && task.doneAt !== null && vietnamDay(task.doneAt) > task.deadline;
    return late ? 'doneLate' : 'doneOnTime';
  }
  if (isOverdue(task, today)) return 'overdue';
  return task.state === 'assigned' || task.state === 'acknowledged' ? 'notStarted' : 'inProgress';
}
