/**
 * Workflows as explicit state machines (tasks now; cases and quarantine next). Each action declares the
 * states it may start from (`allowedFrom`, as OpenCRVS's allowedStartStates), the party that may take it, a
 * pure transition to the next state (a state, or a function of the state it starts from: an action may keep
 * the state, as a reassignment does) and whether it needs a reason. Every action taken is written as an
 * event (from, to, action): `event()` builds it, the feature's store writes it with the change. Pure: no I/O,
 * no clock.
 *
 *   const LIFE = defineWorkflow({
 *     states: ['open', 'closed'] as const,
 *     actions: { close: { allowedFrom: ['open'], to: 'closed', by: 'owner' } },
 *   });
 *   LIFE.transition('open', 'close', new Set(['owner'])); // { ok: true, to: 'closed' }
 */

export interface ActionRule<S extends string, P extends string> {
  allowedFrom: readonly S[];
  /** The state after the action: fixed, or a pure function of the state it starts from. */
  to: S | ((from: S) => S);
  by: P;
  /** The action must say why (a return says what is missing). */
  needsReason?: true;
}

export type TransitionRefusal = 'state' | 'party' | 'reason';
export type Transition<S extends string> = { ok: true; to: S } | { ok: false; refusal: TransitionRefusal };

/** What the store writes for every action taken. */
export interface WorkflowEvent<S extends string, A extends string> {
  action: A;
  from: S;
  to: S;
  note: string | null;
}

export interface Workflow<S extends string, P extends string, A extends string> {
  states: readonly S[];
  actions: Readonly<Record<A, ActionRule<S, P>>>;
  actionNames: readonly A[];
  /** Whether `action` may be taken in `state` by a caller who is the given parties, and the state after. */
  transition(state: S, action: A, parties: ReadonlySet<P>, reason?: string | null): Transition<S>;
  /** Among `among` (default: every action), those the caller may take now (the buttons a page shows). */
  available(state: S, parties: ReadonlySet<P>, among?: readonly A[]): A[];
  /** The event of an allowed action (the transition must have been checked). */
  event(from: S, action: A, note?: string | null): WorkflowEvent<S, A>;
}

export function defineWorkflow<
  S extends string,
  P extends string,
  R extends Record<string, ActionRule<S, P>>,
>(definition: { states: readonly S[]; actions: R }): Workflow<S, P, Extract<keyof R, string>> {
  type A = Extract<keyof R, string>;
  const actions = definition.actions as unknown as Record<A, ActionRule<S, P>>;
  const actionNames = Object.keys(actions) as A[];
  const next = (rule: ActionRule<S, P>, from: S) => (typeof rule.to === 'function' ? rule.to(from) : rule.to);
  const transition = (
    state: S,
    action: A,
    parties: ReadonlySet<P>,
    reason?: string | null,
  ): Transition<S> => {
    const rule = actions[action];
    if (!parties.has(rule.by)) return { ok: false, refusal: 'party' };
    if (!rule.allowedFrom.includes(state)) return { ok: false, refusal: 'state' };
    if (rule.needsReason && !reason?.trim()) return { ok: false, refusal: 'reason' };
    return { ok: true, to: next(rule, state) };
  };
  return {
    states: definition.states,
    actions,
    actionNames,
    transition,
    available: (state, parties, among = actionNames) =>
      among.filter((a) => parties.has(actions[a].by) && actions[a].allowedFrom.includes(state)),
    event: (from, action, note = null) => ({ action, from, to: next(actions[action], from), note }),
  };
}
