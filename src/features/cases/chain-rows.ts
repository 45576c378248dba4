import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Cases as nodes of the transmission graph (the chains feature draws them). The source is the case's own
 * `source_case_id`, else the case whose contact this person was (a contact who tests positive links itself).
 * Callers check the unit against the caller's scope first; these read no personal data besides the person's id.
 */
export interface ChainCaseRow {
  id: number;
  personId: number;
  communeCode: string;
  sampleDate: string;
  status: string;
  placeOfCare: string;
  sourceCaseId: number | null;
}

const chainQuery = (q: Kysely<Database>) =>
  q
    .selectFrom('cases as c')
    .leftJoin('contacts as k', 'k.became_case_id', 'c.id')
    .select([
      'c.id',
      'c.person_id',
      'c.commune_code',
      'c.sample_date',
      'c.status',
      'c.place_of_care',
      'c.source_case_id',
      'k.case_id as contact_of',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof chainQuery>['execute']>>[number];

function toChainRows(rows: Row[]): ChainCaseRow[] {
  const seen = new Set<number>();
  const out: ChainCaseRow[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    if (seen.has(id)) continue; // a person listed as contact of two cases: the first wins
    seen.add(id);
    const source = r.source_case_id ?? r.contact_of;
    out.push({
      id,
      personId: Number(r.person_id),
      communeCode: r.commune_code,
      sampleDate: r.sample_date,
      status: r.status,
      placeOfCare: r.place_of_care,
      sourceCaseId: source == null ? null : Number(source),
    });
  }
  return out;
}

/** The cases of a unit (`column` = its code, null for the country) sampled from `from` through `to`. */
export async function chainCases(
  q: Kysely<Database>,
  unit: { column: 'province_code' | 'district_code' | 'commune_code' | null; code: string },
  from: string,
  to: string,
  limit: number,
): Promise<ChainCaseRow[]> {
  let query = chainQuery(q).where('c.sample_date', '>=', from).where('c.sample_date', '<=', to);
  if (unit.column) query = query.where(`c.${unit.column}`, '=', unit.code);
  return toChainRows(await query.orderBy('c.sample_date').orderBy('c.id').limit(limit).execute());
}

/** Cases by id (sources outside the window, a cluster's cases), in no particular order. */
export async function chainCasesByIds(q: Kysely<Database>, ids: Iterable<number>): Promise<ChainCaseRow[]> {
  const all = [...new Set(ids)];
  const out: ChainCaseRow[] = [];
  for (let i = 0; i < all.length; i += 1000)
    out.push(
      ...toChainRows(
        await chainQuery(q)
          .where('c.id', 'in', all.slice(i, i + 1000))
          .execute(),
      ),
    );
  return out;
}

/** The latest sample day of any case of these persons (a containment zone's last case), or null. */
export async function lastSampleOfPersons(
  q: Kysely<Database>,
  personIds: readonly number[],
): Promise<string | null> {
  let last: string | null = null;
  for (let i = 0; i < personIds.length; i += 1000) {
    const r = await q
      .selectFrom('cases')
      .select((eb) => eb.fn.max('sample_date').as('last'))
      .where('person_id', 'in', personIds.slice(i, i + 1000))
      .executeTakeFirst();
    if (r?.last && (!last || r.last > last)) last = r.last;
  }
  return last;
}

/** Sets the source of cases (the chains feature checks scope, loops and audits, in this transaction). */
export async function setCaseSources(
  q: Kysely<Database>,
  links: readonly { caseId: number; sourceCaseId: number | null }[],
  now: string,
) {
  for (const l of links)
    await q
      .updateTable('cases')
      .set({ source_case_id: l.sourceCaseId, updated_at: now })
      .where('id', '=', l.caseId)
      .execute();
}
