import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/features/auth/rules.ts';
import { importPersons } from '../../src/features/persons/import/import-persons.ts';
import {
  keepBoth,
  listReviews,
  mergeReview,
  undoBatch,
  unmerge,
} from '../../src/features/persons/review-store.ts';
import {
  getPerson,
  insertPersonRows,
  personRow,
  searchPersons,
  updatePerson,
} from '../../src/features/persons/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';
import { personInput } from '../support/persons.ts';

const FIXTURES = 'test/fixtures/persons';
const today = new Date('2021-12-01T00:00:00Z');
const scope = (unitCode: string): Scope => ({
  userId: 1,
  username: 'tester',
  role: 'officer',
  unitCode,
  ip: '127.0.0.1',
});
const actor = { userId: null, username: 'test', ip: null };
const page = { limit: 100, offset: 0 };

describe.each(ENGINES)('population registry on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine, { demo: true });
  });
  afterAll(() => db.close());

  const run = (file: string, mode: 'all-or-nothing' | 'valid-rows', commune = '06400') =>
    importPersons(db, {
      path: path.join(FIXTURES, file),
      fileName: file,
      communeCode: commune,
      mode,
      actor,
      today,
    });
  /** Registers `count` residents of a commune of district 186, taking the names in turn, born a year apart. */
  const register = (commune: string, names: string[], count: number, firstYear: number) => {
    const place = { province_code: '20', district_code: '186', commune_code: commune };
    const now = new Date().toISOString();
    return insertPersonRows(
      db,
      db.db,
      Array.from({ length: count }, (_, i) =>
        personRow(personInput({ fullName: names[i % names.length]!, birthYear: firstYear + i }), place, {
          now,
        }),
      ),
    );
  };
  const count = async (commune: string) =>
    Number(
      (
        await db.db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('commune_code', '=', commune)
          .where('merged_into', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('all-or-nothing stores nothing when a row is rejected, and names each rejected row and column', async () => {
    const result = await run('danh-sach-thon-na-hoa.xlsx', 'all-or-nothing');
    expect(result).toMatchObject({ committed: false, rowsRead: 30, imported: 0, rejected: 2 });
    expect(result.errors.map((e) => e.row).sort()).toEqual([23, 24]);
    expect(result.errors.find((e) => e.row === 24)!.column).toMatch(/Ngày sinh/);
    expect(result.errors.find((e) => e.row === 24)!.reason.vi).toMatch(/31\/02\/1990/);
    expect(await count('06400')).toBe(0);
    const batch = await db.db
      .selectFrom('import_batches')
      .selectAll()
      .where('id', '=', result.batchId!)
      .executeTakeFirstOrThrow();
    expect(batch.status).toBe('refused');
    expect(JSON.parse(batch.errors)).toHaveLength(2);
  });

  it('valid-rows commits the 28 valid rows; the same list again finds every person and changes nothing', async () => {
    const first = await run('danh-sach-thon-na-hoa.xlsx', 'valid-rows');
    expect(first).toMatchObject({ committed: true, rowsRead: 30, imported: 28, rejected: 2 });
    expect(await count('06400')).toBe(28);
    const again = await run('danh-sach-thon-na-hoa.xlsx', 'valid-rows');
    // Rows without a national ID are found by name, birth date and village: no duplicate, nothing to review.
    expect(again).toMatchObject({ imported: 28, unchanged: 28, updated: 0, added: 0, review: 0 });
    expect(again.existing).toBe(28);
    expect(await count('06400')).toBe(28);
    await undoBatch(db, scope('06400'), again.batchId!);
    expect(await count('06400')).toBe(28);
  });

  it('reads the CSV export of Vietnamese Excel (BOM, semicolons, headers without diacritics) and the Nam/Nữ layout', async () => {
    expect(await run('danh-sach.csv', 'valid-rows', '06403')).toMatchObject({
      committed: true,
      rejected: 0,
      imported: 8,
    });
    const namNu = await run('danh-sach-nam-nu.xlsx', 'valid-rows', '06406');
    expect(namNu.imported).toBeGreaterThan(0);
    const women = await db.db
      .selectFrom('persons')
      .select('sex')
      .where('commune_code', '=', '06406')
      .where('sex', '=', 'female')
      .execute();
    expect(women.length).toBeGreaterThan(0);
  });

  it('groups rows into households by the list\'s "Chủ hộ" column, with the head recorded', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-households-'));
    const file = path.join(dir, 'ho-gia-dinh.csv');
    const lines = [
      'Họ và tên;Năm sinh;Giới tính;Chủ hộ;Quan hệ với chủ hộ;Thôn',
      'Hoàng Văn Tình;1970;Nam;Hoàng Văn Tình;Chủ hộ;Thôn Nà Hoa',
      'Nông Thị Hoa;1974;Nữ;Hoàng Văn Tình;Vợ;Thôn Nà Hoa',
      'Hoàng Văn Nam;2005;Nam;Hoàng Văn Tình;Con;Thôn Nà Hoa',
      'Lý Thị Mai;1950;Nữ;Lý Thị Mai;Chủ hộ;Thôn Đồng Tâm',
    ];
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await importPersons(db, {
      path: file,
      fileName: 'ho-gia-dinh.csv',
      communeCode: '06412',
      mode: 'all-or-nothing',
      actor,
      today,
    });
    expect(result).toMatchObject({ committed: true, imported: 4 });
    const members = await db.db
      .selectFrom('persons')
      .select(['full_name', 'household_id'])
      .where('import_batch_id', '=', result.batchId!)
      .orderBy('id')
      .execute();
    expect(new Set(members.map((m) => m.household_id)).size).toBe(2);
    const household = await db.db
      .selectFrom('households')
      .selectAll()
      .where('id', '=', members[0]!.household_id!)
      .executeTakeFirstOrThrow();
    const head = await db.db
      .selectFrom('persons')
      .select('full_name')
      .where('id', '=', household.head_person_id!)
      .executeTakeFirstOrThrow();
    expect(head.full_name).toBe('Hoàng Văn Tình');
    const wife = await db.db
      .selectFrom('persons')
      .select('id')
      .where('full_name', '=', 'Nông Thị Hoa')
      .executeTakeFirstOrThrow();
    const card = await getPerson(db, scope('06412'), wife.id);
    expect(card.household.map((m) => m.full_name).sort()).toEqual([
      'Hoàng Văn Nam',
      'Hoàng Văn Tình',
      'Nông Thị Hoa',
    ]);
    await undoBatch(db, scope('06412'), result.batchId!);
    expect(
      await db.db
        .selectFrom('households')
        .select('id')
        .where('import_batch_id', '=', result.batchId!)
        .execute(),
    ).toEqual([]);
  });

  it('reads a multi-megabyte list intact while reporting progress (chunk boundaries inside Vietnamese letters)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-big-'));
    const file = path.join(dir, 'lon.csv');
    const given = ['Hùng', 'Dũng', 'Thủy', 'Hường', 'Đức', 'Nguyệt'];
    // 30,000 different birth dates: about 1.4 MB, more than one 1-MB read chunk.
    const lines = Array.from({ length: 30_000 }, (_, i) => {
      const date = `${(i % 28) + 1}/${(Math.floor(i / 28) % 12) + 1}/${1920 + (Math.floor(i / 336) % 100)}`;
      return `Lộc Văn ${given[i % 6]};${date};${i % 2 ? 'Nữ' : 'Nam'};Thôn Nà Hoa`;
    });
    fs.writeFileSync(file, `Họ và tên;Ngày sinh;Giới tính;Thôn\n${lines.join('\n')}\n`);
    let progress = 0;
    const result = await importPersons(db, {
      path: file,
      fileName: 'lon.csv',
      communeCode: '06415',
      mode: 'all-or-nothing',
      actor,
      today,
      onProgress: (bytes) => {
        progress = bytes;
      },
    });
    expect(result).toMatchObject({
      committed: true,
      rowsRead: 30_000,
      imported: 30_000,
      rejected: 0,
      review: 0,
    });
    expect(progress).toBe(fs.statSync(file).size);
    await undoBatch(db, scope('06415'), result.batchId!);
  });

  it('refuses broken UTF-8, a 100-column sheet, an empty file and a file that is no spreadsheet, storing nothing', async () => {
    const before = await db.db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await expect(run('bad-utf8.csv', 'valid-rows')).rejects.toMatchObject({
      status: 400,
      text: { en: expect.stringMatching(/UTF-8/) },
    });
    await expect(run('wide-100-columns.xlsx', 'valid-rows')).rejects.toMatchObject({
      status: 400,
      text: { en: expect.stringMatching(/100 columns/) },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bad-'));
    fs.writeFileSync(path.join(dir, 'empty.csv'), '');
    fs.writeFileSync(path.join(dir, 'huge.csv'), '');
    fs.truncateSync(path.join(dir, 'huge.csv'), 200 * 1024 * 1024); // a sparse 200-MB file
    fs.writeFileSync(path.join(dir, 'fake.xlsx'), Buffer.from('%PDF-1.4 not a sheet'));
    fs.writeFileSync(
      path.join(dir, 'broken.xlsx'),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]),
    );
    const bad = (file: string) =>
      importPersons(db, {
        path: path.join(dir, file),
        fileName: file,
        communeCode: '06400',
        mode: 'valid-rows',
        actor,
        today,
      });
    await expect(bad('empty.csv')).rejects.toMatchObject({ status: 400 });
    await expect(bad('huge.csv')).rejects.toMatchObject({
      text: { vi: expect.stringMatching(/Tệp quá lớn \(200 MB, tối đa 150 MB\)/) },
    });
    await expect(bad('fake.xlsx')).rejects.toMatchObject({ text: { en: expect.stringMatching(/PDF/) } });
    await expect(bad('broken.xlsx')).rejects.toMatchObject({ status: 400 });
    expect(
      await db.db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
  });

  it('rejects the row of an impossible date cell instead of failing the import (found by fuzzing: a 500)', async () => {
    // exceljs reads a date-formatted 1e20 as an invalid Date; reading it as text threw a RangeError.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Thôn']);
    sheet.addRow(['Nguyễn Văn An', 1e20, 'Nam', 'Thôn Nà Hoa']).getCell(2).numFmt = 'dd/mm/yyyy';
    sheet.addRow(['Trần Thị Bình', new Date('1990-05-01T00:00:00Z'), 'Nữ', 'Thôn Nà Hoa']);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-date-')), 'ngay-sai.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await importPersons(db, {
      path: file,
      fileName: 'ngay-sai.xlsx',
      communeCode: '06418',
      mode: 'valid-rows',
      actor,
      today,
    });
    expect(result).toMatchObject({ committed: true, imported: 1, rejected: 1 });
    expect(result.errors[0]).toMatchObject({ row: 2, column: expect.stringMatching(/Ngày sinh/) });
  });

  it('finds a person by a name typed without diacritics, by ID prefix, only within the jurisdiction, and audits it', async () => {
    const persons = await db.db
      .selectFrom('persons')
      .innerJoin('villages', 'villages.id', 'persons.village_id')
      .select(['full_name', 'national_id', 'villages.name as village'])
      .where('persons.commune_code', '=', '06400')
      .where('national_id', 'is not', null)
      .limit(1)
      .execute();
    const target = persons[0]!;
    const typed = target.full_name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    const found = await searchPersons(db, scope('06400'), { q: typed, ...page }, today);
    expect(found.map((p) => p.full_name)).toContain(target.full_name);
    // Each person shown names their village.
    expect(found.find((p) => p.national_id === target.national_id)?.village_name).toBe(target.village);
    expect(
      (await searchPersons(db, scope('186'), { q: target.national_id!.slice(0, 8), ...page }, today)).map(
        (p) => p.national_id,
      ),
    ).toContain(target.national_id);
    expect(
      await searchPersons(db, scope('06403'), { q: typed, unitCode: '06403', ...page }, today),
    ).not.toContainEqual(expect.objectContaining({ full_name: target.full_name }));
    await expect(
      searchPersons(db, scope('06403'), { q: typed, unitCode: '06400', ...page }, today),
    ).rejects.toMatchObject({ status: 403 });
    const audited = await db.db
      .selectFrom('audit_log')
      .select(['entity', 'details'])
      .where('entity', '=', 'person_search')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audited.details)).toMatchObject({ q: typed, unitCode: '06403' });
    await updatePerson(db, scope('06400'), found[0]!.id, {
      status: 'moved',
      statusDate: '2021-12-20',
      phone: '84912345678',
    });
    await expect(updatePerson(db, scope('06400'), found[0]!.id, { phone: '12345' })).rejects.toMatchObject({
      status: 400,
      fields: [{ field: 'phone' }],
    });
    await expect(
      updatePerson(db, scope('06403'), found[0]!.id, { status: 'deceased' }),
    ).rejects.toMatchObject({ status: 404 });
    const card = await getPerson(db, scope('06400'), found[0]!.id);
    expect(card.person).toMatchObject({ status: 'moved', status_date: '2021-12-20', phone: '0912345678' });
    expect(card.person.commune_code).toBe('06400');
    await expect(getPerson(db, scope('06403'), found[0]!.id)).rejects.toMatchObject({ status: 404 });
  });

  it('a name prefix finds exactly the names or given names that start with it, whatever its last character', async () => {
    const residents = await db.db
      .selectFrom('persons')
      .select(['id', 'name_folded', 'given_name_folded'])
      .where('commune_code', '=', '06400')
      .where('merged_into', 'is', null)
      .execute();
    for (const typed of ['nong', 'ng', 'thi', 'tr', 'v', 'z', 'nguyen van']) {
      const expected = residents
        .filter((p) => p.name_folded.startsWith(typed) || p.given_name_folded?.startsWith(typed))
        .map((p) => p.id)
        .sort((a, b) => a - b);
      // The registry this file imported above has Nông Thị Thơm and Nông Văn Quyết.
      if (typed === 'nong') expect(expected.length).toBeGreaterThanOrEqual(2);
      const found = await searchPersons(db, scope('06400'), { q: typed, limit: 10_000, offset: 0 }, today);
      expect(
        found.map((p) => p.id).sort((a, b) => a - b),
        typed,
      ).toEqual(expected);
    }
    // Texts whose last character has no plain successor find nobody, without an error; a lone accent folds to
    // nothing and lists everyone, as an empty search does.
    for (const typed of ['a\u{1F600}', 'b\uffff', 'c\ud7ff'])
      expect(await searchPersons(db, scope('06400'), { q: typed, ...page }, today)).toEqual([]);
    const everyone = await searchPersons(db, scope('06400'), page, today);
    expect(everyone.length).toBeGreaterThan(0);
    expect(
      (await searchPersons(db, scope('06400'), { q: '\u0301', ...page }, today)).map((p) => p.id).sort(),
    ).toEqual(everyone.map((p) => p.id).sort());
  });

  it('lists full names that start with the text, then given names that do, and pages that list by number', async () => {
    // "n" starts full names and given names: Nông Văn Nam matches both ways and shows once, among the full names.
    const names = [
      'Nông Văn Nam',
      'Nguyễn Thị Ngọc',
      'Lò Văn Nam',
      'Hoàng Thị Nga',
      'Nông Thị Na',
      'Lò Văn Bình',
      'Đinh Văn Nam',
    ];
    await register('06391', names, 35, 1970);
    const search = (limit: number, offset: number) =>
      searchPersons(db, scope('06391'), { q: 'n', limit, offset }, today);
    const whole = await search(10_000, 0);
    const ids = whole.map((p) => p.id);
    expect(new Set(ids).size).toBe(30);
    expect(
      ids.filter((id, i) => i > 0 && whole[i - 1]!.full_name === whole[i]!.full_name && id < ids[i - 1]!),
    ).toEqual([]);
    expect([...new Set(whole.map((p) => p.full_name))]).toEqual([
      'Nguyễn Thị Ngọc',
      'Nông Thị Na',
      'Nông Văn Nam',
      // Given names by given name, then by full name (Đinh before Lò, though each Lò was registered first).
      'Đinh Văn Nam',
      'Lò Văn Nam',
      'Hoàng Thị Nga',
    ]);
    // Pages of 7 make up the same list: each tier stops at the page's end, so the later pages need all before.
    const paged: typeof whole = [];
    for (let offset = 0; ; offset += 7) {
      const next = await search(7, offset);
      paged.push(...next);
      if (next.length < 7) break;
    }
    expect(paged.map((p) => p.id)).toEqual(ids);
  });

  it('pages the whole list after a (name, id) key in the order of one long page, names compared by bytes', async () => {
    // Names whose order differs between bytes and a locale's collation (spaces, a hyphen, same names).
    const names = [
      'Nguyễn Văn An',
      'Nguyễn Vănh',
      'Nguyễn-Văn Bé',
      'Nguyên Văn',
      'Ng Van',
      'Lò Thị Ơn',
      'Lò Thị Ơn',
    ];
    await register('06394', names, 28, 1980);
    const district = scope('186');
    // The test cluster's databases collate by bytes (locale C), where any ORDER BY would pass: on PostgreSQL the
    // name column gets a collation that ignores spaces and hyphens ("Ng Van" after "Nguyễn Văn"), as a
    // deployment's locale may, so only the byte order the index holds passes.
    if (engine === 'postgres') {
      await sql`create collation if not exists spaces_ignored (provider = icu, locale = 'und-u-ka-shifted')`.execute(
        db.db,
      );
      await sql`alter table persons alter column name_folded type text collate spaces_ignored`.execute(db.db);
    }
    const whole = await searchPersons(db, district, { unitCode: '06394', limit: 5000, offset: 0 });
    expect(whole.length).toBeGreaterThanOrEqual(28);
    const paged: typeof whole = [];
    for (let after: { nameFolded: string; id: number } | undefined; ; ) {
      const next = await searchPersons(db, district, { unitCode: '06394', limit: 7, offset: 0, after });
      paged.push(...next);
      if (next.length < 7) break;
      after = { nameFolded: next.at(-1)!.name_folded, id: next.at(-1)!.id };
    }
    expect(paged.map((p) => p.id)).toEqual(whole.map((p) => p.id));
    const bytes = (p: (typeof whole)[number]) => Buffer.from(p.name_folded);
    for (const [i, p] of whole.slice(1).entries()) {
      const order = Buffer.compare(bytes(whole[i]!), bytes(p));
      expect(order < 0 || (order === 0 && whole[i]!.id < p.id)).toBe(true);
    }
    if (engine === 'postgres')
      await sql`alter table persons alter column name_folded type text collate "default"`.execute(db.db);
  });

  it('merges a likely duplicate reversibly, or keeps both', async () => {
    // The same two persons listed with their birth year, then with their birth dates: likely duplicates.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-review-'));
    const list = (name: string, births: [string, string]) => {
      const file = path.join(dir, name);
      const rows = [`Lộc Thị Mơ;${births[0]};Nữ;Thôn Nà Hoa`, `Lộc Văn Thái;${births[1]};Nam;Thôn Nà Hoa`];
      fs.writeFileSync(file, `Họ và tên;Ngày sinh;Giới tính;Thôn\n${rows.join('\n')}\n`);
      return importPersons(db, {
        path: file,
        fileName: name,
        communeCode: '06400',
        mode: 'valid-rows',
        actor,
        today,
      });
    };
    await list('nam-sinh.csv', ['1990', '1962']);
    const again = await list('ngay-sinh.csv', ['15/06/1990', '02/09/1962']);
    expect(again.review).toBe(2);
    const reviews = await listReviews(db, scope('06400'), '06400');
    expect(reviews.length).toBe(again.review);
    const [first, second] = reviews;
    const before = await count('06400');
    await mergeReview(db, scope('06400'), first!.id);
    expect(await count('06400')).toBe(before - 1);
    const merged = await db.db
      .selectFrom('persons')
      .select('merged_into')
      .where('id', '=', first!.person_id)
      .executeTakeFirstOrThrow();
    expect(merged.merged_into).toBe(first!.candidate_id);
    await unmerge(db, scope('06400'), first!.id);
    expect(await count('06400')).toBe(before);
    await keepBoth(db, scope('06400'), second!.id);
    expect((await listReviews(db, scope('06400'), '06400')).map((r) => r.id)).not.toContain(second!.id);
    const log = await db.db
      .selectFrom('audit_log')
      .select('entity')
      .where('entity', 'in', ['person_merge', 'duplicate_review'])
      .execute();
    expect(log.length).toBe(3);
  });
});
