import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';

describe('POST /api/directives/parse', () => {
  let server: Running;
  let session: Session;
  beforeAll(async () => {
    server = await startServer('sqlite');
    session = await login(server.base, 'demo.huyen');
  });
  afterAll(() => server.close());

  it('answers the parsed seed letter without saving anything', async () => {
    const text = fs.readFileSync('test/fixtures/letters/000_0cc6a49cf5414292.txt', 'utf8');
    const res = await call(server.base, session, 'POST', '/api/directives/parse', { text });
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc).toMatchObject({
      kind: 'letter',
      number: null,
      symbol: 'UBND-VP',
      place: 'Hữu Lũng',
      date: null,
      signer: 'Trần Quốc Phong',
    });
    expect(doc.references[0]).toMatchObject({ number: '2043', symbol: 'UBND-KGVX', date: '2021-12-06' });
    expect(doc.tasks.find((t: { ordinal: string }) => t.ordinal === '2').leadUnit).toMatch(/Trung tâm Y tế/);
  });

  it('answers 422 with a reason for text that is not a letter, and 413 for a 10-MB paste', async () => {
    const prose = await call(server.base, session, 'POST', '/api/directives/parse', {
      text: 'Hôm nay trời đẹp, chúng tôi đi chơi.',
    });
    expect(prose.status).toBe(422);
    expect((await prose.json()).error.message).toMatch(/thể thức|văn bản/);
    const empty = await call(server.base, session, 'POST', '/api/directives/parse', { text: '' });
    expect(empty.status).toBe(422);
    const huge = await call(server.base, session, 'POST', '/api/directives/parse', {
      text: 'x'.repeat(10 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect((await call(server.base, session, 'GET', '/api/health')).status).toBe(200);
  });
});

describe('PATCH of the steering committee', () => {
  let server: Running;
  let session: Session;
  beforeAll(async () => {
    server = await startServer('sqlite');
    session = await login(server.base, 'demo.huyen');
  });
  afterAll(() => server.close());

  it('answers 400 to an empty change (was an SQL error 500) and applies a real one', async () => {
    const created = await call(server.base, session, 'POST', '/api/steering-members', {
      unitCode: '186',
      name: 'Hoàng Văn Thành',
      position: 'Ủy viên',
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const empty = await call(server.base, session, 'PATCH', `/api/steering-members/${id}`, {});
    expect(empty.status).toBe(400);
    const real = await call(server.base, session, 'PATCH', `/api/steering-members/${id}`, {
      position: 'Phó Trưởng ban',
    });
    expect(real.status).toBe(204);
    const visit = await call(server.base, session, 'PATCH', '/api/supervision-visits/1', {});
    expect(visit.status).toBe(400);
  });
});
