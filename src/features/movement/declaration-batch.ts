import type { Insertable } from 'kysely';
import { groupCommit } from '../../core/group-commit.ts';
import type { Db } from '../../db/connection.ts';
import { type AuditEvent, appendAudit } from '../audit/index.ts';
import { countFormSubmission, type ThrottleLevel } from '../auth/index.ts';
import type { ArrivalTable } from './tables.ts';

/**
 * The public declarations (the Tết rush) commit in groups (core/group-commit.ts): a tick's declarations, their
 * throttle counts and their audit entries in one short transaction. The per-address throttle counts the
 * submissions still on their way (`pending`), so a burst from one address cannot slip past it.
 */

export type ArrivalRow = Omit<Insertable<ArrivalTable>, 'channel' | 'created_by'>;

interface Declaration {
  row: ArrivalRow;
  ip: string;
  now: Date;
  form: string;
  level: ThrottleLevel;
}

/** Submissions per address queued or in a running transaction (not yet counted in the database). */
const pendings = new WeakMap<Db, Map<string, number>>();

const commit = groupCommit<Db, Declaration, undefined>(async (db, taken) => {
  await write(db, taken);
  return taken.map(() => undefined);
});

/**
 * A public declaration from `ip` is on its way (from before its throttle check): the address's other submissions
 * not yet committed count against its allowance as if they were. `submit` queues the declaration and resolves
 * once it is committed (rejects if it could not be); `release` drops a declaration refused before that.
 */
export function holdDeclaration(db: Db, ip: string) {
  let pending = pendings.get(db);
  if (!pending) {
    pending = new Map();
    pendings.set(db, pending);
  }
  const counts = pending;
  counts.set(ip, (counts.get(ip) ?? 0) + 1);
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    const left = (counts.get(ip) ?? 1) - 1;
    if (left > 0) counts.set(ip, left);
    else counts.delete(ip);
  };
  return {
    others: () => (counts.get(ip) ?? 1) - 1,
    release,
    async submit(form: string, level: ThrottleLevel, row: ArrivalRow, now: Date): Promise<void> {
      try {
        await commit(db, { row, ip, now, form, level });
      } finally {
        release();
      }
    },
  };
}

/** One transaction: the declarations, each address's count, one audit entry each (by its own address). */
function write(db: Db, taken: Declaration[]) {
  const { form, level } = taken[0]!;
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
