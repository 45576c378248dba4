/**
 * A worker thread's side of off-thread.ts: opens its own connection to the caller's database, runs the task in
 * a context with the caller's scope and day, posts the file's bytes as they come (waiting for the answer to
 * take them past IN_FLIGHT), then the answer or the error, and the audit events it wrote (the request's
 * safety net counts them), and closes the connection.
 */
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parentPort } from 'node:worker_threads';
import { setStoredToday } from '../core/dates.ts';
import { type DbTarget, openDb } from '../db/connection.ts';
import type { Scope } from '../features/auth/index.ts';
import { IN_FLIGHT, serializeError, type Task, type WorkerMessage } from './off-thread.ts';
import { newContext, runInContext } from './request-context.ts';

interface TaskData {
  module: string;
  name: string;
  target: DbTarget;
  scope: Scope;
  today: string;
  day: string;
  args: unknown;
  streams: boolean;
}
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

/** exceljs writes many small pieces (a zip entry's header is 30 bytes): they cross in batches of BATCH. */
const BATCH = 64 * 1024;
// The running task's bytes: batches not yet posted, batches posted and not yet taken by the answer.
let pending: Buffer[] = [];
let pendingBytes = 0;
let inFlight = 0;
let resume: (() => void) | null = null;

/** The worker stays up between tasks (off-thread.ts keeps a pool): one task at a time, from its message. */
port.on('message', (message: number | { task: TaskData }) => {
  if (typeof message === 'number') {
    inFlight -= message;
    resume?.();
    resume = null;
    return;
  }
  void run(message.task);
});

const flush = () => {
  if (!pendingBytes) return;
  const bytes = new Uint8Array(Buffer.concat(pending));
  pending = [];
  pendingBytes = 0;
  inFlight += 1;
  port.postMessage({ chunk: bytes } satisfies WorkerMessage, [bytes.buffer]);
};

async function run(data: TaskData) {
  [pending, pendingBytes, inFlight, resume] = [[], 0, 0, null];
  const out = data.streams
    ? new Writable({
        write(chunk: Buffer, _encoding, done) {
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes < BATCH) return done();
          flush();
          if (inFlight < IN_FLIGHT) done();
          else resume = () => done();
        },
        final(done) {
          flush();
          done();
        },
      })
    : null;

  // Waiting for SQLite's write lock holds up only this task: a minute rather than failing it after 5 s.
  const db = openDb({ ...data.target, pgPoolMax: 2, busyTimeoutMs: 60_000 });
  const ctx = newContext(db, data.scope, () => data.today);
  let answer: WorkerMessage;
  try {
    // The stores' "today" is a global of each thread: the caller's (a demo database's as-of day, say).
    setStoredToday(data.day);
    const task = (await import(data.module))[data.name] as Task<unknown, unknown>;
    const value = await runInContext(ctx, () => task(ctx, data.args, out));
    // A task may end its file itself (exceljs's workbook writer does): the last bytes are posted once it has.
    if (out && !out.writableEnded) out.end();
    if (out) await finished(out);
    answer = { done: value ?? null, audited: ctx.audited };
  } catch (error) {
    if (!(error instanceof Error && 'status' in error))
      console.error(`${data.name} failed in its worker`, error);
    answer = { failed: serializeError(error), audited: ctx.audited };
  }
  // Closed before the answer: once it has it, the caller may hand this worker the next task.
  await db.close().catch(() => undefined);
  post(answer);
}
