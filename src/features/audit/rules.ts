import { createHash } from 'node:crypto';

/** The hash chain of the audit log: each row's hash covers its fields and the previous row's hash. Pure. */

import { AUDIT_ACTIONS, type AuditAction } from './rules/actions.ts';

export type { AuditAction };
export { AUDIT_ACTIONS };

export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  unitCode?: string | null;
  details?: Record<string, unknown>;
}

/** Who acts: a logged-in user, or the CLI and system jobs (no user id). */
export interface Actor {
  userId: number | null;
  username: string | null;
  ip: string | null;
}

export interface AuditFields {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_code: string | null;
  ip: string | null;
  details: string;
}

export function chainHash(prevHash: string, row: AuditFields): string {
  const canonical = JSON.stringify([
    row.id,
    row.at,
    row.user_id,
    row.username,
    row.action,
    row.entity,
    row.entity_id,
    row.unit_code,
    row.ip,
    row.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface ChainProblem {
  id: number;
  problem: 'changed' | 'broken_link' | 'missing_tail';
}

/**
 * Walks rows in id order, one at a time (the log can be large). A changed row fails its own hash; an
 * inserted or deleted row breaks the next row's link; a deleted tail no longer matches the head kept
 * beside the log.
 */
export function chainVerifier() {
  const problems: ChainProblem[] = [];
  let prev = '';
  let lastId = 0;
  return {
    add(row: AuditFields & { prev_hash: string; hash: string }) {
      if (row.prev_hash !== prev) problems.push({ id: row.id, problem: 'broken_link' });
      if (chainHash(row.prev_hash, row) !== row.hash) problems.push({ id: row.id, problem: 'changed' });
      prev = row.hash;
      lastId = row.id;
    },
    finish(head: { last_id: number; last_hash: string }): ChainProblem[] {
      if (lastId !== head.last_id || prev !== head.last_hash)
        problems.push({ id: head.last_id, problem: 'missing_tail' });
      return problems;
    },
  };
}
