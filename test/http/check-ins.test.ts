import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { call, lastAuditEntry, login, type Running, type Session, startServer } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

/** QR check-in over HTTP: the public page tells nothing about anyone and is throttled; officers stay in scope. */
describe('QR check-in', () => {
  let server: Running;
  let commune: Session;
  let other: Session;
  let venueId: number;
  let token: string;

  beforeAll(async () => {
    server = await startServer('sqlite');
    commune = await login(server.base, 'demo.xa.06385');
    other = await login(server.base, 'demo.xa.06400');
    const res = await call(server.base, commune, 'POST', '/api/venues', {
      unit: '06385',
      name: 'Chợ phiên Đồng Tân',
      kind: 'market',
    });
    expect(res.status).toBe(200);
    const venue = await res.json();
    venueId = venue.id;
    token = venue.path.split('/').pop();
    expect(token).toMatch(/^[\w-]{22}$/);
  });
  afterAll(() => server.close());

  it("the public page shows the venue and nothing else; a check-in's answer is the same whoever checks in", async () => {
    const form = await call(server.base, null, 'GET', `/api/check-in/${token}`);
    expect(await form.json()).toEqual({ name: 'Chợ phiên Đồng Tân', kind: 'market', address: null });
    const unknown = await call(server.base, null, 'GET', `/api/check-in/${'x'.repeat(22)}`);
    expect(unknown.status).toBe(404);
    const bad = await call(server.base, null, 'POST', `/api/check-in/${token}`, {
      fullName: 'Lê Văn Tám',
      phone: '12345',
      birthYear: 1980,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { field: string }) => f.field)).toEqual(['phone']);
    // A resident already in the registry (the demo's) and a stranger: the same answer, naming only venue and time.
    const registered = { full_name: 'Hoàng Thị Mai', phone: '0912345678', birth_year: 1975 };
    await insertPersonRows(server.app.db, server.app.db.db, [
      personRow(
        personInput({
          fullName: registered.full_name,
          birthYear: registered.birth_year,
          sex: 'female',
          phone: registered.phone,
        }),
        { province_code: '20', district_code: '186', commune_code: '06385' },
        { now: new Date().toISOString() },
      ),
    ]);
    for (const who of [
      { fullName: registered.full_name, phone: registered.phone!, birthYear: registered.birth_year },
      { fullName: 'Người Lạ', phone: '0987654321', birthYear: 1990 },
    ]) {
      const res = await call(server.base, null, 'POST', `/api/check-in/${token}`, who);
      expect(res.status).toBe(200);
      expect(Object.keys(await res.json()).sort()).toEqual(['at', 'venue']);
    }
    // Nobody without an account reads the check-ins.
    expect((await call(server.base, null, 'GET', `/api/venues/${venueId}/check-ins`)).status).toBe(401);
  });

  it('a flood from one address is throttled with a clear message', async () => {
    let res: Response | undefined;
    for (let i = 0; i < 25; i++) {
      res = await call(server.base, null, 'POST', `/api/check-in/${token}`, {
        fullName: `Khách ${i}`,
        phone: `09120011${String(i).padStart(2, '0')}`,
        birthYear: 1990,
      });
      if (res.status === 429) break;
      expect(res.status).toBe(200);
    }
    expect(res!.status).toBe(429);
    const { error: body } = await res!.json();
    expect(body.code).toBe('too_many_check_ins');
    expect(body.message).toMatch(/thử lại sau \d+ phút/);
  });

  it("officers read their commune's check-ins (audited); another commune gets 404 and 403", async () => {
    const day = (await (await fetch(`${server.base}/api/calendar`)).json()).today;
    const own = await call(server.base, commune, 'GET', `/api/venues/${venueId}/check-ins?day=${day}`);
    expect(own.status).toBe(200);
    expect((await own.json()).checkIns.length).toBeGreaterThanOrEqual(20);
    expect(await lastAuditEntry(server)).toMatchObject({
      action: 'read',
      entity: 'check_in',
      username: 'demo.xa.06385',
    });
    expect((await call(server.base, other, 'GET', `/api/venues/${venueId}/check-ins`)).status).toBe(404);
    expect((await call(server.base, other, 'GET', '/api/exposures?unit=06385')).status).toBe(403);
    const list = await call(server.base, other, 'GET', '/api/venues?unit=06400');
    expect((await list.json()).venues.every((v: { communeCode: string }) => v.communeCode === '06400')).toBe(
      true,
    );
  });
});
