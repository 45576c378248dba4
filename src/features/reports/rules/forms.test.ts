import { describe, expect, it } from 'vitest';
import { addDays } from '../../../core/dates.ts';
import {
  AS_OF_COMPILED,
  correctionProblem,
  DAILY_V1,
  DIRECTIVE_V1,
  deadlineOf,
  formFor,
  formVersion,
  isLate,
  placeDateLine,
  refusal,
  rollUpValues,
  WEEKLY_V1,
  WEEKLY_V2,
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
  it('chooses the weekly form by the week: version 2 from the week Resolution 128 set levels (11/10/2021)', () => {
    expect(formFor('weekly', '2021-10-04')).toBe(WEEKLY_V1);
    expect(formFor('weekly', '2021-10-11')).toBe(WEEKLY_V2);
    expect(formFor('weekly', '2022-01-10')).toBe(WEEKLY_V2);
    // A report compiled under version 1 keeps it: the store reads the version it stored.
    expect(formVersion('weekly', 1)).toBe(WEEKLY_V1);
    expect(formFor('daily', '2022-01-14')).toBe(DAILY_V1);
    expect(formFor('directive', '2020-01-01')).toBe(DIRECTIVE_V1);
  });
  it("adds to the weekly report the level's measures, inspections and support paid, keeping V1's fields", () => {
    const keys = WEEKLY_V2.fields.map((f) => f.key);
    for (const f of WEEKLY_V1.fields) expect(keys).toContain(f.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'measuresRestricted',
        'inspections',
        'establishmentsOverdue',
        'supportPaidAmount',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    const out = rollUpValues(WEEKLY_V2, [
      { measuresSuspended: 1, supportPaidAmount: 2_000_000 },
      { measuresSuspended: 3, supportPaidAmount: 1_500_000 },
    ]);
    expect(out).toMatchObject({ measuresSuspended: 3, supportPaidAmount: 3_500_000 });
  });
  it('marks the fields read from present state only as of when compiled, in their group label too', () => {
    const compiled = [...DAILY_V1.fields, ...WEEKLY_V2.fields].filter((f) => f.asOf === 'compiled');
    expect(new Set(compiled.map((f) => f.query))).toEqual(
      new Set(['vaccination.coverage', 'directives.compliance']),
    );
    for (const f of compiled) expect(f.group.vi).toContain(AS_OF_COMPILED.vi);
    for (const f of WEEKLY_V2.fields.filter((x) => x.asOf === 'period'))
      expect(f.group.vi).not.toContain(AS_OF_COMPILED.vi);
  });
  it('writes the place and date line of an administrative document', () => {
    expect(placeDateLine('Hữu Lũng', '2022-01-15')).toBe('Hữu Lũng, ngày 15 tháng 01 năm 2022');
  });
});
