import { describe, expect, it } from 'vitest';
import { isRequestOverdue, requestProblems, SUPPORT_WORKFLOW } from './support-requests.ts';
import { normalizePhone, teamProblems, teamWorkload } from './teams.ts';

describe('support requests', () => {
  it('go requested → answered or refused (with a reason), by the district only', () => {
    const district = new Set(['superior'] as const);
    expect(SUPPORT_WORKFLOW.transition('requested', 'answer', district)).toEqual({
      ok: true,
      to: 'answered',
    });
    expect(SUPPORT_WORKFLOW.transition('requested', 'refuse', district, '')).toMatchObject({
      refusal: 'reason',
    });
    expect(SUPPORT_WORKFLOW.transition('requested', 'refuse', district, 'Hết lực lượng')).toEqual({
      ok: true,
      to: 'refused',
    });
    expect(SUPPORT_WORKFLOW.transition('answered', 'refuse', district, 'x')).toMatchObject({
      refusal: 'state',
    });
    expect(SUPPORT_WORKFLOW.transition('requested', 'answer', new Set())).toMatchObject({ refusal: 'party' });
  });

  it('are overdue while unanswered after the day needed', () => {
    expect(isRequestOverdue('requested', '2022-01-14', '2022-01-15')).toBe(true);
    expect(isRequestOverdue('requested', '2022-01-15', '2022-01-15')).toBe(false);
    expect(isRequestOverdue('answered', '2022-01-01', '2022-01-15')).toBe(false);
  });

  it('need details and a day not past', () => {
    expect(
      requestProblems({ details: ' ', neededBy: '2022-01-14' }, '2022-01-15').map((p) => p.field),
    ).toEqual(['details', 'neededBy']);
    expect(requestProblems({ details: '10 bình oxy', neededBy: '2022-01-15' }, '2022-01-15')).toEqual([]);
  });
});

describe('teams', () => {
  it('read phones as communes type them', () => {
    expect(normalizePhone('0912 345 678')).toBe('0912345678');
    expect(normalizePhone('+84912345678')).toBe('0912345678');
    expect(normalizePhone('12345')).toBeNull();
  });

  it('name the field of a bad member', () => {
    expect(
      teamProblems({ name: 'Tổ 1', members: [{ name: 'A', phone: '123' }], villageIds: [] }).map(
        (p) => p.field,
      ),
    ).toEqual(['villageIds', 'members.0.phone']);
  });

  it('sum the workload of their villages', () => {
    const byVillage = new Map([
      [1, { homeTreatment: 3, quarantine: 5 }],
      [2, { homeTreatment: 1, quarantine: 0 }],
    ]);
    expect(teamWorkload([1, 2, 9], byVillage)).toEqual({ homeTreatment: 4, quarantine: 5, total: 9 });
  });
});
