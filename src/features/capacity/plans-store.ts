/**
 * Response plans and level checklists (issue 16): each unit's scenario per level — resources (beds, teams,
 * oxygen) and actions (what opens, closes, who acts, by when) — and the checklist an announced level opens as
 * tasks through the directives' task lifecycle, closing the previous level's open ones. The risk levels call
 * `openLevelChecklist` inside the announcement's transaction (through this feature's index: capacity never
 * imports the risk levels, so there is no cycle).
 */
import type { Kysely } from 'kysely';
import { badRequest, type FieldError } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { isWithin, unitInScope, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { openTasks, type TaskSource, tasksOfSource, withdrawTasks } from '../directives/index.ts';
import { ACTION_KINDS, checklistTasks, type PlanAction } from './rules/checklist.ts';
import { LEVELS, type Level, measuresFor } from './rules/measures.ts';
import './tables.ts';

export const CHECKLIST_SOURCE_KIND = 'risk-level';

export interface ScenarioInput {
  beds: number;
  teams: number;
  oxygenCylinders: number;
  actions: PlanAction[];
  note?: string | null;
}

const scenarioOut = (r: {
  unit_code: string;
  level: number;
  beds: number;
  teams: number;
  oxygen_cylinders: number;
  actions: string;
  note: string | null;
  updated_at: string;
}) => ({
  unitCode: r.unit_code,
  level: r.level,
  beds: Number(r.beds),
  teams: Number(r.teams),
  oxygenCylinders: Number(r.oxygen_cylinders),
  actions: JSON.parse(r.actions) as PlanAction[],
  note: r.note,
  updatedAt: r.updated_at,
});

/** The scenario that applies to a unit at a level: its own, else its district's, else its province's. */
async function scenarioFor(
  q: Kysely<Database>,
  unit: { code: string; district_code: string | null; province_code: string | null },
  level: number,
) {
  const chain = [unit.code, unit.district_code, unit.province_code].filter(
    (c): c is string => !!c && c !== undefined,
  );
  const rows = await q
    .selectFrom('response_scenarios')
    .selectAll()
    .where('unit_code', 'in', chain)
    .where('level', '=', level)
    .execute();
  for (const code of chain) {
    const r = rows.find((x) => x.unit_code === code);
    if (r) return scenarioOut(r);
  }
  return null;
}

/** A unit's response plan: per level its own scenario (or the one it inherits) and the measures in force on `day`. */
export async function responsePlan(db: Db, scope: Scope, unitCode: string, day: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const levels = [];
  for (const level of LEVELS) {
    const applying = await scenarioFor(db.db, unit, level);
    levels.push({
      level,
      scenario: applying?.unitCode === unit.code ? applying : null,
      inherited: applying && applying.unitCode !== unit.code ? applying : null,
      measures: measuresFor(level, day),
    });
  }
  return { unit: { code: unit.code, name: unit.name_with_type, adminLevel: unit.level }, day, levels };
}

/** Saves a unit's scenario for a level (checked: who acts must be the unit or below it); answers it. */
export async function saveScenario(
  db: Db,
  scope: Scope,
  unitCode: string,
  level: number,
  input: ScenarioInput,
) {
  const unit = await unitInScope(db, scope, unitCode);
  const tree = await unitTree(db);
  const problems: FieldError[] = [];
  const problem = (field: string, vi: string, en: string) => problems.push({ field, message: { vi, en } });
  if (!LEVELS.includes(level as Level)) problem('level', 'cấp độ từ 1 đến 4', 'a level from 1 to 4');
  for (const [k, v] of Object.entries({
    beds: input.beds,
    teams: input.teams,
    oxygenCylinders: input.oxygenCylinders,
  }))
    if (!Number.isInteger(v) || v < 0)
      problem(k, 'phải là số nguyên không âm', 'must be a whole number, not negative');
  input.actions.forEach((a, i) => {
    if (!a.text?.trim()) problem(`actions.${i}.text`, 'thiếu nội dung', 'the text is missing');
    if (!ACTION_KINDS.includes(a.kind))
      problem(`actions.${i}.kind`, 'mở, dừng hoặc thực hiện', 'open, close or act');
    if (!Number.isInteger(a.deadlineDays) || a.deadlineDays < 0 || a.deadlineDays > 90)
      problem(`actions.${i}.deadlineDays`, 'từ 0 đến 90 ngày', 'from 0 to 90 days');
    if (a.assignee !== 'announced' && a.assignee !== 'communes') {
      const u = tree.get(a.assignee);
      if (!u || !isWithin(u, unit.code))
        problem(
          `actions.${i}.assignee`,
          'đơn vị không thuộc địa bàn của kế hoạch',
          "the unit is not within the plan's unit",
        );
    }
  });
  if (problems.length)
    throw badRequest({ vi: 'Kịch bản chưa hợp lệ', en: 'The scenario is not valid' }, problems);
  const row = {
    province_code: unit.province_code ?? unit.code,
    unit_code: unit.code,
    level,
    beds: input.beds,
    teams: input.teams,
    oxygen_cylinders: input.oxygenCylinders,
    actions: JSON.stringify(input.actions.map((a) => ({ ...a, text: a.text.trim() }))),
    note: input.note?.trim() || null,
    updated_by: scope.userId,
    updated_at: new Date().toISOString(),
  };
  await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .insertInto('response_scenarios')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['province_code', 'unit_code', 'level']).doUpdateSet({
            beds: row.beds,
            teams: row.teams,
            oxygen_cylinders: row.oxygen_cylinders,
            actions: row.actions,
            note: row.note,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
          }),
        )
        .execute(),
    {
      action: 'update',
      entity: 'response_scenario',
      entityId: `${unit.code}#${level}`,
      unitCode: unit.code,
      details: { level, actions: input.actions.length },
    },
  );
  return scenarioOut(row);
}

