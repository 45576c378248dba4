/**
 * Containment zones (vùng cách ly / phong tỏa): as narrow as a household, at most a village or a street, with
 * start, planned end, lifting criteria, the day lifted and the registry persons inside (found through the
 * persons index, each living in the zone's commune). Checks run before the transaction: a refused zone leaves
 * nothing written. Changes and reads of the people inside are audited.
 */
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope } from '../admin-units/index.ts';
import { recordAudit, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { lastSampleOfPersons } from '../cases/index.ts';
import { personCards } from '../persons/index.ts';
import { communeInScope, refuse } from './clusters-store.ts';
import { columnOf } from './graph-store.ts';
import { DEFAULT_LIFTING, daysWithoutNewCase, type ZoneKind, zoneDateProblems } from './rules/zones.ts';
import type { ContainmentZoneTable } from './tables.ts';

export const zoneNotFound = () =>
  notFound({ vi: 'Không tìm thấy vùng cách ly.', en: 'Containment zone not found.' });

export interface ZoneInput {
  commune: string;
  name: string;
  kind: ZoneKind;
  villageId?: number | null;
  clusterId?: number | null;
  startsOn: string;
  plannedEndOn: string;
  liftingCriteria: string;
  personIds: number[];
}

type ZoneRow = ContainmentZoneTable & { id: number };

function zoneView(r: ZoneRow, personCount: number, villageName: string | null, today: string) {
  return {
    id: Number(r.id),
    communeCode: r.commune_code,
    name: r.name,
    kind: r.kind as ZoneKind,
    villageId: r.village_id == null ? null : Number(r.village_id),
    villageName,
    clusterId: r.cluster_id == null ? null : Number(r.cluster_id),
    startsOn: r.starts_on,
    plannedEndOn: r.planned_end_on,
    liftingCriteria: r.lifting_criteria,
    liftedOn: r.lifted_on,
    overdue: r.lifted_on == null && r.planned_end_on < today,
    personCount,
  };
}

async function villageNames(db: Db, ids: readonly (number | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is number => i != null))];
  if (!wanted.length) return new Map<number, string>();
  const rows = await db.db.selectFrom('villages').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((v) => [Number(v.id), v.name]));
}

/** Each person must be registered in the zone's commune: 422 naming `personIds.<i>` (nothing about others). */
async function checkPersons(db: Db, communeCode: string, personIds: readonly number[]) {
  const cards = await personCards(db.db, personIds);
  for (const [i, id] of personIds.entries()) {
    const card = cards.get(id);
    if (!card || card.communeCode !== communeCode || card.mergedInto != null)
      refuse([
        {
          field: `personIds.${i}`,
          message: {
            vi: 'Người này không thuộc xã của vùng cách ly.',
            en: "This person is not registered in the zone's commune.",
          },
        },
      ]);
  }
}

