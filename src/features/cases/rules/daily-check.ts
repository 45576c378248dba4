/**
 * What a daily check may hold: the measures of 261/QĐ-BYT's monitoring form (rules.md §4.3) and the ranges a
 * living person's values fall in. The ranges are a product choice (typing errors, not medicine): a value
 * outside is refused naming the field, never stored. Pure data.
 */
export const CHECK_MEASURE_RANGES = {
  respiratoryRate: { min: 5, max: 100, unit: '/min' },
  spo2: { min: 50, max: 100, unit: '%' },
  pulse: { min: 20, max: 250, unit: '/min' },
  temperature: { min: 34, max: 43, unit: '°C' },
  systolic: { min: 50, max: 260, unit: 'mmHg' },
  diastolic: { min: 20, max: 160, unit: 'mmHg' },
} as const;
export type CheckMeasure = keyof typeof CHECK_MEASURE_RANGES;

/** Twice a day, morning and afternoon (rules.md §4.3). */
export const CHECKS_PER_DAY = 2;

export const MAX_AGE_YEARS = 130;
