import { describe, expect, it } from 'vitest';
import { addDays } from '../../../core/dates.ts';
import {
  correctionProblem,
  DAILY_V1,
  deadlineOf,
  isLate,
  placeDateLine,
  refusal,
  rollUpValues,
  WEEKLY_V1,
} from './forms.ts';

describe('report forms', () => {
  it('puts the daily deadline at 17:00 of the day and the weekly one on its Sunday', () => {
    expect(deadlineOf(DAILY_V1, '2022-01-14', addDays)).toBe('2022-01-14T17:00');
    expect(WEEKLY_V1.deadline?.provisional).toBe(true);
  });
  it('is late after the deadline, or unsubmitted once it passed', () => {
    expect(isLate('2022-01-14T17:00', '2022-01-14T16:59', '2022-01-15T08:00')).toBe(false);
    expect(isLate('2022-01-14T17:00', '2022-01-14T17:01', '2022-01-15T08:00')).toBe(true);
    expect(isLate('2022-01-14T17:00', null, '2022-01-14T16:00')).toBe(false);
    expect(isLate('2022-01-14T17:00', null, '2022-01-14T17:30')).toBe(true);
  });
  it('refuses edits to a submitted report and a submission by another user than the signer', () => {
    expect(refusal('edit', { state: 'submitted', signedBy: 1 }, 1)?.en).toMatch(/submitted/);
    expect(refusal('submit', { state: 'signed', signedBy: 1 }, 2)?.en).toMatch(/Another user/);
    expect(refusal('submit', { state: 'draft', signedBy: null }, 1)?.en).toMatch(/signed off/);
    expect(refusal('submit', { state: 'signed', signedBy: 1 }, 1)).toBeNull();
  });
  it('needs a reason for a correction', () => {
    expect(correctionProblem({ value: 3, reason: '' })?.field).toBe('reason');
    expect(correctionProblem({ value: 3, reason: 'Trùng mẫu' })).toBeNull();
  });
  it('sums counts and takes the highest level', () => {
    const out = rollUpValues(WEEKLY_V1, [
      { level: 2, newCasesWeek: 4 },
      { level: 3, newCasesWeek: 5 },
    ]);
    expect(out.level).toBe(3);
    expect(out.newCasesWeek).toBe(9);
  });
  it('writes the place and date line of an administrative document', () => {
    expect(placeDateLine('Hữu Lũng', '2022-01-15')).toBe('Hữu Lũng, ngày 15 tháng 01 năm 2022');
  });
});
