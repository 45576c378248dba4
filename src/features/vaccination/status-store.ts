/**
 * Keeps each person's vaccination status and the unit counters current. A person's row contributes +1 to a
 * coverage counter and to a milestone counter per reached milestone, at commune, district and province level;
 * a change subtracts the old row's contributions and adds the new one's, in the caller's transaction. So a
 * province view reads a few counter rows, never the doses.
 */
import { type Kysely, sql } from 'kysely';
import { vietnamToday, weekStart } from '../../core/dates.ts';
import { rest } from '../../core/rest.ts';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, VaccinationStatusTable } from '../../db/schema.ts';
import type { PersonStatus } from '../persons/index.ts';
import {
  dispatchPersonEvents,
  mergedRecordsOf,
  onPersonEvents,
  type PersonEventHandler,
  type PersonFacts,
  pendingPersonEvents,
  personFacts,
} from '../persons/index.ts';
import { bandOn } from './rules/age-groups.ts';
import type { DoseFact, DoseKind } from './rules/dose-series.ts';
import { summarizeSeries } from './rules/dose-series.ts';
import type { VaccineId } from './rules/vaccines.ts';

export type StatusRow = VaccinationStatusTable;
type Trx = Kysely<Database>;

/** Residents counted in coverage: living here or temporarily away (tạm vắng is still a registered resident). */
const COUNTED_STATUSES: readonly PersonStatus[] = ['resident', 'temporarilyAway'];
const MILESTONES = [
  ['firstDose', 'first_dose_date'],
  ['primaryComplete', 'primary_complete_date'],
  ['booster', 'booster_date'],
] as const;
const CHUNK = 500;

/**
 * A vaccination write. On PostgreSQL a status is read, recomputed and its counters moved as one step, and
 * two such steps on the same person must not interleave: `refreshStatuses` locks the persons' communes (a
 * person is in one commune), and a write that checks a person's doses before adding one names the commune
 * so that the check is serialised too. Writes in other communes go on in parallel. SQLite transactions are
 * serial.
 */
export function writeTransaction<T>(
  db: Db,
  work: (trx: Trx) => Promise<T>,
  communes: readonly string[] = [],
): Promise<T> {
  return db.db.transaction().execute(async (trx) => {
    await lockCommunes(db, trx, communes);
    return work(trx);
  });
}

/**
 * Transaction-scoped advisory locks keyed by commune code (namespace 60060), taken in code order so that two
 * transactions never wait on each other in a circle; held until the transaction (a chunk) ends.
 */
async function lockCommunes(db: Db, trx: Trx, communes: Iterable<string>) {
  if (db.engine !== 'postgres') return;
  for (const code of [...new Set(communes)].sort())
    await sql`select pg_advisory_xact_lock(60060, ${Number(code)}::integer)`.execute(trx);
}

/** Counter changes gathered over many persons, written once. */
export class CounterDeltas {
  /** Gathered per commune; each commune's changes go to its district and province too when applied. */
  private readonly coverage = new Map<string, number>();
  private readonly milestones = new Map<string, number>();
  private readonly ancestors = new Map<string, readonly [string, string]>();

  add(row: StatusRow | undefined, sign: 1 | -1) {
    if (!row?.counted) return;
    const commune = row.commune_code;
    if (!this.ancestors.has(commune)) this.ancestors.set(commune, [row.district_code, row.province_code]);
    bump(this.coverage, `${commune}\t${row.age_band}\t${row.coverage}`, sign);
    for (const [milestone, column] of MILESTONES) {
      const day = row[column];
      if (day) bump(this.milestones, `${commune}\t${milestone}\t${weekStart(day)}\t${row.age_band}`, sign);
    }
  }

