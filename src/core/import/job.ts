/**
 * An import's job record (table import_jobs): created with the import's own record, moved forward in each
 * chunk's transaction (the last file row committed, the counts so far), so that a reader sees the progress
 * and an import that stopped half-way (a crash, a restart) resumes after its last committed chunk.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { badRequest } from '../errors.ts';

type Trx = Kysely<Database>;

export interface ImportJob<S> {
  kind: string;
  importId: number;
  /** The last file row committed (0: none); a resumed import skips the rows up to it. */
  lastRow: number;
  /** What the import saved with that row (its counts), or null for a new import. */
  state: S | null;
}

/**
 * A new import's job, with the import's own record (`create` inserts it and answers its id), or the job of
 * the import to resume (400 naming `resume` when that import is not running).
 */
export async function openImportJob<S>(
  db: Kysely<Database>,
  kind: string,
  /** The import's province (its record's): the job row is distributed by it. */
  provinceCode: string,
  resume: number | undefined,
  create: (trx: Trx) => Promise<number>,
): Promise<ImportJob<S>> {
  if (resume !== undefined) {
    const job = await runningImportJob<S>(db, kind, resume);
    if (job) return job;
    const message = { vi: 'Lần nhập này không còn dở dang.', en: 'This import is not running.' };
    throw badRequest(message, [{ field: 'resume', message }]);
  }
  const importId = await db.transaction().execute(async (trx) => {
    const id = await create(trx);
    await trx
      .insertInto('import_jobs')
      .values({
        province_code: provinceCode,
        kind,
        import_id: id,
        status: 'running',
        last_row: 0,
        state: '{}',
        updated_at: now(),
      })
      .execute();
    return id;
  });
  return { kind, importId, lastRow: 0, state: null };
}

async function runningImportJob<S>(db: Kysely<Database>, kind: string, importId: number) {
  const job = await db
    .selectFrom('import_jobs')
    .selectAll()
    .where('kind', '=', kind)
    .where('import_id', '=', importId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (!job) return null;
  const running: ImportJob<S> = {
    kind,
    importId,
    lastRow: job.last_row,
    state: job.last_row ? (JSON.parse(job.state) as S) : null,
  };
  return running;
}

/** In a chunk's transaction: the rows up to `lastRow` are committed, with this state. */
export async function advanceImportJob<S>(trx: Trx, job: ImportJob<S>, lastRow: number, state: S) {
  job.lastRow = lastRow;
  await trx
    .updateTable('import_jobs')
    .set({ last_row: lastRow, state: JSON.stringify(state), updated_at: now() })
    .where('kind', '=', job.kind)
    .where('import_id', '=', job.importId)
    .execute();
}

export async function endImportJob(trx: Trx, job: ImportJob<unknown>, status: 'done' | 'refused') {
  await trx
    .updateTable('import_jobs')
    .set({ status, updated_at: now() })
    .where('kind', '=', job.kind)
    .where('import_id', '=', job.importId)
    .execute();
}

const now = () => new Date().toISOString();
