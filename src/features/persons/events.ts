/**
 * Person change events: the registry's outbox. Every write of the registry adds one row per changed person to
 * `person_events` in its own transaction, so a change and its event commit or roll back together. Features
 * that keep state about persons (vaccination statuses and counters) subscribe with `onPersonEvents`; pending
 * events are dispatched after the write commits, before the subscriber's reads and by its background
 * catch-up, and marked handled in the same transaction as the subscribers' changes: each is handled once.
 * One mechanism for both engines, no triggers.
 */
import { type Kysely, sql } from 'kysely';
import { rest } from '../../core/rest.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';

/**
 * created: registered (an import, the demo, a person a dose list named); moved: village or commune changed,
 * or moved away (status `moved`); died: status `deceased`; merged: merged into another record as a duplicate,
 * or that merge undone (payload `into`, `previouslyInto` when it was merged elsewhere before, `undone`); deleted: removed (an import batch undone); updated: birth
 * date, sex or another status change (what the age band and whether the person is counted depend on).
 */
export const PERSON_EVENT_KINDS = ['created', 'moved', 'died', 'merged', 'deleted', 'updated'] as const;
export type PersonEventKind = (typeof PERSON_EVENT_KINDS)[number];

export interface PersonEventInput {
  kind: PersonEventKind;
  personId: number;
  provinceCode: string | null;
  payload?: Record<string, unknown>;
}

export interface PersonEvent extends Required<PersonEventInput> {
  id: number;
  createdAt: string;
}

type Trx = Kysely<Database>;

/** Adds events in the caller's transaction (SQLite: one prepared statement per row, as persons are inserted). */
export async function emitPersonEvents(db: Db, trx: Trx, events: readonly PersonEventInput[]) {
  if (events.length === 0) return;
  const now = new Date().toISOString();
  const rows = events.map((e) => ({
    kind: e.kind,
    person_id: e.personId,
    province_code: e.provinceCode ?? '', // '': not known (distributed by it: never null)
    payload: JSON.stringify(e.payload ?? {}),
    created_at: now,
  }));
  if (db.sqlite) {
    const insert = db.sqlite.prepare(
      'insert into person_events (kind, person_id, province_code, payload, created_at) values (@kind, @person_id, @province_code, @payload, @created_at)',
    );
    for (const row of rows) insert.run(row);
    return;
  }
  for (let i = 0; i < rows.length; i += 5000)
    await trx
      .insertInto('person_events')
      .values(rows.slice(i, i + 5000))
      .execute();
}

export interface PersonEventContext {
  db: Db;
  trx: Trx;
  /** The day the subscriber brings its state to (its reads' "today"); none: the subscriber's own today. */
  asOf?: string;
}
export type PersonEventHandler = (ctx: PersonEventContext, events: readonly PersonEvent[]) => Promise<void>;

const handlers: PersonEventHandler[] = [];

/** Subscribes to person events; answers the unsubscribe. */
export function onPersonEvents(handler: PersonEventHandler): () => void {
  if (!handlers.includes(handler)) handlers.push(handler);
  return () => {
    const i = handlers.indexOf(handler);
    if (i >= 0) handlers.splice(i, 1);
  };
}

/**
 * Events handed out per transaction. Short on purpose (issue 13): on SQLite a dispatch's transaction holds the
 * database's one write lock, so an import's next chunk (another thread, the CLI) and every audited request
 * wait for it; 20,000 events a transaction held it for seconds after a large import.
 */
export const DISPATCH_BATCH = 1_000;

