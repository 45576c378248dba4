/**
 * The one store for uploaded files waiting to be imported (person lists, dose lists): a folder of
 * `<id>.upload` files, each with a `<id>.upload.json` note of its owner and name.
 *
 * - `save` streams an upload to disk counting its bytes, so a chunked body (no Content-Length for Fastify to
 *   refuse up front) is cut off at the limit too: 413, and nothing is kept.
 * - `open` answers the owner's upload (another user's is not found), `remove` deletes it; `consume` runs an
 *   import on it and removes it once the import has ended, unless the import asks to keep it (an import that
 *   stored nothing keeps the upload for the wizard's retry with another mode or mapping).
 * - `sweep` deletes the uploads abandoned for more than N hours (run at server start and hourly).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, notFound } from './errors.ts';

export interface StoredUpload {
  id: string;
  /** The file on disk, for the readers. */
  path: string;
  /** The name the user's file had (for the batch record). */
  fileName: string;
  userId: number;
  bytes: number;
}

const ID = /^[0-9a-f-]{36}$/;
const HOUR_MS = 3_600_000;

export function tooLarge(limitBytes: number): AppError {
  const mb = Math.round(limitBytes / 1048576);
  return new AppError(413, 'FST_ERR_CTP_BODY_TOO_LARGE', {
    vi: `Dữ liệu gửi lên quá lớn (tối đa ${mb} MB).`,
    en: `The request body is too large (at most ${mb} MB).`,
  });
}

export class FileStore {
  constructor(readonly dir: string) {}

  private fileOf(id: string) {
    return path.join(this.dir, `${id}.upload`);
  }

  /** Streams an upload to disk, refusing it (413) as soon as it passes `limitBytes`. */
  async save(
    body: NodeJS.ReadableStream,
    owner: { userId: number; fileName: string },
    limitBytes: number,
  ): Promise<StoredUpload> {
    fs.mkdirSync(this.dir, { recursive: true });
    const id = randomUUID();
    const file = this.fileOf(id);
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        bytes += chunk.length;
        if (bytes > limitBytes) next(tooLarge(limitBytes));
        else next(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, fs.createWriteStream(file));
    } catch (error) {
      fs.rmSync(file, { force: true });
      // The request stream may fail first (Fastify's own limit): report the limit, not the broken stream.
      throw bytes > limitBytes ? tooLarge(limitBytes) : error;
    }
    fs.writeFileSync(`${file}.json`, JSON.stringify({ userId: owner.userId, fileName: owner.fileName }));
    return { id, path: file, fileName: owner.fileName, userId: owner.userId, bytes };
  }

  /** The user's upload, or null when there is none by that id or it is someone else's. */
  open(id: string, userId: number | null): StoredUpload | null {
    if (!ID.test(id)) return null;
    const file = this.fileOf(id);
    let meta: { userId: number; fileName: string };
    try {
      meta = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    } catch {
      return null;
    }
    if (meta.userId !== userId || !fs.existsSync(file)) return null;
    return { id, path: file, fileName: meta.fileName, userId, bytes: fs.statSync(file).size };
  }

  remove(upload: Pick<StoredUpload, 'id'>): void {
    const file = this.fileOf(upload.id);
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.json`, { force: true });
  }

  /**
   * Runs an import on an upload and removes the upload when the import ends, whether it succeeded or
   * failed, unless `keep` says the upload is still wanted (its result, or null after an error).
   */
  async consume<T>(
    upload: StoredUpload,
    run: (upload: StoredUpload) => Promise<T>,
    keep: (result: T | null, error?: unknown) => boolean = () => false,
  ): Promise<T> {
    let result: T;
    try {
      result = await run(upload);
    } catch (error) {
      if (!keep(null, error)) this.remove(upload);
      throw error;
    }
    if (!keep(result)) this.remove(upload);
    return result;
  }

  /**
   * The import routes' common case: the user's upload (404 if there is none), consumed by `run`; an import that
   * committed nothing keeps it for a retry.
   */
  importUpload<T extends { committed: boolean }>(
    id: string,
    userId: number | null,
    run: (upload: StoredUpload) => Promise<T>,
  ): Promise<T> {
    const upload = this.open(id, userId);
    if (!upload) throw notFound({ vi: 'Không tìm thấy tệp đã tải lên.', en: 'Upload not found.' });
    return this.consume(upload, run, (result) => !result?.committed);
  }

  /** Deletes uploads (and their notes) not touched for more than `hours`; answers how many files went. */
  sweep(hours: number, now = Date.now()): number {
    let removed = 0;
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (!name.endsWith('.upload') && !name.endsWith('.upload.json')) continue;
      const file = path.join(this.dir, name);
      try {
        if (now - fs.statSync(file).mtimeMs > hours * HOUR_MS) {
          fs.rmSync(file, { force: true });
          removed += 1;
        }
      } catch {
        // Removed meanwhile by its import: nothing to do.
      }
    }
    return removed;
  }
}
