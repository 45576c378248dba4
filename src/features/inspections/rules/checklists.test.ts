import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_2021,
  checklistInForce,
  criteriaOf,
  daysOverdue,
  inspectionDue,
  isOverdue,
  riskClassOf,
  scoreChecklist,
  validUntil,
} from './checklists.ts';
import { violationProblems } from './violations.ts';

const all = (sector: Parameters<typeof criteriaOf>[1], except: string[] = []) =>
  Object.fromEntries(criteriaOf(CHECKLIST_2021, sector).map((k) => [k.id, !except.includes(k.id)]));

// Every value here is a provisional product choice (rules.md has no antoancovid criteria): the vectors pin the
// choice documented in checklists.ts, so a change of it is deliberate.
describe('antoancovid-style score (provisional checklist antoancovid-2021)', () => {
  it('is flagged provisional and in force on the demo day', () => {
    expect(checklistInForce('2022-01-15').id).toBe('antoancovid-2021');
    expect(scoreChecklist(CHECKLIST_2021, 'shop', {}).ruleSet.provisional).toBe(true);
  });

  it('scores met weights over all weights (shop: 19 + 2 = 21 points)', () => {
    expect(scoreChecklist(CHECKLIST_2021, 'shop', all('shop')).score).toBe(100);
    expect(scoreChecklist(CHECKLIST_2021, 'shop', {})).toMatchObject({ score: 0, safetyClass: 'unsafe' });
    // capacity (2) and cleaning (1) unmet: 18/21 = 85.7 → 86, safe (≥ 80).
    expect(scoreChecklist(CHECKLIST_2021, 'shop', all('shop', ['capacity', 'cleaning']))).toMatchObject({
      score: 86,
      safetyClass: 'safe',
      unmet: ['cleaning', 'capacity'],
    });
  });

  it('never rates "safe" with a critical criterion unmet', () => {
    // plan (3, critical) unmet: 18/21 = 86 but at risk.
    const r = scoreChecklist(CHECKLIST_2021, 'shop', all('shop', ['plan']));
    expect(r).toMatchObject({ score: 86, safetyClass: 'atRisk', criticalUnmet: ['plan'] });
  });

  it('puts 50–79 at risk and below 50 unsafe (factory: 25 points)', () => {
    // Six 2-point criteria unmet: 13/25 = 52 → at risk.
    const six = ['team', 'masks', 'handwash', 'distance', 'shifts', 'canteen'];
    expect(scoreChecklist(CHECKLIST_2021, 'factory', all('factory', six))).toMatchObject({
      score: 52,
      safetyClass: 'atRisk',
    });
    expect(
      scoreChecklist(CHECKLIST_2021, 'factory', all('factory', [...six, 'declaration'])).safetyClass,
    ).toBe('unsafe');
  });

  it('is valid 30 days from the day of the assessment', () => {
    expect(validUntil(CHECKLIST_2021, '2022-01-15')).toBe('2022-02-13');
  });
});

describe('inspection interval per risk class (provisional product choice)', () => {
  it('classes sector and size', () => {
    expect(riskClassOf('market', 'large')).toBe('high');
    expect(riskClassOf('hospital', 'medium')).toBe('high');
    expect(riskClassOf('factory', 'medium')).toBe('medium');
    expect(riskClassOf('school', 'small')).toBe('medium');
    expect(riskClassOf('shop', 'small')).toBe('low');
  });

  it('is due 30 / 60 / 90 days after the last inspection, or after registration', () => {
    expect(inspectionDue(CHECKLIST_2021, 'high', '2021-11-20', '2021-09-01')).toBe('2021-12-20');
    expect(inspectionDue(CHECKLIST_2021, 'medium', null, '2021-12-01')).toBe('2022-01-30');
    expect(inspectionDue(CHECKLIST_2021, 'low', '2022-01-01', '2021-01-01')).toBe('2022-04-01');
  });

  it('is overdue from the day after the due day', () => {
    expect(isOverdue('2022-01-15', '2022-01-15')).toBe(false);
    expect(isOverdue('2021-12-20', '2022-01-15')).toBe(true);
    expect(daysOverdue('2021-12-20', '2022-01-15')).toBe(26);
    expect(daysOverdue('2022-01-20', '2022-01-15')).toBe(0);
  });
});

describe('violations', () => {
  it('need a description, a non-negative whole amount, an amount only with a fine', () => {
    expect(violationProblems([{ description: 'Không đeo khẩu trang' }])).toEqual([]);
    expect(violationProblems([{ description: '  ' }]).map((p) => p.field)).toEqual([
      'violations.0.description',
    ]);
    expect(
      violationProblems([{ description: 'x', penaltyKind: 'fine', penaltyAmount: -1 }]).map((p) => p.field),
    ).toEqual(['violations.0.penaltyAmount']);
    expect(
      violationProblems([{ description: 'x', penaltyKind: 'warning', penaltyAmount: 100 }]).map(
        (p) => p.field,
      ),
    ).toEqual(['violations.0.penaltyKind']);
    expect(violationProblems([{ description: 'x', penaltyKind: 'fine' }]).map((p) => p.field)).toEqual([
      'violations.0.penaltyAmount',
    ]);
  });
});
