/**
 * The life of a task as an explicit state machine (core/workflow.ts). Each action names the states it may start from
 * (`allowedFrom`, as OpenCRVS's allowedStartStates) and the party that may take it: the assignee does the
 * work, the issuing unit (or any unit above the assignee) accepts or returns it. Pure: no I/O, no clock.
 */

import { vietnamDay } from '../../../core/dates.ts';
import {
  type ActionRule as CoreActionRule,
  type Transition as CoreTransition,
  defineWorkflow,
} from '../../../core/workflow.ts';

export const TASK_STATES = [
  'assigned',
  'acknowledged',
  'inProgress',
  'reportedDone',
  'accepted',
  'returned',
  'withdrawn',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** assignee: the unit that must act; superior: the issuing unit or a unit above the assignee. */
export type TaskParty = 'assignee' | 'superior';

type ActionRule = CoreActionRule<TaskState, TaskParty>;

/** The moves a party makes through the task's action route (the buttons of the task page). */
export const TASK_ACTIONS = {
  acknowledge: { allowedFrom: ['assigned'], to: 'acknowledged', by: 'assignee' },
  start: { allowedFrom: ['acknowledged', 'returned'], to: 'inProgress', by: 'assignee' },
  reportDone: { allowedFrom: ['acknowledged', 'inProgress', 'returned'], to: 'reportedDone', by: 'assignee' },
  accept: { allowedFrom: ['reportedDone'], to: 'accepted', by: 'superior' },
  return: { allowedFrom: ['reportedDone'], to: 'returned', by: 'superior', needsReason: true },
} as const satisfies Record<string, ActionRule>;
export type TaskAction = keyof typeof TASK_ACTIONS;
export const TASK_ACTION_NAMES = Object.keys(TASK_ACTIONS) as TaskAction[];

/**
 * The whole lifecycle: the moves, and reassignment (its own route and form), which gives a task not yet
 * acknowledged to another unit: the state stays, the event records it; and withdrawal, which only the
 * capability that opened a task does (through the directives' interface), never a button.
 */
export const TASK_WORKFLOW = defineWorkflow({
  states: TASK_STATES,
  actions: {
    ...TASK_ACTIONS,
    reassign: { allowedFrom: ['assigned'], to: (from: TaskState) => from, by: 'superior' },
    // A task opened by another capability (a level's checklist, an inspection's follow-up) is withdrawn when
    // what opened it no longer holds; an accepted task stays as it was.
    withdraw: {
      allowedFrom: ['assigned', 'acknowledged', 'inProgress', 'reportedDone', 'returned'],
      to: 'withdrawn',
      by: 'superior',
      needsReason: true,
    },
  } satisfies Record<string, ActionRule>,
});
export type TaskWorkflowAction = TaskAction | 'reassign' | 'withdraw';

export type { TransitionRefusal } from '../../../core/workflow.ts';
export type Transition = CoreTransition<TaskState>;

/** Whether `action` may be taken on a task in `state` by a caller who is the given parties. */
export function transition(
  state: TaskState,
  action: TaskWorkflowAction,
  parties: ReadonlySet<TaskParty>,
  reason?: string | null,
): Transition {
  return TASK_WORKFLOW.transition(state, action, parties, reason);
}

/** The moves a caller may take now (the buttons a page shows). */
export function availableActions(state: TaskState, parties: ReadonlySet<TaskParty>): TaskAction[] {
  return TASK_WORKFLOW.available(state, parties, TASK_ACTION_NAMES) as TaskAction[];
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
  return state === 'reportedDone' || state === 'accepted' || state === 'withdrawn';
}

/** Past its deadline and not reported done. Derived on each read, never stored: it changes with the date. */
export function isOverdue(task: TaskTiming, today: string): boolean {
  return task.deadline !== null && !reportedOrAccepted(task.state) && today > task.deadline;
}

export const COMPLIANCE_CLASSES = [
  'doneOnTime',
  'doneLate',
  'inProgress',
  'notStarted',
  'overdue',
  'withdrawn',
] as const;
export type ComplianceClass = (typeof COMPLIANCE_CLASSES)[number];

/**
 * Done means accepted by the superior, on time when reported done on or before the deadline (Vietnam's day).
 * Until then a task is overdue past its deadline, else not started (assigned or only acknowledged) or in
 * progress (working, returned, or reported and awaiting acceptance).
 */
export function complianceOf(task: TaskTiming, today: string): ComplianceClass {
  if (task.state === 'withdrawn') return 'withdrawn';
  if (task.state === 'accepted') {
    const late = task.deadline !== null && task.doneAt !== null && vietnamDay(task.doneAt) > task.deadline;
    return late ? 'doneLate' : 'doneOnTime';
  }
  if (isOverdue(task, today)) return 'overdue';
  return task.state === 'assigned' || task.state === 'acknowledged' ? 'notStarted' : 'inProgress';
}
