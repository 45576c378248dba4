/**
 * The transmission graph of a unit's cases over a window of sample days, and one case of it. Cases come from
 * the cases feature's index; labels are masked (initials and birth year) and only for cases within the
 * caller's jurisdiction; sources elsewhere are drawn by id only. Every read is audited.
 */
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isWithin, unitInScope, unitTree } from '../admin-units/index.ts';
import { recordAudit, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { caseInScope, chainCases, chainCasesByIds, setCaseSources } from '../cases/index.ts';
import { personCards } from '../persons/index.ts';
import { sourceProblem } from './rules/chain-layout.ts';
import { maskedLabel } from './rules/labels.ts';
import type { ChainGraph } from './schemas.ts';
import './tables.ts';

/** The code column that places a record in a unit of this level (null: the country). */
export const columnOf = (level: number): 'province_code' | 'district_code' | 'commune_code' | null =>
  level === 1 ? 'province_code' : level === 2 ? 'district_code' : level === 3 ? 'commune_code' : null;

/** The most cases one graph draws (a province's wave fits; a phone draws 5,000 within 2 s). */
export const GRAPH_LIMIT = 20_000;

export async function clustersOfCases(db: Db, caseIds: readonly number[]) {
  const out = new Map<number, { id: number; name: string }[]>();
  for (let i = 0; i < caseIds.length; i += 1000)
    for (const r of await db.db
      .selectFrom('cluster_cases as cc')
      .innerJoin('clusters as k', 'k.id', 'cc.cluster_id')
      .select(['cc.case_id', 'k.id', 'k.name'])
      .where('cc.case_id', 'in', caseIds.slice(i, i + 1000))
      .orderBy('k.id')
      .execute()) {
      const list = out.get(Number(r.case_id)) ?? [];
      list.push({ id: Number(r.id), name: r.name });
      out.set(Number(r.case_id), list);
    }
  return out;
}

export async function chainGraph(
  db: Db,
  scope: Scope,
  f: { unit: string; from: string; to: string; limit?: number },
): Promise<ChainGraph> {
  if (f.to < f.from)
    throw badRequest({ vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The window ends before it starts.' }, [
      {
        field: 'to',
        message: { vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The window ends before it starts.' },
      },
    ]);
  const unit = await unitInScope(db, scope, f.unit);
  const limit = Math.min(f.limit ?? GRAPH_LIMIT, GRAPH_LIMIT);
  const inWindow = await chainCases(
    db.db,
    { column: columnOf(unit.level), code: unit.code },
    f.from,
    f.to,
    limit + 1,
  );
  const truncated = inWindow.length > limit;
  if (truncated) inWindow.length = limit;
  const have = new Set(inWindow.map((c) => c.id));
  const missing = [
    ...new Set(
      inWindow.flatMap((c) => (c.sourceCaseId != null && !have.has(c.sourceCaseId) ? [c.sourceCaseId] : [])),
    ),
  ];
  const sources = await chainCasesByIds(db.db, missing);
  const all = [...inWindow, ...sources];
  const tree = await unitTree(db);
  const visible = (commune: string) => {
    const u = tree.get(commune);
    return !!u && isWithin(u, scope.unitCode);
  };
  const cards = await personCards(
    db.db,
    all.filter((c) => visible(c.communeCode)).map((c) => c.personId),
  );
  const clusters = await clustersOfCases(
    db,
    all.map((c) => c.id),
  );
  const communeIndex = new Map<string, number>();
  const ids = new Set(all.map((c) => c.id));
  const edges: number[] = [];
  let unknownSource = 0;
  for (const c of all) {
    if (c.sourceCaseId != null && ids.has(c.sourceCaseId)) edges.push(c.sourceCaseId, c.id);
  }
  for (const c of inWindow) if (c.sourceCaseId == null || !ids.has(c.sourceCaseId)) unknownSource++;
  const graph: ChainGraph = {
    unit: unit.code,
    from: f.from,
    to: f.to,
    truncated,
    communes: [],
    nodes: { id: [], label: [], commune: [], sampleDate: [], status: [], cluster: [], inWindow: [] },
    edges,
    unknownSource,
  };
  for (const [i, c] of all.entries()) {
    let ci = communeIndex.get(c.communeCode);
    if (ci === undefined) {
      ci = graph.communes.push(c.communeCode) - 1;
      communeIndex.set(c.communeCode, ci);
    }
    const card = cards.get(c.personId);
    graph.nodes.id.push(c.id);
    graph.nodes.label.push(
      visible(c.communeCode) && card ? maskedLabel(card.fullName, card.birthYear) : null,
    );
    graph.nodes.commune.push(ci);
    graph.nodes.sampleDate.push(c.sampleDate);
    graph.nodes.status.push(c.status);
    graph.nodes.cluster.push(clusters.get(c.id)?.[0]?.id ?? null);
    graph.nodes.inWindow.push(i < inWindow.length);
  }
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'case_chains',
      unitCode: unit.code,
      details: { from: f.from, to: f.to, cases: all.length },
    },
  ]);
  return graph;
}

/** One case of the graph, with the person's name (what a tap opens): audited. */
export async function chainCase(db: Db, scope: Scope, id: number) {
  const c = await caseInScope(db, scope, id);
  const [row] = await chainCasesByIds(db.db, [id]);
  const card = (await personCards(db.db, [Number(c.person_id)])).get(Number(c.person_id));
  const clusters = (await clustersOfCases(db, [id])).get(id) ?? [];
  await recordAudit(db, scope, [{ action: 'read', entity: 'case', entityId: id, unitCode: c.commune_code }]);
  return {
    id,
    fullName: card?.fullName ?? '',
    birthYear: card?.birthYear ?? null,
    communeCode: c.commune_code,
    villageName: card?.villageName ?? null,
    sampleDate: c.sample_date,
    status: c.status,
    placeOfCare: row?.placeOfCare ?? c.place_of_care,
    sourceCaseId: row?.sourceCaseId ?? null,
    clusters,
  };
}

/**
 * Names (or clears) the case a case caught the infection from, found by investigation after the fact. The
 * source must be a case of the same province; a case cannot be its own source nor take one of its descendants.
 */
export async function setCaseSource(db: Db, scope: Scope, id: number, sourceCaseId: number | null) {
  const c = await caseInScope(db, scope, id);
  const field = (message: { vi: string; en: string }) =>
    badRequest(message, [{ field: 'sourceCaseId', message }]);
  const ancestors: number[] = [];
  if (sourceCaseId !== null && sourceCaseId !== id) {
    const [source] = await chainCasesByIds(db.db, [sourceCaseId]);
    const sourceUnit = source && (await unitTree(db)).get(source.communeCode);
    if (!sourceUnit || sourceUnit.province_code !== c.province_code)
      throw field({
        vi: `Không tìm thấy ca bệnh mã ${sourceCaseId}.`,
        en: `Case ${sourceCaseId} not found.`,
      });
    let next = source.sourceCaseId;
    while (next !== null && !ancestors.includes(next) && ancestors.length < 10_000) {
      ancestors.push(next);
      if (next === id) break;
      next = (await chainCasesByIds(db.db, [next]))[0]?.sourceCaseId ?? null;
    }
  }
  const problem = sourceProblem(id, sourceCaseId, ancestors);
  if (problem) throw field(problem);
  await writeAudited(
    db,
    scope,
    (trx) => setCaseSources(trx, [{ caseId: id, sourceCaseId }], new Date().toISOString()),
    { action: 'update', entity: 'case', entityId: id, unitCode: c.commune_code, details: { sourceCaseId } },
  );
  return chainCase(db, scope, id);
}
