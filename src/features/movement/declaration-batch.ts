import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { type AuditEvent, appendAudit } from '../audit/index.ts';
import { countFormSubmission, type ThrottleLevel } from '../auth/index.ts';
import type { ArrivalTable } from './tables.ts';

/**
 * Group commit of the public declarations (the Tết rush): the declarations that arrive while one transaction
 * runs wait for the next one, so a tick's declarations, their throttle counts and their audit entries commit in
 * one short transaction (one audit head locked and moved, one checkpoint line) instead of one each. Each caller
 * is answered only after the commit that holds its declaration. Should a batch fail, its declarations are
 * written again one by one: one bad row fails only its own request.
 */

export type ArrivalRow = Omit<Insertable<ArrivalTable>, 'channel' | 'created_by'>;

interface Waiting {
  row: ArrivalRow;
  ip: string;
  now: Date;
  done: (error?: unknown) => void;
}

interface Batch {
  queue: Waiting[];
  /** A transaction runs or is about to (the window is open). */
  running: boolean;
  /** Submissions per address queued or in the running transaction (not yet counted in the database). */
  pending: Map<string, number>;
}

/** The most declarations one transaction takes (a statement's parameters are bounded). */
const MOST = 400;
/**
 * How long the first declaration of a batch waits for others: a transaction runs on the event loop's
 * microtasks, so without a window the next requests (parsed in later turns of the loop) would never join it.
 */
const WINDOW_MS = 3;
const batches = new WeakMap<Db, Batch>();

function batchOf(db: Db): Batch {
  let b = batches.get(db);
  if (!b) {
    b = { queue: [], running: false, pending: new Map() };
    batches.set(db, b);
  }
  return b;
}

/**
 * A public declaration from `ip` is on its way (from before its throttle check): the address's other submissions
 * not yet committed count against its allowance as if they were. `submit` queues the declaration and resolves
 * once it is committed (rejects if it could not be); `release` drops a declaration refused before that.
 */
export function holdDeclaration(db: Db, ip: string) {
  const b = batchOf(db);
  b.pending.set(ip, (b.pending.get(ip) ?? 0) + 1);
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    const left = (b.pending.get(ip) ?? 1) - 1;
    if (left > 0) b.pending.set(ip, left);
    else b.pending.delete(ip);
  };
  return {
    others: () => (b.pending.get(ip) ?? 1) - 1,
    release,
    submit(form: string, level: ThrottleLevel, row: ArrivalRow, now: Date): Promise<void> {
      const settled = new Promise<void>((resolve, reject) => {
        b.queue.push({
          row,
          ip,
          now,
          done: (error) => {
            release();
            if (error === undefined) resolve();
            else reject(error);
          },
        });
      });
      if (!b.running) {
        b.running = true;
        setTimeout(() => void drain(db, b, form, level), WINDOW_MS);
      }
      return settled;
    },
  };
}

async function drain(db: Db, b: Batch, form: string, level: ThrottleLevel) {
  try {
    while (b.queue.length) {
      const taken = b.queue.splice(0, MOST);
      try {
        await write(db, taken, form, level);
        settle(taken);
      } catch {
        // One by one: each request gets its own declaration's outcome.
        for (const w of taken) {
          try {
            await write(db, [w], form, level);
            settle([w]);
          } catch (error) {
            settle([w], error ?? new Error('declaration not written'));
          }
        }
      }
    }
  } finally {
    b.running = false;
  }
}

function settle(taken: Waiting[], error?: unknown) {
  for (const w of taken) w.done(error);
}

/** One transaction: the declarations, each address's count, one audit entry each (by its own address). */
function write(db: Db, taken: Waiting[], form: string, level: ThrottleLevel) {
  return db.db.transaction().execute(async (trx) => {
    const ids = await trx
      .insertInto('arrivals')
      .values(taken.map((w) => ({ ...w.row, channel: 'public', created_by: null })))
      .returning('id')
      .execute()
      // Ids are taken in the rows' order; RETURNING's own order is not promised.
      .then((r) => r.map((x) => Number(x.id)).sort((a, b) => a - b));
    const counts = new Map<string, number>();
    for (const w of taken) counts.set(w.ip, (counts.get(w.ip) ?? 0) + 1);
    // Counted as of the batch's latest submission (they all came within the window).
    const latest = taken.reduce((t, w) => (w.now > t ? w.now : t), taken[0]!.now);
    await countFormSubmission(trx, form, level, latest, counts);
    const events: AuditEvent[] = taken.map((w, i) => ({
      action: 'create',
      entity: 'arrival',
      entityId: ids[i]!,
      unitCode: w.row.commune_code,
      details: { channel: 'public' },
      actor: { userId: null, username: 'public', ip: w.ip },
    }));
    await appendAudit(trx, db, { userId: null, username: 'public', ip: null }, events);
  });
}
