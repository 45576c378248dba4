import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';

/** Issue 14: references cited in the body, reposted letters registrable without their structure, duplicates. */
describe('directives intake over HTTP', () => {
  let server: Running;
  let district: Session;
  beforeAll(async () => {
    server = await startServer('sqlite');
    district = await login(server.base, 'demo.huyen');
  });
  afterAll(() => server.close());

  const json = async (res: Response, status = 200) => {
    expect(res.status, await res.clone().text()).toBe(status);
    return res.json();
  };
  const parse = (text: string, partial?: boolean) =>
    call(server.base, district, 'POST', '/api/directives/parse', partial ? { text, partial } : { text });
  const register = (document: unknown, originalText?: string) =>
    call(server.base, district, 'POST', '/api/documents', {
      unitCode: '186',
      direction: 'incoming',
      document,
      originalText,
    });

  it('answers the references cited in the body too, each with its relation', async () => {
    const text = fs.readFileSync('test/fixtures/letters/002_8c5a376f7cdbadba.txt', 'utf8');
    const doc = await json(await parse(text));
    expect(doc.references.map((r: { symbol: string; relation: string }) => [r.symbol, r.relation])).toEqual([
      ['UBND-VX', 'implements'],
      ['TB-VPCP', 'implements'],
      ['NQ-CP', 'mentioned'],
      ['QĐ-BYT', 'mentioned'],
    ]);
    expect(doc.gaps).toEqual([]);
  });

  it('reads a text without a letter’s structure when asked, and it can be registered with tasks added by hand', async () => {
    const text =
      'Thông báo khẩn của UBND xã Yên Thịnh\n\nĐề nghị bà con thực hiện 5K theo Công điện số 01/CĐ-UBND ' +
      'ngày 10/01/2022 của UBND tỉnh, khai báo y tế ngay khi từ vùng dịch về địa phương.';
    const refused = await parse(text);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe('no-structure');

    const read = await json(await parse(text, true));
    expect(read.gaps).toEqual(['no-structure', 'no-issuer']);
    expect(read.references[0]).toMatchObject({ number: '01', symbol: 'CĐ-UBND', date: '2022-01-10' });
    const { gaps: _, ...reading } = read;
    const document = {
      ...reading,
      issuer: 'Ủy ban nhân dân xã Yên Thịnh',
      tasks: [
        { ordinal: '1', text: 'Rà soát người từ vùng dịch về.', addressedUnits: ['UBND xã Yên Thịnh'] },
      ],
    };
    const saved = await json(await register(document, text), 201);
    // Registered as received: its one task is the district's own work.
    expect(saved.tasks.map((t: { text: string }) => t.text)).toEqual(['Rà soát người từ vùng dịch về.']);
    expect(saved.document.references[0].relation).toBe('implements');
  });

  it('catches the same letter registered twice, by its number or its text, with a link to the first', async () => {
    const text = fs.readFileSync('test/fixtures/letters/reposts/title-first.txt', 'utf8');
    const doc = await json(await parse(text));
    const first = await json(await register(doc, text), 201);
    const firstTasks = first.tasks.length;
    expect(firstTasks).toBeGreaterThan(0);

    const preview = await json(
      await call(server.base, district, 'POST', '/api/documents/preview', {
        unitCode: '186',
        direction: 'incoming',
        document: doc,
      }),
    );
    expect(preview.duplicateOf).toMatchObject({ id: first.document.id, number: '4800' });

    // Same number, issuer and date, another text (a corrected copy); then the same text in Markdown, unnumbered.
    const again = await register({ ...doc, body: 'Bản sao có chỉnh sửa.', tasks: [] });
    expect(again.status).toBe(409);
    const error = (await again.json()).error;
    expect(error.code).toBe('duplicate_document');
    expect(error.message).toContain(`#${first.document.id}`);
    const markdown = await json(await parse(text.replace(/1\. Sở Y tế/, '**1.** Sở Y tế')));
    expect((await register({ ...markdown, number: null })).status).toBe(409);

    // Two saves racing each other: one set of tasks.
    const other = { ...doc, number: '4801', body: `${doc.body}\n\nBản thứ hai.` };
    const racing = await Promise.all([register(other), register(other)]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    const list = await json(await call(server.base, district, 'GET', '/api/documents?unit=186&limit=200'));
    const numbers = list.documents.map((d: { number: string | null }) => d.number);
    expect(numbers.filter((n: string | null) => n === '4800')).toHaveLength(1);
    expect(numbers.filter((n: string | null) => n === '4801')).toHaveLength(1);
  });
});
