import { describe, expect, it } from 'vitest';
import { actionsOf, assigneeChoices, newRow, type PlanActionBody, rowsOf } from './plan-actions.ts';

/** Issue 16 (the plan editor): re-saving a plan keeps who acts and urgency exactly as the API holds them. */
describe('the plan editor’s actions', () => {
  const actions: PlanActionBody[] = [
    { kind: 'close', text: 'Dừng chợ đêm', assignee: 'communes', deadlineDays: 0, urgent: true },
    { kind: 'act', text: 'Lập chốt kiểm soát', assignee: '06388', deadlineDays: 2, urgent: false },
    { kind: 'open', text: 'Mở lại trường học', assignee: 'announced', deadlineDays: 7, urgent: false },
  ];

  it('gives back every action unchanged, named assignees and urgency included', () => {
    expect(actionsOf(rowsOf(actions))).toEqual(actions);
    // An action saved without `urgent` comes back as not urgent (the same for the checklist).
    const { urgent: _, ...plain } = actions[1]!;
    expect(actionsOf(rowsOf([plain]))).toEqual([{ ...plain, urgent: false }]);
  });

  it('drops rows left empty and offers the assignees the actions already hold', () => {
    const rows = [...rowsOf(actions), newRow()];
    expect(actionsOf(rows)).toHaveLength(3);
    const choices = assigneeChoices([{ code: '06385', name: 'Thị trấn Hữu Lũng' }], rows);
    expect(choices.map((c) => c.value)).toEqual(['announced', 'communes', '06385', '06388']);
  });
});
