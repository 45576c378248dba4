import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/features/audit/store.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { cascade } from '../../src/features/directives/cascade-store.ts';
import { compliance } from '../../src/features/directives/compliance-store.ts';
import {
  documentOriginalFile,
  documentView,
  listDocuments,
  previewRegistration,
  registerDocument,
} from '../../src/features/directives/documents-store.ts';
import { parseDocument } from '../../src/features/directives/rules/parse-document.ts';
import type { ParsedDocument } from '../../src/features/directives/rules/parsed-document.ts';
import { createMember, createVisit, listVisits } from '../../src/features/directives/steering-store.ts';
import {
  actOnTask,
  inbox,
  reassignTask,
  reportProgress,
  taskView,
} from '../../src/features/directives/tasks-store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const scope = (unitCode: string, role: Scope['role'] = 'officer'): Scope => ({
  userId: 1,
  username: `test.${unitCode}`,
  role,
  unitCode,
  ip: '127.0.0.1',
});
const PROVINCE = scope('20', 'leader');
const DISTRICT = scope('186');
const TOWN = scope('06385'); // Thị trấn Hữu Lũng
const YEN_THINH = scope('06400');
const HUU_LUNG_COMMUNES = 24;

let copies = 0;
/** Seed 000, each call a distinct copy: the same text registered twice in a unit is refused as a duplicate. */
const seed000 = (): ParsedDocument => {
  const doc = parseDocument(fs.readFileSync('test/fixtures/letters/000_0cc6a49cf5414292.txt', 'utf8'));
  return { ...doc, body: `${doc.body}\n\n(bản thử ${++copies})` };
};

/** Công văn 2043/UBND-KGVX of the province, which seed 000 implements (its text is not among the seeds). */
const provincialLetter: ParsedDocument = {
  ...seed000(),
  number: '2043',
  symbol: 'UBND-KGVX',
  issuer: 'Ủy ban nhân dân tỉnh Lạng Sơn',
  place: 'Lạng Sơn',
  date: '2021-12-06',
  datePartial: { day: 6, month: 12, year: 2021 },
  addressees: ['UBND huyện Hữu Lũng', 'UBND huyện Chi Lăng'],
  references: [],
  tasks: [
    {
      ordinal: '1',
      text: 'Đẩy nhanh tiến độ tiêm chủng vắc xin phòng COVID-19.',
      leadUnit: null,
      coordinatingUnits: [],
      addressedUnits: [],
      deadline: { date: '2022-01-31', urgent: false, text: 'trong tháng 01/2022' },
    },
  ],
};

const task = (ordinal: string, text: string, over: Partial<ParsedDocument['tasks'][number]> = {}) => ({
  ordinal,
  text,
  leadUnit: null,
  coordinatingUnits: [],
  addressedUnits: [],
  deadline: null,
  ...over,
});

