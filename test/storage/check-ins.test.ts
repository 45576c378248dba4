import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDayStart } from '../../src/core/dates.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { createCase } from '../../src/features/cases/cases-store.ts';
// The feature's index registers its reaction to confirmed cases, as the server's feature list does.
import '../../src/features/check-ins/index.ts';
import {
  checkIn,
  createVenue,
  listExposures,
  makeContacts,
  venueCheckIns,
} from '../../src/features/check-ins/store.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const TODAY = '2022-01-15';
const COMMUNE = '06385';
const OTHER = '06388';
const officer = (unitCode: string): Scope => ({
  userId: 1,
  username: `officer.${unitCode}`,
  role: 'officer',
  unitCode,
  ip: '127.0.0.1',
});
/** A check-in at 08:00 + `minute` on a day, Vietnam time. */
const at = (day: string, minute = 0) =>
  new Date(Date.parse(vietnamDayStart(day)) + (8 * 60 + minute) * 60_000);

describe.each(ENGINES)('check-ins and venue exposures on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  const person = async (fullName: string, phone: string | null, nationalId: string | null = null) => {
    const place = await db.db
      .selectFrom('admin_units')
      .select(['province_code', 'district_code', 'code as commune_code'])
      .where('code', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    const [id] = await insertPersonRows(db, db.db, [
      personRow(
        {
          fullName,
          birthDate: '1980-05-05',
          birthYear: 1980,
          sex: 'female',
          nationalId,
          phone,
          villageId: null,
          address: null,
          householdHead: null,
          relationToHead: null,
          occupation: null,
          priorityGroups: [],
          status: 'resident',
          note: null,
        },
        { province_code: place.province_code!, district_code: place.district_code!, commune_code: COMMUNE },
        { now: new Date().toISOString() },
      ),
    ]);
    return id!;
  };
  const auditRows = (entity: string, action: string) =>
    db.db
      .selectFrom('audit_log')
      .select(['username', 'unit_code'])
      .where('entity', '=', entity)
      .where('action', '=', action)
      .execute();

  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db.close());

  it('lists who shared a venue with a confirmed case in its window, in the venue commune only, and makes them F1 in one action', async () => {
    const trader = await person('Lý Thị Thu', '0912000001');
    await person('Nông Văn Bảy', '0912000002'); // in the registry by phone
    await person('Hoàng Thị Cúc', null, '020180000003'); // in the registry by CCCD
    const market = await createVenue(db, officer(COMMUNE), {
      unit: COMMUNE,
      name: 'Chợ Mẹt',
      kind: 'market',
    });
    const shop = await createVenue(db, officer(COMMUNE), {
      unit: COMMUNE,
      name: 'Tạp hóa Hằng',
      kind: 'shop',
    });
    const token = market.path.split('/').pop()!;
    const shopToken = shop.path.split('/').pop()!;
    const visit = (
      t: string,
      fullName: string,
      phone: string,
      day: string,
      nationalId: string | null = null,
    ) => checkIn(db, t, { fullName, phone, birthYear: 1985, nationalId }, null, at(day, phone.length));
    await visit(token, 'Lý Thị Thu', '0912000001', '2022-01-10'); // the trader, in the window
    await visit(token, 'Nông Văn Bảy', '0912000002', '2022-01-10');
    await visit(token, 'Hoàng Thị Cúc', '0987000003', '2022-01-10', '020180000003');
    await visit(token, 'Khách Lạ', '0987000004', '2022-01-10'); // not in the registry
    await visit(token, 'Sáng Hôm Sau', '0987000005', '2022-01-12'); // the trader was not there that day
    await visit(shopToken, 'Lý Thị Thu', '0912000001', '2022-01-07'); // before the window
    await visit(shopToken, 'Trước Cửa Sổ', '0987000006', '2022-01-07');

    const c = await createCase(
      db,
      officer(COMMUNE),
      { personId: trader, sampleDate: '2022-01-11', testKind: 'pcr', placeOfCare: 'home' },
      TODAY,
    );
    const listed = await listExposures(db, officer(COMMUNE), { unit: COMMUNE, limit: 50, offset: 0 });
    expect(listed.exposures.map((e) => e.fullName).sort()).toEqual([
      'Hoàng Thị Cúc',
      'Khách Lạ',
      'Nông Văn Bảy',
    ]);
    expect(listed.exposures.every((e) => e.caseId === c.id && e.status === 'listed')).toBe(true);
    expect(await auditRows('venue_exposure', 'read')).toContainEqual({
      username: `officer.${COMMUNE}`,
      unit_code: COMMUNE,
    });
    // Another commune sees none of them, and cannot ask for this one's.
    expect(
      (await listExposures(db, officer(OTHER), { unit: OTHER, limit: 50, offset: 0 })).exposures,
    ).toEqual([]);
    await expect(
      listExposures(db, officer(OTHER), { unit: COMMUNE, limit: 50, offset: 0 }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(makeContacts(db, officer(OTHER), c.id, TODAY)).rejects.toMatchObject({ status: 404 });

    const made = await makeContacts(db, officer(COMMUNE), c.id, TODAY);
    expect(made.skipped).toEqual([]);
    expect(made.exposures.map((e) => e.status)).toEqual(['contact', 'contact', 'contact']);
    const contacts = await db.db
      .selectFrom('contacts')
      .innerJoin('persons', 'persons.id', 'contacts.person_id')
      .select(['persons.full_name', 'persons.note', 'contacts.exposure_date', 'contacts.quarantine_ends_on'])
      .where('contacts.case_id', '=', c.id)
      .orderBy('persons.full_name')
      .execute();
    // The quarantine comes from the cases feature's F1 rules (exposed 10/01/2022: 10696/BYT-MT, unvaccinated).
    expect(contacts.map((r) => [r.full_name, r.exposure_date])).toEqual([
      ['Hoàng Thị Cúc', '2022-01-10'],
      ['Khách Lạ', '2022-01-10'],
      ['Nông Văn Bảy', '2022-01-10'],
    ]);
    expect(contacts.every((r) => r.quarantine_ends_on > '2022-01-10')).toBe(true);
    expect(contacts.find((r) => r.full_name === 'Khách Lạ')!.note).toMatch(/Check-in tại Chợ Mẹt/);
    // The registry's own records were found (by phone, by CCCD): only the stranger was registered.
    const registered = await db.db
      .selectFrom('persons')
      .select('full_name')
      .where('full_name', 'in', ['Hoàng Thị Cúc', 'Khách Lạ', 'Nông Văn Bảy'])
      .execute();
    expect(registered).toHaveLength(3);
    // Nothing is made twice.
    expect((await makeContacts(db, officer(COMMUNE), c.id, TODAY)).exposures).toEqual([]);
  });

  it("reads a venue's check-ins only in scope, and records the read", async () => {
    const venue = await createVenue(db, officer(COMMUNE), { unit: COMMUNE, name: 'UBND xã', kind: 'office' });
    await checkIn(
      db,
      venue.path.split('/').pop()!,
      { fullName: 'Người Đến', phone: '0912000099', birthYear: 1990 },
      '10.0.0.9',
      at('2022-01-14'),
    );
    await expect(venueCheckIns(db, officer(OTHER), venue.id, '2022-01-14')).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      createVenue(db, officer(OTHER), { unit: COMMUNE, name: 'Chợ', kind: 'market' }),
    ).rejects.toMatchObject({ status: 403 });
    const read = await venueCheckIns(db, officer(COMMUNE), venue.id, '2022-01-14');
    expect(read.checkIns.map((r) => r.fullName)).toEqual(['Người Đến']);
    expect(await auditRows('check_in', 'read')).toContainEqual({
      username: `officer.${COMMUNE}`,
      unit_code: COMMUNE,
    });
    // The public check-in's own audit entry names the venue, not a user; the address is not kept in clear.
    expect((await auditRows('check_in', 'create')).at(-1)).toEqual({
      username: `check-in:${venue.id}`,
      unit_code: COMMUNE,
    });
    const stored = await db.db
      .selectFrom('check_ins')
      .select('address_hash')
      .where('venue_id', '=', venue.id)
      .execute();
    expect(stored[0]!.address_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('throttles a flood from one address (the same phone again is the same check-in)', async () => {
    const venue = await createVenue(db, officer(COMMUNE), { unit: COMMUNE, name: 'Hội chợ', kind: 'event' });
    const token = venue.path.split('/').pop()!;
    const send = (i: number, minute: number) =>
      checkIn(
        db,
        token,
        { fullName: `Khách ${i}`, phone: `09120010${String(i).padStart(2, '0')}`, birthYear: 1990 },
        '10.9.9.9',
        at('2022-01-14', minute),
      );
    await send(0, 0);
    await send(0, 1);
    const stored = () =>
      db.db.selectFrom('check_ins').select('id').where('venue_id', '=', venue.id).execute();
    expect(await stored()).toHaveLength(1);
    for (let i = 1; i < 20; i++) await send(i, 1);
    await expect(send(20, 2)).rejects.toMatchObject({ status: 429, code: 'too_many_check_ins' });
    // Another address is not held up; the first one is again once its window has passed.
    await checkIn(
      db,
      token,
      { fullName: 'Khác', phone: '0912009999', birthYear: 1990 },
      '10.9.9.8',
      at('2022-01-14', 2),
    );
    await expect(send(21, 11)).resolves.toMatchObject({ venue: 'Hội chợ' });
  });
});
