import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { createCase, setCaseOutcome } from '../../src/features/cases/cases-store.ts';
import { addContact } from '../../src/features/cases/contacts-store.ts';
import { recordTest } from '../../src/features/cases/tests-store.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { actOnClaim, createClaim, previewClaims } from '../../src/features/support/claims-store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const TODAY = '2022-01-15';
const province: Scope = { userId: 1, username: 'support-test', role: 'admin', unitCode: '20', ip: null };
const scopeOf = (unitCode: string): Scope => ({ ...province, role: 'officer', unitCode });

/** Issue 17: claims from records, and one payment per person per policy, across communes, under races. */
describe.each(ENGINES)('support claims on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  let otherDistrictCommune: string;
  let named = 0;
  const newPerson = async (commune: string, birthDate = '1980-05-05') => {
    const place = await db.db
      .selectFrom('admin_units')
      .select(['province_code', 'district_code'])
      .where('code', '=', commune)
      .executeTakeFirstOrThrow();
    const [id] = await insertPersonRows(db, db.db, [
      personRow(
        {
          fullName: `Người Hỗ Trợ ${++named}`,
          birthDate,
          birthYear: Number(birthDate.slice(0, 4)),
          sex: 'female',
          nationalId: null,
          phone: null,
          villageId: null,
          address: null,
          householdHead: null,
          relationToHead: null,
          occupation: null,
          priorityGroups: [],
          status: 'resident',
          note: null,
        },
        { province_code: place.province_code!, district_code: place.district_code!, commune_code: commune },
        { now: new Date().toISOString() },
      ),
    ]);
    return id!;
  };
  /** A claim row as a commune would have made it, already reviewed (the race is at approval). */
  const reviewedClaim = async (personId: number, commune: string) => {
    const place = await db.db
      .selectFrom('admin_units')
      .select(['province_code', 'district_code'])
      .where('code', '=', commune)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const row = await db.db
      .insertInto('support_claims')
      .values({
        province_code: place.province_code!,
        district_code: place.district_code!,
        commune_code: commune,
        person_id: personId,
        policy: 'f0Treatment',
        rule_set_id: 'NQ-68-CP',
        source: 'application',
        period_from: '2021-12-01',
        period_to: '2021-12-10',
        days: 10,
        paid_days: 10,
        child_supplement: 0,
        amount: 800_000,
        provisional: 0,
        status: 'reviewed',
        note: null,
        reason: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };

  beforeAll(async () => {
    db = await seededDb(engine);
    otherDistrictCommune = (
      await db.db
        .selectFrom('admin_units')
        .select('code')
        .where('district_code', '=', '187')
        .where('level', '=', 3)
        .orderBy('code')
        .executeTakeFirstOrThrow()
    ).code;
  });
  afterAll(() => db.close());

  it('builds F0 and F1 claims from the records, days inside the period, a child once', async () => {
    const adult = await newPerson('06385');
    const child = await newPerson('06385', '2012-03-01');
    const contact = await newPerson('06385');
    const c1 = await createCase(
      db,
      province,
      { personId: adult, sampleDate: '2021-12-20', testKind: 'pcr', placeOfCare: 'home' },
      TODAY,
    );
    await setCaseOutcome(db, province, c1.id, { status: 'recovered', on: '2022-01-05' }, TODAY);
    const c2 = await createCase(
      db,
      province,
      { personId: child, sampleDate: '2021-12-01', testKind: 'pcr', placeOfCare: 'home' },
      TODAY,
    );
    // Released on day 10 with a negative test (the release rule in force then).
    await recordTest(
      db,
      province,
      {
        personId: child,
        commune: '06385',
        kind: 'rapidAntigen',
        sampleDate: '2021-12-11',
        result: 'negative',
      },
      TODAY,
    );
    await setCaseOutcome(db, province, c2.id, { status: 'recovered', on: '2021-12-11' }, TODAY);
    const f1 = await addContact(
      db,
      province,
      c1.id,
      { personId: contact, exposureDate: '2021-12-19' },
      TODAY,
    );
    const childAsF1 = await addContact(
      db,
      province,
      c1.id,
      { personId: child, exposureDate: '2021-12-19' },
      TODAY,
    );
    const { claims } = await previewClaims(db, scopeOf('06385'), '06385', TODAY);
    const of = (personId: number, policy: string) =>
      claims.find((c) => c.personId === personId && c.policy === policy);
    // 20–31/12: 12 days inside 27/04–31/12/2021.
    expect(of(adult, 'f0Treatment')).toMatchObject({ days: 12, amount: 960_000, childSupplement: false });
    // 01–10/12 (recovered on the 11th): 10 days, and the child's one-off 1,000,000.
    expect(of(child, 'f0Treatment')).toMatchObject({ days: 10, amount: 1_800_000, childSupplement: true });
    // From the day after exposure (19/12) through the last day of quarantine, cut at 31/12.
    const f1Days = (ends: string) => Math.min((Date.parse(ends) - Date.parse('2021-12-19')) / 86_400_000, 12);
    const days = f1Days(f1.quarantine_ends_on);
    expect(of(contact, 'f1Quarantine')).toMatchObject({ days, amount: days * 80_000 });
    // The child's supplement went with the F0 claim: the F1 claim has none.
    const childDays = f1Days(childAsF1.quarantine_ends_on);
    expect(of(child, 'f1Quarantine')).toMatchObject({ childSupplement: false, amount: childDays * 80_000 });

    // From the records, then refused a second time with the first claim's commune named.
    const made = await createClaim(db, scopeOf('06385'), { personId: adult, policy: 'f0Treatment' }, TODAY);
    expect(made).toMatchObject({ days: 12, amount: 960_000, status: 'submitted', source: 'records' });
    const again = await createClaim(
      db,
      province,
      { personId: adult, policy: 'f0Treatment', from: '2021-12-20', to: '2021-12-30' },
      TODAY,
    ).catch((e) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again.status).toBe(409);
    expect(again.message).toContain('Hữu Lũng');
    // A commune cannot preview another commune.
    await expect(previewClaims(db, scopeOf('06385'), '06388', TODAY)).rejects.toMatchObject({ status: 403 });
  });

  it('never pays one person twice under a policy, across communes and districts, under concurrent approvals', async () => {
    for (let round = 0; round < 4; round++) {
      const person = await newPerson('06385');
      const here = await reviewedClaim(person, '06385');
      const there = await reviewedClaim(person, round % 2 ? '06388' : otherDistrictCommune);
      const [a, b] = await Promise.allSettled([
        actOnClaim(db, scopeOf('186'), here, 'approve', null),
        actOnClaim(db, scopeOf(round % 2 ? '20' : '187'), there, 'approve', null),
      ]);
      const outcomes = [a, b].map((r) => r.status);
      expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
      const refused = (a.status === 'rejected' ? a : (b as PromiseRejectedResult)).reason;
      expect(refused).toBeInstanceOf(AppError);
      expect(refused.status).toBe(409);
      expect(refused.message).toMatch(/claim \d+, (Xã|Thị trấn)/);
      const approved = await db.db
        .selectFrom('support_claims')
        .select('id')
        .where('person_id', '=', person)
        .where('status', '=', 'approved')
        .execute();
      expect(approved).toHaveLength(1);
    }
  });

  it('holds the rule in the database itself: a second approved row is refused by the unique index', async () => {
    const person = await newPerson('06385');
    const first = await reviewedClaim(person, '06385');
    const second = await reviewedClaim(person, otherDistrictCommune);
    await actOnClaim(db, scopeOf('186'), first, 'approve', null);
    await expect(
      db.db.updateTable('support_claims').set({ status: 'approved' }).where('id', '=', second).execute(),
    ).rejects.toThrow();
    // Another policy for the same person is a different payment.
    const other = await createClaim(db, scopeOf('06385'), { personId: person, policy: 'tourGuide' }, TODAY);
    expect(other.amount).toBe(3_710_000);
  });
});
