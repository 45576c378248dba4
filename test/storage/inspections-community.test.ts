import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVillage } from '../../src/features/admin-units/store.ts';
import { verifyAudit } from '../../src/features/audit/store.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { createCase } from '../../src/features/cases/cases-store.ts';
import { addContact } from '../../src/features/cases/contacts-store.ts';
import {
  answerRequest,
  createRequest,
  createTeam,
  listRequests,
  listTeams,
} from '../../src/features/community-teams/store.ts';
import { inbox } from '../../src/features/directives/tasks-store.ts';
import { importEstablishments } from '../../src/features/inspections/import/import-establishments.ts';
import {
  createEstablishment,
  establishmentDetail,
  inspectionTasks,
  listEstablishments,
  recordAssessment,
  recordInspection,
} from '../../src/features/inspections/store.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const TODAY = '2022-01-15';
const scope = (unitCode: string): Scope => ({
  userId: 1,
  username: `test.${unitCode}`,
  role: 'officer',
  unitCode,
  ip: '127.0.0.1',
});
const DISTRICT = scope('186');
const TOWN = scope('06385');
const HUU_LIEN = scope('06388');

describe.each(ENGINES)('inspections and community forces on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db.close());

  const auditCount = async (entity: string) =>
    Number(
      (
        await db.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('entity', '=', entity)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('inspects in scope, opens follow-up tasks in the commune inbox, and lists the overdue', async () => {
    const market = await createEstablishment(
      db,
      DISTRICT,
      { commune: '06385', name: 'Chợ Hữu Lũng', sector: 'market', size: 'large', registeredOn: '2021-09-01' },
      TODAY,
    );
    const shop = await createEstablishment(
      db,
      TOWN,
      { commune: '06385', name: 'Tạp hóa Hồng', sector: 'shop', size: 'small', registeredOn: '2022-01-02' },
      TODAY,
    );
    expect(market).toMatchObject({ riskClass: 'high', nextDueOn: '2021-10-01', daysOverdue: 106 });
    expect(shop).toMatchObject({ riskClass: 'low', nextDueOn: '2022-04-02', daysOverdue: 0 });

    // Another commune sees neither the establishment nor may it inspect it: 404 naming the establishment.
    await expect(establishmentDetail(db, HUU_LIEN, market.id, TODAY)).rejects.toMatchObject({ status: 404 });
    await expect(
      recordInspection(db, HUU_LIEN, market.id, { answers: {}, violations: [] }, TODAY),
    ).rejects.toMatchObject({ status: 404, fields: [{ field: 'establishment' }] });

    const assessment = await recordAssessment(
      db,
      TOWN,
      shop.id,
      { assessedOn: '2022-01-10', answers: { plan: true, masks: true, capacity: true } },
      TODAY,
    );
    expect(assessment).toMatchObject({ validUntil: '2022-02-08', ruleSet: { provisional: true } });

    // The market inspected 20/11/2021: due 20/12, still overdue on the 15th, with two violations to fix.
    const inspection = await recordInspection(
      db,
      DISTRICT,
      market.id,
      {
        inspectedOn: '2021-11-20',
        inspectors: 'Đoàn liên ngành',
        answers: { plan: true, masks: true },
        findings: 'Gian hàng chưa giãn cách',
        violations: [
          {
            description: 'Không đeo khẩu trang',
            penaltyKind: 'fine',
            penaltyAmount: 1_000_000,
            fixWithinDays: 7,
          },
          { description: 'Chưa có điểm rửa tay', penaltyKind: 'warning', fixWithinDays: 14 },
          { description: 'Ghi nhận, không cần khắc phục' },
        ],
      },
      TODAY,
    );
    expect(inspection.taskIds).toHaveLength(2);
    expect(inspection.nextDueOn).toBe('2021-12-20');
    const tasks = await inspectionTasks(db, TOWN, inspection.id);
    expect(tasks.map((t) => [t.assignee_unit_code, t.deadline, t.state])).toEqual([
      ['06385', '2021-11-27', 'assigned'],
      ['06385', '2021-12-04', 'assigned'],
    ]);
    const box = await inbox(db, TOWN, { unitCode: '06385', limit: 50, offset: 0 });
    expect(box.tasks.map((t) => t.text)).toContain(
      'Khắc phục vi phạm tại Chợ Hữu Lũng: Không đeo khẩu trang',
    );

    const overdue = await listEstablishments(
      db,
      DISTRICT,
      { unit: '186', overdue: true, limit: 50, offset: 0 },
      TODAY,
    );
    expect(overdue.establishments.map((e) => [e.name, e.daysOverdue])).toEqual([['Chợ Hữu Lũng', 26]]);
    expect(overdue.provisional).toBe(true);
    // A commune's list is its own; the other commune's is empty.
    expect(
      (await listEstablishments(db, HUU_LIEN, { unit: '06388', limit: 50, offset: 0 }, TODAY)).total,
    ).toBe(0);
    // Search ignores diacritics.
    const found = await listEstablishments(
      db,
      DISTRICT,
      { unit: '186', q: 'cho huu', limit: 50, offset: 0 },
      TODAY,
    );
    expect(found.establishments.map((e) => e.name)).toEqual(['Chợ Hữu Lũng']);

    // Inspected again today: no longer overdue.
    await recordInspection(db, DISTRICT, market.id, { answers: {}, violations: [] }, TODAY);
    expect(
      (await listEstablishments(db, DISTRICT, { unit: '186', overdue: true, limit: 50, offset: 0 }, TODAY))
        .total,
    ).toBe(0);

    const detail = await establishmentDetail(db, TOWN, market.id, TODAY);
    expect(detail.inspections[1]!.violations.map((v) => v.penaltyAmount)).toEqual([1_000_000, null, null]);
    expect(await auditCount('establishment')).toBe(3); // two created, one detail read
    expect(await auditCount('inspection')).toBe(2);
    expect(await auditCount('safety_assessment')).toBe(1);
    expect((await verifyAudit(db)).problems).toEqual([]);
  });

  it('refuses a violation without a description and a negative penalty, writing nothing', async () => {
    const est = await createEstablishment(
      db,
      TOWN,
      { commune: '06385', name: 'Xưởng may', sector: 'factory', size: 'small' },
      TODAY,
    );
    await expect(
      recordInspection(db, TOWN, est.id, { answers: {}, violations: [{ description: ' ' }] }, TODAY),
    ).rejects.toMatchObject({ status: 400, fields: [{ field: 'violations.0.description' }] });
    await expect(
      recordInspection(
        db,
        TOWN,
        est.id,
        { answers: {}, violations: [{ description: 'x', penaltyKind: 'fine', penaltyAmount: -5 }] },
        TODAY,
      ),
    ).rejects.toMatchObject({ status: 400, fields: [{ field: 'violations.0.penaltyAmount' }] });
    await expect(
      recordInspection(db, TOWN, est.id, { answers: { nope: true }, violations: [] }, TODAY),
    ).rejects.toMatchObject({ status: 400, fields: [{ field: 'answers.nope' }] });
    expect((await establishmentDetail(db, TOWN, est.id, TODAY)).inspections).toEqual([]);
  });

  it("sums each team's villages' home cases and quarantined contacts, in scope", async () => {
    const v1 = await createVillage(db, TOWN, '06385', { name: 'Thôn Thử Một', kind: 'thon' });
    const v2 = await createVillage(db, TOWN, '06385', { name: 'Thôn Thử Hai', kind: 'thon' });
    const other = await createVillage(db, HUU_LIEN, '06388', { name: 'Thôn Khác', kind: 'thon' });
    const place = { province_code: '20', district_code: '186', commune_code: '06385' };
    const [sick, contact] = await insertPersonRows(
      db,
      db.db,
      ['Lương Văn Ốm', 'Hà Thị Gần'].map((fullName, i) =>
        personRow(
          {
            fullName,
            birthDate: '1980-05-05',
            birthYear: 1980,
            sex: 'male',
            nationalId: null,
            phone: null,
            villageId: Number(i === 0 ? v1.id : v2.id),
            address: null,
            householdHead: null,
            relationToHead: null,
            occupation: null,
            priorityGroups: [],
            status: 'resident',
            note: null,
          },
          place,
          { now: new Date().toISOString() },
        ),
      ),
    );
    const c = await createCase(
      db,
      DISTRICT,
      { personId: sick!, sampleDate: '2022-01-12', testKind: 'rapidAntigen', placeOfCare: 'home' },
      TODAY,
    );
    await addContact(db, DISTRICT, c.id, { personId: contact!, exposureDate: '2022-01-11' }, TODAY);

    await expect(
      createTeam(db, TOWN, {
        commune: '06385',
        kind: 'communityTeam',
        name: 'Tổ sai',
        duties: [],
        villageIds: [Number(other.id)],
        members: [],
      }),
    ).rejects.toMatchObject({ status: 400, fields: [{ field: 'villageIds.0' }] });
    const team = await createTeam(db, TOWN, {
      commune: '06385',
      kind: 'communityTeam',
      name: 'Tổ Covid cộng đồng số 1',
      leaderName: 'Nông Văn Tổ',
      phone: '0912 345 678',
      duties: ['homeCareFollowUp'],
      villageIds: [Number(v1.id), Number(v2.id)],
      members: [{ name: 'Nông Văn Tổ', phone: '0912345678', role: 'Tổ trưởng' }],
    });
    expect(team.phone).toBe('0912345678');
    const teams = await listTeams(db, DISTRICT, { unit: '186', limit: 50, offset: 0 }, TODAY);
    expect(teams.teams.find((t) => t.id === team.id)!.workload).toEqual({
      homeTreatment: 1,
      quarantine: 1,
      total: 2,
    });
    expect((await listTeams(db, HUU_LIEN, { unit: '06388', limit: 50, offset: 0 }, TODAY)).total).toBe(0);
    await expect(
      listTeams(db, HUU_LIEN, { unit: '06385', limit: 50, offset: 0 }, TODAY),
    ).rejects.toMatchObject({
      status: 403,
    });
    expect(await auditCount('community_team')).toBe(2); // created, roster read
  });

  it('takes a request from the commune, answers it at the district, and shows the unanswered overdue', async () => {
    const late = await createRequest(
      db,
      TOWN,
      {
        commune: '06385',
        kind: 'army',
        details: 'Hỗ trợ dựng khu cách ly tập trung',
        neededBy: '2022-01-13',
      },
      '2022-01-12',
    );
    const soon = await createRequest(
      db,
      TOWN,
      { commune: '06385', kind: 'supplies', details: '10 bình oxy', neededBy: '2022-01-16' },
      TODAY,
    );
    await expect(
      createRequest(
        db,
        TOWN,
        { commune: '06385', kind: 'health', details: 'x', neededBy: '2022-01-01' },
        TODAY,
      ),
    ).rejects.toMatchObject({ status: 400, fields: [{ field: 'neededBy' }] });
    const list = await listRequests(db, DISTRICT, { unit: '186', limit: 50, offset: 0 }, TODAY);
    expect(list.overdue).toBe(1);
    expect(list.requests.find((r) => r.id === late.id)!.overdue).toBe(true);
    // The commune cannot answer its own request; another commune does not see it.
    await expect(
      answerRequest(db, TOWN, soon.id, { action: 'answer', answer: 'ok' }, TODAY),
    ).rejects.toMatchObject({
      status: 409,
    });
    await expect(answerRequest(db, HUU_LIEN, soon.id, { action: 'answer' }, TODAY)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      answerRequest(db, DISTRICT, late.id, { action: 'refuse', answer: ' ' }, TODAY),
    ).rejects.toMatchObject({
      status: 400,
      fields: [{ field: 'answer' }],
    });
    const answered = await answerRequest(
      db,
      DISTRICT,
      late.id,
      { action: 'answer', answer: 'Ban CHQS huyện cử 10 chiến sĩ, 16/01' },
      TODAY,
    );
    expect(answered).toMatchObject({ state: 'answered', overdue: false, answeredOn: TODAY });
    await expect(
      answerRequest(db, DISTRICT, late.id, { action: 'refuse', answer: 'x' }, TODAY),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect(
      (await listRequests(db, TOWN, { unit: '06385', overdue: true, limit: 50, offset: 0 }, TODAY)).total,
    ).toBe(0);
    expect(await auditCount('support_request')).toBe(3); // two created, one answered
    expect((await verifyAudit(db)).problems).toEqual([]);
  });

  it('imports a list all-or-nothing: a bad row stores nothing and is named, a good list stores every row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'establishments-'));
    const file = (name: string, lines: string[]) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, lines.join('\n'));
      return { path: p, fileName: name, unitCode: '186' };
    };
    const header = ['STT,Tên cơ sở,Loại hình,Quy mô,Xã,Số điện thoại'];
    const before = (await listEstablishments(db, DISTRICT, { unit: '186', limit: 1, offset: 0 }, TODAY))
      .total;
    const bad = await importEstablishments(
      db,
      DISTRICT,
      file('bad.csv', [...header, '1,Chợ Yên Thịnh,Chợ,Vừa,Yên Thịnh,', '2,Cửa hàng X,Khác,,Hữu Liên,']),
      TODAY,
    );
    expect(bad).toMatchObject({ committed: false, imported: 0, rejected: 1 });
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Loại hình']]);
    const good = await importEstablishments(
      db,
      DISTRICT,
      file('good.csv', [
        ...header,
        '1,Chợ Yên Thịnh,Chợ,Vừa,Yên Thịnh,0912345678',
        '2,Trường Mầm non Hữu Liên,Trường học,,06388,',
      ]),
      TODAY,
    );
    expect(good).toMatchObject({ committed: true, imported: 2 });
    expect((await listEstablishments(db, DISTRICT, { unit: '186', limit: 1, offset: 0 }, TODAY)).total).toBe(
      before + 2,
    );
    // Outside the caller's scope: refused before the file is read.
    await expect(importEstablishments(db, HUU_LIEN, file('x.csv', header), TODAY)).rejects.toMatchObject({
      status: 403,
    });
  });
});
