/**
 * Long work (imports, exports of a province) off the server's event loop (issue 13): better-sqlite3 runs
 * every statement synchronously and exceljs parses and writes on the calling thread, so run in the server's
 * thread they stall every other request for as long as they compute. A task runs in a worker thread with its
 * own connection to the same database (SQLite in WAL mode takes a second connection; PostgreSQL a pool of its
 * own), the same data directory and audit key, and the caller's scope and day. A database without a file
 * (SQLite `:memory:`) cannot be shared: its tasks run in the calling thread, through the same code.
 */
import { availableParallelism } from 'node:os';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { vietnamToday } from '../core/dates.ts';
import { AppError } from '../core/errors.ts';
import type { Db } from '../db/connection.ts';
import { noteAuditCounts, type RequestContext } from './request-context.ts';

/**
 * A task: an exported function of a module, run with a context like a request's. `out` is where a file
 * task writes its bytes (null for a task that only answers a value).
 */
export type Task<A, R> = (ctx: RequestContext, args: A, out: Writable | null) => Promise<R>;
/** Where the worker finds a task: the module's URL (`import.meta.url`-relative) and the export's name. */
export interface TaskRef {
  module: URL;
  name: string;
}

/** What a worker posts: bytes of the file, the answer, or the error (an AppError keeps its status). */
export type WorkerMessage =
  | { chunk: Uint8Array }
  | { done: unknown; audited: RequestContext['audited'] }
  | { failed: SerializedError; audited: RequestContext['audited'] };
export interface SerializedError {
  app?: { status: number; code: string; text: AppError['text']; fields: AppError['fields'] };
  message: string;
}

/** Batches of bytes posted but not yet taken by the answer before the worker waits (backpressure). */
export const IN_FLIGHT = 16;

// Workers at once: more would only share the same cores; further tasks wait their turn.
const MAX_WORKERS = Math.max(2, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];
async function slot() {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/**
 * The worker's first script: the sources are TypeScript, loaded by tsx as in the main thread (`--import tsx`
 * in a worker's execArgv does not reach its entry module on Node 20).
 */
const BOOT = `import('tsx/esm/api').then((tsx) => {
  tsx.register();
  return import(${JSON.stringify(new URL('./off-thread-worker.ts', import.meta.url).href)});
})`;

const inThread = (db: Db) => db.engine === 'sqlite' && db.target.sqliteFile === ':memory:';

/** Runs a task that answers a value (an import's result) in a worker. */
export async function runTask<A, R>(ctx: RequestContext, ref: TaskRef, args: A): Promise<R> {
  if (inThread(ctx.db)) return (await localTask<A, R>(ref))(ctx, args, null);
  return new Promise<R>((resolve, reject) => {
    void start(ctx, ref, args, false, {
      chunk: () => {},
      done: (value) => resolve(value as R),
      failed: reject,
    });
  });
}

/**
 * Runs a task that writes a file: answers the stream of its bytes once the first ones come (so that a refusal
 * before any byte, like a unit out of scope, is still an error answer), or the task's error.
 */
export async function streamTask<A>(ctx: RequestContext, ref: TaskRef, args: A): Promise<Readable> {
  if (inThread(ctx.db)) {
    const out = new PassThrough();
    const task = await localTask<A, unknown>(ref);
    return firstBytes(
      out,
      task(ctx, args, out).then(() => out.end()),
    );
  }
  let worker: Worker | null = null;
  // Chunks pushed while the answer was full: acknowledged (the worker may go on) when it asks for more.
  let owed = 0;
  const out = new Readable({
    read: () => {
      if (owed) worker?.postMessage(owed);
      owed = 0;
    },
  });
  // A client that goes away: the worker stops.
  out.once('close', () => void worker?.terminate());
  const ended = new Promise<void>((resolve, reject) => {
    void start(ctx, ref, args, true, {
      chunk: (bytes) => {
        // Taken at once while the answer keeps up; otherwise when it asks for more.
        if (out.push(bytes)) worker?.postMessage(1);
        else owed += 1;
      },
      done: () => resolve(void out.push(null)),
      failed: (error) => {
        out.destroy(error);
        reject(error);
      },
    }).then((w) => {
      worker = w;
    });
  });
  return firstBytes(out, ended);
}

/** The stream once it has bytes (or is done), or the task's error if it fails first. */
function firstBytes(out: Readable, ended: Promise<unknown>): Promise<Readable> {
  return new Promise((resolve, reject) => {
    out.once('readable', () => resolve(out));
    ended.then(() => resolve(out), reject);
  });
}

async function localTask<A, R>(ref: TaskRef): Promise<Task<A, R>> {
  return (await import(ref.module.href))[ref.name] as Task<A, R>;
}

/** Starts the worker once a slot is free; `on` hears its bytes and its end. */
async function start(
  ctx: RequestContext,
  ref: TaskRef,
  args: unknown,
  streams: boolean,
  on: { chunk: (bytes: Uint8Array) => void; done: (value: unknown) => void; failed: (error: Error) => void },
): Promise<Worker> {
  const free = await slot();
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: {
      module: ref.module.href,
      name: ref.name,
      target: ctx.db.target,
      scope: ctx.scope,
      today: ctx.today(),
      day: vietnamToday(),
      args,
      streams,
    },
  });
  let settled = false;
  const settle = (then: () => void) => {
    if (settled) return;
    settled = true;
    free();
    then();
  };
  worker.on('message', (message: WorkerMessage) => {
    if ('chunk' in message) return on.chunk(message.chunk);
    noteAuditCounts(ctx, message.audited);
    if ('done' in message) settle(() => on.done(message.done));
    else settle(() => on.failed(revive(message.failed)));
  });
  worker.on('error', (error) => settle(() => on.failed(error)));
  worker.on('exit', (code) =>
    settle(() => on.failed(new Error(`worker for ${ref.name} stopped (exit code ${code})`))),
  );
  return worker;
}

function revive(error: SerializedError): Error {
  if (error.app) return new AppError(error.app.status, error.app.code, error.app.text, error.app.fields);
  return new Error(error.message);
}

/** For the worker: an error as it can cross threads. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError)
    return {
      app: { status: error.status, code: error.code, text: error.text, fields: error.fields },
      message: error.message,
    };
  return { message: error instanceof Error ? error.message : String(error) };
}
