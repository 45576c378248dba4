/**
 * Clusters (ổ dịch) and their cases. A cluster belongs to the commune where it is (a market, a factory); its
 * cases may live in other communes of the province, each one the caller may see. Every change is audited in its
 * transaction; a cluster's page lists masked labels (initials, birth year) and is audited as a read.
 */
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope } from '../admin-units/index.ts';
import { recordAudit, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { caseInScope, chainCasesByIds } from '../cases/index.ts';
import { personCards } from '../persons/index.ts';
import { columnOf } from './graph-store.ts';
import { maskedLabel } from './rules/labels.ts';
import { type ClusterKind, clusterDateProblems, type Problem } from './rules/zones.ts';
import type { ClusterTable } from './tables.ts';

export const clusterNotFound = () => notFound({ vi: 'Không tìm thấy ổ dịch.', en: 'Cluster not found.' });

export function refuse(problems: Problem[]) {
  if (problems.length) throw badRequest(problems[0]!.message, problems);
}

/** The commune a record is placed in: a commune within the caller's jurisdiction, else 400 naming `commune`. */
export async function communeInScope(db: Db, scope: Scope, code: string) {
  const unit = await unitInScope(db, scope, code);
  if (unit.level !== 3)
    refuse([{ field: 'commune', message: { vi: 'Chọn một xã.', en: 'Choose a commune.' } }]);
  return unit;
}

export interface ClusterInput {
  commune: string;
  name: string;
  kind: ClusterKind;
  address?: string | null;
  openedOn: string;
  closedOn?: string | null;
  note?: string | null;
  caseIds: number[];
}

type ClusterRow = ClusterTable & { id: number };

function clusterView(r: ClusterRow, caseCount: number) {
  return {
    id: Number(r.id),
    communeCode: r.commune_code,
    name: r.name,
    kind: r.kind as ClusterKind,
    address: r.address,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    note: r.note,
    caseCount,
  };
}

/** Each case must be one the caller may see, in the cluster's province: 400 naming `caseIds.<i>` otherwise. */
async function checkCases(db: Db, scope: Scope, provinceCode: string, caseIds: readonly number[]) {
  for (const [i, id] of caseIds.entries()) {
    const c = await caseInScope(db, scope, id).catch((e) => (e.status === 404 ? null : Promise.reject(e)));
    if (!c || c.province_code !== provinceCode)
      refuse([
        {
          field: `caseIds.${i}`,
          message: { vi: `Không tìm thấy ca bệnh mã ${id}.`, en: `Case ${id} not found.` },
        },
      ]);
  }
}

async function caseCounts(db: Db, ids: readonly number[]) {
  const out = new Map<number, number>();
  if (!ids.length) return out;
  for (const r of await db.db
    .selectFrom('cluster_cases')
    .select(['cluster_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cluster_id', 'in', ids)
    .groupBy('cluster_id')
    .execute())
    out.set(Number(r.cluster_id), Number(r.n));
  return out;
}

export async function createCluster(db: Db, scope: Scope, input: ClusterInput, today: string) {
  const unit = await communeInScope(db, scope, input.commune);
  refuse(clusterDateProblems(input, today));
  const caseIds = [...new Set(input.caseIds)];
  await checkCases(db, scope, unit.province_code!, caseIds);
  const now = new Date().toISOString();
  const row = await writeAudited(
    db,
    scope,
    async (trx) => {
      const row = await trx
        .insertInto('clusters')
        .values({
          province_code: unit.province_code!,
          district_code: unit.district_code!,
          commune_code: unit.code,
          name: input.name.trim(),
          kind: input.kind,
          address: input.address?.trim() || null,
          opened_on: input.openedOn,
          closed_on: input.closedOn ?? null,
          note: input.note?.trim() || null,
          created_by: scope.userId,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (caseIds.length)
        await trx
          .insertInto('cluster_cases')
          .values(
            caseIds.map((case_id) => ({
              province_code: unit.province_code!,
              cluster_id: Number(row.id),
              case_id,
              added_on: today,
            })),
          )
          .execute();
      return row as ClusterRow;
    },
    (r) => ({
      action: 'create',
      entity: 'cluster',
      entityId: r.id,
      unitCode: unit.code,
      details: { cases: caseIds.length },
    }),
  );
  return clusterView(row, caseIds.length);
}

async function clusterInScope(db: Db, scope: Scope, id: number) {
  const row = await db.db.selectFrom('clusters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw clusterNotFound();
  return recordInScope(db, scope, row.commune_code, clusterNotFound, row as ClusterRow);
}

/** A unit's clusters, newest first, one page (no personal data). */
export async function listClusters(
  db: Db,
  scope: Scope,
  f: { unit: string; open?: boolean; limit: number; offset: number },
) {
  const unit = await unitInScope(db, scope, f.unit);
  const column = columnOf(unit.level);
  let q = db.db.selectFrom('clusters');
  if (column) q = q.where(column, '=', unit.code);
  if (f.open) q = q.where('closed_on', 'is', null);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = (await q
    .selectAll()
    .orderBy('opened_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute()) as ClusterRow[];
  const counts = await caseCounts(
    db,
    rows.map((r) => Number(r.id)),
  );
  return { total: Number(total), clusters: rows.map((r) => clusterView(r, counts.get(Number(r.id)) ?? 0)) };
}

/** A cluster with its cases (masked labels for the cases the caller may see): audited. */
export async function clusterDetail(db: Db, scope: Scope, id: number) {
  const row = await clusterInScope(db, scope, id);
  const links = await db.db
    .selectFrom('cluster_cases')
    .select('case_id')
    .where('cluster_id', '=', id)
    .execute();
  const cases = (
    await chainCasesByIds(
      db.db,
      links.map((l) => Number(l.case_id)),
    )
  ).sort((a, b) => a.sampleDate.localeCompare(b.sampleDate) || a.id - b.id);
  const cards = await personCards(
    db.db,
    cases.map((c) => c.personId),
  );
  await recordAudit(db, scope, [
    { action: 'read', entity: 'cluster', entityId: id, unitCode: row.commune_code },
  ]);
  return {
    ...clusterView(row, cases.length),
    cases: cases.map((c) => {
      const card = cards.get(c.personId);
      return {
        id: c.id,
        label: card ? maskedLabel(card.fullName, card.birthYear) : '',
        communeCode: c.communeCode,
        sampleDate: c.sampleDate,
        status: c.status,
        sourceCaseId: c.sourceCaseId,
      };
    }),
  };
}

/** Adds cases to a cluster (those already in it are kept once); answers the cluster. */
export async function addClusterCases(db: Db, scope: Scope, id: number, caseIds: number[], today: string) {
  const row = await clusterInScope(db, scope, id);
  const ids = [...new Set(caseIds)];
  await checkCases(db, scope, row.province_code, ids);
  await writeAudited(
    db,
    scope,
    async (trx) => {
      const present = new Set(
        (
          await trx
            .selectFrom('cluster_cases')
            .select('case_id')
            .where('cluster_id', '=', id)
            .where('case_id', 'in', ids)
            .execute()
        ).map((r) => Number(r.case_id)),
      );
      const fresh = ids.filter((c) => !present.has(c));
      if (fresh.length)
        await trx
          .insertInto('cluster_cases')
          .values(
            fresh.map((case_id) => ({
              province_code: row.province_code,
              cluster_id: id,
              case_id,
              added_on: today,
            })),
          )
          .execute();
      await trx
        .updateTable('clusters')
        .set({ updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
    },
    {
      action: 'update',
      entity: 'cluster',
      entityId: id,
      unitCode: row.commune_code,
      details: { added: ids },
    },
  );
  return clusterView(row, (await caseCounts(db, [id])).get(id) ?? 0);
}

/** Removes one case from a cluster: 404 when it is not in it. */
export async function removeClusterCase(db: Db, scope: Scope, id: number, caseId: number) {
  const row = await clusterInScope(db, scope, id);
  await writeAudited(
    db,
    scope,
    async (trx) => {
      const gone = await trx
        .deleteFrom('cluster_cases')
        .where('cluster_id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!Number(gone.numDeletedRows))
        throw notFound({ vi: 'Ca bệnh không thuộc ổ dịch này.', en: 'The case is not in this cluster.' });
    },
    {
      action: 'update',
      entity: 'cluster',
      entityId: id,
      unitCode: row.commune_code,
      details: { removed: caseId },
    },
  );
  return clusterView(row, (await caseCounts(db, [id])).get(id) ?? 0);
}

/** Closes a cluster (its day, not before it opened). */
export async function closeCluster(db: Db, scope: Scope, id: number, closedOn: string, today: string) {
  const row = await clusterInScope(db, scope, id);
  if (row.closed_on) throw conflict({ vi: 'Ổ dịch đã kết thúc.', en: 'The cluster is already closed.' });
  refuse(clusterDateProblems({ openedOn: row.opened_on, closedOn }, today));
  if (closedOn > today)
    refuse([
      {
        field: 'closedOn',
        message: { vi: 'Ngày kết thúc ở tương lai.', en: 'The closing day is in the future.' },
      },
    ]);
  const updated = await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .updateTable('clusters')
        .set({ closed_on: closedOn, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    { action: 'update', entity: 'cluster', entityId: id, unitCode: row.commune_code, details: { closedOn } },
  );
  return clusterView(updated as ClusterRow, (await caseCounts(db, [id])).get(id) ?? 0);
}
