/**
 * The background catch-up of vaccination statuses (job `vaccination.sync-statuses`), off the event loop
 * (issue 13). After a large persons import it recomputes the statuses of every imported person: minutes of
 * synchronous SQLite statements (a 500-row insert or a commit took 200-400 ms on a loaded machine), which in
 * the server's thread stalled every request, /api/health included. It runs in a worker thread
 * (server/off-thread.ts) with its own connection, a short transaction per batch of events (persons'
 * DISPATCH_BATCH) and a rest as long as the batch after each, so the import's chunks, an export's audit rows
 * and the server's writes get the lock between batches. Each batch
 * still applies its events and marks them handled in one transaction, as on the main thread.
 *
 * The worker's dispatcher hands events to the subscribers loaded in that thread: this module loads
 * vaccination's (status-store.ts), the only one. A feature that subscribes too must be loaded here.
 */
import type { Db } from '../../db/connection.ts';
import { runTask, type Task } from '../../server/off-thread.ts';
import { currentContext } from '../../server/request-context.ts';
import { statusesBehind, syncStatuses } from './status-store.ts';

/** In the worker: after each batch it rests as long as the batch took, leaving the lock free half the time. */
export const syncStatusesTask: Task<{ today: string }, void> = async (ctx, { today }) => {
  await syncStatuses(ctx.db, today, { restFactor: 1 });
};
const SYNC_TASK = { module: new URL(import.meta.url), name: 'syncStatusesTask' };

/**
 * The job's run: nothing when statuses are current (two index lookups, every 10 s), else the catch-up in a
 * worker (in this thread without a context to run it from, or on an in-memory database).
 */
export async function syncStatusesOffThread(db: Db, today: string) {
  if (!(await statusesBehind(db, today))) return;
  const ctx = currentContext();
  if (!ctx || ctx.db !== db) return syncStatuses(db, today);
  await runTask(ctx, SYNC_TASK, { today });
}