describe.each(ENGINES)('directives storage on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine, { demo: true });
  });
  afterAll(() => db.close());

  const tasksOf = async (documentId: number) =>
    db.db.selectFrom('tasks').selectAll().where('document_id', '=', documentId).orderBy('id').execute();

  it('links a district letter to the provincial letter it cites, registered first by the province', async () => {
    const provincial = await registerDocument(db, PROVINCE, {
      unitCode: '20',
      direction: 'outgoing',
      document: provincialLetter,
    });
    expect(provincial.tasks.map((t) => t.assignee.unitCode)).toEqual(['186', '187']);
    // The district keeps its own copy of what it received; the letter it writes still links to the original.
    const copy = await registerDocument(db, DISTRICT, {
      unitCode: '186',
      direction: 'incoming',
      document: provincialLetter,
    });
    expect(copy.tasks.map((t) => [t.assignee.unitCode, t.assignee.organizationId])).toEqual([['186', null]]);

    const district = await registerDocument(db, DISTRICT, {
      unitCode: '186',
      direction: 'outgoing',
      document: seed000(),
    });
    expect(district.document.parentDocumentId).toBe(provincial.document.id);
    expect(district.parentDocument).toMatchObject({ number: '2043', symbol: 'UBND-KGVX' });

    const tree = await cascade(db, PROVINCE, provincial.document.id);
    expect(tree.tasks).toHaveLength(2);
    expect(tree.children.map((c) => c.document.id)).toEqual([district.document.id]);
    const communeTasks = tree.children[0]!.tasks.filter((t) => t.ordinal === '3');
    expect(communeTasks).toHaveLength(HUU_LUNG_COMMUNES);
    expect(communeTasks.every((t) => t.state === 'assigned')).toBe(true);
    // A commune sees the province's letter only through its own tasks, so not at all here.
    await expect(cascade(db, TOWN, provincial.document.id)).rejects.toMatchObject({ status: 404 });
    const fromTown = await cascade(db, TOWN, district.document.id);
    expect(new Set(fromTown.tasks.map((t) => t.assignee.unitCode))).toEqual(new Set(['06385']));
  });

  describe('with seed 000 registered by the district', () => {
    let documentId: number;
    beforeAll(async () => {
      const view = await registerDocument(db, DISTRICT, {
        unitCode: '186',
        direction: 'outgoing',
        document: seed000(),
        originalText: 'văn bản gốc',
      });
      documentId = view.document.id;
    });

    it('gives item 3 to each of the 24 communes and item 2 to the health centre', async () => {
      const rows = await tasksOf(documentId);
      const item3 = rows.filter((t) => t.ordinal === '3');
      expect(item3).toHaveLength(HUU_LUNG_COMMUNES);
      expect(new Set(item3.map((t) => t.assignee_unit_code)).size).toBe(HUU_LUNG_COMMUNES);
      expect(item3.find((t) => t.assignee_unit_code === '06400')?.assignee_text).toBe('UBND xã Yên Thịnh');

      const item2 = rows.filter((t) => t.ordinal === '2');
      const centre = await db.db
        .selectFrom('organizations')
        .select('id')
        .where('name', '=', 'Trung tâm Y tế huyện Hữu Lũng')
        .executeTakeFirstOrThrow();
      expect(item2.map((t) => [t.assignee_unit_code, t.assignee_organization_id])).toEqual([
        ['186', centre.id],
      ]);
      const coordinating = JSON.parse(item2[0]!.coordinating) as { text: string; resolved: boolean }[];
      expect(coordinating.filter((c) => c.resolved)).toHaveLength(HUU_LUNG_COMMUNES);
      expect(coordinating.filter((c) => !c.resolved).map((c) => c.text)).toEqual(['các cơ quan liên quan']);
    });

    it('keeps addressees it cannot resolve as flagged tasks, never dropping them', async () => {
      const item1 = (await tasksOf(documentId)).filter((t) => t.ordinal === '1');
      const unresolved = item1.filter((t) => t.assignee_unit_code === null).map((t) => t.assignee_text);
      expect(unresolved).toContain('Các đơn vị trường học đóng trên địa bàn huyện');
      expect(item1.filter((t) => t.assignee_unit_code?.length === 5)).toHaveLength(HUU_LUNG_COMMUNES);
      const view = await documentView(db, DISTRICT, documentId);
      expect(view.tasks.filter((t) => !t.assignee.resolved).length).toBe(unresolved.length);
      // The district gives an unresolved task to the right unit; the commune then finds it in its inbox.
      const orphan = item1.find((t) => t.assignee_text === 'Các đơn vị trường học đóng trên địa bàn huyện')!;
      const moved = await reassignTask(db, DISTRICT, orphan.id, { unitCode: '06400' });
      expect(moved.task.assignee).toMatchObject({ unitCode: '06400', resolved: true });
      await expect(reassignTask(db, DISTRICT, orphan.id, { unitCode: '06001' })).rejects.toMatchObject({
        status: 400,
      });
      await expect(reassignTask(db, YEN_THINH, orphan.id, { unitCode: '06400' })).rejects.toMatchObject({
        status: 403,
      });
      // Reassignment is an action of the task's state machine: it writes its task event (and only once).
      const events = await db.db
        .selectFrom('task_events')
        .select(['action', 'from_state', 'to_state', 'note', 'user_id'])
        .where('task_id', '=', orphan.id)
        .execute();
      expect(events).toEqual([
        {
          action: 'reassign',
          from_state: 'assigned',
          to_state: 'assigned',
          note: expect.stringContaining('→'),
          user_id: DISTRICT.userId,
        },
      ]);
      expect(events[0]!.note).toMatch(/Yên Thịnh$/);
      expect(moved.event.action).toBe('reassign');
    });

    it('shows a commune its own tasks only, and the letter through them', async () => {
      const box = await inbox(db, TOWN, { unitCode: '06385', limit: 50, offset: 0 });
      const fromSeed = box.tasks.filter((t) => t.documentId === documentId);
      expect(fromSeed.map((t) => t.ordinal).sort()).toEqual(['1', '3']);
      expect(fromSeed[0]!.document).toMatchObject({ id: documentId, symbol: 'UBND-VP' });
      // Seed 000 was registered twice (once in the linking test): two tasks each time, none acknowledged.
      expect(box.counts.assigned).toBe(4);
      expect(box.total).toBe(box.tasks.length);
      await expect(inbox(db, TOWN, { unitCode: '06388', limit: 50, offset: 0 })).rejects.toMatchObject({
        status: 403,
      });
      const seen = await documentView(db, TOWN, documentId);
      expect(new Set(seen.tasks.map((t) => t.assignee.unitCode))).toEqual(new Set(['06385']));
      expect(seen.document.originalText).toBe('văn bản gốc');
      const register = await listDocuments(db, DISTRICT, { unitCode: '186', limit: 50, offset: 0 });
      expect(register.documents.find((d) => d.id === documentId)?.taskCount).toBeGreaterThan(50);
    });

    it('moves a task through its life, refusing every move out of turn, and counts it in compliance', async () => {
      const mine = (await tasksOf(documentId)).find(
        (t) => t.ordinal === '3' && t.assignee_unit_code === '06385',
      )!;
      const before = await compliance(db, DISTRICT, { unitCode: '186', documentId });
      const town = () => before.rows.find((r) => r.unitCode === '06385')!;
      expect(town().counts).toMatchObject({ notStarted: 2, doneOnTime: 0, total: 2 });

      // A neighbour does not even see it; the district may not do the commune's part.
      await expect(actOnTask(db, scope('06388'), mine.id, 'acknowledge', {})).rejects.toMatchObject({
        status: 404,
      });
      await expect(actOnTask(db, DISTRICT, mine.id, 'acknowledge', {})).rejects.toMatchObject({
        status: 403,
      });
      await expect(actOnTask(db, TOWN, mine.id, 'start', {})).rejects.toMatchObject({ status: 409 });
      await expect(reportProgress(db, TOWN, mine.id, { text: 'Đã họp', percent: 10 })).rejects.toMatchObject({
        status: 409,
      });

      const acknowledged = await actOnTask(db, TOWN, mine.id, 'acknowledge', { note: 'Đã nhận' });
      expect(acknowledged.task.state).toBe('acknowledged');
      expect(acknowledged.actions).toEqual(['start', 'reportDone']);
      await expect(actOnTask(db, TOWN, mine.id, 'acknowledge', {})).rejects.toMatchObject({ status: 409 });
      await actOnTask(db, TOWN, mine.id, 'start', {});
      const progress = await reportProgress(db, TOWN, mine.id, {
        text: 'Đã họp triển khai',
        percent: 50,
        attachment: { name: 'bien-ban.txt', contentBase64: Buffer.from('Biên bản họp').toString('base64') },
      });
      await expect(actOnTask(db, DISTRICT, mine.id, 'accept', {})).rejects.toMatchObject({ status: 409 });
      const reported = await reportProgress(db, TOWN, mine.id, {
        text: 'Hoàn thành',
        percent: 100,
        done: true,
      });
      expect(reported.task.state).toBe('reportedDone');
      expect(reported.report).toMatchObject({ percent: 100, attachment: null });
      expect(progress.report.attachment).toMatchObject({ name: 'bien-ban.txt', size: 17 });
      expect((await taskView(db, TOWN, mine.id)).reports.map((r) => r.percent)).toEqual([50, 100]);

      await expect(actOnTask(db, TOWN, mine.id, 'accept', {})).rejects.toMatchObject({ status: 403 });
      await expect(actOnTask(db, DISTRICT, mine.id, 'return', {})).rejects.toMatchObject({ status: 400 });
      const returned = await actOnTask(db, DISTRICT, mine.id, 'return', { reason: 'thiếu danh sách' });
      expect(returned.task).toMatchObject({ state: 'returned', returnedReason: 'thiếu danh sách' });
      const again = await actOnTask(db, TOWN, mine.id, 'reportDone', { note: 'Đã bổ sung danh sách' });
      expect(again.task.state).toBe('reportedDone');
      // The province is above the commune: it may accept too. A health worker of the district may not.
      await expect(actOnTask(db, scope('186', 'healthWorker'), mine.id, 'accept', {})).rejects.toMatchObject({
        status: 403,
      });
      const accepted = await actOnTask(db, DISTRICT, mine.id, 'accept', {});
      expect(accepted.task).toMatchObject({ state: 'accepted', compliance: 'doneOnTime' });
      expect(accepted.actions).toEqual([]);
      // A move answers its own history row, not the history: the page's view holds the rest.
      expect(accepted.event).toMatchObject({ action: 'accept', from: 'reportedDone', to: 'accepted' });
      expect(accepted).not.toHaveProperty('events');
      expect((await taskView(db, DISTRICT, mine.id)).events.map((e) => e.action)).toEqual([
        'acknowledge',
        'start',
        'reportDone',
        'return',
        'reportDone',
        'accept',
      ]);

      const after = await compliance(db, DISTRICT, { unitCode: '186', documentId });
      expect(after.rows.find((r) => r.unitCode === '06385')!.counts).toMatchObject({
        notStarted: 1,
        doneOnTime: 1,
        total: 2,
      });
      expect(after.totals.doneOnTime).toBe(before.totals.doneOnTime + 1);
      const log = await db.db
        .selectFrom('audit_log')
        .select(['action', 'entity'])
        .where('entity', 'in', ['task', 'progress_report'])
        .where('entity_id', 'in', [String(mine.id), String(progress.report.id), String(reported.report.id)])
        .execute();
      expect(log.filter((l) => l.entity === 'task')).toHaveLength(6);
      expect((await verifyAudit(db)).problems).toEqual([]);
    });
  });

  it('derives overdue from the deadline, in the task and in compliance', async () => {
    const view = await registerDocument(db, DISTRICT, {
      unitCode: '186',
      direction: 'outgoing',
      document: {
        ...seed000(),
        tasks: [
          task('1', 'Báo cáo kết quả tiêm chủng.', {
            addressedUnits: ['UBND xã Yên Thịnh'],
            deadline: { date: '2022-01-31', urgent: false, text: 'trong tháng 01/2022' },
          }),
        ],
      },
    });
    const id = view.tasks[0]!.id;
    expect(view.tasks[0]!.assignee.unitCode).toBe('06400');
    expect((await taskView(db, YEN_THINH, id, '2022-01-31')).task.overdue).toBe(false);
    expect((await taskView(db, YEN_THINH, id, '2022-02-01')).task).toMatchObject({
      overdue: true,
      compliance: 'overdue',
    });
    const late = await compliance(
      db,
      DISTRICT,
      { unitCode: '186', documentId: view.document.id },
      '2022-02-01',
    );
    expect(late.rows.find((r) => r.unitCode === '06400')!.counts.overdue).toBe(1);
    expect(late.rows).toHaveLength(HUU_LUNG_COMMUNES);
  });

  it('previews without saving, and refuses a broken .docx with nothing saved', async () => {
    const count = async () =>
      Number(
        (
          await db.db
            .selectFrom('documents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    const preview = await previewRegistration(db, DISTRICT, {
      unitCode: '186',
      direction: 'outgoing',
      document: seed000(),
    });
    expect(preview.tasks.filter((t) => t.ordinal === '3')).toHaveLength(HUU_LUNG_COMMUNES);
    expect(preview.unresolved).toContain('Các đơn vị trường học đóng trên địa bàn huyện');
    await expect(
      registerDocument(db, DISTRICT, {
        unitCode: '186',
        direction: 'incoming',
        document: seed000(),
        originalFile: { name: 'cv.docx', contentBase64: Buffer.from('not a zip').toString('base64') },
      }),
    ).rejects.toMatchObject({ status: 400, fields: [{ field: 'originalFile' }] });
    expect(await count()).toBe(n);
    await expect(
      registerDocument(db, TOWN, { unitCode: '186', direction: 'incoming', document: seed000() }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('keeps the original .txt file and reads its text', async () => {
    const text = fs.readFileSync('test/fixtures/letters/000_0cc6a49cf5414292.txt');
    const view = await registerDocument(db, DISTRICT, {
      unitCode: '186',
      direction: 'incoming',
      document: seed000(),
      originalFile: { name: 'cong-van.txt', contentBase64: text.toString('base64') },
    });
    expect(view.originalFile).toMatchObject({ name: 'cong-van.txt', size: text.length });
    expect(view.document.originalText).toContain('Hữu Lũng');
    const file = await documentOriginalFile(db, DISTRICT, view.document.id);
    expect(Buffer.compare(file.content, text)).toBe(0);
    await expect(documentOriginalFile(db, scope('187'), view.document.id)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('keeps the steering committee and its visits, which open tasks for the units visited', async () => {
    const member = await createMember(db, DISTRICT, '186', {
      name: 'Nguyễn Văn Bình',
      position: 'Phó Chủ tịch UBND huyện, Phó Trưởng ban',
      assignedAreaCode: '06400',
    });
    await expect(
      createMember(db, DISTRICT, '186', { name: 'X', position: 'Y', assignedAreaCode: '06001' }),
    ).rejects.toMatchObject({ status: 400 });
    const visit = await createVisit(db, DISTRICT, '186', {
      memberId: member.id,
      date: '2022-01-10',
      areaCode: '06400',
      findings: 'Tổ Covid cộng đồng thôn Nà Hoa chưa cập nhật danh sách F0.',
      tasks: [
        { text: 'Cập nhật danh sách F0 thôn Nà Hoa.', assigneeUnitCode: '06400', deadline: '2022-01-15' },
      ],
    });
    const log = await listVisits(db, DISTRICT, '186');
    const logged = log.visits.find((v) => v.id === visit.id)!;
    expect(logged).toMatchObject({ member: { name: 'Nguyễn Văn Bình' }, area: { name: 'Xã Yên Thịnh' } });
    expect(logged.tasks.map((t) => t.assignee.unitCode)).toEqual(['06400']);
    const box = await inbox(db, YEN_THINH, { unitCode: '06400', limit: 200, offset: 0 });
    expect(box.tasks.some((t) => t.sourceVisitId === visit.id)).toBe(true);
    await actOnTask(db, YEN_THINH, logged.tasks[0]!.id, 'acknowledge', {});
    await expect(listVisits(db, YEN_THINH, '186')).rejects.toMatchObject({ status: 403 });
  });
});
