import { describe, expect, it } from 'vitest';
import { vietnamDay } from '../../../core/dates.ts';
import {
  availableActions,
  canReportProgress,
  complianceOf,
  isOverdue,
  TASK_STATES,
  TASK_WORKFLOW,
  type TaskAction,
  type TaskParty,
  type TaskState,
  transition,
} from './task-lifecycle.ts';

const ASSIGNEE = new Set<TaskParty>(['assignee']);
const SUPERIOR = new Set<TaskParty>(['superior']);
const NOBODY = new Set<TaskParty>();

/** Every allowed move: [from, action, to, party]. Anything not listed must be refused. */
const ALLOWED: [TaskState, TaskAction, TaskState, TaskParty][] = [
  ['assigned', 'acknowledge', 'acknowledged', 'assignee'],
  ['acknowledged', 'start', 'inProgress', 'assignee'],
  ['returned', 'start', 'inProgress', 'assignee'],
  ['acknowledged', 'reportDone', 'reportedDone', 'assignee'],
  ['inProgress', 'reportDone', 'reportedDone', 'assignee'],
  ['returned', 'reportDone', 'reportedDone', 'assignee'],
  ['reportedDone', 'accept', 'accepted', 'superior'],
  ['reportedDone', 'return', 'returned', 'superior'],
];
const ACTIONS: TaskAction[] = ['acknowledge', 'start', 'reportDone', 'accept', 'return'];

describe('task lifecycle', () => {
  it.each(ALLOWED)('%s --%s--> %s by the %s', (from, action, to, party) => {
    expect(transition(from, action, new Set([party]), 'thiếu danh sách')).toEqual({ ok: true, to });
  });

  const refusedByState = TASK_STATES.flatMap((state) =>
    ACTIONS.filter((action) => !ALLOWED.some(([f, a]) => f === state && a === action)).map(
      (action) => [state, action] as const,
    ),
  );
  it.each(refusedByState)('refuses %s --%s (not a start state for it)', (state, action) => {
    expect(transition(state, action, new Set(['assignee', 'superior']), 'lý do')).toEqual({
      ok: false,
      refusal: 'state',
    });
  });

  it.each(ALLOWED)(
    'refuses %s --%s--> %s to the other party and to outsiders',
    (from, action, _to, party) => {
      const other = party === 'assignee' ? SUPERIOR : ASSIGNEE;
      expect(transition(from, action, other, 'lý do')).toEqual({ ok: false, refusal: 'party' });
      expect(transition(from, action, NOBODY, 'lý do')).toEqual({ ok: false, refusal: 'party' });
    },
  );

  it('refuses a return without a reason', () => {
    expect(transition('reportedDone', 'return', SUPERIOR)).toEqual({ ok: false, refusal: 'reason' });
    expect(transition('reportedDone', 'return', SUPERIOR, '  ')).toEqual({ ok: false, refusal: 'reason' });
  });

  it('lists the actions a party may take now', () => {
    expect(availableActions('assigned', ASSIGNEE)).toEqual(['acknowledge']);
    expect(availableActions('returned', ASSIGNEE)).toEqual(['start', 'reportDone']);
    expect(availableActions('reportedDone', ASSIGNEE)).toEqual([]);
    expect(availableActions('reportedDone', SUPERIOR)).toEqual(['accept', 'return']);
    expect(availableActions('accepted', new Set(['assignee', 'superior']))).toEqual([]);
  });

  it('reassigns a task not yet acknowledged, by the superior, keeping its state and writing an event', () => {
    expect(transition('assigned', 'reassign', SUPERIOR)).toEqual({ ok: true, to: 'assigned' });
    expect(transition('assigned', 'reassign', ASSIGNEE)).toEqual({ ok: false, refusal: 'party' });
    for (const state of TASK_STATES.filter((s) => s !== 'assigned'))
      expect(transition(state, 'reassign', SUPERIOR)).toEqual({ ok: false, refusal: 'state' });
    expect(TASK_WORKFLOW.event('assigned', 'reassign', 'Huyện Hữu Lũng → Xã Yên Thịnh')).toEqual({
      action: 'reassign',
      from: 'assigned',
      to: 'assigned',
      note: 'Huyện Hữu Lũng → Xã Yên Thịnh',
    });
    expect(TASK_WORKFLOW.event('reportedDone', 'return')).toMatchObject({
      from: 'reportedDone',
      to: 'returned',
    });
    // Not one of the moves of the action route and the task page's buttons.
    expect(availableActions('assigned', SUPERIOR)).toEqual([]);
  });

  it('takes progress reports only while the assignee works on the task', () => {
    expect(TASK_STATES.filter(canReportProgress)).toEqual(['acknowledged', 'inProgress', 'returned']);
  });
});

describe('deadlines and compliance', () => {
  const task = (state: TaskState, deadline: string | null, doneAt: string | null = null) => ({
    state,
    deadline,
    doneAt,
  });

  it("counts days in Vietnam's time (UTC+7)", () => {
    expect(vietnamDay('2022-01-31T16:59:59Z')).toBe('2022-01-31');
    expect(vietnamDay('2022-01-31T17:00:00Z')).toBe('2022-02-01');
  });

  it('is overdue only after the deadline day and until reported done', () => {
    expect(isOverdue(task('inProgress', '2022-01-31'), '2022-01-31')).toBe(false);
    expect(isOverdue(task('inProgress', '2022-01-31'), '2022-02-01')).toBe(true);
    expect(isOverdue(task('returned', '2022-01-31'), '2022-02-01')).toBe(true);
    expect(isOverdue(task('reportedDone', '2022-01-31'), '2022-02-01')).toBe(false);
    expect(isOverdue(task('assigned', null), '2099-01-01')).toBe(false);
  });

  it.each([
    [task('assigned', null), 'notStarted'],
    [task('acknowledged', '2022-02-10'), 'notStarted'],
    [task('inProgress', '2022-02-10'), 'inProgress'],
    [task('returned', null), 'inProgress'],
    [task('reportedDone', '2022-01-01', '2022-01-20T01:00:00Z'), 'inProgress'],
    [task('acknowledged', '2022-01-31'), 'overdue'],
    [task('accepted', '2022-01-31', '2022-01-31T16:00:00Z'), 'doneOnTime'],
    [task('accepted', '2022-01-31', '2022-01-31T18:00:00Z'), 'doneLate'],
    [task('accepted', null, '2022-03-01T00:00:00Z'), 'doneOnTime'],
  ] as const)('%o on 2022-02-01 is %s', (t, expected) => {
    expect(complianceOf(t, '2022-02-01')).toBe(expected);
  });
});
