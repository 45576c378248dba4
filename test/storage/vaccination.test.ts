import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scope, systemScope } from '../../src/features/auth/rules.ts';
import { emitPersonEvents } from '../../src/features/persons/events.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { vaccinationCard } from '../../src/features/vaccination/card-store.ts';
import { coverage, trend } from '../../src/features/vaccination/coverage-store.ts';
import { deleteDose, editDose, recordDose } from '../../src/features/vaccination/doses-store.ts';
import { importDoses } from '../../src/features/vaccination/import/import-doses.ts';
import { recordOutcome } from '../../src/features/vaccination/outcomes-store.ts';
import {
  createSession,
  inviteToSession,
  recordSessionDoses,
  sessionRoster,
} from '../../src/features/vaccination/sessions-store.ts';
import { createTarget, targetProgress } from '../../src/features/vaccination/targets-store.ts';
import { missed, worklist } from '../../src/features/vaccination/worklist-store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';
import { personInput } from '../support/persons.ts';

const TODAY = '2022-01-15';
const FIXTURES = 'test/fixtures/doses';
const COMMUNE = '06400';
const scope = (unitCode: string): Scope => ({
  userId: 1,
  username: 'tester',
  role: 'officer',
  unitCode,
  ip: '127.0.0.1',
});
const actor = { userId: null, username: 'test', ip: null };
const registered: {
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  nationalId: string | null;
  deceasedOn?: string;
}[] = JSON.parse(fs.readFileSync(`${FIXTURES}/registered.json`, 'utf8'));

