import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore } from './file-store.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-files-'));
const store = new FileStore(dir);
const owner = { userId: 7, fileName: 'danh sách.csv' };
/** A body without a known length, sent in chunks (as a chunked request is). */
const chunked = (chunks: number, size: number) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < chunks; i++) yield Buffer.alloc(size, 65);
    })(),
  );

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('file store', () => {
  it('saves a streamed upload and opens it for its owner only', async () => {
    const saved = await store.save(chunked(3, 1000), owner, 10_000);
    expect(saved).toMatchObject({ bytes: 3000, fileName: 'danh sách.csv', userId: 7 });
    expect(fs.readFileSync(saved.path).length).toBe(3000);
    expect(store.open(saved.id, 7)).toMatchObject({
      path: saved.path,
      fileName: 'danh sách.csv',
      bytes: 3000,
    });
    expect(store.open(saved.id, 8)).toBeNull();
    expect(store.open('../../etc/passwd', 7)).toBeNull();
    store.remove(saved);
    expect(store.open(saved.id, 7)).toBeNull();
  });

  it('refuses a chunked body past the limit with 413 and keeps nothing', async () => {
    const before = fs.readdirSync(dir).length;
    await expect(store.save(chunked(20, 1000), owner, 5000)).rejects.toMatchObject({
      status: 413,
      text: { en: expect.stringMatching(/too large/) },
    });
    expect(fs.readdirSync(dir).length).toBe(before);
  });

  it('removes the upload when the import ends, unless the import keeps it', async () => {
    const done = await store.save(chunked(1, 10), owner, 100);
    expect(await store.consume(done, async (u) => u.bytes)).toBe(10);
    expect(store.open(done.id, 7)).toBeNull();

    const failed = await store.save(chunked(1, 10), owner, 100);
    await expect(
      store.consume(failed, async () => {
        throw new Error('unreadable');
      }),
    ).rejects.toThrow('unreadable');
    expect(store.open(failed.id, 7)).toBeNull();

    const refused = await store.save(chunked(1, 10), owner, 100);
    await store.consume(
      refused,
      async () => ({ committed: false }),
      (r) => !r?.committed,
    );
    expect(store.open(refused.id, 7)).not.toBeNull();
  });

  it('sweeps uploads abandoned for more than N hours', async () => {
    const old = await store.save(chunked(1, 10), owner, 100);
    const fresh = await store.save(chunked(1, 10), owner, 100);
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    fs.utimesSync(old.path, dayAgo, dayAgo);
    fs.utimesSync(`${old.path}.json`, dayAgo, dayAgo);
    expect(store.sweep(24)).toBe(2);
    expect(store.open(old.id, 7)).toBeNull();
    expect(store.open(fresh.id, 7)).not.toBeNull();
    expect(new FileStore(path.join(dir, 'missing')).sweep(24)).toBe(0);
  });
});
