/**
 * The demo district's chains, clusters and containment zones (after the cases' demo step): most cases of the
 * wave caught it from an earlier case of their commune (2 to 6 days before, as household and market spread
 * went), the rest have no known source; each commune has a market or household cluster; the communes with the
 * most cases have a household zone (lifted once its 14 days passed) and one a village zone still in force.
 * Deterministic per commune; bulk writes in one transaction per commune.
 */
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { hashCode, unitTree } from '../admin-units/index.ts';
import { type ChainCaseRow, chainCases, setCaseSources } from '../cases/index.ts';
import { mulberry32, personFactsOfCommune } from '../persons/index.ts';
import { DEFAULT_LIFTING } from './rules/zones.ts';
import './tables.ts';

const MARKETS = ['Chợ', 'Chợ trung tâm', 'Chợ phiên'];

export async function seedDemoChains(db: Db, area: { districtCode: string; today: string }) {
  const tree = await unitTree(db);
  const communes = tree.children(area.districtCode).filter((c) => c.level === 3);
  const now = new Date().toISOString();
  const byCommune = new Map<string, ChainCaseRow[]>();
  for (const c of await chainCases(
    db.db,
    { column: 'district_code', code: area.districtCode },
    '2021-01-01',
    area.today,
    100_000,
  ))
    byCommune.set(c.communeCode, [...(byCommune.get(c.communeCode) ?? []), c]);
  const ranked = [...byCommune.entries()].sort((a, b) => b[1].length - a[1].length).map(([code]) => code);
  for (const unit of communes) {
    const cases = byCommune.get(unit.code) ?? [];
    if (!cases.length) continue;
    const rand = mulberry32(hashCode(`chains:${unit.code}`));
    const links: { caseId: number; sourceCaseId: number }[] = [];
    for (const [i, c] of cases.entries()) {
      if (c.sourceCaseId !== null || i < 2 || rand() < 0.25) continue;
      const earlier = cases.filter(
        (e) => e.sampleDate <= addDays(c.sampleDate, -2) && e.sampleDate >= addDays(c.sampleDate, -6),
      );
      if (earlier.length)
        links.push({ caseId: c.id, sourceCaseId: earlier[Math.floor(rand() * earlier.length)]!.id });
    }
    const place = {
      province_code: unit.province_code!,
      district_code: unit.district_code!,
      commune_code: unit.code,
    };
    const rank = ranked.indexOf(unit.code);
    const people =
      rank < 3
        ? (await personFactsOfCommune(db.db, unit.code)).filter(
            (p) => p.status === 'resident' && !p.merged_into,
          )
        : [];
    await db.db.transaction().execute(async (trx) => {
      await setCaseSources(trx, links, now);
      // A market (or, in small communes, a household) cluster with the cases of one week.
      const start = cases[Math.floor(cases.length / 3)]!;
      const members = cases.filter(
        (c) => c.sampleDate >= start.sampleDate && c.sampleDate <= addDays(start.sampleDate, 6),
      );
      const market = cases.length >= 20;
      const cluster = await trx
        .insertInto('clusters')
        .values({
          ...place,
          name: market
            ? `${MARKETS[rank % MARKETS.length]} ${unit.name.replace(/^(Xã|Thị trấn) /, '')}`
            : `Hộ gia đình ca ${start.id}`,
          kind: market ? 'market' : 'household',
          address: null,
          opened_on: start.sampleDate,
          closed_on: null,
          note: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const chosen = members.slice(0, market ? 12 : 4);
      if (chosen.length)
        await trx
          .insertInto('cluster_cases')
          .values(
            chosen.map((c) => ({
              province_code: place.province_code,
              cluster_id: Number(cluster.id),
              case_id: c.id,
              added_on: c.sampleDate,
            })),
          )
          .execute();
      if (rank >= 3) return;
      // Zones: the household of the index case (lifted after its 14 days), and in the first commune the village of
      // the latest case, still in force.
      const zones: { kind: string; name: string; village: number | null; from: string; ids: number[] }[] = [];
      const index = people.find((p) => p.id === start.personId);
      const household = [
        start.personId,
        ...people
          .filter((p) => p.village_id === index?.village_id && p.id !== start.personId)
          .slice(0, 4)
          .map((p) => p.id),
      ];
      zones.push({
        kind: 'household',
        name: `Hộ gia đình ca ${start.id}`,
        village: null,
        from: start.sampleDate,
        ids: household,
      });
      const latest = cases.at(-1)!;
      const latestPerson = people.find((p) => p.id === latest.personId);
      if (rank === 0 && latestPerson?.village_id) {
        const village = await trx
          .selectFrom('villages')
          .select('name')
          .where('id', '=', latestPerson.village_id)
          .executeTakeFirst();
        zones.push({
          kind: 'village',
          name: village?.name ?? 'Thôn',
          village: latestPerson.village_id,
          from: addDays(area.today, -3),
          ids: people
            .filter((p) => p.village_id === latestPerson.village_id)
            .slice(0, 300)
            .map((p) => p.id),
        });
      }
      for (const z of zones) {
        const end = addDays(z.from, DEFAULT_LIFTING.daysWithoutNewCase);
        const zone = await trx
          .insertInto('containment_zones')
          .values({
            ...place,
            name: z.name,
            kind: z.kind,
            village_id: z.village,
            cluster_id: z.kind === 'household' ? Number(cluster.id) : null,
            starts_on: z.from,
            planned_end_on: end,
            lifting_criteria: DEFAULT_LIFTING.text.vi,
            lifted_on: end < area.today ? end : null,
            created_by: null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (z.ids.length)
          await trx
            .insertInto('zone_persons')
            .values(
              [...new Set(z.ids)].map((person_id) => ({
                province_code: place.province_code,
                zone_id: Number(zone.id),
                person_id,
                added_on: z.from,
              })),
            )
            .execute();
      }
    });
  }
}