describe.each(ENGINES)('vaccination records on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  const ids = new Map<string, number>();
  const place = { province_code: '20', district_code: '186', commune_code: COMMUNE };
  const count = async (table: 'doses' | 'persons') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const run = (
    file: string,
    mode: 'valid-rows' | 'all-or-nothing',
    unitCode = '186',
    as: Scope = systemScope('test'),
  ) =>
    importDoses(db, {
      path: `${FIXTURES}/${file}`,
      fileName: file,
      unitCode,
      mode,
      scope: as,
      actor,
      today: TODAY,
    });

  beforeAll(async () => {
    db = await seededDb(engine, { demo: true });
    const now = new Date().toISOString();
    for (const p of registered) {
      const row = personRow(
        personInput({
          fullName: p.fullName,
          birthDate: p.birthDate,
          birthYear: Number(p.birthDate.slice(0, 4)),
          sex: p.sex,
          nationalId: p.nationalId,
          status: p.deceasedOn ? 'deceased' : 'resident',
        }),
        place,
        { now },
      );
      // Registered as the registry does: the person (its national ID in the country-wide lookup) and its
      // `created` event in one transaction.
      const id = await db.db.transaction().execute(async (trx) => {
        const [id] = (await insertPersonRows(db, trx, [{ ...row, status_date: p.deceasedOn ?? null }])) as [
          number,
        ];
        await emitPersonEvents(db, trx, [
          { kind: 'created', personId: id, provinceCode: place.province_code },
        ]);
        return id;
      });
      ids.set(p.fullName, id);
    }
  });
  afterAll(() => db.close());

  it('all-or-nothing stores nothing when a row is rejected', async () => {
    const [doses, persons] = [await count('doses'), await count('persons')];
    const result = await run('mui-tiem-huu-lung.xlsx', 'all-or-nothing');
    expect(result).toMatchObject({ committed: false, imported: 0, rejected: 7, rowsRead: 16 });
    expect([await count('doses'), await count('persons')]).toEqual([doses, persons]);
  });

  it('imports a messy national-platform export: matches by ID, by name + birth date, registers the rest for review', async () => {
    const result = await run('mui-tiem-huu-lung.xlsx', 'valid-rows');
    expect(result).toMatchObject({
      committed: true,
      rowsRead: 16,
      imported: 8,
      ignored: 1,
      rejected: 7,
      // Hà Văn Lực is matched too, though his dose (after his death) is rejected.
      matchedPersons: 4,
      matchedByNationalId: 1,
      matchedByNameAndBirth: 3,
      newPersons: 1,
    });
    const rejected = result.report.filter((e) => e.kind === 'rejected');
    expect([...new Set(rejected.map((e) => e.row))]).toEqual([15, 16, 17, 18, 19, 20, 21]);
    expect(rejected.find((e) => e.row === 15)!.reason.en).toMatch(/future/);
    expect(rejected.find((e) => e.row === 16)!.reason.en).toMatch(/before the birth/);
    expect(rejected.find((e) => e.row === 17)!.reason.en).toMatch(/after the death/);
    expect(rejected.find((e) => e.row === 18)!.column).toBe('Tên vắc xin');
    expect(rejected.find((e) => e.row === 20)!.column).toBe('Xã/Phường');
    expect(result.report.find((e) => e.row === 11 && e.kind === 'warning')!.reason.en).toMatch(
      /21-day minimum/,
    );
    expect(result.report.find((e) => e.row === 9)!.kind).toBe('ignored');
    const created = await db.db
      .selectFrom('persons')
      .selectAll()
      .where('full_name', '=', 'Đinh Thị Mai')
      .execute();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      commune_code: COMMUNE,
      national_id: '020190002222',
      birth_year: 1990,
    });
    expect(created[0]!.note).toMatch(/cần rà soát/);
    expect(
      await db.db.selectFrom('persons').select('id').where('full_name', '=', 'Vi Văn Tú').execute(),
    ).toEqual([]);
    const booster = await db.db
      .selectFrom('doses')
      .select(['kind', 'dose_number', 'vaccine'])
      .where('person_id', '=', ids.get('Hoàng Văn Nam')!)
      .where('date', '=', '2022-01-12')
      .executeTakeFirstOrThrow();
    expect(booster).toEqual({ kind: 'booster', dose_number: 1, vaccine: 'pfizer' });
  });

  it('keeps coverage counters current: exclusive classes by age group, population = residents counted', async () => {
    const view = await coverage(db, scope('186'), COMMUNE, TODAY);
    const [commune] = view.units;
    expect(commune).toMatchObject({ code: COMMUNE, population: 4 });
    expect(commune!.byAgeGroup['18-49']).toEqual({
      notVaccinated: 0,
      partial: 0,
      primaryComplete: 2,
      booster: 1,
    });
    expect(commune!.byAgeGroup['12-17']).toEqual({
      notVaccinated: 0,
      partial: 1,
      primaryComplete: 0,
      booster: 0,
    });
    expect(commune!.byAgeGroup['12+']).toEqual({
      notVaccinated: 0,
      partial: 1,
      primaryComplete: 2,
      booster: 1,
    });
    const district = (await coverage(db, scope('186'), '186', TODAY)).units;
    expect(district[0]!.population).toBe(4);
    expect(district.map((u) => u.code)).toContain(COMMUNE);
    const weekly = await trend(db, scope('186'), '186', '18+', TODAY);
    expect(weekly.weeks.at(-1)).toMatchObject({ firstDose: 3, primaryComplete: 3, booster: 1 });
  });

  it('importing the same file again ignores every dose already recorded', async () => {
    const again = await run('mui-tiem-huu-lung.xlsx', 'valid-rows');
    expect(again).toMatchObject({ imported: 0, ignored: 9, newPersons: 0, matchedByNationalId: 2 });
  });

  it('refuses rows outside the importing unit', async () => {
    const result = await run('mui-tiem-huu-lung.xlsx', 'valid-rows', '06403', scope('06403'));
    expect(result.imported).toBe(0);
    await expect(run('mui-tiem-huu-lung.xlsx', 'valid-rows', '06400', scope('06403'))).rejects.toMatchObject({
      status: 403,
    });
  });

  it('records, corrects and deletes a dose; the card shows the status; outside the jurisdiction it does not exist', async () => {
    const binh = ids.get('Nông Văn Bình')!;
    const future = recordDose(db, scope(COMMUNE), binh, { vaccine: 'pfizer', date: '2022-02-01' }, TODAY);
    await expect(future).rejects.toMatchObject({ status: 400 });
    const recorded = await recordDose(
      db,
      scope(COMMUNE),
      binh,
      { vaccine: 'pfizer', date: '2021-11-20' },
      TODAY,
    );
    expect(recorded).toMatchObject({ result: 'recorded', dose: { kind: 'primary', dose_number: 2 } });
    if (recorded.result !== 'recorded') throw new Error('not recorded');
    expect(recorded.warnings[0]!.en).toMatch(/15 days after dose 1/);
    const fixed = await editDose(db, scope(COMMUNE), recorded.dose.id, { date: '2021-11-26' }, TODAY);
    expect(fixed.warnings).toEqual([]);
    let card = await vaccinationCard(db, scope(COMMUNE), binh, TODAY);
    expect(card.status).toMatchObject({
      status: 'primaryComplete',
      coverage: 'primaryComplete',
      date: '2021-11-26',
    });
    expect((await coverage(db, scope(COMMUNE), COMMUNE, TODAY)).units[0]!.byAgeGroup['12-17']).toMatchObject({
      partial: 0,
      primaryComplete: 1,
    });
    await expect(vaccinationCard(db, scope('06403'), binh, TODAY)).rejects.toMatchObject({ status: 404 });
    await expect(deleteDose(db, scope('06403'), recorded.dose.id, TODAY)).rejects.toMatchObject({
      status: 404,
    });
    await deleteDose(db, scope(COMMUNE), recorded.dose.id, TODAY);
    card = await vaccinationCard(db, scope(COMMUNE), binh, TODAY);
    expect(card.status).toMatchObject({ status: 'partial', overdue: true });
    const audited = await db.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', 'in', ['dose', 'vaccination_card'])
      .execute();
    expect(audited.map((a) => `${a.action} ${a.entity}`)).toEqual(
      expect.arrayContaining(['create dose', 'update dose', 'delete dose', 'read vaccination_card']),
    );
  });

  it('proves "no one missed": worklists, outcomes and the missed list move together', async () => {
    const before = await missed(db, scope(COMMUNE), COMMUNE, 12, TODAY);
    expect(before).toMatchObject({ eligible: 4, complete: 3, inProgress: 0, withReason: 0, missed: 1 });
    expect(before.persons.map((p) => p.fullName)).toEqual(['Nông Văn Bình']);
    // Overdue: Bình's dose 2 (due 26/11), the boosters of Mai and Hoa (3 months after their series).
    const list = await worklist(
      db,
      scope(COMMUNE),
      { unitCode: COMMUNE, list: 'overdue', minAge: 12 },
      TODAY,
    );
    expect(list.persons.map((p) => p.fullName)).toEqual(['Đinh Thị Mai', 'Lý Thị Hoa', 'Nông Văn Bình']);
    expect(list.persons[2]).toMatchObject({
      list: 'overdue',
      next: { kind: 'primary', number: 2, dueFrom: '2021-11-26' },
    });
    await expect(
      recordOutcome(db, scope(COMMUNE), { personId: ids.get('Nông Văn Bình')!, outcome: 'deferred' }, TODAY),
    ).rejects.toMatchObject({ status: 400 });
    await recordOutcome(
      db,
      scope(COMMUNE),
      { personId: ids.get('Nông Văn Bình')!, outcome: 'deferred', reason: 'Đang sốt', until: '2022-01-30' },
      TODAY,
    );
    const after = await missed(db, scope(COMMUNE), COMMUNE, 12, TODAY);
    expect(after).toMatchObject({ withReason: 1, missed: 0, noOneMissed: true });
    const lapsed = await missed(db, scope(COMMUNE), COMMUNE, 12, '2022-02-01');
    expect(lapsed).toMatchObject({ missed: 1 });
    const open = await worklist(
      db,
      scope(COMMUNE),
      { unitCode: COMMUNE, list: 'all', minAge: 12, withoutReason: true },
      TODAY,
    );
    expect(open.persons.map((p) => p.fullName)).toEqual(['Đinh Thị Mai', 'Lý Thị Hoa']);
  });

  it('runs a session: invitations from the worklist, doses recorded at it, one result per dose', async () => {
    const session = await createSession(db, scope(COMMUNE), {
      unitCode: COMMUNE,
      place: 'Trạm Y tế xã Yên Thịnh',
      date: '2022-01-14',
      vaccine: 'pfizer',
      dosesAvailable: 50,
    });
    const binh = ids.get('Nông Văn Bình')!;
    expect(await inviteToSession(db, scope(COMMUNE), session.id, [binh], TODAY)).toEqual({
      invited: 1,
      alreadyInvited: 0,
    });
    const { results } = await recordSessionDoses(
      db,
      scope(COMMUNE),
      session.id,
      [{ personId: binh }, { personId: ids.get('Hà Văn Lực')! }],
      TODAY,
    );
    expect(results.map((r) => r.result)).toEqual(['recorded', 'rejected']);
    const roster = await sessionRoster(db, scope(COMMUNE), session.id, TODAY);
    expect(roster).toMatchObject({
      session: { doses_left: 49 },
      invitees: [{ person_id: binh, outcome: 'invited' }],
    });
    await expect(sessionRoster(db, scope('06403'), session.id, TODAY)).rejects.toMatchObject({ status: 404 });
  });

  it("tracks seed 004's target: progress, pace, projection and the communes behind", async () => {
    const target = await createTarget(db, scope('20'), {
      unitCode: '20',
      title: '100% 12+ đủ liều cơ bản, 18+ nhắc lại trong tháng 01/2022',
      deadline: '2022-01-31',
      primary: { minAge: 12, percent: 100 },
      booster: { minAge: 18, percent: 100 },
    });
    const progress = await targetProgress(db, scope(COMMUNE), target.id, undefined, TODAY);
    expect(progress.unit.code).toBe(COMMUNE);
    expect(progress.primary).toMatchObject({ population: 4, achieved: 4, remaining: 0, onTrack: true });
    expect(progress.booster).toMatchObject({ population: 3, achieved: 1, remaining: 2 });
    const district = await targetProgress(db, scope('186'), target.id, '186', TODAY);
    expect(district.behind.map((c) => c.code)).toEqual([COMMUNE]);
    await expect(targetProgress(db, scope('187'), target.id, '186', TODAY)).rejects.toMatchObject({
      status: 403,
    });
  });

  it('imports the wide layout (a merged "Mũi N" over vaccine and date, one row per person): one dose per group', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Đã tiêm');
    sheet.addRow(['DANH SÁCH NGƯỜI DÂN ĐÃ TIÊM VẮC XIN PHÒNG COVID-19']);
    sheet.addRow([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Mã xã',
      'Mũi 1',
      '',
      'Mũi 2',
      '',
      'Mũi 3 (nhắc lại)',
      '',
    ]);
    sheet.addRow([
      '',
      '',
      '',
      '',
      '',
      'Loại vắc xin',
      'Ngày tiêm',
      'Loại vắc xin',
      'Ngày tiêm',
      'Loại vắc xin',
      'Ngày tiêm',
    ]);
    for (const cells of ['F2:G2', 'H2:I2', 'J2:K2']) sheet.mergeCells(cells);
    sheet.addRow([
      1,
      'Hà Văn Rộng',
      '03/03/1971',
      'Nam',
      COMMUNE,
      'Vero Cell',
      '01/09/2021',
      'Vero Cell',
      '29/09/2021',
      'Pfizer',
      '05/01/2022',
    ]);
    sheet.addRow([2, 'Hà Thị Hẹp', '04/04/1999', 'Nữ', COMMUNE, 'AstraZeneca', '15/10/2021', '', '', '', '']);
    sheet.addRow([3, 'Hà Văn Chờ', '05/05/1960', 'Nam', COMMUNE, '', '', '', '', '', '']);
    sheet.addRow([
      4,
      'Hà Thị Sớm',
      '06/06/1988',
      'Nữ',
      COMMUNE,
      'Moderna',
      '01/12/2021',
      'Moderna',
      '15/02/2022',
      '',
      '',
    ]);
    const file = `${fs.mkdtempSync(path.join(os.tmpdir(), 'wide-'))}/da-tiem.xlsx`;
    await book.xlsx.writeFile(file);
    const result = await importDoses(db, {
      path: file,
      fileName: 'da-tiem.xlsx',
      unitCode: '186',
      mode: 'valid-rows',
      scope: systemScope('test'),
      actor,
      today: TODAY,
    });
    expect(result).toMatchObject({ rowsRead: 4, imported: 5, rejected: 1, newPersons: 3 });
    expect(result.report).toEqual([
      expect.objectContaining({ row: 7, column: 'Mũi 2 / Ngày tiêm', kind: 'rejected' }),
    ]);
    const doses = await db.db
      .selectFrom('doses')
      .innerJoin('persons', 'persons.id', 'doses.person_id')
      .select(['persons.full_name', 'doses.vaccine', 'doses.kind', 'doses.dose_number', 'doses.date'])
      .where('doses.import_id', '=', result.importId!)
      .orderBy('doses.date')
      .execute();
    expect(doses).toEqual(
      [
        {
          full_name: 'Hà Văn Rộng',
          vaccine: 'sinopharm',
          kind: 'primary',
          dose_number: 1,
          date: '2021-09-01',
        },
        {
          full_name: 'Hà Văn Rộng',
          vaccine: 'sinopharm',
          kind: 'primary',
          dose_number: 2,
          date: '2021-09-29',
        },
        {
          full_name: 'Hà Thị Hẹp',
          vaccine: 'astrazeneca',
          kind: 'primary',
          dose_number: 1,
          date: '2021-10-15',
        },
        { full_name: 'Hà Thị Sớm', vaccine: 'moderna', kind: 'primary', dose_number: 1, date: '2021-12-01' },
        { full_name: 'Hà Văn Rộng', vaccine: 'pfizer', kind: 'booster', dose_number: 1, date: '2022-01-05' },
      ].sort((a, b) => a.date.localeCompare(b.date)),
    );
  });
});
