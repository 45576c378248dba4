/**
 * Background jobs: each named job runs every `intervalMs`, one run at a time across every process sharing the
 * database. Before a run the runner takes the job's lease (a `jobs` row: holder id and expiry) in a
 * transaction; a lease that expired (a process died mid-run) may be taken over. Each run's start, duration
 * and error are stored in the same row, for GET /api/jobs.
 *
 *   const jobs = new JobRunner(db);
 *   jobs.register({ name: 'vaccination.sync-statuses', intervalMs: 10_000, run: () => syncStatuses(db, today) });
 *   jobs.start();            // the server does it when ready…
 *   await jobs.stop();       // …and this on close: timers cleared, the run in progress awaited
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../db/connection.ts';

export interface Job {
  /** Unique, dotted by feature: "vaccination.sync-statuses". */
  name: string;
  intervalMs: number;
  /** How long a run may hold the lease before another process may take it (default: 3 intervals, ≥ 60 s). */
  leaseMs?: number;
  run: () => Promise<unknown>;
}

export interface JobState {
  name: string;
  intervalMs: number;
  /** Whether a process holds a live lease (a run is in progress somewhere). */
  running: boolean;
  leaseHolder: string | null;
  leaseUntil: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  runs: number;
}

interface Logger {
  error(details: object, message: string): void;
}

export class JobRunner {
  /** This process's id in the lease column: host, pid and a random part (two runners in one process differ). */
  readonly holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly jobs = new Map<string, Job>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private started = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger = { error: (details, message) => console.error(message, details) },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  register(job: Job): void {
    if (this.jobs.has(job.name)) throw new Error(`Job ${job.name} is registered twice`);
    this.jobs.set(job.name, job);
    if (this.started) this.schedule(job);
  }

  /** Starts every registered job's timer (jobs registered later start at once). */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.schedule(job);
  }

  /** Clears the timers and waits for the runs in progress (their leases are released). */
  async stop(): Promise<void> {
    this.started = false;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await Promise.all(this.inFlight.values());
  }

  /**
   * Runs a job now unless it is already running, here or elsewhere: answers whether this call ran it.
   * A failing run is logged and recorded, never thrown.
   */
  runNow(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`No job named ${name}`);
    let running = this.inFlight.get(name);
    if (running) return running.then(() => false);
    running = this.runOnce(job).finally(() => this.inFlight.delete(name));
    this.inFlight.set(name, running);
    return running;
  }

  /** Every registered job with its lease and last run (jobs that never ran have nulls). */
  async states(): Promise<JobState[]> {
    const rows = await this.db.db.selectFrom('jobs').selectAll().execute();
    const byName = new Map(rows.map((r) => [r.name, r]));
    const now = this.clock().toISOString();
    return [...this.jobs.values()].map((job) => {
      const r = byName.get(job.name);
      const live = !!r?.lease_holder && !!r.lease_until && r.lease_until > now;
      return {
        name: job.name,
        intervalMs: job.intervalMs,
        running: live,
        leaseHolder: live ? r!.lease_holder : null,
        leaseUntil: live ? r!.lease_until : null,
        lastStartedAt: r?.last_started_at ?? null,
        lastFinishedAt: r?.last_finished_at ?? null,
        lastDurationMs: r?.last_duration_ms ?? null,
        lastError: r?.last_error ?? null,
        lastErrorAt: r?.last_error_at ?? null,
        runs: r?.runs ?? 0,
      };
    });
  }

  private schedule(job: Job) {
    const timer = setInterval(() => void this.runNow(job.name), job.intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  private async runOnce(job: Job): Promise<boolean> {
    let leased = false;
    try {
      leased = await this.takeLease(job);
    } catch (err) {
      this.log.error({ err, job: job.name }, `job ${job.name}: could not take its lease`);
      return false;
    }
    if (!leased) return false;
    const started = this.clock();
    let error: unknown = null;
    try {
      await job.run();
    } catch (err) {
      error = err;
      this.log.error({ err, job: job.name }, `job ${job.name} failed`);
    }
    const finished = this.clock();
    try {
      await this.db.db
        .updateTable('jobs')
        .set((eb) => ({
          lease_holder: null,
          lease_until: null,
          last_finished_at: finished.toISOString(),
          last_duration_ms: finished.getTime() - started.getTime(),
          last_error: error === null ? null : describe(error),
          last_error_at: error === null ? eb.ref('last_error_at') : finished.toISOString(),
          runs: eb('runs', '+', 1),
        }))
        .where('name', '=', job.name)
        .where('lease_holder', '=', this.holder)
        .execute();
    } catch (err) {
      this.log.error({ err, job: job.name }, `job ${job.name}: could not record its run`);
    }
    return true;
  }

  /** Takes the job's lease in a transaction when it is free or expired; answers whether it was taken. */
  private takeLease(job: Job): Promise<boolean> {
    const now = this.clock();
    const until = new Date(now.getTime() + (job.leaseMs ?? Math.max(60_000, 3 * job.intervalMs)));
    return this.db.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('jobs')
        .values({ name: job.name })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const taken = await trx
        .updateTable('jobs')
        .set({
          lease_holder: this.holder,
          lease_until: until.toISOString(),
          last_started_at: now.toISOString(),
        })
        .where('name', '=', job.name)
        .where((eb) =>
          eb.or([
            eb('lease_holder', 'is', null),
            eb('lease_until', 'is', null),
            eb('lease_until', '<=', now.toISOString()),
          ]),
        )
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1;
    });
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}
