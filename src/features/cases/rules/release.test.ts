import { describe, expect, it } from 'vitest';
import { earlyReleaseProblem, releasePlan } from './release.ts';

describe('release from home treatment (rules.md §4.5)', () => {
  it('250/QĐ-BYT: day 7 with a negative rapid test', () => {
    const p = releasePlan({
      sampleDate: '2022-02-01',
      primarySeriesComplete: true,
      negativeTestOn: '2022-02-08',
    })!;
    expect(p).toMatchObject({ releaseOn: '2022-02-08', byNegativeTest: true, earliestRelease: '2022-02-08' });
    expect(p.ruleSet).toMatchObject({ id: 'QD-250-BYT', provisional: false });
  });

  it('250/QĐ-BYT: a negative test before day 7 does not release early', () => {
    const p = releasePlan({
      sampleDate: '2022-02-01',
      primarySeriesComplete: true,
      negativeTestOn: '2022-02-06',
    })!;
    expect(p).toMatchObject({ releaseOn: '2022-02-11', byNegativeTest: false });
  });

  it('250/QĐ-BYT: still positive on day 7 → day 10 if the primary series is complete, day 14 if not', () => {
    expect(
      releasePlan({ sampleDate: '2022-02-01', primarySeriesComplete: true, negativeTestOn: null })!.releaseOn,
    ).toBe('2022-02-11');
    expect(
      releasePlan({ sampleDate: '2022-02-01', primarySeriesComplete: false, negativeTestOn: null })!
        .releaseOn,
    ).toBe('2022-02-15');
  });

  it('before 28/01/2022: 10 days and a negative test, provisional', () => {
    const p = releasePlan({
      sampleDate: '2022-01-05',
      primarySeriesComplete: true,
      negativeTestOn: '2022-01-12',
    })!;
    expect(p).toMatchObject({ releaseOn: '2022-01-19', byNegativeTest: false });
    expect(p.ruleSet).toMatchObject({ id: 'F0-10-NGAY', provisional: true });
    expect(
      releasePlan({ sampleDate: '2022-01-05', primarySeriesComplete: true, negativeTestOn: '2022-01-15' })!
        .releaseOn,
    ).toBe('2022-01-15');
  });
});

describe('recording a home-treated case recovered (rules.md §4.5)', () => {
  const base = { sampleDate: '2022-02-01', primarySeriesComplete: true, negativeTestOn: null };

  it('250/QĐ-BYT: from day 7 with a negative test, from day 10 without (series complete), day 14 if not', () => {
    expect(earlyReleaseProblem({ ...base, negativeTestOn: '2022-02-08' }, '2022-02-08')).toBeNull();
    expect(earlyReleaseProblem(base, '2022-02-08')?.vi).toBe(
      'Theo Quyết định 250/QĐ-BYT ngày 28/01/2022, ca điều trị tại nhà kết thúc cách ly từ ngày 08/02/2022 nếu xét nghiệm âm tính, nếu không thì từ ngày 11/02/2022.',
    );
    expect(earlyReleaseProblem(base, '2022-02-11')).toBeNull();
    expect(earlyReleaseProblem({ ...base, primarySeriesComplete: false }, '2022-02-11')).not.toBeNull();
    expect(earlyReleaseProblem({ ...base, primarySeriesComplete: false }, '2022-02-15')).toBeNull();
  });

  it('a negative test taken after the release day asked for does not release earlier', () => {
    expect(earlyReleaseProblem({ ...base, negativeTestOn: '2022-02-09' }, '2022-02-08')).not.toBeNull();
  });

  it('before 28/01/2022 the rule is flagged provisional in the message', () => {
    expect(earlyReleaseProblem({ ...base, sampleDate: '2022-01-03' }, '2022-01-12')?.vi).toContain(
      '(quy định tạm tính)',
    );
  });
});
