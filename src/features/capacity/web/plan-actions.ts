/**
 * The plan editor's actions as form rows and back (pure, tested): every field the plan API holds — kind, text,
 * who acts (the announced unit, each of its communes, or a named unit), deadline, urgent — goes through the
 * form unchanged, so re-saving a plan never loses what was set through the API.
 */
import type { ScenarioBody } from './capacity-api.ts';

export type PlanActionBody = ScenarioBody['actions'][number];

export interface ActionRow {
  /** A stable React key for the row (not sent). */
  key: number;
  kind: PlanActionBody['kind'];
  text: string;
  assignee: string;
  /** As typed in the number field. */
  deadlineDays: string;
  urgent: boolean;
}

let nextKey = 0;

export const newRow = (): ActionRow => ({
  key: nextKey++,
  kind: 'act',
  text: '',
  assignee: 'announced',
  deadlineDays: '1',
  urgent: false,
});

export const rowsOf = (actions: readonly PlanActionBody[]): ActionRow[] =>
  actions.map((a) => ({
    key: nextKey++,
    kind: a.kind,
    text: a.text,
    assignee: a.assignee,
    deadlineDays: String(a.deadlineDays),
    urgent: a.urgent ?? false,
  }));

/** The rows as the API takes them; rows left without a text are not actions and are dropped. */
export const actionsOf = (rows: readonly ActionRow[]): PlanActionBody[] =>
  rows
    .filter((r) => r.text.trim() !== '')
    .map((r) => ({
      kind: r.kind,
      text: r.text.trim(),
      assignee: r.assignee,
      deadlineDays: Number(r.deadlineDays) || 0,
      urgent: r.urgent,
    }));

/**
 * Who may act, for the assignee select: the announced unit, its communes, each unit below the plan's unit,
 * and any named unit the actions already hold (set through the API, perhaps deeper down): kept as it is.
 */
export function assigneeChoices(
  below: readonly { code: string; name: string }[],
  rows: readonly ActionRow[],
): { value: string; name: string | null }[] {
  const out: { value: string; name: string | null }[] = [
    { value: 'announced', name: null },
    { value: 'communes', name: null },
    ...below.map((u) => ({ value: u.code, name: u.name })),
  ];
  for (const r of rows)
    if (!out.some((c) => c.value === r.assignee)) out.push({ value: r.assignee, name: r.assignee });
  return out;
}
