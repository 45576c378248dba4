import { describe, expect, it } from 'vitest';
import { layoutChains, parentIndexes, sourceProblem } from './chain-layout.ts';
import { maskedLabel } from './labels.ts';
import { DEFAULT_LIFTING, daysWithoutNewCase, zoneDateProblems } from './zones.ts';

describe('the transmission forest', () => {
  it('links each case to its source among the nodes; unknown or absent sources make roots', () => {
    const parent = parentIndexes([10, 11, 12, 13], [null, 10, 99, 11]);
    expect([...parent]).toEqual([-1, 0, -1, 1]);
  });

  it('cuts a loop of bad data (A from B, B from A) so the graph stays a forest', () => {
    const parent = parentIndexes([1, 2, 3], [2, 1, 2]);
    const roots = [...parent].filter((p) => p < 0).length;
    expect(roots).toBe(1);
    // Every node reaches a root.
    for (let i = 0; i < 3; i++) {
      let n = i;
      for (let k = 0; k < 5 && n >= 0; k++) n = parent[n]!;
      expect(n).toBe(-1);
    }
    expect([...parentIndexes([5], [5])]).toEqual([-1]);
  });

  it('lays generations out as rows with each parent over the middle of its children', () => {
    // 0 → 1, 2, 3; 2 → 4
    const layout = layoutChains(Int32Array.from([-1, 0, 0, 0, 2]));
    expect([...layout.y]).toEqual([0, 1, 1, 1, 2]);
    expect(layout.x[0]).toBe((layout.x[1]! + layout.x[3]!) / 2);
    expect(layout.x[4]).toBe(layout.x[2]);
    expect(new Set([layout.x[1], layout.x[2], layout.x[3]]).size).toBe(3);
    expect(layout.chainSize.get(0)).toBe(5);
  });

  it('packs thousands of small chains on shelves, never two cases on one spot', () => {
    const n = 5000;
    const parent = Int32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? -1 : i - 1 - (i % 2)));
    const layout = layoutChains(parent);
    const spots = new Set<string>();
    for (let i = 0; i < n; i++) spots.add(`${layout.x[i]},${layout.y[i]}`);
    expect(spots.size).toBe(n);
    // Near a square, not one 1,000-chain row.
    expect(layout.width).toBeLessThan(400);
    expect(layout.height).toBeGreaterThan(10);
  });
});

describe('naming a source', () => {
  it('refuses a case as its own source and a source infected by the case itself', () => {
    expect(sourceProblem(7, 7, [])?.en).toMatch(/own source/);
    expect(sourceProblem(7, 8, [9, 7])?.en).toMatch(/loop/);
    expect(sourceProblem(7, 8, [9])).toBeNull();
    expect(sourceProblem(7, null, [])).toBeNull();
  });
});

describe('containment zones', () => {
  it('names the field of a zone ending before it starts, or lifted before its start or in the future', () => {
    const today = '2022-01-15';
    expect(
      zoneDateProblems({ startsOn: '2022-01-10', plannedEndOn: '2022-01-09' }, today).map((p) => p.field),
    ).toEqual(['plannedEndOn']);
    expect(
      zoneDateProblems(
        { startsOn: '2022-01-10', plannedEndOn: '2022-01-24', liftedOn: '2022-01-09' },
        today,
      ).map((p) => p.field),
    ).toEqual(['liftedOn']);
    expect(
      zoneDateProblems({ startsOn: '2022-01-10', plannedEndOn: '2022-01-24', liftedOn: '2022-01-16' }, today),
    ).toHaveLength(1);
    expect(zoneDateProblems({ startsOn: '2022-01-10', plannedEndOn: '2022-01-10' }, today)).toEqual([]);
  });

  it('counts the days without a new case from the last case, or from the start (the provisional 14-day criterion)', () => {
    expect(DEFAULT_LIFTING.provisional).toBe(true);
    expect(daysWithoutNewCase('2022-01-01', null, '2022-01-15')).toBe(14);
    expect(daysWithoutNewCase('2022-01-01', '2022-01-08', '2022-01-15')).toBe(7);
    expect(daysWithoutNewCase('2022-01-10', '2021-12-20', '2022-01-15')).toBe(5);
  });
});

describe('masked labels', () => {
  it('shows initials and birth year, never the name', () => {
    expect(maskedLabel('Nguyễn Văn An', 1990)).toBe('N.V.A. 1990');
    expect(maskedLabel('  Đỗ   thị  Ánh ', null)).toBe('Đ.T.Á.');
  });
});
