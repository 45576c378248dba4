import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/features/auth/rules.ts';
import { createCase, setCaseOutcome } from '../../src/features/cases/cases-store.ts';
import { addContact } from '../../src/features/cases/contacts-store.ts';
import {
  createQuarantineOrder,
  listQuarantineOrders,
  orderCandidates,
  quarantineOrder,
  recordDelivery,
} from '../../src/features/cases/orders-store.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { worklistPage } from '../../src/features/vaccination/worklist-store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';
import { personInput } from '../support/persons.ts';

const TODAY = '2022-01-15';
const COMMUNE = '06385';
const admin: Scope = { userId: 1, username: 'orders-test', role: 'admin', unitCode: '20', ip: '127.0.0.1' };
const otherCommune: Scope = { ...admin, role: 'officer', unitCode: '06388' };

describe.each(ENGINES)('bulk quarantine decisions and the deferral after recovery on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  let named = 0;
  const newPersons = async (n: number) => {
    const place = { province_code: '20', district_code: '186', commune_code: COMMUNE };
    const rows = Array.from({ length: n }, () =>
      personRow(
        personInput({
          fullName: `Người Lệnh ${++named}`,
          birthDate: '1985-03-03',
          birthYear: 1985,
          sex: 'male',
        }),
        place,
        { now: new Date().toISOString() },
      ),
    );
    return insertPersonRows(db, db.db, rows);
  };

  beforeAll(async () => {
    db = await seededDb(engine);
    const unit = await db.db
      .selectFrom('admin_units')
      .select('district_code')
      .where('code', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    expect(unit.district_code).toBe('186');
  });
  afterAll(() => db.close());

  it('issues one decision for many contacts with their own end and test days, then records each delivery', async () => {
    const [f0, a, b, c] = await newPersons(4);
    const index = await createCase(
      db,
      admin,
      { personId: f0!, sampleDate: '2022-01-10', testKind: 'pcr', placeOfCare: 'home' },
      TODAY,
    );
    const contacts = [];
    for (const [person, day] of [
      [a!, '2022-01-09'],
      [b!, '2022-01-10'],
      [c!, '2022-01-11'],
    ] as const)
      contacts.push(await addContact(db, admin, index.id, { personId: person, exposureDate: day }, TODAY));

    const candidates = await orderCandidates(db, admin, COMMUNE, TODAY);
    expect(candidates.contacts.map((x) => x.contactId)).toEqual(contacts.map((x) => x.id));

    const bad = await createQuarantineOrder(
      db,
      admin,
      {
        unit: COMMUNE,
        number: '01/QĐ-UBND',
        issuedOn: TODAY,
        signerName: 'Nguyễn Văn An',
        signerTitle: 'Chủ tịch',
        contactIds: [contacts[0]!.id, 999_999],
      },
      TODAY,
    ).catch((e) => e);
    expect(bad.fields[0].field).toBe('contactIds.1');
    expect(await db.db.selectFrom('quarantine_orders').selectAll().execute()).toHaveLength(0);

    const order = await createQuarantineOrder(
      db,
      admin,
      {
        unit: COMMUNE,
        number: '01/QĐ-UBND',
        issuedOn: TODAY,
        signerName: 'Nguyễn Văn An',
        signerTitle: 'Chủ tịch',
        contactIds: contacts.map((x) => x.id),
      },
      TODAY,
    );
    expect(order).toMatchObject({ persons: 3, delivered: 0, number: '01/QĐ-UBND' });
    // A contact named in a decision is no candidate any more, and cannot be named twice.
    expect((await orderCandidates(db, admin, COMMUNE, TODAY)).contacts).toEqual([]);
    const again = await createQuarantineOrder(
      db,
      admin,
      {
        unit: COMMUNE,
        number: '02/QĐ-UBND',
        issuedOn: TODAY,
        signerName: 'Nguyễn Văn An',
        signerTitle: 'Chủ tịch',
        contactIds: [contacts[1]!.id],
      },
      TODAY,
    ).catch((e) => e);
    expect(again.status).toBe(400);

    const printed = await quarantineOrder(db, admin, order.id);
    expect(printed.issuer).toContain('Ủy ban nhân dân');
    // Each line carries its own contact's plan (10696/BYT-MT era: unvaccinated → 14 days, tests days 7 and 14).
    expect(printed.lines.map((l) => [l.exposureDate, l.quarantineEndsOn, l.testDates])).toEqual([
      ['2022-01-09', '2022-01-23', ['2022-01-16', '2022-01-23']],
      ['2022-01-10', '2022-01-24', ['2022-01-17', '2022-01-24']],
      ['2022-01-11', '2022-01-25', ['2022-01-18', '2022-01-25']],
    ]);

    const line = printed.lines[0]!;
    const refused = await recordDelivery(
      db,
      admin,
      line.id,
      {
        deliveredBy: 'Tổ COVID thôn 1',
        deliveredAt: '2022-01-15T09:00',
        outcome: 'refused',
        receivedBy: null,
      },
      TODAY,
    );
    expect(refused.delivery).toMatchObject({ outcome: 'refused', receivedBy: null });
    const noReceiver = await recordDelivery(
      db,
      admin,
      printed.lines[1]!.id,
      { deliveredBy: 'Tổ COVID thôn 1', deliveredAt: '2022-01-15T09:10', outcome: 'received' },
      TODAY,
    ).catch((e) => e);
    expect(noReceiver.fields.map((f: { field: string }) => f.field)).toEqual(['receivedBy']);
    const listed = await listQuarantineOrders(db, admin, { unit: '186', limit: 20, offset: 0 });
    expect(listed.orders.find((o) => o.id === order.id)).toMatchObject({ persons: 3, delivered: 1 });

    // Another commune neither sees the decision nor records on it.
    await expect(quarantineOrder(db, otherCommune, order.id)).rejects.toMatchObject({ status: 404 });
    const audit = await db.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', 'in', ['quarantine_order', 'quarantine_order_delivery'])
      .execute();
    expect(audit.map((x) => `${x.action}:${x.entity}`).sort()).toEqual([
      'create:quarantine_order',
      'read:quarantine_order',
      'update:quarantine_order_delivery',
    ]);
  });

  it('a recovery defers vaccination by 3 months (§6, provisional) and the worklist shows it deferred', async () => {
    const [p] = await newPersons(1);
    const c = await createCase(
      db,
      admin,
      { personId: p!, sampleDate: '2022-01-01', testKind: 'pcr', placeOfCare: 'facility' },
      TODAY,
    );
    await setCaseOutcome(db, admin, c.id, { status: 'recovered', on: '2022-01-12' }, TODAY);
    const deferral = await db.db
      .selectFrom('vaccination_deferrals')
      .selectAll()
      .where('person_id', '=', p!)
      .executeTakeFirstOrThrow();
    expect(deferral).toMatchObject({ until: '2022-04-12', provisional: 1, source_ref: String(c.id) });
    const list = await worklistPage(
      db,
      admin,
      { unitCode: COMMUNE, list: 'all', minAge: 18, page: 1 },
      TODAY,
    );
    const entry = list.persons.find((x) => x.personId === p);
    expect(entry?.outcome).toMatchObject({ outcome: 'deferred', until: '2022-04-12' });
    expect(entry?.hasReason).toBe(true);
  });
});