export interface LevelAnnouncement {
  unitCode: string;
  level: number;
  /** The announcement's id: with the unit, the tasks' source ref. */
  announcementId: number;
  decisionDate: string;
  decisionNumber: string;
}

/**
 * An announced level in the announcement's transaction: a different level than the unit's open checklist
 * withdraws that checklist's open tasks and opens this level's (its plan's scenario, else the level's measures),
 * with deadlines from the decision date. The same level again changes nothing. Answers what it did.
 */
export async function openLevelChecklist(trx: Kysely<Database>, db: Db, scope: Scope, a: LevelAnnouncement) {
  const tree = await unitTree(db);
  const unit = tree.get(a.unitCode);
  if (!unit) return { opened: 0, withdrawn: 0 };
  const open = await trx
    .selectFrom('level_checklists')
    .selectAll()
    .where('unit_code', '=', a.unitCode)
    .where('closed_on', 'is', null)
    .orderBy('id', 'desc')
    .execute();
  if (open[0]?.level === a.level) return { opened: 0, withdrawn: 0 };
  let withdrawn = 0;
  for (const c of open) {
    withdrawn += await withdrawTasks(
      trx,
      db,
      scope,
      { kind: CHECKLIST_SOURCE_KIND, ref: c.source_ref },
      `Công bố cấp độ ${a.level} (${a.decisionNumber}, ${a.decisionDate}) thay cấp độ ${c.level}`,
    );
    await trx
      .updateTable('level_checklists')
      .set({ closed_on: a.decisionDate })
      .where('id', '=', c.id)
      .execute();
  }
  const scenario = await scenarioFor(trx, unit, a.level);
  const communes = unit.level === 3 ? [unit.code] : descendantsAtLevel3(tree, unit.code);
  const tasks = checklistTasks({
    level: a.level as Level,
    unitCode: unit.code,
    communes,
    decisionDate: a.decisionDate,
    scenario: scenario?.actions ?? null,
  });
  const source = checklistSource(a.unitCode, a.announcementId);
  const ids = await openTasks(trx, db, scope, { issuerUnitCode: scope.unitCode, source, tasks });
  await trx
    .insertInto('level_checklists')
    .values({
      province_code: unit.province_code ?? unit.code,
      unit_code: unit.code,
      level: a.level,
      source_ref: source.ref,
      opened_on: a.decisionDate,
      closed_on: null,
      tasks: ids.length,
    })
    .execute();
  return { opened: ids.length, withdrawn };
}

function descendantsAtLevel3(tree: Awaited<ReturnType<typeof unitTree>>, code: string): string[] {
  const out: string[] = [];
  const walk = (c: string) => {
    for (const child of tree.children(c)) child.level === 3 ? out.push(child.code) : walk(child.code);
  };
  walk(code);
  return out;
}

export const checklistSource = (unitCode: string, announcementId: number): TaskSource => ({
  kind: CHECKLIST_SOURCE_KIND,
  ref: `${unitCode}@${announcementId}`,
});

/** A unit's checklists (newest first) with their tasks' states. */
export async function levelChecklists(db: Db, scope: Scope, unitCode: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const rows = await db.db
    .selectFrom('level_checklists')
    .selectAll()
    .where('unit_code', '=', unit.code)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  const out = [];
  for (const r of rows) {
    const tasks = await tasksOfSource(db, { kind: CHECKLIST_SOURCE_KIND, ref: r.source_ref });
    out.push({
      level: r.level,
      openedOn: r.opened_on,
      closedOn: r.closed_on,
      tasks: tasks.map((t) => ({
        id: Number(t.id),
        text: t.text,
        assigneeUnitCode: t.assignee_unit_code,
        deadline: t.deadline,
        state: t.state,
      })),
    });
  }
  return { unitCode: unit.code, checklists: out };
}
