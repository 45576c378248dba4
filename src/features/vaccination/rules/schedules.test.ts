/**
 * Schedule vectors: each product's primary series and each booster rule, traced to the clause of
 * ../shared/domain/rules.md §6 it implements (CONFIRMED values) or to the provisional default standing in
 * for a value the digest marks UNCERTAIN or NOT FOUND.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../core/dates.ts';
import { BOOSTER_RULE_SETS, boosterDue } from './booster-rules.ts';
import { checkDose } from './check-dose.ts';
import { type DoseFact, OVERDUE_AFTER, summarizeSeries } from './dose-series.ts';
import { MIXES, mixAllowed, VACCINES, type VaccineId } from './vaccines.ts';

const ADULT = '1980-06-15';
const person = { birthDate: ADULT, birthYear: 1980, registryStatus: 'resident' as const, statusDate: null };
const primary = (vaccine: VaccineId, number: number, date: string): DoseFact => ({
  vaccine,
  kind: 'primary',
  number,
  date,
});
const warningsOf = (dose: DoseFact, existing: DoseFact[], birth = person) => {
  const verdict = checkDose(dose, existing, birth, '2022-12-31');
  if (verdict.verdict !== 'accept') throw new Error(`expected accept, got ${verdict.verdict}`);
  return verdict.warnings.map((w) => w.en);
};

// [product, doses, minimum days, recommended window, provisional interval, clause]
const VECTORS: [VaccineId, number, number, [number, number], boolean, string][] = [
  [
    'astrazeneca',
    2,
    28,
    [56, 84],
    false,
    '§6 table: AstraZeneca 2 doses, 8–12 weeks; provinces ≥ 4 weeks from 20/9/2021',
  ],
  ['sputnikV', 2, 21, [21, 21], false, '§6 table: Sputnik V 2 doses, 3 weeks'],
  ['pfizer', 2, 21, [21, 21], false, '§6 table: Pfizer/Comirnaty 2 doses, 3 weeks (21 days)'],
  ['moderna', 2, 28, [28, 28], false, '§6 table: Moderna 2 doses, 28 days'],
  ['sinopharm', 2, 21, [21, 28], false, '§6 table: Vero Cell (Sinopharm) 2 doses, 3–4 weeks'],
  ['abdala', 3, 14, [14, 14], true, '§6: Abdala 3 doses CONFIRMED; interval NOT FOUND (provisional 14 days)'],
  ['hayatVax', 2, 21, [21, 28], true, '§6: Hayat-Vax UNCERTAIN (provisional: Vero Cell schedule)'],
  ['covaxin', 2, 28, [28, 28], true, '§6: Covaxin UNCERTAIN (provisional 28 days)'],
  [
    'pfizerPaediatric',
    2,
    21,
    [21, 21],
    true,
    '§6 age groups: 5–<12 from 2022, schedule NOT FOUND (provisional 21 days)',
  ],
];

describe.each(VECTORS)(
  '%s primary series (%s doses)',
  (vaccine, doses, minimum, [from, to], provisional, clause) => {
    const birth = vaccine === 'pfizerPaediatric' ? '2014-03-01' : ADULT;
    const facts = { ...person, birthDate: birth, birthYear: Number(birth.slice(0, 4)) };
    const start = '2021-08-02';
    const series = (n: number) =>
      Array.from({ length: n }, (_, i) => primary(vaccine, i + 1, addDays(start, i * from)));

    it(`follows ${clause}`, () => {
      const product = VACCINES[vaccine];
      expect(product.primary.doses).toBe(doses);
      expect(product.primary.intervals.every((i) => i.provisional === provisional)).toBe(true);
      const after1 = summarizeSeries(series(1), birth);
      expect(after1).toMatchObject({ coverage: 'partial', firstDoseDate: start, primaryCompleteDate: null });
      expect(after1.next).toMatchObject({
        kind: 'primary',
        number: 2,
        dueFrom: addDays(start, from),
        overdueFrom: addDays(start, to + 28),
        provisional,
      });
      const complete = summarizeSeries(series(doses), birth);
      expect(complete).toMatchObject({
        coverage: 'primaryComplete',
        primaryCompleteDate: addDays(start, (doses - 1) * from),
      });
      if (doses === 3) expect(summarizeSeries(series(2), birth).coverage).toBe('partial');
    });

    it(`accepts dose 2 at the ${minimum}-day minimum, and earlier with a warning`, () => {
      const first = [primary(vaccine, 1, start)];
      expect(warningsOf(primary(vaccine, 2, addDays(start, minimum)), first, facts)).toEqual([]);
      expect(warningsOf(primary(vaccine, 2, addDays(start, minimum - 1)), first, facts)).toEqual([
        expect.stringMatching(
          new RegExp(`${minimum - 1} days after dose 1, less than the ${minimum}-day minimum`),
        ),
      ]);
    });
  },
);

describe('mixing rules (§6 Mixing rules, CONFIRMED: 24h.com.vn 08/2021; thanhnien.vn 09/2021)', () => {
  it.each([
    // "AZ dose 1 may be followed by Pfizer" (24h.com.vn, 08/2021): from the month of the source.
    ['astrazeneca', 'pfizer', '2021-07-31', false],
    ['astrazeneca', 'pfizer', '2021-08-01', true],
    // "(from 8/9/2021, force majeure) Moderna".
    ['astrazeneca', 'moderna', '2021-09-07', false],
    ['astrazeneca', 'moderna', '2021-09-08', true],
    // "Moderna and Pfizer are interchangeable in force majeure": from the force-majeure guidance, 8/9/2021.
    ['moderna', 'pfizer', '2021-08-01', false],
    ['pfizer', 'moderna', '2021-09-07', false],
    ['moderna', 'pfizer', '2021-09-08', true],
    ['pfizer', 'moderna', '2021-09-08', true],
    // "Sinopharm: same vaccine only"; no rule gives AZ after Pfizer.
    ['sinopharm', 'pfizer', '2021-10-01', false],
    ['pfizer', 'astrazeneca', '2021-10-01', false],
  ] as const)('%s then %s on %s: allowed %s', (first, next, date, allowed) => {
    expect(mixAllowed(first, next, date)).toBe(allowed);
    const warnings = warningsOf(primary(next, 2, date), [primary(first, 1, addDays(date, -60))]);
    expect(warnings.some((w) => /not a mix the guidance allows/.test(w))).toBe(!allowed);
  });

  it('flag the dates the digest gives by month only, or not at all, as provisional', () => {
    expect(MIXES.map((m) => [m.first, m.next, m.since, m.sinceProvisional])).toEqual([
      ['astrazeneca', 'pfizer', '2021-08-01', true],
      ['astrazeneca', 'moderna', '2021-09-08', false],
      ['moderna', 'pfizer', '2021-09-08', true],
      ['pfizer', 'moderna', '2021-09-08', true],
    ]);
  });
});

it('the overdue delay is set by no text: provisional in the data (§6 gives none)', () => {
  expect(OVERDUE_AFTER).toEqual({ days: 28, provisional: true });
});

describe('booster rule sets (§6 Additional and booster doses)', () => {
  it('are dated and flag their unverified legal basis and dates as provisional', () => {
    expect(BOOSTER_RULE_SETS.map((s) => [s.effectiveFrom, s.effectiveTo])).toEqual([
      ['2021-11-01', '2021-11-30'],
      ['2021-12-01', '2022-06-23'],
      ['2022-06-24', null],
      ['2022-08-01', null],
    ]);
    expect(BOOSTER_RULE_SETS.every((s) => s.legalBasisProvisional && s.effectiveDatesProvisional)).toBe(true);
  });

  it.each([
    // First MoH guidance 11/2021 (vtvgo.vn): ≥ 6 months after the last primary dose.
    ['2021-05-10', ADULT, { from: '2021-11-10', ruleSetId: 'BYT-2021-11-booster-6m' }],
    // 6 months would fall after 30/11: the 3-month rule (hcdc.vn) applies from its start, 01/12/2021.
    ['2021-07-15', ADULT, { from: '2021-12-01', ruleSetId: 'BYT-2021-12-booster-3m' }],
    // ≥ 3 months after the last primary dose.
    ['2021-10-20', ADULT, { from: '2022-01-20', ruleSetId: 'BYT-2021-12-booster-3m' }],
    // Ages 12–<18: mũi 3 five months after mũi 2 (baokhanhhoa.vn, 08/2022), from the month of that source:
    // not from 24/06/2022 (hcdc.vn), which names adults only.
    ['2021-12-15', '2006-03-01', { from: '2022-08-01', ruleSetId: 'BYT-2022-08-booster-12-17' }],
    ['2022-07-10', '2008-03-01', { from: '2022-12-10', ruleSetId: 'BYT-2022-08-booster-12-17' }],
    // A 17-year-old under the December 2021 rule waits for the 18th birthday.
    ['2021-10-20', '2004-02-01', { from: '2022-02-01', ruleSetId: 'BYT-2021-12-booster-3m' }],
  ])('booster 1 after a series completed %s (born %s)', (completed, birth, due) => {
    expect(boosterDue(1, completed, birth)).toMatchObject(due);
  });

  it('booster 2 (mũi 4) ≥ 4 months after mũi 3 (hcdc.vn, 24/06/2022), from that source, for its first group (50+)', () => {
    const fifty = '1960-05-01';
    expect(boosterDue(2, '2022-01-10', fifty)).toMatchObject({
      from: '2022-06-24',
      ruleSetId: 'BYT-2022-06-booster-2',
    });
    expect(boosterDue(2, '2022-07-01', fifty)).toMatchObject({ from: '2022-11-01', provisional: true });
    // Someone younger is due from the 50th birthday (not from 24/06/2022 as every adult was).
    expect(boosterDue(2, '2022-01-10', ADULT)).toMatchObject({ from: '2030-06-15' });
    expect(boosterDue(2, '2022-07-01', '1973-03-01')).toMatchObject({ from: '2023-03-01' });
  });

  it('months are calendar months: 31 August + 3 months is 30 November', () => {
    expect(addMonths('2021-08-31', 3)).toBe('2021-11-30');
    expect(boosterDue(1, '2021-09-30', ADULT)!.from).toBe('2021-12-30');
  });

  it('warns of a booster before its date, and of an additional dose < 28 days after the series (11/2021)', () => {
    const series = [primary('astrazeneca', 1, '2021-06-01'), primary('astrazeneca', 2, '2021-08-20')];
    const early = { vaccine: 'pfizer' as const, kind: 'booster' as const, number: 1, date: '2021-11-10' };
    expect(warningsOf(early, series)).toEqual([expect.stringMatching(/before 01\/12\/2021/)]);
    expect(warningsOf({ ...early, date: '2021-12-01' }, series)).toEqual([]);
    const additional = {
      vaccine: 'pfizer' as const,
      kind: 'additional' as const,
      number: 1,
      date: '2021-09-10',
    };
    expect(warningsOf(additional, series)).toEqual([expect.stringMatching(/less than 28 days/)]);
    expect(summarizeSeries([...series, { ...additional, date: '2021-09-20' }], ADULT).next).toMatchObject({
      kind: 'booster',
      dueFrom: '2021-12-20',
    });
  });
});
