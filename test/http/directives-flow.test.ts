import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, lastAuditEntry, login, type Running, type Session, startServer } from '../support/http.ts';

/** Journeys 1 and 2 over HTTP: the district registers seed 000, a commune answers, the district accepts. */
describe('directives: register, answer, accept', () => {
  let server: Running;
  let district: Session;
  let yenThinh: Session;
  let neighbour: Session;
  const text = fs.readFileSync('test/fixtures/letters/000_0cc6a49cf5414292.txt', 'utf8');

  beforeAll(async () => {
    server = await startServer('sqlite');
    district = await login(server.base, 'demo.huyen');
    yenThinh = await login(server.base, 'demo.xa.06400');
    neighbour = await login(server.base, 'demo.xa.06403');
  });
  afterAll(() => server.close());

  const json = async (res: Response, status = 200) => {
    expect(res.status, await res.clone().text()).toBe(status);
    return res.json();
  };
  const townRow = (report: { rows: { unitCode: string; counts: Record<string, number> }[] }) =>
    report.rows.find((r) => r.unitCode === '06400')!.counts;

  it('takes seed 000 from paste to a commune’s report and the district’s acceptance', async () => {
    const parsed = await json(await call(server.base, district, 'POST', '/api/directives/parse', { text }));
    const body = { unitCode: '186', direction: 'outgoing', document: parsed, originalText: text };
    const preview = await json(await call(server.base, district, 'POST', '/api/documents/preview', body));
    expect(preview.unresolved).toContain('Các đơn vị trường học đóng trên địa bàn huyện');
    const registered = await json(await call(server.base, district, 'POST', '/api/documents', body), 201);
    const documentId = registered.document.id;
    expect(registered.tasks.filter((t: { ordinal: string }) => t.ordinal === '3')).toHaveLength(24);

    const before = await json(
      await call(server.base, district, 'GET', `/api/compliance?unit=186&document=${documentId}`),
    );
    expect(townRow(before)).toMatchObject({ notStarted: 2, doneOnTime: 0 });

    const box = await json(await call(server.base, yenThinh, 'GET', '/api/tasks/inbox'));
    expect(box.unit.code).toBe('06400');
    expect(box.counts.assigned).toBe(2);
    const task = box.tasks.find((t: { ordinal: string }) => t.ordinal === '3');
    expect(task).toMatchObject({ state: 'assigned', assignee: { text: 'UBND xã Yên Thịnh' } });

    const other = await call(server.base, neighbour, 'POST', `/api/tasks/${task.id}/actions`, {
      action: 'acknowledge',
    });
    expect(other.status).toBe(404);
    const ack = await json(
      await call(server.base, yenThinh, 'POST', `/api/tasks/${task.id}/actions`, { action: 'acknowledge' }),
    );
    expect(ack).toMatchObject({
      task: { state: 'acknowledged' },
      actions: ['start', 'reportDone'],
      canReport: true,
    });
    const done = await json(
      await call(server.base, yenThinh, 'POST', `/api/tasks/${task.id}/reports`, {
        text: 'Đã triển khai đến các thôn.',
        percent: 100,
        done: true,
        attachment: {
          name: 'bien-ban.jpg',
          contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64'),
        },
      }),
      201,
    );
    expect(done).toEqual({
      report: expect.objectContaining({ percent: 100, attachment: expect.objectContaining({ size: 4 }) }),
      task: expect.objectContaining({ id: task.id, state: 'reportedDone' }),
    });
    const attachment = await call(
      server.base,
      district,
      'GET',
      `/api/progress-reports/${done.report.id}/attachment`,
    );
    expect(attachment.headers.get('content-type')).toBe('image/jpeg');
    const attachmentRead = await lastAuditEntry(server);
    expect(attachmentRead).toMatchObject({ action: 'read', username: 'demo.huyen' });
    expect(attachmentRead.entity).toBe('progress_report_attachment');

    const refused = await call(server.base, yenThinh, 'POST', `/api/tasks/${task.id}/actions`, {
      action: 'accept',
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/đơn vị giao nhiệm vụ/);
    const accepted = await json(
      await call(server.base, district, 'POST', `/api/tasks/${task.id}/actions`, { action: 'accept' }),
    );
    expect(accepted.task).toMatchObject({ state: 'accepted', compliance: 'doneOnTime' });

    const after = await json(
      await call(server.base, district, 'GET', `/api/compliance?unit=186&document=${documentId}`),
    );
    expect(townRow(after)).toMatchObject({ notStarted: 1, doneOnTime: 1 });

    const tree = await json(await call(server.base, district, 'GET', `/api/documents/${documentId}/cascade`));
    expect(tree.counts.doneOnTime).toBe(1);
    const communeView = await json(await call(server.base, yenThinh, 'GET', `/api/documents/${documentId}`));
    expect(communeView.tasks).toHaveLength(2);
    expect((await call(server.base, neighbour, 'GET', `/api/tasks/${task.id}`)).status).toBe(404);

    const xlsx = await call(server.base, district, 'GET', '/api/tasks/export.xlsx');
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const summary = book.getWorksheet('Tổng hợp')!;
    const yenThinhRow = summary
      .getRows(1, summary.rowCount)!
      .find((r) => r.getCell(1).value === 'Xã Yên Thịnh')!;
    expect(yenThinhRow.getCell(3).value).toBe(1); // done on time
    // A heading and the 49 resolved tasks: 24 communes × items 1 and 3, the health centre's item 2.
    expect(book.getWorksheet('Nhiệm vụ')!.rowCount).toBe(1 + 49);
  });

  it('answers a report with the new report and the task, not the history of a busy task', async () => {
    const box = await json(await call(server.base, yenThinh, 'GET', '/api/tasks/inbox?state=assigned'));
    const id = box.tasks[0].id;
    for (const action of ['acknowledge', 'start'])
      await json(await call(server.base, yenThinh, 'POST', `/api/tasks/${id}/actions`, { action }));
    const report = (n: number) =>
      call(server.base, yenThinh, 'POST', `/api/tasks/${id}/reports`, {
        text: `Báo cáo lần ${n}: đã rà soát các thôn, cập nhật danh sách người cần tiêm và kết quả xét nghiệm.`,
        percent: n % 100,
      });
    for (let n = 1; n <= 300; n++) expect((await report(n)).status).toBe(201);
    const res = await report(301);
    const body = await res.clone().text();
    const answer = await json(res, 201);
    expect(Object.keys(answer).sort()).toEqual(['report', 'task']);
    expect(answer.report).toMatchObject({ text: expect.stringMatching(/^Báo cáo lần 301:/), percent: 1 });
    expect(answer.task).toMatchObject({ id, state: 'inProgress' });
    expect(body.length).toBeLessThan(2000); // the whole history was ≈ 60 kB here
    const view = await json(await call(server.base, yenThinh, 'GET', `/api/tasks/${id}`));
    expect(view.reports).toHaveLength(301);
    expect(view.reports.at(-1)).toEqual(answer.report);
  });

  it('reports posted at once by two communes commit together, each audited once, by its author', async () => {
    const started = async (session: Session) => {
      const box = await json(await call(server.base, session, 'GET', '/api/tasks/inbox?state=assigned'));
      const id = box.tasks[0].id as number;
      await json(
        await call(server.base, session, 'POST', `/api/tasks/${id}/actions`, { action: 'acknowledge' }),
      );
      return id;
    };
    const mine = await started(neighbour);
    const busy = (await json(await call(server.base, yenThinh, 'GET', '/api/tasks/inbox'))).tasks.find(
      (t: { state: string }) => t.state === 'inProgress',
    ).id as number;
    const before = await server.app.db.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('last'))
      .executeTakeFirstOrThrow();
    const posts = [
      ...[1, 2, 3].map((n) => [neighbour, mine, n] as const),
      ...[4, 5, 6].map((n) => [yenThinh, busy, n] as const),
    ];
    const answers = await Promise.all(
      posts.map(([session, id, n]) =>
        call(server.base, session, 'POST', `/api/tasks/${id}/reports`, {
          text: `Lượt ${n}`,
          percent: n * 10,
        }),
      ),
    );
    // In the same burst, a commune reporting on another commune's task: refused alone, nothing written for it.
    const [intruder] = await Promise.all([
      call(server.base, neighbour, 'POST', `/api/tasks/${busy}/reports`, {
        text: 'Không phải của tôi',
        percent: 5,
      }),
      ...posts.map(([session, id, n]) =>
        call(server.base, session, 'POST', `/api/tasks/${id}/reports`, { text: `Lượt ${n}b`, percent: n }),
      ),
    ]);
    expect(intruder!.status).toBe(404);
    const reports = await Promise.all(answers.map((a) => json(a, 201)));
    expect(reports.map((r) => [r.task.id, r.report.text])).toEqual(
      posts.map(([, id, n]) => [id, `Lượt ${n}`]),
    );
    const audited = await server.app.db.db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'username'])
      .where('id', '>', Number(before.last))
      .orderBy('id')
      .execute();
    const written = await server.app.db.db
      .selectFrom('progress_reports')
      .select(['id', 'text'])
      .where('task_id', 'in', [mine, busy])
      .where('text', 'like', 'L%')
      .execute();
    expect(written.map((r) => r.text).sort()).toEqual(
      posts.flatMap(([, , n]) => [`Lượt ${n}`, `Lượt ${n}b`]).sort(),
    );
    expect(
      await server.app.db.db
        .selectFrom('progress_reports')
        .select('id')
        .where('text', '=', 'Không phải của tôi')
        .execute(),
    ).toEqual([]);
    // One entry per report, by its author; no stand-in "route" entry for a request whose entry another wrote.
    expect(audited.filter((a) => a.entity === 'progress_report')).toHaveLength(12);
    const first = audited.filter((a) => reports.some((r) => r.report.id === Number(a.entity_id)));
    expect(first.map((a) => [a.entity, Number(a.entity_id), a.username]).sort()).toEqual(
      reports
        .map((r, i) => [
          'progress_report',
          r.report.id,
          posts[i]![0] === neighbour ? 'demo.xa.06403' : 'demo.xa.06400',
        ])
        .sort(),
    );
  });

  it('answers field errors in the caller’s language and saves nothing for bad input', async () => {
    const res = await call(server.base, district, 'POST', '/api/documents', {
      unitCode: '186',
      direction: 'sideways',
      document: { kind: 'letter', issuer: '', tasks: [] },
    });
    expect(res.status).toBe(400);
    const fields = (await res.json()).error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['direction', 'document.issuer']));
    const missing = await call(server.base, district, 'POST', '/api/tasks/999999/actions', {
      action: 'accept',
    });
    expect(missing.status).toBe(404);
    const list = await json(await call(server.base, district, 'GET', '/api/documents?unit=186'));
    expect(list.documents).toHaveLength(1);
  });
});
