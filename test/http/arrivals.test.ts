import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

/** Issue 17: the arrivals contract (GET /api/arrivals), the public declaration form, its throttle and silence. */
describe('arrivals: the contract route and the public declaration', () => {
  let server: Running;
  let commune: Session;
  let district: Session;
  let other: Session;
  let today: string;
  const CCCD = '020090001234';
  const declaration = (over: Record<string, unknown> = {}) => ({
    fullName: 'Lương Văn Tùng',
    nationalId: null,
    phone: '0912345678',
    birthYear: 1990,
    originCode: '09205', // a commune of Bắc Ninh
    arrivalDate: today,
    vaccination: 'full',
    test: null,
    stay: { communeCode: '06385', address: 'Nhà bố mẹ đẻ' },
    ...over,
  });

  beforeAll(async () => {
    server = await startServer('sqlite');
    today = ((await (await fetch(`${server.base}/api/calendar`)).json()) as { today: string }).today;
    commune = await login(server.base, 'demo.xa.06385');
    district = await login(server.base, 'demo.huyen');
    other = await login(server.base, 'demo.xa.06400');
    await insertPersonRows(server.app.db, server.app.db.db, [
      personRow(
        personInput({
          fullName: 'Hoàng Văn Nam',
          birthDate: '1990-04-02',
          birthYear: 1990,
          sex: 'male',
          nationalId: CCCD,
        }),
        { province_code: '20', district_code: '186', commune_code: '06385' },
        { now: new Date().toISOString() },
      ),
    ]);
  });
  afterAll(() => server.close());

  it('answers the public form with "received" only, whether the CCCD is known or not; links a known one', async () => {
    const known = await call(
      server.base,
      null,
      'POST',
      '/api/arrival-declarations',
      declaration({ nationalId: CCCD }),
    );
    const unknown = await call(
      server.base,
      null,
      'POST',
      '/api/arrival-declarations',
      declaration({ nationalId: '020090009999', fullName: 'Vi Thị Hoa' }),
    );
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    const [a, b] = [await known.text(), await unknown.text()];
    expect(a).toBe('{"status":"received"}');
    expect(b).toBe(a);
    const rows = await server.app.db.db
      .selectFrom('arrivals')
      .select(['national_id', 'person_id', 'channel'])
      .where('national_id', 'in', [CCCD, '020090009999'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.national_id, r.person_id !== null, r.channel])).toEqual([
      [CCCD, true, 'public'],
      ['020090009999', false, 'public'],
    ]);
  });

  it('refuses an arrival too far ahead and an origin that is no commune, naming the field', async () => {
    const ahead = await call(
      server.base,
      null,
      'POST',
      '/api/arrival-declarations',
      declaration({ arrivalDate: addDays(today, 31) }),
    );
    expect(ahead.status).toBe(400);
    expect((await ahead.json()).error.fields[0].field).toBe('arrivalDate');
    const origin = await call(
      server.base,
      null,
      'POST',
      '/api/arrival-declarations',
      declaration({ originCode: '27' }),
    );
    expect(origin.status).toBe(422);
    const body = await origin.json();
    expect(body.error.fields[0].field).toBe('originCode');
    expect(JSON.stringify(body)).not.toMatch(/stack|at \//);
  });

  it('lists the commune’s arrivals with what each must do by when and the rule set; audited; jurisdiction', async () => {
    const staff = await call(
      server.base,
      commune,
      'POST',
      '/api/arrivals',
      declaration({ fullName: 'Nông Thị Lan', vaccination: 'none' }),
    );
    expect(staff.status).toBe(200);
    const created = await staff.json();
    expect(created.obligations.length).toBeGreaterThan(0);
    const res = await call(server.base, commune, 'GET', `/api/arrivals?unit=06385&date=${today}&limit=2`);
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.ruleSet.id).toMatch(/4800|218/);
    expect(list.total).toBeGreaterThanOrEqual(3);
    expect(list.arrivals).toHaveLength(2);
    for (const a of list.arrivals) {
      expect(a.dueBy >= today).toBe(true);
      expect(a.dueNow).not.toBeNull();
      expect(a.nationalId ?? '•').toMatch(/^•/);
    }
    const audit = await server.app.db.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'username'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'read', entity: 'arrival', username: 'demo.xa.06385' });
    // The district sees its communes; another commune does not.
    expect((await call(server.base, district, 'GET', `/api/arrivals?unit=186&date=${today}`)).status).toBe(
      200,
    );
    expect((await call(server.base, other, 'GET', `/api/arrivals?unit=06385&date=${today}`)).status).toBe(
      403,
    );
    expect((await call(server.base, null, 'GET', `/api/arrivals?unit=06385&date=${today}`)).status).toBe(401);
    const forecast = await (
      await call(server.base, district, 'GET', `/api/arrivals/forecast?unit=186&from=${today}&days=7`)
    ).json();
    expect(forecast.origins[0]).toMatchObject({ provinceCode: '27' });
    expect(forecast.total).toBeGreaterThanOrEqual(3);
  });

  it('throttles one address after 30 declarations, with a message and nothing about persons', async () => {
    let status = 0;
    let sent = 0;
    while (sent < 40) {
      const res = await call(
        server.base,
        null,
        'POST',
        '/api/arrival-declarations',
        declaration({ fullName: `Khách ${sent}` }),
      );
      status = res.status;
      sent++;
      if (status === 429) {
        const body = await res.json();
        expect(body.error.code).toBe('too_many_declarations');
        break;
      }
      expect(status).toBe(202);
    }
    expect(status).toBe(429);
    expect(sent).toBeLessThanOrEqual(31);
  });
});
