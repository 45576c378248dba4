/**
 * What new users trip on (issue 14): a first import whose list names villages the commune does not have yet,
 * rows repeating an earlier row's CCCD, the same list imported twice, a newer list, and a merge that fills the
 * birth date — on both engines, with a list shaped like a real one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/features/auth/rules.ts';
import { importPersons } from '../../src/features/persons/import/import-persons.ts';
import { listReviews, mergeReview } from '../../src/features/persons/review-store.ts';
import { communeListRows, NEW_VILLAGES, writeCommuneList } from '../support/commune-list.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const today = new Date('2021-12-01T00:00:00Z');
const actor = { userId: null, username: 'test', ip: null };
const scope = (unitCode: string): Scope => ({
  userId: 1,
  username: 'tester',
  role: 'officer',
  unitCode,
  ip: '127.0.0.1',
});

describe.each(ENGINES)('a first import of a commune list on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  let list: string;
  beforeAll(async () => {
    db = await seededDb(engine, { demo: true });
    list = await writeCommuneList();
  });
  afterAll(() => db.close());

  const run = (
    file: string,
    commune: string,
    newVillages: 'ask' | 'create' | 'reject',
    mode: 'all-or-nothing' | 'valid-rows' = 'valid-rows',
  ) =>
    importPersons(db, {
      path: file,
      fileName: path.basename(file),
      communeCode: commune,
      mode,
      newVillages,
      actor,
      today,
    });
  const count = async (table: 'persons' | 'villages', commune: string) =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('commune_code', '=', commune)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('asks first: the new villages with their kinds and rows, nothing stored', async () => {
    const villages = await count('villages', '06400');
    const asked = await run(list, '06400', 'ask');
    expect(asked).toMatchObject({ committed: false, batchId: null, rowsRead: 248, imported: 0 });
    expect(asked.newVillages.map((v) => [v.name, v.kind])).toEqual(
      NEW_VILLAGES.map(([, name, kind]) => [name, kind]),
    );
    expect(asked.newVillages.reduce((n, v) => n + v.rows, 0)).toBe(169);
    expect(await count('villages', '06400')).toBe(villages);
    expect(await count('persons', '06400')).toBe(0);
  });

  it('without the villages, their 169 rows are rejected "no village"', async () => {
    const refused = await run(list, '06400', 'reject', 'all-or-nothing');
    expect(refused).toMatchObject({ committed: false, rejected: 2 + 169, merged: 3 });
    expect(refused.errors.filter((e) => /Không có thôn/.test(e.reason.vi))).toHaveLength(169);
  });

  it('creates them on confirmation; repeated CCCDs are merged, naming both rows, not rejected', async () => {
    const villages = await count('villages', '06400');
    const first = await run(list, '06400', 'create');
    expect(first).toMatchObject({
      committed: true,
      rowsRead: 248,
      imported: 242,
      added: 242,
      merged: 4,
      rejected: 2,
      review: 0,
    });
    expect(first.rowsRead).toBe(first.imported + first.merged + first.rejected);
    expect(first.errors.map((e) => e.row).sort()).toEqual([249, 250]);
    expect(first.mergedRows.map((e) => e.reason.vi)).toContain(
      'Dòng 245 trùng số CCCD/CMND với dòng 13: đã gộp vào dòng 13.',
    );
    const created = await db.db
      .selectFrom('villages')
      .select(['name', 'kind'])
      .where('commune_code', '=', '06400')
      .where(
        'name',
        'in',
        NEW_VILLAGES.map(([, name]) => name),
      )
      .orderBy('id')
      .execute();
    expect(created).toEqual(NEW_VILLAGES.map(([, name, kind]) => ({ name, kind })));
    expect(await count('villages', '06400')).toBe(villages + NEW_VILLAGES.length);
    // Household 40's head: its first row had no phone, its repeat gave one.
    const [head, repeat] = [communeListRows()[160]!, communeListRows()[243]!];
    expect([head[4], repeat[4]]).toEqual([null, '0912345640']);
    const merged = await db.db
      .selectFrom('persons')
      .select('phone')
      .where('national_id', '=', head[3] as string)
      .executeTakeFirstOrThrow();
    expect(merged.phone).toBe('0912345640');
  });

  it('the same list again changes nothing: unchanged 242, updated 0, new 0, no duplicate child sent to review', async () => {
    const before = await count('persons', '06400');
    const again = await run(list, '06400', 'create');
    expect(again).toMatchObject({
      committed: true,
      imported: 242,
      unchanged: 242,
      updated: 0,
      added: 0,
      merged: 4,
      rejected: 2,
      review: 0,
    });
    expect(again.newVillages).toEqual([]);
    expect(await count('persons', '06400')).toBe(before);
  });

  it('a newer list: a changed phone and village are updated, a newborn is new', async () => {
    const rows = communeListRows();
    rows[0]![4] = '0987654321'; // household 0's head has a new phone
    rows[1]![7] = 'Bản Pò Háng'; // the head's wife moved
    rows.push(['Hoàng Văn Sơn', '01/10/2021', 'Nam', null, null, rows[0]![5], 'Con', rows[0]![7]]);
    const newer = await run(await writeCommuneList(rows, 'danh-sach-moi.xlsx'), '06400', 'create');
    expect(newer).toMatchObject({ imported: 243, added: 1, updated: 2, unchanged: 240, review: 0 });
    const moved = await db.db
      .selectFrom('person_events')
      .select('kind')
      .where('kind', '=', 'moved')
      .execute();
    expect(moved).toHaveLength(1);
    // The newborn joins the registered household of its head.
    const baby = await db.db
      .selectFrom('persons')
      .select('household_id')
      .where('full_name', '=', 'Hoàng Văn Sơn')
      .executeTakeFirstOrThrow();
    const father = await db.db
      .selectFrom('persons')
      .select('household_id')
      .where('national_id', '=', rows[0]![3] as string)
      .executeTakeFirstOrThrow();
    expect(baby.household_id).toBe(father.household_id);
  });

  it('a repeat of a row already written (an earlier chunk) fills its gaps', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-repeat-'));
    const file = path.join(dir, 'dai.csv');
    const id = (i: number) => `020090${String(i).padStart(6, '0')}`;
    const lines = Array.from(
      { length: 600 },
      (_, i) => `Nông Văn Số ${'abcdefghij'[i % 10]};1990;Nam;${id(i)};`,
    );
    lines.push(`Nông Văn Số a;1990;Nam;${id(0)};0912000111`);
    fs.writeFileSync(file, `Họ và tên;Năm sinh;Giới tính;Số CCCD;SĐT\n${lines.join('\n')}\n`);
    const result = await run(file, '06406', 'reject');
    expect(result).toMatchObject({ imported: 600, merged: 1, rejected: 0 });
    const first = await db.db
      .selectFrom('persons')
      .select('phone')
      .where('national_id', '=', id(0))
      .executeTakeFirstOrThrow();
    expect(first.phone).toBe('0912000111');
  });

  it('a merge that fills the birth date moves birth_sort with it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-merge-'));
    const write = (name: string, birth: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `Họ và tên;Ngày sinh;Giới tính;Thôn\nLộc Thị Mơ;${birth};Nữ;Thôn Nà Hoa\n`);
      return file;
    };
    await run(write('nam-sinh.csv', '1990'), '06403', 'reject');
    await run(write('ngay-sinh.csv', '15/06/1990'), '06403', 'reject');
    const [review] = await listReviews(db, scope('06403'), '06403');
    await mergeReview(db, scope('06403'), review!.id);
    const kept = await db.db
      .selectFrom('persons')
      .select(['birth_date', 'birth_sort'])
      .where('id', '=', review!.candidate_id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ birth_date: '1990-06-15', birth_sort: '1990-06-15' });
  });
});
