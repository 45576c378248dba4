import { describe, expect, it } from 'vitest';
import { checkDose } from './check-dose.ts';
import type { OutcomeFact } from './contact-outcomes.ts';
import type { DoseFact } from './dose-series.ts';
import { type PersonFacts, personStatus } from './person-status.ts';

const adult: PersonFacts = { birth: '1980-06-15', registryStatus: 'resident', outcome: null };
const az1: DoseFact = { vaccine: 'astrazeneca', kind: 'primary', number: 1, date: '2021-07-01' };
const az2: DoseFact = { ...az1, number: 2, date: '2021-09-01' };
const booster: DoseFact = { vaccine: 'pfizer', kind: 'booster', number: 1, date: '2021-12-10' };
const outcome = (o: Partial<OutcomeFact>): OutcomeFact => ({
  outcome: 'refused',
  reason: null,
  until: null,
  date: '2021-12-01',
  ...o,
});

describe('personStatus', () => {
  it.each([
    ['no dose', [], '2021-12-15', { status: 'notVaccinated', coverage: 'notVaccinated', next: null }],
    [
      'dose 1, dose 2 not yet due',
      [az1],
      '2021-08-01',
      { status: 'partial', dueFrom: '2021-08-26', overdue: false },
    ],
    ['dose 2 overdue', [az1], '2021-10-21', { status: 'partial', overdue: true }],
    [
      'series complete, booster not yet due',
      [az1, az2],
      '2021-11-15',
      { status: 'primaryComplete', date: '2021-09-01', dueFrom: '2021-12-01' },
    ],
    [
      'booster due from a date',
      [az1, az2],
      '2021-12-15',
      { status: 'boosterDue', coverage: 'primaryComplete', dueFrom: '2021-12-01' },
    ],
    [
      'booster received',
      [az1, az2, booster],
      '2022-01-15',
      { status: 'boosterReceived', coverage: 'booster', date: '2021-12-10' },
    ],
    [
      'booster 2 not due under 50 (2022 rule: mũi 4 for 50+)',
      [az1, az2, booster],
      '2022-07-01',
      { status: 'boosterReceived', coverage: 'booster', dueFrom: '2030-06-15' },
    ],
  ] as const)('%s', (_, doses, today, expected) => {
    expect(personStatus([...doses], adult, today)).toMatchObject(expected);
  });

  it('booster 2 due from 24/06/2022 for a person of 50+', () => {
    expect(personStatus([az1, az2, booster], { ...adult, birth: '1960-05-01' }, '2022-07-01')).toMatchObject({
      status: 'boosterDue',
      coverage: 'booster',
      dueFrom: '2022-06-24',
    });
  });

  it('reads the registry and the last contact: moved, deceased, deferred (until a date), contraindicated', () => {
    const on = '2021-12-15';
    expect(personStatus([az1], { ...adult, registryStatus: 'moved' }, on)).toMatchObject({
      status: 'movedAway',
      overdue: false,
    });
    expect(
      personStatus([], { ...adult, outcome: outcome({ outcome: 'moved', reason: 'Hà Nội' }) }, on),
    ).toMatchObject({
      status: 'movedAway',
      reason: 'Hà Nội',
    });
    expect(personStatus([], { ...adult, registryStatus: 'deceased' }, on).status).toBe('deceased');
    const deferred = {
      ...adult,
      outcome: outcome({ outcome: 'deferred', reason: 'Đang mang thai', until: '2022-03-01' }),
    };
    expect(personStatus([], deferred, on)).toMatchObject({ status: 'deferred', reason: 'Đang mang thai' });
    expect(personStatus([], deferred, '2022-03-02').status).toBe('notVaccinated');
    const contraindicated = {
      ...adult,
      outcome: outcome({ outcome: 'contraindicated', reason: 'Phản vệ độ 3' }),
    };
    expect(personStatus([az1, az2], contraindicated, on)).toMatchObject({
      status: 'contraindicated',
      coverage: 'primaryComplete',
    });
    expect(personStatus([], { ...adult, outcome: outcome({ outcome: 'refused' }) }, on).status).toBe(
      'notVaccinated',
    );
  });
});

describe('checkDose', () => {
  const facts = {
    birthDate: '1980-06-15',
    birthYear: 1980,
    registryStatus: 'resident' as const,
    statusDate: null,
  };
  const today = '2022-01-15';

  it('rejects a dose in the future, before birth or after death', () => {
    expect(checkDose({ ...az1, date: '2022-01-16' }, [], facts, today)).toMatchObject({ verdict: 'reject' });
    expect(checkDose({ ...az1, date: '1980-06-14' }, [], facts, today)).toMatchObject({ verdict: 'reject' });
    expect(checkDose({ ...az1, date: '1980-01-01' }, [], { ...facts, birthDate: null }, today)).toMatchObject(
      { verdict: 'accept' },
    );
    const dead = { ...facts, registryStatus: 'deceased' as const, statusDate: '2021-08-01' };
    expect(checkDose({ ...az1, date: '2021-07-31' }, [], dead, today)).toMatchObject({ verdict: 'accept' });
    expect(checkDose({ ...az1, date: '2021-08-02' }, [], dead, today)).toMatchObject({
      verdict: 'reject',
      reasons: [{ en: expect.stringMatching(/after the death/) }],
    });
  });

  it('ignores the same dose twice, refuses a second dose 2 on another day, and a dose out of order', () => {
    expect(checkDose(az2, [az1, az2], facts, today)).toMatchObject({ verdict: 'ignore' });
    expect(checkDose({ ...az2, date: '2021-09-05' }, [az1, az2], facts, today)).toMatchObject({
      verdict: 'reject',
    });
    expect(checkDose({ ...az2, date: '2021-06-30' }, [az1], facts, today)).toMatchObject({
      verdict: 'reject',
      reasons: [{ en: expect.stringMatching(/cannot be on or before primary dose 1/) }],
    });
    expect(checkDose({ ...az1, number: 4 }, [], facts, today)).toMatchObject({ verdict: 'reject' });
  });

  it('accepts a dose 2 whose dose 1 was given elsewhere, with a warning', () => {
    expect(checkDose(az2, [], facts, today)).toMatchObject({
      verdict: 'accept',
      warnings: [{ en: 'Dose 1 is not recorded.' }],
    });
  });
});