  /** Adds the deltas to the counters (upserts: a counter row appears with its first person). */
  async apply(db: Db, trx: Trx) {
    // Every counter row carries its unit's province (a province's own: itself); the rows are distributed by it.
    const atEveryLevel = (map: Map<string, number>) => {
      const out = new Map<string, number>();
      for (const [key, n] of map) {
        if (n === 0) continue;
        const [commune, ...rest] = key.split('\t') as [string, ...string[]];
        const [district, province] = this.ancestors.get(commune)!;
        for (const unit of [commune, district, province]) bump(out, [province, unit, ...rest].join('\t'), n);
      }
      return [...out].filter(([, n]) => n !== 0).map(([key, count]) => [key.split('\t'), count] as const);
    };
    await insertRows(
      db,
      trx,
      'coverage_counters',
      atEveryLevel(this.coverage).map(([[province_code, unit_code, age_band, coverage], count]) => ({
        province_code: province_code!,
        unit_code: unit_code!,
        age_band: age_band!,
        coverage: coverage!,
        count,
      })),
      { add: 'count', keys: ['province_code', 'unit_code', 'age_band', 'coverage'] },
    );
    await insertRows(
      db,
      trx,
      'milestone_counters',
      atEveryLevel(this.milestones).map(([[province_code, unit_code, milestone, week, age_band], count]) => ({
        province_code: province_code!,
        unit_code: unit_code!,
        milestone: milestone!,
        week: week!,
        age_band: age_band!,
        count,
      })),
      { add: 'count', keys: ['province_code', 'unit_code', 'milestone', 'week', 'age_band'] },
    );
    this.coverage.clear();
    this.milestones.clear();
  }
}

