import { describe, expect, it } from 'vitest';
import { type GatheringFacts, gatheringConditions } from './gathering-rules.ts';

const at = (f: Partial<GatheringFacts>) =>
  gatheringConditions({
    date: '2022-01-20',
    level: 1,
    venue: 'outdoor',
    participants: 500,
    allParticipantsCovered: false,
    ...f,
  })!;

describe('gatherings by the commune level on the date (rules.md §1.3, §3)', () => {
  it('level 1: no limit on participants, nothing asked of them (§1.3, confirmed)', () => {
    expect(at({ participants: 5000 })).toMatchObject({
      limit: null,
      problems: [],
      proposal: 'approve',
      provisional: false,
    });
  });

  it('level 2 under 4800: capped and participants covered (provisional caps)', () => {
    const c = at({ level: 2, participants: 150, venue: 'indoor' });
    expect(c).toMatchObject({ limit: 100, proposal: 'refuse', provisional: true });
    expect(c.problems).toEqual(['tooMany', 'participantsNotCovered']);
    expect(at({ level: 2, participants: 80, venue: 'indoor', allParticipantsCovered: true }).proposal).toBe(
      'approve',
    );
  });

  it('level 3 takes the local example of §1.3 (≤ 10 outdoors); level 4 allows none', () => {
    expect(at({ level: 3, participants: 12, allParticipantsCovered: true }).problems).toEqual(['tooMany']);
    expect(at({ level: 4, participants: 5, allParticipantsCovered: true }).problems).toEqual(['notAllowed']);
  });

  it('218: at levels 2–4 the cap is raised when 100 % of participants are covered (§3)', () => {
    const c = at({ date: '2022-02-01', level: 2, participants: 300, allParticipantsCovered: true });
    expect(c).toMatchObject({ limit: 400, proposal: 'approve' });
    expect(c.ruleSet.id).toBe('QD-218-BYT');
    // The same event a week earlier, under 4800: no raise.
    expect(at({ date: '2022-01-25', level: 2, participants: 300, allParticipantsCovered: true }).limit).toBe(
      200,
    );
  });

  it('no rule set before 128 (12/10/2021)', () => {
    expect(
      gatheringConditions({
        date: '2021-10-01',
        level: 1,
        venue: 'indoor',
        participants: 1,
        allParticipantsCovered: true,
      }),
    ).toBeNull();
  });
});
