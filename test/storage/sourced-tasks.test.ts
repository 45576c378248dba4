import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/features/audit/store.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { compliance } from '../../src/features/directives/compliance-store.ts';
import { openTasks, tasksOfSource, withdrawTasks } from '../../src/features/directives/index.ts';
import { actOnTask, inbox } from '../../src/features/directives/tasks-store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const scope = (unitCode: string, role: Scope['role'] = 'officer'): Scope => ({
  userId: 1,
  username: `test.${unitCode}`,
  role,
  unitCode,
  ip: '127.0.0.1',
});
const DISTRICT = scope('186');
const YEN_THINH = scope('06400');
const TOWN = scope('06385');
const LEVEL_3 = { kind: 'risk-level', ref: '06400@2022-01-09' };

describe.each(ENGINES)('tasks opened by another capability on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db?.close());

  it('land in the assignee inbox, follow the lifecycle, and are withdrawn when the reason is gone', async () => {
    const ids = await db.db.transaction().execute((trx) =>
      openTasks(trx, db, DISTRICT, {
        issuerUnitCode: '186',
        source: LEVEL_3,
        tasks: [
          {
            text: 'Dừng tổ chức lễ hội, sự kiện đông người.',
            assigneeUnitCode: '06400',
            deadline: '2022-01-11',
          },
          {
            text: 'Xét nghiệm diện rộng khu vực nguy cơ.',
            assigneeUnitCode: '06400',
            deadline: null,
            urgent: true,
          },
          { text: 'Theo dõi thôn giáp ranh.', assigneeUnitCode: '06385', deadline: '2022-01-12' },
        ],
      }),
    );
    expect(ids).toHaveLength(3);
    const box = await inbox(db, YEN_THINH, { unitCode: '06400', limit: 50, offset: 0 });
    expect(box.tasks.map((t) => t.text)).toEqual(
      expect.arrayContaining([
        'Dừng tổ chức lễ hội, sự kiện đông người.',
        'Xét nghiệm diện rộng khu vực nguy cơ.',
      ]),
    );
    // The commune finishes the first; the district accepts it. Accepted work is never withdrawn.
    await actOnTask(db, YEN_THINH, ids[0]!, 'acknowledge', {});
    await actOnTask(db, YEN_THINH, ids[0]!, 'reportDone', { note: 'Đã thông báo' });
    await actOnTask(db, DISTRICT, ids[0]!, 'accept', {});
    await actOnTask(db, TOWN, ids[2]!, 'acknowledge', {});

    const withdrawn = await db.db
      .transaction()
      .execute((trx) => withdrawTasks(trx, db, DISTRICT, LEVEL_3, 'Công bố cấp độ 2 từ 16/01/2022'));
    expect(withdrawn).toBe(2);
    expect((await tasksOfSource(db, LEVEL_3)).map((t) => t.state)).toEqual([
      'accepted',
      'withdrawn',
      'withdrawn',
    ]);
    // Withdrawn tasks are neither overdue nor pending in the district's compliance table.
    const table = await compliance(db, DISTRICT, { unitCode: '186' }, '2022-02-01');
    const yenThinh = table.rows.find((r) => r.unitCode === '06400')!;
    expect(yenThinh.counts.withdrawn).toBe(1);
    expect(yenThinh.counts.states.accepted).toBeGreaterThanOrEqual(1);
    // A second withdrawal finds nothing open.
    expect(
      await db.db.transaction().execute((trx) => withdrawTasks(trx, db, DISTRICT, LEVEL_3, 'again')),
    ).toBe(0);
    expect((await verifyAudit(db)).problems).toEqual([]);
  });

  it('refuses a unit that does not exist and writes nothing', async () => {
    const before = await db.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      db.db.transaction().execute((trx) =>
        openTasks(trx, db, DISTRICT, {
          issuerUnitCode: '186',
          source: { kind: 'risk-level', ref: 'x' },
          tasks: [{ text: 'x', assigneeUnitCode: '99999', deadline: null }],
        }),
      ),
    ).rejects.toMatchObject({ status: 400 });
    const after = await db.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
