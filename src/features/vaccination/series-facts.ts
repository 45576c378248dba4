import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The day each person completed the primary series, or null: what other capabilities read of vaccination
 * (a contact's quarantine depends on it, a case's release too). From the maintained statuses.
 */
export async function primarySeriesCompletedOn(
  q: Kysely<Database>,
  personIds: readonly number[],
): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>(personIds.map((id) => [id, null]));
  for (let i = 0; i < personIds.length; i += 1000)
    for (const r of await q
      .selectFrom('vaccination_status')
      .select(['person_id', 'primary_complete_date'])
      .where('person_id', 'in', personIds.slice(i, i + 1000))
      .execute())
      out.set(Number(r.person_id), r.primary_complete_date);
  return out;
}
