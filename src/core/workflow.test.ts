import { describe, expect, it } from 'vitest';
import { defineWorkflow } from './workflow.ts';

const CASE = defineWorkflow({
  states: ['open', 'closed'] as const,
  actions: {
    close: { allowedFrom: ['open'], to: 'closed', by: 'owner', needsReason: true },
    reopen: { allowedFrom: ['closed'], to: 'open', by: 'supervisor' },
    note: { allowedFrom: ['open', 'closed'], to: (from: 'open' | 'closed') => from, by: 'owner' },
  },
});
const OWNER = new Set(['owner'] as const);

describe('defineWorkflow', () => {
  it('checks the party, then the start state, then the reason', () => {
    expect(CASE.transition('open', 'close', OWNER, 'done')).toEqual({ ok: true, to: 'closed' });
    expect(CASE.transition('open', 'close', new Set(['supervisor'] as const), 'x')).toEqual({
      ok: false,
      refusal: 'party',
    });
    expect(CASE.transition('closed', 'close', OWNER, 'x')).toEqual({ ok: false, refusal: 'state' });
    expect(CASE.transition('open', 'close', OWNER, ' ')).toEqual({ ok: false, refusal: 'reason' });
  });

  it('lets an action keep the state, and builds the event of an action', () => {
    expect(CASE.transition('closed', 'note', OWNER)).toEqual({ ok: true, to: 'closed' });
    expect(CASE.event('closed', 'note', 'called back')).toEqual({
      action: 'note',
      from: 'closed',
      to: 'closed',
      note: 'called back',
    });
    expect(CASE.event('closed', 'reopen')).toEqual({
      action: 'reopen',
      from: 'closed',
      to: 'open',
      note: null,
    });
  });

  it('lists the available actions, optionally among some', () => {
    expect(CASE.available('open', OWNER)).toEqual(['close', 'note']);
    expect(CASE.available('open', OWNER, ['close'])).toEqual(['close']);
    expect(CASE.actionNames).toEqual(['close', 'reopen', 'note']);
  });
});
