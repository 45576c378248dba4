import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

/** Journey 4's core: a home-treated case posts a check through its personal link; the commune sees the escalation. */
describe('home treatment checks through the personal link', () => {
  let server: Running;
  let commune: Session;
  let other: Session;
  let caseId: number;
  let token: string;

  beforeAll(async () => {
    server = await startServer('sqlite');
    commune = await login(server.base, 'demo.xa.06385');
    other = await login(server.base, 'demo.xa.06400');
    const [personId] = await insertPersonRows(server.app.db, server.app.db.db, [
      personRow(
        personInput({
          fullName: 'Hoàng Thị Mai',
          birthDate: '1975-03-02',
          birthYear: 1975,
          sex: 'female',
          phone: '0912345678',
        }),
        { province_code: '20', district_code: '186', commune_code: '06385' },
        { now: new Date().toISOString() },
      ),
    ]);
    const res = await call(server.base, commune, 'POST', '/api/cases', {
      personId,
      sampleDate: '2022-01-03',
      testKind: 'rapidAntigen',
      placeOfCare: 'home',
    });
    expect(res.status).toBe(200);
    caseId = (await res.json()).id;
    const link = await call(server.base, commune, 'POST', `/api/cases/${caseId}/check-link`);
    expect(link.status).toBe(200);
    token = (await link.json()).token;
  });
  afterAll(() => server.close());

  it('the link shows only the given name and the day, to anyone holding it', async () => {
    const res = await call(server.base, null, 'GET', `/api/check-links/${token}`);
    expect(res.status).toBe(200);
    const form = await res.json();
    expect(Object.keys(form).sort()).toEqual(['checksPerDay', 'checksToday', 'day', 'givenName']);
    expect(form.givenName).not.toContain(' ');
  });

  it('SpO2 94 posted through the link raises warning 3 and an escalation the commune sees at once', async () => {
    const res = await call(server.base, null, 'POST', `/api/check-links/${token}/checks`, {
      spo2: 94,
      pulse: 90,
    });
    expect(res.status).toBe(200);
    const check = await res.json();
    expect(check.warnings.map((w: { number: number }) => w.number)).toEqual([3]);
    expect(check.escalation).toMatchObject({ actor: 'communeStation', call115: true });

    const seen = await (await call(server.base, commune, 'GET', '/api/escalations?unit=06385')).json();
    expect(seen.escalations.map((e: { caseId: number }) => e.caseId)).toContain(caseId);
    const district = await login(server.base, 'demo.huyen');
    const byDistrict = await (await call(server.base, district, 'GET', '/api/escalations?unit=186')).json();
    expect(byDistrict.escalations.map((e: { caseId: number }) => e.caseId)).toContain(caseId);
    // another commune sees neither the list of this one nor the case in its own
    expect((await call(server.base, other, 'GET', '/api/escalations?unit=06385')).status).toBe(403);
    const own = await (await call(server.base, other, 'GET', '/api/escalations?unit=06400')).json();
    expect(own.escalations.map((e: { caseId: number }) => e.caseId)).not.toContain(caseId);
  });

  it('a normal check raises nothing; an impossible one is refused naming the field', async () => {
    const fine = await (
      await call(server.base, null, 'POST', `/api/check-links/${token}/checks`, {
        spo2: 98,
        respiratoryRate: 16,
      })
    ).json();
    expect(fine.warnings).toEqual([]);
    expect(fine.escalation).toBeNull();
    const bad = await call(server.base, null, 'POST', `/api/check-links/${token}/checks`, {
      spo2: 130,
      pulse: 0,
    });
    expect(bad.status).toBe(400);
    const fields = (await bad.json()).error.fields.map((f: { field: string }) => f.field).join();
    expect(fields).toContain('spo2');
  });

  it('checks posted at once by many people commit together, each with its own escalation and audit entry', async () => {
    const people = await insertPersonRows(
      server.app.db,
      server.app.db.db,
      [1, 2, 3, 4, 5, 6].map((i) =>
        personRow(
          personInput({
            fullName: `Lăng Văn Tư ${i}`,
            birthDate: '1980-01-01',
            birthYear: 1980,
            sex: 'male',
          }),
          { province_code: '20', district_code: '186', commune_code: '06385' },
          { now: new Date().toISOString() },
        ),
      ),
    );
    const links: { caseId: number; token: string }[] = [];
    for (const personId of people) {
      const created = await call(server.base, commune, 'POST', '/api/cases', {
        personId,
        sampleDate: '2022-01-10',
        testKind: 'rapidAntigen',
        placeOfCare: 'home',
      });
      const id = (await created.json()).id as number;
      const link = await call(server.base, commune, 'POST', `/api/cases/${id}/check-link`);
      links.push({ caseId: id, token: (await link.json()).token });
    }
    // Every other person is short of breath (warning 3); a made-up link in the same burst fails alone.
    const answers = await Promise.all([
      ...links.map(({ token }, i) =>
        call(server.base, null, 'POST', `/api/check-links/${token}/checks`, { spo2: i % 2 ? 94 : 98 }),
      ),
      call(server.base, null, 'POST', `/api/check-links/${'A'.repeat(32)}/checks`, { spo2: 97 }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 404]);
    const checks = await Promise.all(answers.slice(0, 6).map((a) => a.json()));
    const db = server.app.db.db;
    const stored = await db
      .selectFrom('daily_checks')
      .select(['id', 'case_id', 'spo2'])
      .where(
        'id',
        'in',
        checks.map((c) => c.id),
      )
      .execute();
    expect(stored.map((r) => [Number(r.case_id), r.spo2]).sort((a, b) => a[0]! - b[0]!)).toEqual(
      links.map(({ caseId }, i) => [caseId, i % 2 ? 94 : 98]),
    );
    for (const [i, check] of checks.entries()) {
      expect(Number(stored.find((r) => Number(r.id) === check.id)!.case_id)).toBe(links[i]!.caseId);
      expect(Boolean(check.escalation)).toBe(i % 2 === 1);
    }
    const escalated = await db
      .selectFrom('escalations')
      .select(['case_id', 'check_id'])
      .where(
        'check_id',
        'in',
        checks.map((c) => c.id),
      )
      .execute();
    expect(
      escalated.map((e) => [Number(e.case_id), Number(e.check_id)]).sort((a, b) => a[0]! - b[0]!),
    ).toEqual([1, 3, 5].map((i) => [links[i]!.caseId, checks[i].id]));
    const audited = await db
      .selectFrom('audit_log')
      .select(['entity_id', 'username'])
      .where('entity', '=', 'daily_check')
      .where(
        'entity_id',
        'in',
        checks.map((c) => String(c.id)),
      )
      .execute();
    expect(
      audited.map((a) => [Number(a.entity_id), a.username]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual(
      checks
        .map((c, i) => [c.id, `check-link:${links[i]!.caseId}`])
        .sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('handling the escalation closes it; recovery kills the link; a made-up token is a 404', async () => {
    const open = await (await call(server.base, commune, 'GET', '/api/escalations?unit=06385')).json();
    const id = open.escalations.find((e: { caseId: number }) => e.caseId === caseId).id;
    expect(
      (await call(server.base, commune, 'POST', `/api/escalations/${id}/handle`, { note: 'Đã đến nhà' }))
        .status,
    ).toBe(200);
    const after = await (await call(server.base, commune, 'GET', '/api/escalations?unit=06385')).json();
    expect(after.escalations.map((e: { id: number }) => e.id)).not.toContain(id);

    // Treated at home, no negative test: released on day 14 under the rules before 250/QĐ-BYT, not before.
    const early = await call(server.base, commune, 'POST', `/api/cases/${caseId}/outcome`, {
      status: 'recovered',
      on: '2022-01-16',
    });
    expect(early.status).toBe(400);
    expect((await early.json()).error.fields.map((f: { field: string }) => f.field)).toEqual(['on']);
    const done = await call(server.base, commune, 'POST', `/api/cases/${caseId}/outcome`, {
      status: 'recovered',
      on: '2022-01-17',
    });
    expect(done.status).toBe(200);
    expect((await call(server.base, null, 'GET', `/api/check-links/${token}`)).status).toBe(404);
    // The station prints the recovery certificate; reading it is audited.
    const certificate = await call(server.base, commune, 'GET', `/api/cases/${caseId}/certificate`);
    expect(certificate.status).toBe(200);
    expect(await certificate.json()).toMatchObject({
      station: 'Trạm Y tế Thị trấn Hữu Lũng',
      person: { fullName: 'Hoàng Thị Mai', birthDate: '1975-03-02' },
      sampleDate: '2022-01-03',
      recoveredOn: '2022-01-17',
      ruleSet: { id: 'F0-10-NGAY', provisional: true },
    });
    const read = await server.app.db.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity', '=', 'case')
      .where('entity_id', '=', String(caseId))
      .where('action', '=', 'read')
      .execute();
    expect(read.map((r) => JSON.parse(r.details))).toContainEqual({ certificate: true });
    expect((await call(server.base, null, 'GET', `/api/check-links/${'x'.repeat(32)}`)).status).toBe(404);
  });
});
