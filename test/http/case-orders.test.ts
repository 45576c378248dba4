import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { systemScope } from '../../src/features/auth/index.ts';
import { createCase } from '../../src/features/cases/cases-store.ts';
import { addContact } from '../../src/features/cases/contacts-store.ts';
import { personRow } from '../../src/features/persons/store.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

/** F1 quarantine decisions with delivery records, and the F0 list upload, as a browser uses them. */
describe('quarantine decisions and the F0 list upload over HTTP', () => {
  let server: Running;
  let district: Session;
  beforeAll(async () => {
    server = await startServer('sqlite');
    district = await login(server.base, 'demo.huyen');
  });
  afterAll(() => server.close());

  const json = async (session: Session, method: string, url: string, body?: unknown) => {
    const res = await call(server.base, session, method, url, body);
    return { status: res.status, body: await res.json() };
  };

  it('a commune issues one decision for its contacts, prints it and records each delivery', async () => {
    const system = systemScope('test');
    // The server's day (the clock, or the demo calendar): the contacts are exposed two days before it.
    const today = (await json(district, 'GET', '/api/cases/summary?unit=186')).body.date as string;
    const exposed = addDays(today, -2);
    const place = { province_code: '20', district_code: '186', commune_code: '06400' };
    const person = async (name: string) =>
      (
        await server.db.db
          .insertInto('persons')
          .values(
            personRow(
              personInput({ fullName: name, birthDate: '1980-02-02', birthYear: 1980, sex: 'female' }),
              place,
              {
                now: new Date().toISOString(),
              },
            ),
          )
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const index = await createCase(
      server.db,
      system,
      { personId: await person('Ca Nguồn'), sampleDate: exposed, testKind: 'pcr', placeOfCare: 'home' },
      today,
    );
    const contactIds = [];
    for (const name of ['Hoàng Thị Mai', 'Hoàng Văn Bình'])
      contactIds.push(
        (
          await addContact(
            server.db,
            system,
            index.id,
            { personId: await person(name), exposureDate: exposed },
            today,
          )
        ).id,
      );
    const commune = await login(server.base, 'demo.xa.06400');
    const candidates = await json(commune, 'GET', '/api/quarantine-orders/candidates?unit=06400');
    expect(candidates.body.contacts.map((c: { contactId: number }) => c.contactId)).toEqual(
      expect.arrayContaining(contactIds),
    );
    const created = await json(commune, 'POST', '/api/quarantine-orders', {
      unit: '06400',
      number: '31/QĐ-UBND',
      issuedOn: today,
      signerName: 'Hoàng Văn Thành',
      signerTitle: 'Chủ tịch',
      contactIds,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ persons: 2, delivered: 0 });
    const order = await json(commune, 'GET', `/api/quarantine-orders/${created.body.id}`);
    expect(order.body.issuer).toMatch(/^Ủy ban nhân dân/);
    // Each line carries its contact's plan: the end after the exposure, the test days within it.
    for (const l of order.body.lines) {
      expect(l.quarantineEndsOn > exposed).toBe(true);
      expect(l.testDates.length).toBeGreaterThan(0);
    }
    const line = order.body.lines[0];
    // "Received" without the receiver is a 400 naming the field; nothing is written.
    const bad = await json(commune, 'PUT', `/api/quarantine-order-lines/${line.id}/delivery`, {
      deliveredBy: 'Tổ COVID',
      deliveredAt: `${today}T07:30`,
      outcome: 'received',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('receivedBy');
    const ok = await json(commune, 'PUT', `/api/quarantine-order-lines/${line.id}/delivery`, {
      deliveredBy: 'Tổ COVID',
      deliveredAt: `${today}T07:30`,
      outcome: 'received',
      receivedBy: 'Con trai',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: line.id, delivery: { outcome: 'received', receivedBy: 'Con trai' } });
    const list = await json(district, 'GET', '/api/quarantine-orders?unit=186');
    expect(list.body.orders.find((o: { id: number }) => o.id === created.body.id)).toMatchObject({
      delivered: 1,
    });
    // Another commune sees neither the decision nor its lines.
    const other = await login(server.base, 'demo.xa.06385');
    expect((await call(server.base, other, 'GET', `/api/quarantine-orders/${created.body.id}`)).status).toBe(
      404,
    );
    expect(
      (
        await call(server.base, other, 'PUT', `/api/quarantine-order-lines/${line.id}/delivery`, {
          deliveredBy: 'X',
          deliveredAt: `${today}T07:30`,
          outcome: 'refused',
        })
      ).status,
    ).toBe(404);
  });

  it("imports a commune's uploaded F0 list and names the rejected rows; the report is the commune's", async () => {
    const commune = await login(server.base, 'demo.xa.06400');
    const upload = await fetch(`${server.base}/api/persons/uploads`, {
      method: 'POST',
      headers: {
        cookie: commune.cookie,
        'x-csrf-token': commune.csrf,
        'content-type': 'application/octet-stream',
        'x-file-name': 'f0-yen-thinh.csv',
      },
      body: fs.readFileSync('test/fixtures/cases/f0-yen-thinh.csv'),
    });
    const { uploadId } = await upload.json();
    const imported = await json(commune, 'POST', '/api/cases/imports', { uploadId, unit: '06400' });
    expect(imported.status).toBe(200);
    const r = imported.body;
    expect(r.committed).toBe(true);
    expect(r.imported + r.rejected).toBe(r.rowsRead);
    expect(r.matched + r.newPersons).toBe(r.imported);
    expect(r.errors).toContainEqual(
      expect.objectContaining({ row: 4, column: 'Loại xét nghiệm', reason: expect.objectContaining({}) }),
    );
    const report = await call(server.base, commune, 'GET', `/api/cases/imports/${r.importId}/errors`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('spreadsheetml');
    const other = await login(server.base, 'demo.xa.06385');
    expect((await call(server.base, other, 'GET', `/api/cases/imports/${r.importId}/errors`)).status).toBe(
      404,
    );
    // A commune's list goes to a commune it may reach: another commune's code is refused.
    const elsewhere = await json(other, 'POST', '/api/cases/imports', { uploadId, unit: '06400' });
    expect([403, 404]).toContain(elsewhere.status);
  });
});
