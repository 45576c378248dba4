import { type Kysely, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  liveFailures,
  PAIR_THROTTLE,
  type ThrottleCounter,
  type ThrottleLevel,
  waiting,
} from './rules.ts';

/**
 * The login throttling counters (migration 0007), one row per key: (username, ip) the pair, (username, '') the
 * account, ('', ip) the address. In the database, so that every process and a restart count the same.
 */

type Trx = Kysely<Database>;

/** The three counters an attempt of `username` from `ip` is judged by. */
export async function throttleCounters(db: Db, username: string, ip: string) {
  const rows = await db.db
    .selectFrom('login_throttle')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('username', '=', username), eb('ip', 'in', [ip, ''])]),
        eb.and([eb('username', '=', ''), eb('ip', '=', ip)]),
      ]),
    )
    .execute();
  const counter = (u: string, i: string): ThrottleCounter | undefined => {
    const row = rows.find((r) => r.username === u && r.ip === i);
    return (
      row && {
        failures: row.failures,
        lastFailureAt: row.last_failure_at,
        lastSuccessAt: row.last_success_at,
      }
    );
  };
  return { pair: counter(username, ip), account: counter(username, ''), address: counter('', ip) };
}

/**
 * Counts a failure against the pair, the account and the address, each in one statement (concurrent failures
 * from several processes all count), starting over when the key's last failure is forgotten.
 */
export async function recordLoginFailure(trx: Trx, username: string, ip: string, now: Date) {
  const keys: [string, string, ThrottleLevel][] = [
    [username, ip, PAIR_THROTTLE],
    [username, '', ACCOUNT_THROTTLE],
    ['', ip, ADDRESS_THROTTLE],
  ];
  const at = now.toISOString();
  for (const [u, i, level] of keys) {
    const forgotten = new Date(now.getTime() - level.forgetAfterMs).toISOString();
    await trx
      .insertInto('login_throttle')
      .values({ username: u, ip: i, failures: 1, last_failure_at: at, last_success_at: null })
      .onConflict((oc) =>
        oc.columns(['username', 'ip']).doUpdateSet({
          failures: sql<number>`case when login_throttle.last_failure_at >= ${forgotten} then login_throttle.failures + 1 else 1 end`,
          last_failure_at: at,
        }),
      )
      .execute();
  }
}

/** A login: the pair starts over and is known from now on (exempt from the account's and the address's waits). */
export async function recordLoginSuccess(trx: Trx, username: string, ip: string, now: Date) {
  await trx
    .insertInto('login_throttle')
    .values({ username, ip, failures: 0, last_failure_at: null, last_success_at: now.toISOString() })
    .onConflict((oc) =>
      oc
        .columns(['username', 'ip'])
        .doUpdateSet({ failures: 0, last_failure_at: null, last_success_at: now.toISOString() }),
    )
    .execute();
}

/** A new password: guesses at the old one no longer count against the account. */
export async function resetLoginFailures(trx: Trx, username: string) {
  await trx.updateTable('login_throttle').set({ failures: 0 }).where('username', '=', username).execute();
}

/** Drops counters nobody needs any more: failures forgotten, and no login to remember. */
export async function pruneLoginThrottle(db: Db, now = new Date()) {
  const forgotten = new Date(
    now.getTime() - Math.max(PAIR_THROTTLE.forgetAfterMs, ACCOUNT_THROTTLE.forgetAfterMs),
  );
  const { numDeletedRows } = await db.db
    .deleteFrom('login_throttle')
    .where('last_success_at', 'is', null)
    .where((eb) =>
      eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<', forgotten.toISOString())]),
    )
    .executeTakeFirst();
  return Number(numDeletedRows);
}

/**
 * A public form's per-address limit (e.g. the arrival declaration), on the same counters: the key is
 * ('#<form>', ip), so the login's keys never meet it. Every accepted submission counts; a refused one does not.
 */
export async function formThrottled(
  db: Db,
  form: string,
  ip: string,
  level: ThrottleLevel,
  now: Date,
  pending: () => number = () => 0,
) {
  const row = await db.db
    .selectFrom('login_throttle')
    .selectAll()
    .where('username', '=', `#${form}`)
    .where('ip', '=', ip)
    .executeTakeFirst();
  const counter: ThrottleCounter | undefined = row && {
    failures: row.failures,
    lastFailureAt: row.last_failure_at,
    lastSuccessAt: row.last_success_at,
  };
  // Submissions on their way but not yet committed (a group commit) count as made now; asked after the read, so
  // one committed meanwhile is counted once.
  const others = pending();
  if (!others) return waiting(level, counter, now);
  const failures = liveFailures(level, counter, now) + others;
  return waiting(level, { failures, lastFailureAt: now.toISOString(), lastSuccessAt: null }, now);
}

/**
 * Counts submissions of a public form, `count` per address (in the submissions' transaction): one statement for
 * all the addresses (a group commit brings many), each counter starting over when its last one is forgotten.
 */
export async function countFormSubmission(
  trx: Trx,
  form: string,
  level: ThrottleLevel,
  now: Date,
  counts: ReadonlyMap<string, number>,
) {
  if (counts.size === 0) return;
  const at = now.toISOString();
  const forgotten = new Date(now.getTime() - level.forgetAfterMs).toISOString();
  await trx
    .insertInto('login_throttle')
    .values(
      [...counts].map(([ip, count]) => ({
        username: `#${form}`,
        ip,
        failures: count,
        last_failure_at: at,
        last_success_at: null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['username', 'ip']).doUpdateSet({
        failures: sql<number>`case when login_throttle.last_failure_at >= ${forgotten} then login_throttle.failures + excluded.failures else excluded.failures end`,
        last_failure_at: at,
      }),
    )
    .execute();
}
