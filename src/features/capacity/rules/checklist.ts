/**
 * A level's checklist: when a unit's committee announces a level, the scenario its response plan holds for that
 * level (the unit's own plan, else its district's, else its province's) opens as tasks for the units that act;
 * without a scenario, the measures of the level in force that day (rules/measures.ts) that are not plainly
 * "open" become the unit's tasks. Deadlines count from the decision date. Pure.
 */
import { addDays } from '../../../core/dates.ts';
import { type Level, measuresFor } from './measures.ts';

export const ACTION_KINDS = ['open', 'close', 'act'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Who acts: the unit whose level was announced, each commune of it, or a named unit (GSO code). */
export type Assignee = 'announced' | 'communes' | string;

export interface PlanAction {
  kind: ActionKind;
  text: string;
  assignee: Assignee;
  /** Days after the decision date; 0 = the same day. */
  deadlineDays: number;
  urgent?: boolean;
}

export interface ChecklistTask {
  text: string;
  assigneeUnitCode: string;
  deadline: string;
  urgent: boolean;
}

/** Days given to apply a level's measures when no plan says otherwise: a product choice (no text sets one). */
export const MEASURE_DEADLINE_DAYS = 1;

const KIND_PREFIX: Record<ActionKind, string> = { open: 'Mở', close: 'Dừng', act: 'Thực hiện' };

export function checklistTasks(input: {
  level: Level;
  unitCode: string;
  /** The unit's communes (itself when it is a commune). */
  communes: readonly string[];
  decisionDate: string;
  scenario: readonly PlanAction[] | null;
}): ChecklistTask[] {
  const { level, unitCode, communes, decisionDate, scenario } = input;
  if (scenario && scenario.length > 0)
    return scenario.flatMap((a) => {
      const to =
        a.assignee === 'announced' ? [unitCode] : a.assignee === 'communes' ? communes : [a.assignee];
      return to.map((code) => ({
        text: `Cấp độ ${level} — ${KIND_PREFIX[a.kind]}: ${a.text}`,
        assigneeUnitCode: code,
        deadline: addDays(decisionDate, a.deadlineDays),
        urgent: a.urgent ?? false,
      }));
    });
  const inForce = measuresFor(level, decisionDate);
  if (!inForce) return [];
  return inForce.measures
    .filter((m) => m.restriction !== 'open')
    .map((m) => ({
      text: `Cấp độ ${level} — ${m.name.vi}: ${m.text.vi}${m.provisional ? ' (tạm tính, chưa có văn bản gốc)' : ''}`,
      assigneeUnitCode: unitCode,
      deadline: addDays(decisionDate, MEASURE_DEADLINE_DAYS),
      urgent: level >= 3,
    }));
}