async function personCounts(db: Db, ids: readonly number[]) {
  const out = new Map<number, number>();
  if (!ids.length) return out;
  for (const r of await db.db
    .selectFrom('zone_persons')
    .select(['zone_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('zone_id', 'in', ids)
    .groupBy('zone_id')
    .execute())
    out.set(Number(r.zone_id), Number(r.n));
  return out;
}

export async function createZone(db: Db, scope: Scope, input: ZoneInput, today: string) {
  const unit = await communeInScope(db, scope, input.commune);
  refuse(zoneDateProblems(input, today));
  if (input.villageId != null) {
    const v = await db.db
      .selectFrom('villages')
      .select('commune_code')
      .where('id', '=', input.villageId)
      .executeTakeFirst();
    if (v?.commune_code !== unit.code)
      refuse([
        {
          field: 'villageId',
          message: { vi: 'Thôn không thuộc xã này.', en: 'The village is not in this commune.' },
        },
      ]);
  } else if (input.kind === 'village')
    refuse([{ field: 'villageId', message: { vi: 'Chọn thôn.', en: 'Choose the village.' } }]);
  if (input.clusterId != null) {
    const k = await db.db
      .selectFrom('clusters')
      .select('province_code')
      .where('id', '=', input.clusterId)
      .executeTakeFirst();
    if (k?.province_code !== unit.province_code)
      refuse([{ field: 'clusterId', message: { vi: 'Không tìm thấy ổ dịch.', en: 'Cluster not found.' } }]);
  }
  const personIds = [...new Set(input.personIds)];
  await checkPersons(db, unit.code, personIds);
  const now = new Date().toISOString();
  const row = await writeAudited(
    db,
    scope,
    async (trx) => {
      const row = await trx
        .insertInto('containment_zones')
        .values({
          province_code: unit.province_code!,
          district_code: unit.district_code!,
          commune_code: unit.code,
          name: input.name.trim(),
          kind: input.kind,
          village_id: input.villageId ?? null,
          cluster_id: input.clusterId ?? null,
          starts_on: input.startsOn,
          planned_end_on: input.plannedEndOn,
          lifting_criteria: input.liftingCriteria.trim(),
          lifted_on: null,
          created_by: scope.userId,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (let i = 0; i < personIds.length; i += 500)
        await trx
          .insertInto('zone_persons')
          .values(
            personIds.slice(i, i + 500).map((person_id) => ({
              province_code: unit.province_code!,
              zone_id: Number(row.id),
              person_id,
              added_on: today,
            })),
          )
          .execute();
      return row as ZoneRow;
    },
    (r) => ({
      action: 'create',
      entity: 'containment_zone',
      entityId: r.id,
      unitCode: unit.code,
      details: { persons: personIds.length },
    }),
  );
  const villages = await villageNames(db, [row.village_id]);
  return zoneView(row, personIds.length, villages.get(Number(row.village_id)) ?? null, today);
}

async function zoneInScope(db: Db, scope: Scope, id: number) {
  const row = await db.db.selectFrom('containment_zones').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw zoneNotFound();
  return recordInScope(db, scope, row.commune_code, zoneNotFound, row as ZoneRow);
}

/** A unit's zones, newest first, one page; `active`: not lifted (no personal data). */
export async function listZones(
  db: Db,
  scope: Scope,
  f: { unit: string; active?: boolean; limit: number; offset: number },
  today: string,
) {
  const unit = await unitInScope(db, scope, f.unit);
  const column = columnOf(unit.level);
  let q = db.db.selectFrom('containment_zones');
  if (column) q = q.where(column, '=', unit.code);
  if (f.active) q = q.where('lifted_on', 'is', null);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = (await q
    .selectAll()
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute()) as ZoneRow[];
  const [counts, villages] = await Promise.all([
    personCounts(
      db,
      rows.map((r) => Number(r.id)),
    ),
    villageNames(
      db,
      rows.map((r) => r.village_id),
    ),
  ]);
  return {
    total: Number(total),
    zones: rows.map((r) =>
      zoneView(r, counts.get(Number(r.id)) ?? 0, villages.get(Number(r.village_id)) ?? null, today),
    ),
  };
}

/** A zone with the people inside (names: personal data, audited) and its days without a new case. */
export async function zoneDetail(db: Db, scope: Scope, id: number, today: string) {
  const row = await zoneInScope(db, scope, id);
  const ids = (
    await db.db.selectFrom('zone_persons').select('person_id').where('zone_id', '=', id).execute()
  ).map((r) => Number(r.person_id));
  const cards = [...(await personCards(db.db, ids)).values()].sort(
    (a, b) => a.nameFolded.localeCompare(b.nameFolded) || a.id - b.id,
  );
  const last = await lastSampleOfPersons(db.db, ids);
  const villages = await villageNames(db, [row.village_id]);
  await recordAudit(db, scope, [
    { action: 'read', entity: 'containment_zone', entityId: id, unitCode: row.commune_code },
  ]);
  return {
    ...zoneView(row, ids.length, villages.get(Number(row.village_id)) ?? null, today),
    persons: cards.map((c) => ({
      id: c.id,
      fullName: c.fullName,
      birthYear: c.birthYear,
      villageName: c.villageName,
    })),
    daysWithoutNewCase: daysWithoutNewCase(row.starts_on, last, row.lifted_on ?? today),
    liftingDefault: {
      daysWithoutNewCase: DEFAULT_LIFTING.daysWithoutNewCase,
      provisional: DEFAULT_LIFTING.provisional,
    },
  };
}

async function summary(db: Db, id: number, today: string) {
  const row = (await db.db
    .selectFrom('containment_zones')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as ZoneRow;
  const villages = await villageNames(db, [row.village_id]);
  return zoneView(
    row,
    (await personCounts(db, [id])).get(id) ?? 0,
    villages.get(Number(row.village_id)) ?? null,
    today,
  );
}

/** Adds registry persons of the zone's commune (kept once). */
export async function addZonePersons(db: Db, scope: Scope, id: number, personIds: number[], today: string) {
  const row = await zoneInScope(db, scope, id);
  if (row.lifted_on) throw conflict({ vi: 'Vùng cách ly đã được dỡ bỏ.', en: 'The zone has been lifted.' });
  const ids = [...new Set(personIds)];
  await checkPersons(db, row.commune_code, ids);
  await writeAudited(
    db,
    scope,
    async (trx) => {
      const present = new Set(
        (
          await trx
            .selectFrom('zone_persons')
            .select('person_id')
            .where('zone_id', '=', id)
            .where('person_id', 'in', ids)
            .execute()
        ).map((r) => Number(r.person_id)),
      );
      const fresh = ids.filter((p) => !present.has(p));
      if (fresh.length)
        await trx
          .insertInto('zone_persons')
          .values(
            fresh.map((person_id) => ({
              province_code: row.province_code,
              zone_id: id,
              person_id,
              added_on: today,
            })),
          )
          .execute();
      await trx
        .updateTable('containment_zones')
        .set({ updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
    },
    {
      action: 'update',
      entity: 'containment_zone',
      entityId: id,
      unitCode: row.commune_code,
      details: { added: ids },
    },
  );
  return summary(db, id, today);
}

export async function removeZonePerson(db: Db, scope: Scope, id: number, personId: number, today: string) {
  const row = await zoneInScope(db, scope, id);
  await writeAudited(
    db,
    scope,
    async (trx) => {
      const gone = await trx
        .deleteFrom('zone_persons')
        .where('zone_id', '=', id)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      if (!Number(gone.numDeletedRows))
        throw notFound({
          vi: 'Người này không ở trong vùng cách ly.',
          en: 'The person is not in this zone.',
        });
    },
    {
      action: 'update',
      entity: 'containment_zone',
      entityId: id,
      unitCode: row.commune_code,
      details: { removed: personId },
    },
  );
  return summary(db, id, today);
}

/** Changes the planned end or lifts the zone (the day, not before its start nor in the future). */
export async function updateZone(
  db: Db,
  scope: Scope,
  id: number,
  change: { plannedEndOn?: string; liftedOn?: string | null; liftingCriteria?: string },
  today: string,
) {
  const row = await zoneInScope(db, scope, id);
  if (row.lifted_on && change.liftedOn !== null)
    throw conflict({ vi: 'Vùng cách ly đã được dỡ bỏ.', en: 'The zone has been lifted.' });
  const next = {
    startsOn: row.starts_on,
    plannedEndOn: change.plannedEndOn ?? row.planned_end_on,
    liftedOn: change.liftedOn === undefined ? row.lifted_on : change.liftedOn,
  };
  refuse(zoneDateProblems(next, today));
  await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .updateTable('containment_zones')
        .set({
          planned_end_on: next.plannedEndOn,
          lifted_on: next.liftedOn,
          ...(change.liftingCriteria ? { lifting_criteria: change.liftingCriteria.trim() } : {}),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute(),
    {
      action: 'update',
      entity: 'containment_zone',
      entityId: id,
      unitCode: row.commune_code,
      details: change,
    },
  );
  return summary(db, id, today);
}
