/**
 * The demo district's Omicron-season wave, 1 December 2021 to the demo's day: cases rising through December
 * and January in every commune of the district (mostly treated at home, as 4038/QĐ-BYT allowed), recovered
 * after 10 days and a negative test as the rules of the time asked, a few moved to a facility; each case's
 * positive test among the station's negative ones; some close contacts in quarantine; this morning's checks
 * of a commune's home-treated cases, one with SpO2 at 94 % (an open escalation). Deterministic per commune;
 * cases and tests in bulk, one transaction per commune; contacts, transfers and checks through the stores.
 */
import { addDays, daysBetween } from '../../core/dates.ts';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import { hashCode, unitTree } from '../admin-units/index.ts';
import { systemScope } from '../auth/index.ts';
import { mulberry32, personFactsOfCommune } from '../persons/index.ts';
import { insertCases, transferCase } from './cases-store.ts';
import { checkByTeam } from './checks-store.ts';
import { addContact } from './contacts-store.ts';
import { applyCounts } from './counts-store.ts';
import type { PlaceOfCare } from './rules/day-counts.ts';
import { testCounts } from './rules/day-counts.ts';

const WAVE_START = '2021-12-01';
/** Expected new cases a day in a commune: a trickle at the start, about 2.7 by the demo's day. */
const rateOn = (share: number) => 0.2 + 2.5 * share * share;
/** Release after 10 days and a negative test (before 250/QĐ-BYT of 28/01/2022); a few stay longer. */
const DAYS_TO_RECOVERY = 10;
const NEGATIVE_TESTS_PER_CASE = 4;

function placeOf(u: number): PlaceOfCare {
  return u < 0.85 ? 'home' : u < 0.95 ? 'communeStation' : 'facility';
}

export async function seedDemoCases(db: Db, area: { districtCode: string; today: string }) {
  const scope = systemScope('demo');
  const tree = await unitTree(db);
  const communes = tree.children(area.districtCode).map((c) => c.code);
  const days = daysBetween(WAVE_START, area.today);
  const now = new Date().toISOString();
  for (const [n, code] of communes.entries()) {
    const rand = mulberry32(hashCode(`cases:${code}`));
    const unit = tree.get(code)!;
    const place = {
      province_code: unit.province_code!,
      district_code: unit.district_code!,
      commune_code: code,
    };
    const people = (await personFactsOfCommune(db.db, code)).filter(
      (p) => p.status === 'resident' && p.merged_into === null,
    );
    // Shuffled once: the first become cases, the next contacts.
    for (let i = people.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [people[i], people[j]] = [people[j]!, people[i]!];
    }
    const cases: Parameters<typeof insertCases>[3][number][] = [];
    for (let d = 0; d <= days && cases.length < people.length / 2; d++) {
      const day = addDays(WAVE_START, d);
      const count = Math.floor(rateOn(d / days) + rand());
      for (let k = 0; k < count; k++) {
        const person = people[cases.length]!;
        const recovers = daysBetween(day, area.today) > DAYS_TO_RECOVERY && rand() < 0.9;
        cases.push({
          ...place,
          person_id: person.id,
          sample_date: day,
          test_kind: rand() < 0.8 ? 'rapidAntigen' : 'pcr',
          confirmed_on: day,
          place_of_care: placeOf(rand()),
          severity: 'mild',
          status: recovers ? 'recovered' : 'treating',
          outcome_on: recovers ? addDays(day, DAYS_TO_RECOVERY) : null,
          source_case_id: null,
          note: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        });
      }
    }
    const tests = cases.flatMap((c) => [
      { ...place, person_id: c.person_id, kind: c.test_kind, sample_date: c.sample_date, result: 'positive' },
      ...Array.from({ length: NEGATIVE_TESTS_PER_CASE }, () => ({
        ...place,
        person_id: null,
        kind: 'rapidAntigen',
        sample_date: c.sample_date,
        result: 'negative',
      })),
    ]);
    const stored = await db.db.transaction().execute(async (trx) => {
      const rows = await insertCases(db, trx, tree, cases);
      const testRows = tests.map((t) => ({ ...t, place: 'Trạm Y tế', taken_by: null, created_at: now }));
      await insertRows(db, trx, 'covid_tests', testRows);
      await applyCounts(trx, tree, testRows.flatMap(testCounts));
      return rows;
    });

    const treating = stored.filter((c) => c.status === 'treating');
    // A few moved from home to a facility on their third day.
    for (const c of treating.filter((t, i) => t.place_of_care === 'home' && i % 25 === 3))
      await transferCase(
        db,
        scope,
        c.id,
        {
          on: [addDays(c.confirmed_on, 3), area.today].sort()[0]!,
          placeOfCare: 'facility',
          facility: 'Trung tâm Y tế huyện',
        },
        area.today,
      );
    // The household contacts of the latest cases, in quarantine.
    const contacts = people.slice(cases.length, cases.length + 6);
    for (const [i, person] of contacts.entries()) {
      const source = treating.at(-1 - (i % 3));
      if (source)
        await addContact(
          db,
          scope,
          source.id,
          { personId: person.id, exposureDate: source.sample_date, setting: 'household' },
          area.today,
        );
    }
    // This morning's checks in the district's first commune; one patient's SpO2 has fallen to 94 %.
    if (n === 0)
      for (const [i, c] of treating
        .filter((t) => t.place_of_care === 'home')
        .slice(0, 12)
        .entries())
        await checkByTeam(
          db,
          scope,
          c.id,
          {
            spo2: i === 0 ? 94 : 97 + (i % 3),
            respiratoryRate: 16 + (i % 3),
            temperature: 37 + (i % 4) / 5,
            signs: [],
          },
          area.today,
        );
  }
}
