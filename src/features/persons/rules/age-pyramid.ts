/**
 * Vietnam's age structure, from "Tổng điều tra dân số và nhà ở 2019" (GSO, 1/4/2019), both sexes, by
 * 5-year band, in % of the population.
 *
 * The published aggregates are matched exactly: under 15 = 24.3 %, 15–64 = 68.0 %, 65+ = 7.7 %,
 * 60+ = 11.9 % (11.41 million of 96.21 million). The split inside them follows the census pyramid
 * (figure "Viet Nam population pyramid, 2009–2019" of the key findings) and is rounded to 0.1 %:
 * close to, not a copy of, the band tables. The 80+ band is spread over 80–99 by us.
 */
export const AGE_PYRAMID_2019: readonly { from: number; to: number; percent: number }[] = [
  { from: 0, to: 4, percent: 8.1 },
  { from: 5, to: 9, percent: 8.6 },
  { from: 10, to: 14, percent: 7.6 },
  { from: 15, to: 19, percent: 6.7 },
  { from: 20, to: 24, percent: 6.9 },
  { from: 25, to: 29, percent: 8.2 },
  { from: 30, to: 34, percent: 8.4 },
  { from: 35, to: 39, percent: 7.9 },
  { from: 40, to: 44, percent: 7.4 },
  { from: 45, to: 49, percent: 6.9 },
  { from: 50, to: 54, percent: 6.2 },
  { from: 55, to: 59, percent: 5.2 },
  { from: 60, to: 64, percent: 4.2 },
  { from: 65, to: 69, percent: 3.1 },
  { from: 70, to: 74, percent: 1.8 },
  { from: 75, to: 79, percent: 1.1 },
  { from: 80, to: 84, percent: 0.9 },
  { from: 85, to: 89, percent: 0.5 },
  { from: 90, to: 94, percent: 0.2 },
  { from: 95, to: 99, percent: 0.1 },
];

/** Share of each single year of age 0–99, spread evenly inside its band; sums to 1. */
export function singleYearShares(): Float64Array {
  const shares = new Float64Array(100);
  for (const band of AGE_PYRAMID_2019)
    for (let age = band.from; age <= band.to; age++)
      shares[age] = band.percent / 100 / (band.to - band.from + 1);
  return shares;
}
