import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_VILLAGES, writeCommuneList } from '../support/commune-list.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';

/** The import wizard's flow over HTTP (issue 14): new villages shown first, created on confirmation. */
describe('a first import through the wizard', () => {
  let server: Running;
  let commune: Session;
  beforeAll(async () => {
    server = await startServer('sqlite');
    commune = await login(server.base, 'demo.xa.06400');
  });
  afterAll(() => server.close());

  async function upload(file: string) {
    const res = await fetch(`${server.base}/api/persons/uploads`, {
      method: 'POST',
      headers: {
        cookie: commune.cookie,
        'x-csrf-token': commune.csrf,
        'content-type': 'application/octet-stream',
        'x-file-name': 'danh-sach-xa.xlsx',
      },
      body: fs.readFileSync(file),
    });
    expect(res.status).toBe(201);
    return (await res.json()).uploadId as string;
  }
  const villagesOf = async () =>
    (await (await call(server.base, commune, 'GET', '/api/admin-units/06400')).json()).villages as {
      name: string;
      kind: string;
    }[];

  it('asks about the new villages (nothing stored, upload kept), then creates them with the import', async () => {
    const uploadId = await upload(await writeCommuneList());
    const before = await villagesOf();
    const body = { uploadId, commune: '06400', mode: 'valid-rows' };
    const asked = await call(server.base, commune, 'POST', '/api/persons/imports', {
      ...body,
      newVillages: 'ask',
    });
    expect(asked.status).toBe(200);
    const question = await asked.json();
    expect(question).toMatchObject({ committed: false, batchId: null, rowsRead: 248, imported: 0 });
    expect(question.newVillages.map((v: { name: string; kind: string }) => [v.name, v.kind])).toEqual(
      NEW_VILLAGES.map(([, name, kind]) => [name, kind]),
    );
    expect(await villagesOf()).toEqual(before);

    const done = await call(server.base, commune, 'POST', '/api/persons/imports', {
      ...body,
      newVillages: 'create',
    });
    expect(done.status).toBe(200);
    const result = await done.json();
    expect(result).toMatchObject({ committed: true, imported: 242, merged: 4, rejected: 2, added: 242 });
    expect(result.mergedRows).toHaveLength(4);
    expect(result.newVillages.every((v: { id: number | null }) => v.id !== null)).toBe(true);
    // The area page shows them at once (its cache is dropped), each with its kind.
    const after = await villagesOf();
    for (const [, name, kind] of NEW_VILLAGES)
      expect(after).toContainEqual(expect.objectContaining({ name, kind }));
  });

  it('the API accepts every village kind', async () => {
    for (const [name, kind] of [
      ['Làng Cũ', 'lang'],
      ['Ấp Tân Lập', 'ap'],
      ['Buôn Đôn', 'buon'],
      ['Khóm 2', 'khom'],
      ['Tiểu khu 1', 'tieu-khu'],
    ]) {
      const res = await call(server.base, commune, 'POST', '/api/admin-units/06400/villages', { name, kind });
      expect([name, res.status]).toEqual([name, 201]);
    }
  });
});
