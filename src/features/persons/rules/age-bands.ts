/**
 * Age bands used by lists and coverage: the bands of the vaccination campaign (5–11, 12–17, 18–49, 50–64,
 * 65+; seed 004 targets "12+" and "18+"). Age is counted in whole years at the reference date; with a
 * birth year only, the person is taken as born on 1 January.
 */
export const AGE_BANDS = ['0-4', '5-11', '12-17', '18-49', '50-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const BOUNDS: Record<AgeBand, [number, number]> = {
  '0-4': [0, 4],
  '5-11': [5, 11],
  '12-17': [12, 17],
  '18-49': [18, 49],
  '50-64': [50, 64],
  '65+': [65, 200],
};

export function ageAt(birth: { birthDate: string | null; birthYear: number }, on: Date): number {
  const date = effectiveBirthDate(birth);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const age = on.getUTCFullYear() - y;
  const hadBirthday = on.getUTCMonth() + 1 > m || (on.getUTCMonth() + 1 === m && on.getUTCDate() >= d);
  return hadBirthday ? age : age - 1;
}

export function ageBandOf(age: number): AgeBand {
  return AGE_BANDS.find((b) => age >= BOUNDS[b][0] && age <= BOUNDS[b][1]) ?? '65+';
}

/** The effective birth date: the full date, or 1 January of the birth year when only the year is known. */
export const effectiveBirthDate = (birth: { birthDate: string | null; birthYear: number }) =>
  birth.birthDate ?? `${birth.birthYear}-01-01`;

/** Persons in a band on a date are those born after `bornAfter` and on or before `bornOnOrBefore`. */
export function birthDateRange(band: AgeBand, on: Date): { bornAfter: string; bornOnOrBefore: string } {
  const [low, high] = BOUNDS[band];
  const shift = (years: number) => {
    const d = new Date(Date.UTC(on.getUTCFullYear() - years, on.getUTCMonth(), on.getUTCDate()));
    return d.toISOString().slice(0, 10);
  };
  return { bornAfter: shift(high + 1), bornOnOrBefore: shift(low) };
}
