/**
 * The demo district's Resolution 68 support as of its day (15/01/2022): in its first three communes the
 * December cases and contacts became claims; the first commune has reviewed most of its own and the district
 * approved and paid part of them; one worker's application (contract ended) waits for review. The other
 * communes have made none yet: their eligible people show on the "no one missed" list. Deterministic.
 */
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import type { DemoArea } from '../../server/feature-manifest.ts';
import { unitTree } from '../admin-units/index.ts';
import { type Scope, systemScope } from '../auth/index.ts';
import { personFactsOfCommune } from '../persons/index.ts';
import { actOnClaim, claimsFromRecords, createClaim } from './claims-store.ts';

const scopeOf = (unitCode: string): Scope => ({
  userId: null,
  username: 'demo',
  role: 'officer',
  unitCode,
  ip: null,
});

export async function seedDemoSupport(db: Db, area: DemoArea) {
  const tree = await unitTree(db);
  const communes = tree
    .children(area.districtCode)
    .map((c) => c.code)
    .slice(0, 3);
  const district = scopeOf(area.districtCode);
  for (const [n, code] of communes.entries()) {
    await claimsFromRecords(db, systemScope('demo'), code, area.today);
    if (n > 0) continue;
    const commune = scopeOf(code);
    const claims = await db.db
      .selectFrom('support_claims')
      .select('id')
      .where('commune_code', '=', code)
      .orderBy('id')
      .execute();
    for (const [i, { id }] of claims.entries()) {
      if (i % 5 === 4) continue; // still to review
      await actOnClaim(db, commune, Number(id), 'review', null);
      if (i % 3 === 2) continue; // waiting for the district
      await actOnClaim(db, district, Number(id), 'approve', null);
      if (i % 2 === 0) await actOnClaim(db, district, Number(id), 'pay', null);
    }
    await onDemoCalendar(db, code, area.today);
    const worker = (await personFactsOfCommune(db.db, code)).find(
      (p) =>
        p.status === 'resident' &&
        p.merged_into === null &&
        p.birth_sort < '2000-01-01' &&
        p.birth_sort > '1975-01-01',
    );
    if (worker)
      await createClaim(
        db,
        commune,
        {
          personId: worker.id,
          policy: 'contractEnded',
          note: 'Hợp đồng chấm dứt 31/08/2021, không đủ điều kiện trợ cấp thất nghiệp',
        },
        area.today,
      );
  }
}

/**
 * The demo lives on its own calendar: its reviews, approvals and payments happened on the working mornings
 * before its as-of day (09:00 in Vietnam), not when the demo was seeded, so the weekly report finds them.
 */
async function onDemoCalendar(db: Db, communeCode: string, today: string) {
  const events = await db.db
    .selectFrom('support_claim_events')
    .innerJoin('support_claims', 'support_claims.id', 'support_claim_events.claim_id')
    .select('support_claim_events.id')
    .where('support_claims.commune_code', '=', communeCode)
    .orderBy('support_claim_events.id')
    .execute();
  // Five mornings, the events in their order (a claim's review, approval and payment never go back in time).
  const perDay = Math.ceil(events.length / 5);
  for (let day = 0; day < 5 && day * perDay < events.length; day += 1)
    await db.db
      .updateTable('support_claim_events')
      .set({ at: `${addDays(today, day - 4)}T02:00:00.000Z` })
      .where(
        'id',
        'in',
        events.slice(day * perDay, (day + 1) * perDay).map((e) => e.id),
      )
      .execute();
}
