import { createHmac } from 'node:crypto';

/**
 * The audit log's chains: one per province (events with no unit of a province go to the national chain, ''),
 * each entry numbered in its chain (`seq`) and sealed by an HMAC-SHA256, under a key kept outside the
 * database, over its fields and the previous entry's MAC. Pure.
 */

import { AUDIT_ACTIONS, type AuditAction } from './rules/actions.ts';

export type { AuditAction };
export { AUDIT_ACTIONS };

export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  unitCode?: string | null;
  details?: Record<string, unknown>;
  /** Who acted, when not the batch's actor (one transaction recording several callers' changes). */
  actor?: Actor;
}

/** Who acts: a logged-in user, or the CLI and system jobs (no user id). */
export interface Actor {
  userId: number | null;
  username: string | null;
  ip: string | null;
}

/** The national chain: events about no unit, or about the country. */
export const NATIONAL_CHAIN = '';

/** The chain of an event about `unit`: its province's (a province is its own), else the national one. */
export function chainOf(unit: { code: string; level: number; province_code: string | null } | undefined) {
  if (!unit || unit.level < 1) return NATIONAL_CHAIN;
  return unit.province_code ?? unit.code;
}

export interface AuditFields {
  province_code: string;
  seq: number;
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

export type AuditRow = AuditFields & { prev_mac: string; mac: string };

export function chainMac(key: Buffer, prevMac: string, row: AuditFields): string {
  const canonical = JSON.stringify([
    row.province_code,
    row.seq,
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
  return createHmac('sha256', key).update(prevMac).update('\n').update(canonical).digest('hex');
}

/** A chain's last entry, as the head table and the checkpoint file keep it. */
export interface ChainHead {
  province_code: string;
  last_seq: number;
  last_id: number;
  last_mac: string;
}

export type ProblemKind = 'changed' | 'broken_link' | 'gap' | 'truncated' | 'head_mismatch';

export interface ChainProblem {
  province: string;
  seq: number;
  /** Null when the entry is gone and nothing outside the log recorded its id. */
  id: number | null;
  problem: ProblemKind;
}

/**
 * Walks rows ordered by chain, then seq, one at a time (the log can be large). A changed entry fails its own
 * MAC, and without the key a re-chained tail fails from the first edited entry on; a deleted entry leaves a gap
 * in its chain's numbers; a chain whose last entry differs from its head is reported at its end. A tail cut
 * with the head moved back is found against the checkpoints (`checkCheckpoints`).
 */
export function chainVerifier(key: Buffer) {
  const problems: ChainProblem[] = [];
  const ends = new Map<string, ChainHead>();
  let end: ChainHead | null = null;
  return {
    add(row: AuditRow) {
      if (end?.province_code !== row.province_code) {
        end = { province_code: row.province_code, last_seq: 0, last_id: 0, last_mac: '' };
        ends.set(row.province_code, end);
      }
      const at = { province: row.province_code, seq: row.seq, id: row.id };
      if (row.seq !== end.last_seq + 1) problems.push({ ...at, problem: 'gap' });
      else if (row.prev_mac !== end.last_mac) problems.push({ ...at, problem: 'broken_link' });
      if (chainMac(key, row.prev_mac, row) !== row.mac) problems.push({ ...at, problem: 'changed' });
      Object.assign(end, { last_seq: row.seq, last_id: row.id, last_mac: row.mac });
    },
    /** Compares each chain's end with its head row; returns the problems and the chains' ends. */
    finish(heads: ChainHead[]) {
      for (const head of heads) {
        const last = ends.get(head.province_code);
        if (last && last.last_seq === head.last_seq && last.last_mac === head.last_mac) continue;
        const truncated = !last || head.last_seq > last.last_seq;
        problems.push({
          province: head.province_code,
          seq: truncated ? (last?.last_seq ?? 0) + 1 : last.last_seq,
          id: truncated ? null : last.last_id,
          problem: truncated ? 'truncated' : 'head_mismatch',
        });
      }
      const headed = new Set(heads.map((h) => h.province_code));
      for (const last of ends.values())
        if (!headed.has(last.province_code))
          problems.push({
            province: last.province_code,
            seq: last.last_seq,
            id: last.last_id,
            problem: 'head_mismatch',
          });
      return { problems, ends };
    },
  };
}

/** One line of the checkpoint file: a chain's head just after a commit. */
export interface Checkpoint {
  province: string;
  seq: number;
  id: number;
  mac: string;
}

/** What the checkpoint file says of one chain, given the chain's last entry in the log. */
export interface CheckpointSummary {
  /** The earliest checkpoint past the log's end: the log lost its tail. */
  firstMissing: Checkpoint | null;
  /** The latest checkpoint within the log: its entry must still carry the MAC recorded. */
  latestPresent: Checkpoint | null;
}

export function summarizeCheckpoint(summary: CheckpointSummary, c: Checkpoint, lastSeq: number) {
  if (c.seq > lastSeq) {
    if (!summary.firstMissing || c.seq < summary.firstMissing.seq) summary.firstMissing = c;
  } else if (!summary.latestPresent || c.seq > summary.latestPresent.seq) summary.latestPresent = c;
}

/** The problems the checkpoints show: a cut tail, or a checkpointed entry whose MAC is no longer the one recorded. */
export function checkpointProblems(
  summary: CheckpointSummary,
  presentMac: string | undefined,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const { firstMissing: missing, latestPresent: present } = summary;
  if (missing)
    problems.push({ province: missing.province, seq: missing.seq, id: missing.id, problem: 'truncated' });
  if (present && presentMac !== present.mac)
    problems.push({ province: present.province, seq: present.seq, id: present.id, problem: 'changed' });
  return problems;
}

/** The first bad entry: the problem at the smallest id (an entry known only by its place last). */
export function firstProblem(problems: ChainProblem[]): ChainProblem | undefined {
  return [...problems].sort(
    (a, b) => (a.id ?? Number.MAX_SAFE_INTEGER) - (b.id ?? Number.MAX_SAFE_INTEGER),
  )[0];
}
