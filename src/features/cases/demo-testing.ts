/**
 * The demo district's testing: in its first commune, a mass-testing round over the village with the most
 * residents three days before the demo's day, its people sampled in pools of five (RT-PCR, taken by the
 * commune station at the village's cultural house), all negative but one pool whose members wait for their
 * retests (two already taken, negative) and the last one, still awaiting its result (the testing page's
 * worklist); and a market round of anonymous rapid tests. Through the stores, so
 * the day counts, the audit and the rounds' shares are what the product computes. A few hundred rows.
 */
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { unitTree } from '../admin-units/index.ts';
import { systemScope } from '../auth/index.ts';
import { mulberry32, personFactsOfCommune } from '../persons/index.ts';
import { createPool, pendingRetests, recordRetest, setPoolResult } from './pools-store.ts';
import { createRound } from './rounds-store.ts';
import { recordTest } from './tests-store.ts';

const POOL = 5;
const POOLS = 8;

export async function seedDemoTesting(db: Db, area: { districtCode: string; today: string }) {
  const scope = systemScope('demo');
  const commune = (await unitTree(db)).children(area.districtCode)[0];
  if (!commune) return;
  const people = (await personFactsOfCommune(db.db, commune.code)).filter(
    (p) => p.status === 'resident' && p.merged_into === null && p.village_id !== null,
  );
  const byVillage = new Map<number, number[]>();
  for (const p of people) byVillage.set(p.village_id!, [...(byVillage.get(p.village_id!) ?? []), p.id]);
  const [village, residents] = [...byVillage].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!village || !residents) return;
  const sampleDate = addDays(area.today, -3);
  const resultOn = addDays(area.today, -2);
  const round = await createRound(db, scope, {
    commune: commune.code,
    name: 'Xét nghiệm diện rộng toàn thôn',
    areaKind: 'village',
    villageId: village,
    startsOn: sampleDate,
    endsOn: addDays(sampleDate, 2),
  });
  const takenBy = 'Trạm Y tế xã';
  const rand = mulberry32(15);
  const sampled = residents.slice(-POOL * POOLS);
  for (let i = 0; i * POOL < sampled.length; i++) {
    const members = sampled.slice(i * POOL, (i + 1) * POOL);
    if (members.length < 2) break;
    const pool = await createPool(
      db,
      scope,
      {
        commune: commune.code,
        roundId: round.id,
        kind: 'pcr',
        sampleDate,
        place: 'Nhà văn hóa thôn',
        takenBy,
        members,
      },
      area.today,
    );
    if (i > 2 && (i + 1) * POOL >= sampled.length) continue;
    const result = i === 2 ? 'positive' : 'negative';
    await setPoolResult(
      db,
      scope,
      pool.id,
      { result, resultOn, retestBy: 'Tổ COVID cộng đồng thôn' },
      area.today,
    );
  }
  const waiting = await pendingRetests(db, scope, { unit: commune.code, limit: 2, offset: 0 });
  for (const r of waiting.retests)
    await recordRetest(
      db,
      scope,
      r.id,
      { kind: 'rapidAntigen', sampleDate: addDays(resultOn, 1), result: 'negative', takenBy: r.takenBy },
      area.today,
    );
  const market = await createRound(db, scope, {
    commune: commune.code,
    name: 'Xét nghiệm tiểu thương chợ',
    areaKind: 'market',
    expectedPeople: 120,
    startsOn: addDays(area.today, -1),
    endsOn: area.today,
  });
  for (let i = 0; i < 60; i++)
    await recordTest(
      db,
      scope,
      {
        commune: commune.code,
        kind: 'rapidAntigen',
        sampleDate: addDays(area.today, -1),
        result: rand() < 0.03 ? 'positive' : 'negative',
        place: 'Chợ trung tâm',
        takenBy,
        roundId: market.id,
      },
      area.today,
    );
}
