import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Running, type Session, startServer } from '../support/http.ts';
import { docxBomb } from '../support/zip-bombs.ts';

/** Letters uploaded as files: .txt and .docx are read; a broken .docx or a PDF gets a clear answer. */
describe('POST /api/directives/extract', () => {
  let server: Running;
  let session: Session;
  beforeAll(async () => {
    server = await startServer('sqlite');
    session = await login(server.base, 'demo.huyen');
  });
  afterAll(() => server.close());

  const extract = (name: string, body: Buffer) =>
    fetch(`${server.base}/api/directives/extract`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
      body: new Uint8Array(body),
    });

  it('reads a .docx letter into text that parses like the pasted seed', async () => {
    const res = await extract('cong-van-2043.docx', fs.readFileSync('test/fixtures/letters/000.docx'));
    expect(res.status).toBe(200);
    const { text } = await res.json();
    expect(text).toContain('Kính gửi');
    expect(text).toContain('Trần Quốc Phong');
  });

  it('reads a UTF-8 .txt, and refuses a broken .docx, a PDF and an empty file with a reason', async () => {
    const txt = await extract(
      'letter.txt',
      fs.readFileSync('test/fixtures/letters/000_0cc6a49cf5414292.txt'),
    );
    expect((await txt.json()).text).toContain('UBND huyện yêu cầu');
    const broken = await extract(
      'hong.docx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]),
    );
    expect(broken.status).toBe(422);
    expect((await broken.json()).error.message).toMatch(/\.docx bị hỏng/);
    const pdf = await extract('scan.pdf', Buffer.from('%PDF-1.7 …'));
    expect((await pdf.json()).error.message).toMatch(/PDF/);
    expect((await extract('empty.txt', Buffer.alloc(0))).status).toBe(422);
  });

  it('refuses a .docx bomb (a small file that expands to 120 MB) with 413, and the server stays up', async () => {
    const res = await extract('bom.docx', await docxBomb());
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('unsafe_archive');
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
  });

  it('answers 400 naming the header when x-file-name is not URI-encoded (was a URIError 500)', async () => {
    const res = await fetch(`${server.base}/api/directives/extract`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'application/octet-stream',
        'x-file-name': '%E0%A4%A.txt',
      },
      body: new Uint8Array(Buffer.from('Kính gửi')),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].field).toBe('x-file-name');
  });
});
