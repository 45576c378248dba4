import { insertReturningIds } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import { emitPersonEvents } from './events.ts';
import { generateResidents } from './rules/generator.ts';
import { insertPersonRows, personRow } from './store.ts';

/**
 * Fills communes with generated residents, village by village, in one transaction per commune: households
 * first (their ids), then their members. Every row is flagged `generated`. Returns the number of persons.
 */
export async function seedResidents(
  db: Db,
  communeCodes: string[],
  today: Date,
  onCommune?: (done: number) => void,
): Promise<number> {
  let total = 0;
  for (const [i, code] of communeCodes.entries()) {
    const commune = await db.db
      .selectFrom('admin_units')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const villages = await db.db
      .selectFrom('villages')
      .select(['id', 'name', 'population'])
      .where('commune_code', '=', code)
      .orderBy('id')
      .execute();
    const residents = [
      ...generateResidents({
        communeCode: code,
        villages: villages.map((v) => ({ ...v, population: v.population ?? 0 })),
        today,
      }),
    ];
    const now = new Date().toISOString();
    const place = {
      province_code: commune.province_code!,
      district_code: commune.district_code!,
      commune_code: code,
    };
    await db.db.transaction().execute(async (trx) => {
      const households = new Map<number, { village: number | null }>();
      for (const r of residents)
        if (!households.has(r.household)) households.set(r.household, { village: r.person.villageId });
      const keys = [...households.keys()];
      const inserted = await insertReturningIds(
        db,
        trx,
        'households',
        keys.map((key) => ({
          commune_code: code,
          province_code: place.province_code,
          village_id: households.get(key)!.village,
          head_person_id: null,
          address: null,
          import_batch_id: null,
          created_at: now,
        })),
      );
      const ids = new Map(keys.map((key, j) => [key, inserted[j]!]));
      const personIds = await insertPersonRows(
        db,
        trx,
        residents.map((r) =>
          personRow(r.person, place, { householdId: ids.get(r.household)!, generated: true, now }),
        ),
      );
      await emitPersonEvents(
        db,
        trx,
        personIds.map((personId) => ({
          kind: 'created' as const,
          personId,
          provinceCode: place.province_code,
          payload: { source: 'demo' },
        })),
      );
      // The head of each household is the member recorded as "Chủ hộ".
      await trx
        .updateTable('households')
        .set((eb) => ({
          head_person_id: eb
            .selectFrom('persons')
            .select('persons.id')
            .whereRef('persons.household_id', '=', 'households.id')
            .where('persons.relation_to_head', '=', 'Chủ hộ')
            .limit(1),
        }))
        .where('commune_code', '=', code)
        .execute();
    });
    total += residents.length;
    onCommune?.(i + 1);
  }
  return total;
}
