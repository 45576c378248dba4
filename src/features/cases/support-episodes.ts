/**
 * The days of treatment (F0) and quarantine (F1) the records hold, per person, inside a period: what social
 * support (Resolution 68, features/support) pays by the day. One set-based query per kind over the unit's
 * cases or contacts, grouped by person, with the person's birth for the child supplement: never a query per
 * record. Read-only.
 *
 * Days, as the commune's day counts count them (rules/day-counts.ts): a case is under treatment from its
 * confirmation day to the day before its outcome (still under treatment: through today); a contact is in
 * quarantine from the day after exposure through its last day of quarantine, or until the day its own case
 * was confirmed.
 */
import { type RawBuilder, sql } from 'kysely';
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';

export interface EpisodePeriod {
  from: string;
  to: string;
}

export interface SupportEpisode {
  personId: number;
  /** The commune of the (first) record. */
  communeCode: string;
  days: number;
  /** First day of the person's first counted record: ages are read on it. */
  firstDay: string;
  /** The person's birth date (or mid-year when only the year is known). */
  birth: string | null;
  /** A record that can still add days (treating; quarantine not yet over). */
  open: boolean;
}

export interface EpisodeFilter {
  /** The unit's level (0 country … 3 commune) and code: the records held within it. */
  unitLevel: number;
  unitCode: string;
  personIds?: readonly number[];
}

const UNIT_COLUMN = ['', 'province_code', 'district_code', 'commune_code'] as const;

export async function supportEpisodes(
  db: Db,
  kind: 'f0' | 'f1',
  filter: EpisodeFilter,
  period: EpisodePeriod,
  today: string,
): Promise<SupportEpisode[]> {
  const pg = db.engine === 'postgres';
  const day = (x: RawBuilder<unknown> | string): RawBuilder<number> => {
    const v = typeof x === 'string' ? sql.val(x) : x;
    return pg ? sql<number>`(${v})::date - date '2000-01-01'` : sql<number>`cast(julianday(${v}) as integer)`;
  };
  const most = (...xs: RawBuilder<unknown>[]) =>
    pg ? sql`greatest(${sql.join(xs)})` : sql`max(${sql.join(xs)})`;
  const least = (...xs: RawBuilder<unknown>[]) =>
    pg ? sql`least(${sql.join(xs)})` : sql`min(${sql.join(xs)})`;
  const from = day(period.from);
  const toExclusive = day(addDays(period.to, 1));
  const tomorrow = day(addDays(today, 1));
  const alias = kind === 'f0' ? 'c' : 'ct';
  const where: RawBuilder<unknown>[] = [];
  if (filter.unitLevel > 0)
    where.push(sql`${sql.ref(`${alias}.${UNIT_COLUMN[filter.unitLevel]}`)} = ${filter.unitCode}`);
  if (filter.personIds)
    where.push(
      filter.personIds.length
        ? sql`${sql.ref(`${alias}.person_id`)} in (${sql.join([...filter.personIds])})`
        : sql`1 = 0`,
    );
  const whereSql = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;

  const rows =
    kind === 'f0'
      ? sql<{ person_id: number; commune_code: string; days: number; first_day: string; open: number }>`
        select c.person_id, c.commune_code, c.confirmed_on as first_day,
          ${least(day(sql`coalesce(c.outcome_on, ${addDays(today, 1)})`), toExclusive)}
            - ${most(day(sql`c.confirmed_on`), from)} as days,
          case when c.status = 'treating' then 1 else 0 end as open
        from cases c ${whereSql}`
      : sql<{ person_id: number; commune_code: string; days: number; first_day: string; open: number }>`
        select ct.person_id, ct.commune_code, ct.exposure_date as first_day,
          ${least(
            sql`${day(sql`ct.quarantine_ends_on`)} + 1`,
            sql`coalesce(${day(sql`bc.confirmed_on`)}, 1000000000)`,
            toExclusive,
            tomorrow,
          )} - ${most(sql`${day(sql`ct.exposure_date`)} + 1`, from)} as days,
          case when ct.became_case_id is null and ct.quarantine_ends_on >= ${today} then 1 else 0 end as open
        from contacts ct left join cases bc on bc.id = ct.became_case_id ${whereSql}`;
  const grouped = await sql<{
    person_id: number;
    commune_code: string;
    days: number;
    first_day: string;
    open: number;
    birth: string | null;
  }>`select g.*, p.birth_sort as birth from (
      select t.person_id, min(t.commune_code) as commune_code, sum(t.days) as days,
        min(t.first_day) as first_day, max(t.open) as open
      from (${rows}) t where t.days > 0 group by t.person_id
    ) g join persons p on p.id = g.person_id`.execute(db.db);
  return grouped.rows.map((r) => ({
    personId: Number(r.person_id),
    communeCode: r.commune_code,
    days: Number(r.days),
    firstDay: r.first_day,
    birth: r.birth,
    open: Number(r.open) === 1,
  }));
}
