import { describe, expect, it } from 'vitest';
import { RULE_SET_218, RULE_SET_4800, reviseRuleSet, versionOn } from './rule-sets.ts';

const doc = { number: '999/QĐ-BYT', date: '2022-02-10' };
const bands = RULE_SET_218.criterion1.bands.map(({ clause: _, ...b }) => b);

/** Revisions of provisional values (issue 16), against rules.md's confirmed/provisional marks. */
describe('rule-set revisions', () => {
  it('sets provisional values with the document, as a new version applying from its day', () => {
    const { set, problems } = reviseRuleSet(RULE_SET_218, {
      document: doc,
      valuesFrom: '2022-02-14',
      coverage: { threshold: 0.8, provisional: false },
      bands: [bands[0]!, { ...bands[1]!, max: 60 }, { ...bands[2]!, min: 60 }, bands[3]!],
    });
    expect(problems).toEqual([]);
    expect(set).toMatchObject({
      version: 2,
      revision: { documentNumber: '999/QĐ-BYT', documentDate: '2022-02-10', valuesFrom: '2022-02-14' },
      criterion2: { threshold: 0.8, provisional: false, clause: '999/QĐ-BYT (2022-02-10)' },
    });
    // Unchanged bands keep their clause; changed ones cite the document.
    expect(set.criterion1.bands[0]).toBe(RULE_SET_218.criterion1.bands[0]);
    expect(set.criterion1.bands[1]).toMatchObject({ max: 60, clause: '999/QĐ-BYT (2022-02-10)' });
    // Weeks before the day keep version 1 (a revision never changes an earlier week's level).
    expect(versionOn([RULE_SET_218, set], '2022-02-13').version).toBe(1);
    expect(versionOn([RULE_SET_218, set], '2022-02-20').version).toBe(2);
  });

  it('refuses values before the document, outside the set, confirmed values, and broken bands', () => {
    const fields = (input: Parameters<typeof reviseRuleSet>[1], set = RULE_SET_218) =>
      reviseRuleSet(set, input).problems.map((p) => p.field);
    expect(fields({ document: doc, valuesFrom: '2022-02-09' })).toEqual(['valuesFrom']);
    // 4800 ended on 26/01/2022 (rules.md §3).
    expect(fields({ document: doc, valuesFrom: '2022-02-14' }, RULE_SET_4800)).toEqual(['valuesFrom']);
    // rules.md §2.2: 4800's level-1 band 0 – <20 is CONFIRMED.
    const b4800 = RULE_SET_4800.criterion1.bands.map(({ clause: _, ...b }) => b);
    expect(
      fields(
        {
          document: { number: '1', date: '2021-12-01' },
          valuesFrom: '2021-12-06',
          bands: [{ ...b4800[0]!, max: 25 }, { ...b4800[1]!, min: 25 }, b4800[2]!, b4800[3]!],
        },
        RULE_SET_4800,
      ),
    ).toEqual(['criterion1.bands.0']);
    // A gap between bands (20 – <25 missing) is refused, naming the band.
    expect(
      fields({
        document: doc,
        valuesFrom: '2022-02-14',
        bands: [bands[0]!, { ...bands[1]!, min: 25 }, bands[2]!, bands[3]!],
      }),
    ).toEqual(['criterion1.bands.1.min']);
  });

  it('revises 218’s severe-case threshold with its document; 4800 has none to revise', () => {
    const { set, problems } = reviseRuleSet(RULE_SET_218, {
      document: doc,
      valuesFrom: '2022-02-14',
      severeCases: { raiseAt: 10, provisional: false },
    });
    expect(problems).toEqual([]);
    expect(set.severeCases).toEqual({ raiseAt: 10, provisional: false, clause: '999/QĐ-BYT (2022-02-10)' });
    expect(
      reviseRuleSet(RULE_SET_4800, {
        document: { number: '1', date: '2021-12-01' },
        valuesFrom: '2021-12-06',
        severeCases: { raiseAt: 10, provisional: true },
      }).problems.map((p) => p.field),
    ).toEqual(['severeCases.raiseAt']);
  });
});
