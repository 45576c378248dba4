/**
 * What the pillars assign to each village of a commune on a day (the community teams' workload, issue 17): cases
 * treated at home (their place of care that day, through their transfers) and contacts in quarantine (listed, not
 * past their last day, not yet a case). Counts only, no person: the caller checks the commune is in its scope.
 */
import type { Db } from '../../db/connection.ts';
import './tables.ts';

export interface VillageWorkload {
  homeTreatment: number;
  quarantine: number;
}

/** Per village id (null: persons with no village recorded). */
export async function villageWorkload(
  db: Db,
  communeCode: string,
  day: string,
): Promise<Map<number | null, VillageWorkload>> {
  const [cases, transfers, contacts] = await Promise.all([
    db.db
      .selectFrom('cases as c')
      .innerJoin('persons as p', 'p.id', 'c.person_id')
      .select(['c.id', 'c.place_of_care', 'p.village_id'])
      .where('c.commune_code', '=', communeCode)
      .where('c.confirmed_on', '<=', day)
      .where((eb) => eb.or([eb('c.status', '=', 'treating'), eb('c.outcome_on', '>', day)]))
      .execute(),
    db.db
      .selectFrom('case_transfers as t')
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .select(['t.case_id', 't.on_day', 't.place_of_care'])
      .where('c.commune_code', '=', communeCode)
      .where('t.on_day', '<=', day)
      .orderBy('t.on_day')
      .orderBy('t.id')
      .execute(),
    db.db
      .selectFrom('contacts as k')
      .innerJoin('persons as p', 'p.id', 'k.person_id')
      .leftJoin('cases as c', 'c.id', 'k.became_case_id')
      .select(['p.village_id', 'c.confirmed_on as became_case_on'])
      .where('k.commune_code', '=', communeCode)
      .where('k.listed_on', '<=', day)
      .where('k.quarantine_ends_on', '>=', day)
      .execute(),
  ]);
  const placeNow = new Map<number, string>();
  for (const t of transfers) placeNow.set(Number(t.case_id), t.place_of_care);
  const out = new Map<number | null, VillageWorkload>();
  const at = (village: number | null) => {
    const key = village == null ? null : Number(village);
    const w = out.get(key) ?? { homeTreatment: 0, quarantine: 0 };
    out.set(key, w);
    return w;
  };
  for (const c of cases)
    if ((placeNow.get(Number(c.id)) ?? c.place_of_care) === 'home') at(c.village_id).homeTreatment += 1;
  for (const k of contacts) if (!k.became_case_on || k.became_case_on > day) at(k.village_id).quarantine += 1;
  return out;
}