/** Whether any event waits for its subscribers (the partial index answers it, no transaction). */
export async function pendingPersonEvents(db: Db): Promise<boolean> {
  const pending = await db.db
    .selectFrom('person_events')
    .select('id')
    .where('handled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return pending !== undefined;
}

/**
 * Hands the pending events, oldest first, to every subscriber, a short batch per transaction (DISPATCH_BATCH),
 * and marks them handled in that transaction. On PostgreSQL dispatches take a lock so that two never hand the same events
 * out; SQLite transactions are serial. Without subscribers events stay pending (a CLI import, say): the
 * subscribing process catches up. Answers the number of events handled.
 */
export async function dispatchPersonEvents(
  db: Db,
  options: {
    asOf?: string;
    maxBatches?: number;
    /**
     * After a batch that took d ms, rest d × restFactor ms before the next (a background catch-up: the lock is
     * then free half the time for an import's chunks and the server's writes). 0: a turn of the event loop.
     */
    restFactor?: number;
  } = {},
): Promise<number> {
  if (handlers.length === 0) return 0;
  // Most calls find nothing pending (every vaccination read asks): answered by the partial index, no transaction.
  if (!(await pendingPersonEvents(db))) return 0;
  let handled = 0;
  let took = 0;
  for (let batches = 0; batches < (options.maxBatches ?? Number.POSITIVE_INFINITY); batches++) {
    // Between two batches the event loop takes a turn and other writers take the lock.
    if (handled > 0) await rest(took * (options.restFactor ?? 0));
    const started = performance.now();
    const n = await db.db.transaction().execute(async (trx) => {
      if (db.engine === 'postgres') await sql`select pg_advisory_xact_lock(60070)`.execute(trx);
      const rows = await trx
        .selectFrom('person_events')
        .selectAll()
        .where('handled_at', 'is', null)
        .orderBy('id')
        .limit(DISPATCH_BATCH)
        .execute();
      if (rows.length === 0) return 0;
      const events: PersonEvent[] = rows.map((r) => ({
        id: Number(r.id),
        kind: r.kind as PersonEventKind,
        personId: Number(r.person_id),
        provinceCode: r.province_code,
        payload: JSON.parse(r.payload),
        createdAt: r.created_at,
      }));
      for (const handler of handlers)
        await handler({ db, trx, ...(options.asOf ? { asOf: options.asOf } : {}) }, events);
      // By id, not by range: on PostgreSQL an event with an id inside the range may commit only now.
      const now = new Date().toISOString();
      const ids = events.map((e) => e.id);
      for (let i = 0; i < ids.length; i += 5000)
        await trx
          .updateTable('person_events')
          .set({ handled_at: now })
          .where('id', 'in', ids.slice(i, i + 5000))
          .execute();
      return events.length;
    });
    handled += n;
    took = performance.now() - started;
    if (n < DISPATCH_BATCH) return handled;
  }
  return handled;
}

/**
 * Dispatch after a registry write has committed. The write stands whatever a subscriber does: a failure
 * leaves the events pending for the next catch-up. One batch at most: a small write in the server's thread
 * does not take on the backlog of a large import (the background catch-up, in a worker, does).
 */
export async function dispatchAfterCommit(db: Db) {
  await dispatchPersonEvents(db, { maxBatches: 1 }).catch(() => undefined);
}

/**
 * For a subscriber that wrote its state for these persons by other means in its own transaction (the demo
 * data, persons a dose import registered and counted): their pending events are handled.
 */
export async function acknowledgePersonEvents(
  trx: Trx,
  of: { personIds: readonly number[] } | { communeCodes: readonly string[] },
) {
  const now = new Date().toISOString();
  if ('personIds' in of) {
    for (let i = 0; i < of.personIds.length; i += 1000)
      await trx
        .updateTable('person_events')
        .set({ handled_at: now })
        .where('handled_at', 'is', null)
        .where('person_id', 'in', of.personIds.slice(i, i + 1000))
        .execute();
    return;
  }
  await trx
    .updateTable('person_events')
    .set({ handled_at: now })
    .where('handled_at', 'is', null)
    .where('person_id', 'in', (eb) =>
      eb
        .selectFrom('persons')
        .select('id')
        .where('commune_code', 'in', [...of.communeCodes]),
    )
    .execute();
}