function bump(map: Map<string, number>, key: string, by: number) {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The registry facts a status is computed from (read through the persons interface). */
export type PersonForStatus = PersonFacts;

export interface DoseRow {
  person_id: number;
  vaccine: string;
  kind: string;
  dose_number: number;
  date: string;
}

export const doseFact = (d: DoseRow): DoseFact => ({
  vaccine: d.vaccine as VaccineId,
  kind: d.kind as DoseKind,
  number: d.dose_number,
  date: d.date,
});

/** The status row of a person from its registry record and doses (a merged record's doses included). */
export function statusRow(
  p: PersonForStatus,
  doses: readonly DoseFact[],
  today: string,
  previous: StatusRow | undefined,
  now: string,
): StatusRow {
  const series = summarizeSeries(doses, p.birth_sort);
  const age = bandOn(p.birth_sort, today);
  return {
    person_id: p.id,
    province_code: p.province_code,
    district_code: p.district_code,
    commune_code: p.commune_code,
    village_id: p.village_id,
    counted: p.merged_into === null && COUNTED_STATUSES.includes(p.status as PersonStatus) ? 1 : 0,
    age_band: age.band,
    age_band_until: age.until,
    coverage: series.coverage,
    doses: series.doses,
    first_dose_date: series.firstDoseDate,
    primary_complete_date: series.primaryCompleteDate,
    booster_date: series.boosterDate,
    last_dose_date: series.lastDoseDate,
    next_kind: series.next?.kind ?? null,
    next_number: series.next?.number ?? null,
    next_due_from: series.next?.dueFrom ?? null,
    next_overdue_from: series.next?.overdueFrom ?? null,
    next_rule_set: series.next?.ruleSetId ?? null,
    outcome: previous?.outcome ?? null,
    outcome_reason: previous?.outcome_reason ?? null,
    outcome_until: previous?.outcome_until ?? null,
    outcome_date: previous?.outcome_date ?? null,
    updated_at: now,
  };
}

const DERIVED: readonly (keyof StatusRow)[] = [
  'province_code',
  'district_code',
  'commune_code',
  'village_id',
  'counted',
  'age_band',
  'age_band_until',
  'coverage',
  'doses',
  'first_dose_date',
  'primary_complete_date',
  'booster_date',
  'last_dose_date',
  'next_kind',
  'next_number',
  'next_due_from',
  'next_overdue_from',
  'next_rule_set',
];

/** Whether the derived fields differ: only then is the row rewritten and are counters moved. */
const changed = (a: StatusRow | undefined, b: StatusRow) => !a || DERIVED.some((k) => a[k] !== b[k]);

/**
 * Recomputes the statuses of these persons from the registry and the doses, and moves the counters.
 * A person no longer in the registry loses its row and its contributions; a merged record has no doses of
 * its own (they count for the record it was merged into, which is recomputed with it).
 */
export async function refreshStatuses(db: Db, trx: Trx, personIds: Iterable<number>, today: string) {
  const ids = [...new Set(personIds)];
  const queued = new Set(ids);
  const deltas = new CounterDeltas();
  const now = new Date().toISOString();
  for (let done = 0; done < ids.length; ) {
    // Give the event loop a turn between chunks: a catch-up of 20,000 persons is not one stall of the server.
    if (done > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const chunk = ids.slice(done, done + CHUNK);
    done += chunk.length;
    const persons = await personFacts(trx, chunk);
    await lockCommunes(
      db,
      trx,
      persons.map((p) => p.commune_code),
    );
    const [duplicates, previous] = await Promise.all([
      mergedRecordsOf(trx, chunk),
      trx.selectFrom('vaccination_status').selectAll().where('person_id', 'in', chunk).execute(),
    ]);
    // A merged record's doses are the kept record's: a change to them is a change to the kept one.
    for (const p of persons)
      if (p.merged_into && !queued.has(p.merged_into)) {
        queued.add(p.merged_into);
        ids.push(p.merged_into);
      }
    const owner = new Map<number, number>(chunk.map((id) => [id, id]));
    for (const d of duplicates) owner.set(d.id, d.mergedInto);
    const doses = await trx
      .selectFrom('doses')
      .select(['person_id', 'vaccine', 'kind', 'dose_number', 'date'])
      .where('person_id', 'in', [...owner.keys()])
      .execute();
    const dosesOf = new Map<number, DoseFact[]>();
    for (const d of doses) {
      const id = owner.get(d.person_id)!;
      dosesOf.set(id, [...(dosesOf.get(id) ?? []), doseFact(d)]);
    }
    const before = new Map(previous.map((r) => [r.person_id, r]));
    const found = new Set(persons.map((p) => p.id));
    const gone = chunk.filter((id) => !found.has(id) && before.has(id));
    for (const id of gone) deltas.add(before.get(id), -1);
    const rows = persons
      .map((p) => statusRow(p, p.merged_into ? [] : (dosesOf.get(p.id) ?? []), today, before.get(p.id), now))
      .filter((row) => changed(before.get(row.person_id), row));
    for (const row of rows) {
      deltas.add(before.get(row.person_id), -1);
      deltas.add(row, 1);
    }
    if (gone.length) await trx.deleteFrom('vaccination_status').where('person_id', 'in', gone).execute();
    // The key: (province_code, person_id) on PostgreSQL (migration 0099); SQLite keeps person_id, its rowid,
    // which no other unique index may name in an upsert.
    const key = db.engine === 'postgres' ? ['province_code', 'person_id'] : ['person_id'];
    await insertRows(db, trx, 'vaccination_status', rows, { replace: key });
  }
  await deltas.apply(db, trx);
}

/** Age-band changes handled per transaction: short, like the person events' dispatch (it holds SQLite's lock). */
const SYNC_BATCH = 1_000;

/**
 * The registry's person events, applied: each names the persons whose statuses to recompute (the person, and
 * the record it was or is merged into), in the dispatcher's transaction, which marks them handled.
 */
export const applyPersonEvents: PersonEventHandler = async ({ db, trx, asOf }, events) => {
  const ids = new Set<number>();
  for (const e of events) {
    ids.add(e.personId);
    for (const key of ['into', 'previouslyInto', 'mergedInto'])
      if (typeof e.payload[key] === 'number') ids.add(e.payload[key] as number);
  }
  await refreshStatuses(db, trx, ids, asOf ?? vietnamToday());
};
onPersonEvents(applyPersonEvents);

/**
 * Brings statuses up to date before a read (and in the background): the registry's pending person events,
 * and persons whose age band changed since (a birthday crossing 5, 12, 18, 50 or 65). Writes need none: they
 * recompute the persons they touch from the registry as it is.
 */
export async function syncStatuses(db: Db, today: string, options: { restFactor?: number } = {}) {
  const aged = () =>
    db.db
      .selectFrom('vaccination_status')
      .select('person_id')
      .where('age_band_until', '<=', today)
      .limit(SYNC_BATCH)
      .execute();
  let [, batch] = await Promise.all([dispatchPersonEvents(db, { asOf: today, ...options }), aged()]);
  while (batch.length) {
    const ids = batch.map((a) => a.person_id);
    const started = performance.now();
    await writeTransaction(db, (trx) => refreshStatuses(db, trx, ids, today));
    await rest((performance.now() - started) * (options.restFactor ?? 0));
    batch = await aged();
  }
}

/** Whether `syncStatuses` has anything to do (two index lookups): the background job goes off-thread only then. */
export async function statusesBehind(db: Db, today: string): Promise<boolean> {
  if (await pendingPersonEvents(db)) return true;
  const aged = await db.db
    .selectFrom('vaccination_status')
    .select('person_id')
    .where('age_band_until', '<=', today)
    .limit(1)
    .executeTakeFirst();
  return aged !== undefined;
}
