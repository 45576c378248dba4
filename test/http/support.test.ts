import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { ENGINES } from '../support/databases.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

/** Issue 17: the preview contract, jurisdiction, a claim through review and approval, the payment list. */
describe.each(ENGINES)('support over HTTP on %s', (engine) => {
  let server: Running;
  let district: Session;
  let commune: Session;
  let adult: number;
  let child: number;

  beforeAll(async () => {
    server = await startServer(engine);
    district = await login(server.base, 'demo.huyen');
    commune = await login(server.base, 'demo.xa.06385');
    const ids = await insertPersonRows(
      server.app.db,
      server.app.db.db,
      [
        ['Hoàng Văn Hỗ', '1975-02-02'],
        ['Hoàng Thị Trợ', '2011-09-09'],
      ].map(([fullName, birthDate]) =>
        personRow(
          personInput({
            fullName: fullName!,
            birthDate: birthDate!,
            birthYear: Number(birthDate!.slice(0, 4)),
          }),
          { province_code: '20', district_code: '186', commune_code: '06385' },
          { now: new Date().toISOString() },
        ),
      ),
    );
    [adult, child] = [ids[0]!, ids[1]!];
    // Both treated from 10/12/2021; the adult recovered on 25/12, the child is still under treatment.
    for (const personId of [adult, child]) {
      const res = await call(server.base, district, 'POST', '/api/cases', {
        personId,
        sampleDate: '2021-12-10',
        testKind: 'pcr',
        placeOfCare: 'home',
      });
      expect(res.status).toBe(200);
      if (personId === adult) {
        const { id } = await res.json();
        const out = await call(server.base, district, 'POST', `/api/cases/${id}/outcome`, {
          status: 'recovered',
          on: '2021-12-25',
        });
        expect(out.status).toBe(200);
      }
    }
  }, 120_000);
  afterAll(() => server.close());

  it('answers the claims the records make eligible, in the contract’s shape', async () => {
    const res = await call(server.base, commune, 'POST', '/api/support/claims/preview?unit=06385');
    expect(res.status).toBe(200);
    const { claims } = await res.json();
    const of = (personId: number) => claims.find((c: { personId: number }) => c.personId === personId);
    // 10–24/12: 15 days × 80,000.
    expect(of(adult)).toMatchObject({ personId: adult, policy: 'f0Treatment', days: 15, amount: 1_200_000 });
    // 10–31/12 (the period ends on 31/12/2021): 22 days × 80,000 + the child's 1,000,000.
    expect(of(child)).toMatchObject({
      policy: 'f0Treatment',
      days: 22,
      amount: 2_760_000,
      childSupplement: true,
    });
  });

  it('keeps a commune to its own records', async () => {
    const res = await call(server.base, commune, 'POST', '/api/support/claims/preview?unit=06388');
    expect([403, 404]).toContain(res.status);
    const bad = await call(server.base, commune, 'POST', '/api/support/claims/preview?unit=abc');
    expect(bad.status).toBe(400);
  });

  it('takes a claim through review and approval, once, and lists it for payment', async () => {
    const made = await call(server.base, commune, 'POST', '/api/support/claims', {
      personId: adult,
      policy: 'f0Treatment',
    });
    expect(made.status).toBe(200);
    const claim = await made.json();
    expect(claim).toMatchObject({ amount: 1_200_000, status: 'submitted', communeCode: '06385' });
    const twice = await call(server.base, district, 'POST', '/api/support/claims', {
      personId: adult,
      policy: 'f0Treatment',
      from: '2021-12-10',
      to: '2021-12-20',
    });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.message).toContain('Thị trấn Hữu Lũng');
    const backwards = await call(server.base, commune, 'POST', '/api/support/claims', {
      personId: adult,
      policy: 'workStoppage',
      from: '2021-09-20',
      to: '2021-09-01',
    });
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).error.fields[0].field).toBe('to');

    expect(
      (await call(server.base, district, 'POST', `/api/support/claims/${claim.id}/review`, {})).status,
    ).toBe(409);
    expect(
      (await call(server.base, commune, 'POST', `/api/support/claims/${claim.id}/review`, {})).status,
    ).toBe(200);
    expect(
      (await call(server.base, commune, 'POST', `/api/support/claims/${claim.id}/approve`, {})).status,
    ).toBe(409);
    const approved = await call(server.base, district, 'POST', `/api/support/claims/${claim.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect((await approved.json()).status).toBe('approved');

    const missed = await call(server.base, commune, 'GET', '/api/support/missed?unit=06385');
    const { people } = await missed.json();
    expect(people.map((p: { personId: number }) => p.personId)).toContain(child);
    expect(people.map((p: { personId: number }) => p.personId)).not.toContain(adult);

    const file = await call(server.base, district, 'GET', '/api/support/payment-list.xlsx?unit=186');
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const rows: string[] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
    expect(rows.find((r) => r.includes('Ký nhận'))).toBeTruthy();
    expect(rows.find((r) => r.includes('Hoàng Văn Hỗ'))).toContain('1200000');
  });
});
