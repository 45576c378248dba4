import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, lastAuditEntry, login, type Running, type Session, startServer } from '../support/http.ts';

/** The registry over HTTP: upload, import, the search contract, exports with neutralised cells. */
describe('persons API', () => {
  let server: Running;
  let commune: Session;
  beforeAll(async () => {
    server = await startServer('sqlite');
    commune = await login(server.base, 'demo.xa.06400');
  });
  afterAll(() => server.close());

  async function upload(session: Session, file: string, bytes = fs.readFileSync(file)) {
    const res = await fetch(`${server.base}/api/persons/uploads`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.split('/').pop()!),
      },
      body: bytes,
    });
    expect(res.status).toBe(201);
    return (await res.json()).uploadId as string;
  }

  it('imports an uploaded messy list and answers GET /api/persons?q=&unit= within the jurisdiction', async () => {
    const uploadId = await upload(commune, 'test/fixtures/persons/danh-sach-thon-na-hoa.xlsx');
    const refused = await call(server.base, commune, 'POST', '/api/persons/imports', {
      uploadId,
      commune: '06400',
      mode: 'all-or-nothing',
    });
    expect(await refused.json()).toMatchObject({ committed: false, imported: 0, rejected: 2 });
    const res = await call(server.base, commune, 'POST', '/api/persons/imports', {
      uploadId,
      commune: '06400',
      mode: 'valid-rows',
    });
    const result = await res.json();
    expect(result).toMatchObject({ committed: true, imported: 28, rejected: 2 });
    const errors = await call(server.base, commune, 'GET', `/api/persons/imports/${result.batchId}/errors`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await errors.arrayBuffer()) as never);
    expect(book.worksheets[0]!.rowCount).toBe(3);
    const reportRead = await lastAuditEntry(server, (e) => e.action === 'read'); // the report names the rejected residents
    expect(reportRead).toMatchObject({ action: 'read', username: 'demo.xa.06400' });
    expect(JSON.parse(reportRead.details).route).toBe('GET /api/persons/imports/:id/errors');

    const all = await (await call(server.base, commune, 'GET', '/api/persons?unit=06400')).json();
    const name: string = all.persons[0].full_name;
    const folded = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    const found = await (
      await call(server.base, commune, 'GET', `/api/persons?q=${encodeURIComponent(folded)}&unit=06400`)
    ).json();
    expect(found.persons.map((p: { full_name: string }) => p.full_name)).toContain(name);
    expect(
      (await call(server.base, commune, 'GET', `/api/persons?q=${encodeURIComponent(folded)}&unit=06403`))
        .status,
    ).toBe(403);
    const district = await login(server.base, 'demo.huyen');
    const fromDistrict = await (
      await call(server.base, district, 'GET', `/api/persons?q=${encodeURIComponent(folded)}&unit=186`)
    ).json();
    expect(fromDistrict.persons.map((p: { full_name: string }) => p.full_name)).toContain(name);
    const neighbour = await login(server.base, 'demo.xa.06403');
    const hidden = await (
      await call(server.base, neighbour, 'GET', `/api/persons?q=${encodeURIComponent(folded)}`)
    ).json();
    expect(hidden.persons.map((p: { full_name: string }) => p.full_name)).not.toContain(name);
  });

  it("refuses an upload it cannot read, and someone else's upload", async () => {
    const junk = await upload(commune, 'notes.pdf', Buffer.from('%PDF-1.7 …'));
    const res = await call(server.base, commune, 'POST', '/api/persons/imports', {
      uploadId: junk,
      commune: '06400',
      mode: 'valid-rows',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/PDF/);
    const other = await login(server.base, 'demo.huyen');
    const stolen = await call(server.base, other, 'POST', '/api/persons/imports', {
      uploadId: junk,
      commune: '06400',
      mode: 'valid-rows',
    });
    expect(stolen.status).toBe(404);
  });

  it('refuses an impossible status date (was stored)', async () => {
    const { id } = await server.app.db.db
      .selectFrom('persons')
      .select('id')
      .where('commune_code', '=', '06400')
      .executeTakeFirstOrThrow();
    const change = (statusDate: string) =>
      call(server.base, commune, 'PATCH', `/api/persons/${id}`, { status: 'temporarilyAway', statusDate });
    const impossible = await change('2021-02-30');
    expect(impossible.status).toBe(400);
    expect((await impossible.json()).error.fields[0].field).toMatch(/statusDate/);
    expect((await change('2021-12-20')).status).toBe(204);
  });

  it('exports the list as CSV and .xlsx with formula-like cells neutralised', async () => {
    const id = (
      await server.app.db.db
        .selectFrom('persons')
        .select('id')
        .where('commune_code', '=', '06400')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    await server.app.db.db
      .updateTable('persons')
      .set({ full_name: '=HYPERLINK("http://x")' })
      .where('id', '=', id)
      .execute();
    const csv = await (await call(server.base, commune, 'GET', '/api/persons/export?format=csv')).text();
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const xlsx = await call(server.base, commune, 'GET', '/api/persons/export?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const cells = book.worksheets[0]!.getColumn(1).values.map(String);
    expect(cells).toContain('\'=HYPERLINK("http://x")');
  });
});
