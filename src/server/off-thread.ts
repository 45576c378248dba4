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
  // The worker while it runs this task (it goes back to the pool after: then nothing more is sent to it).
  let worker: Worker | null = null;
  let working = true;
  // Chunks pushed while the answer was full: acknowledged (the worker may go on) when it asks for more.
  let owed = 0;
  const out = new Readable({
    read: () => {
      if (owed && working) worker?.postMessage(owed);
      owed = 0;
    },
  });
  // A task that fails after its first bytes (SQLITE_BUSY, say) cuts the answer short; its 'error' event must
  // not end the process when nothing listens to the stream any more (it did: the server went down mid-export).
  out.on('error', () => {});
  // A client that goes away before the end: the worker stops.
  out.once('close', () => {
    if (working) void worker?.terminate();
  });
  const ended = new Promise<void>((resolve, reject) => {
    void start(ctx, ref, args, true, {
      chunk: (bytes) => {
        // Taken at once while the answer keeps up; otherwise when it asks for more.
        if (out.push(bytes)) worker?.postMessage(1);
        else owed += 1;
      },
      done: () => {
        working = false;
        resolve(void out.push(null));
      },
      failed: (error) => {
        working = false;
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

/**
 * Workers stay up between tasks (at most MAX_WORKERS, unreferenced while idle so that they never keep a process
 * alive): starting one loads tsx and the sources again, which costs more than most tasks. A worker runs one
 * task at a time, with a connection of its own opened for the task and closed after it.
 */
const idle: Worker[] = [];
/** A worker idle this long ends (its memory back): a burst of work does not keep its workers for good. */
const IDLE_MS = 60_000;
const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();

function newWorker(): Worker {
  const worker = new Worker(BOOT, { eval: true });
  // Gone (terminated because the client went away, idle too long, or failed): never handed out again.
  worker.once('exit', () => {
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
  });
  return worker;
}

function takeIdle(): Worker | undefined {
  const worker = idle.pop();
  if (worker) clearTimeout(idleTimers.get(worker));
  return worker;
}

function putIdle(worker: Worker) {
  worker.unref();
  idle.push(worker);
  idleTimers.set(
    worker,
    setTimeout(() => {
      const i = idle.indexOf(worker);
      if (i < 0) return;
      idle.splice(i, 1);
      void worker.terminate();
    }, IDLE_MS).unref(),
  );
}

/** Starts the task on an idle worker (or a new one) once a slot is free; `on` hears its bytes and its end. */
async function start(
  ctx: RequestContext,
  ref: TaskRef,
  args: unknown,
  streams: boolean,
  on: { chunk: (bytes: Uint8Array) => void; done: (value: unknown) => void; failed: (error: Error) => void },
): Promise<Worker> {
  const free = await slot();
  const worker = takeIdle() ?? newWorker();
  worker.ref();
  let settled = false;
  const settle = (then: () => void, reusable: boolean) => {
    if (settled) return;
    settled = true;
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (reusable) putIdle(worker);
    free();
    then();
  };
  const onMessage = (message: WorkerMessage) => {
    if ('chunk' in message) return on.chunk(message.chunk);
    noteAuditCounts(ctx, message.audited);
    if ('done' in message) settle(() => on.done(message.done), true);
    else settle(() => on.failed(revive(message.failed)), true);
  };
  const onError = (error: Error) => settle(() => on.failed(error), false);
  const onExit = (code: number) =>
    settle(() => on.failed(new Error(`worker for ${ref.name} stopped (exit code ${code})`)), false);
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  worker.postMessage({
    task: {
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
