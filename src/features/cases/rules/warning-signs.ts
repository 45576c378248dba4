/**
 * The warning signs of a home-treated case's daily check (shared/domain/rules.md §4.4): any one of the 11
 * means "report at once to the managing facility, the commune health station, the mobile medical station or
 * 115". Thresholds are dated rule sets: the 261/QĐ-BYT values (CONFIRMED, secondary) from 31/01/2022; before
 * it, the values media reported for the 4038/QĐ-BYT era (about RR ≥ 21, SpO2 < 95: UNCERTAIN, provisional).
 * Pure.
 */
import type { Message } from '../../../core/errors.ts';
import { type DatedRuleSet, type RuleSetRef, ruleSetInForce, ruleSetRef } from '../../../core/rule-sets.ts';

/** The 11 signs, numbered as in rules.md §4.4 (261/QĐ-BYT's list). */
export const WARNING_SIGNS: Readonly<Record<number, Message>> = {
  1: {
    vi: 'Khó thở, hụt hơi; trẻ em thở bất thường',
    en: 'Dyspnoea, shortness of breath; abnormal breathing in a child',
  },
  2: { vi: 'Nhịp thở tăng', en: 'Fast breathing' },
  3: { vi: 'SpO2 giảm', en: 'Low SpO2' },
  4: { vi: 'Mạch nhanh hoặc chậm', en: 'Fast or slow pulse' },
  5: { vi: 'Huyết áp thấp', en: 'Low blood pressure' },
  6: { vi: 'Đau, tức ngực thường xuyên', en: 'Persistent chest pain or tightness' },
  7: {
    vi: 'Thay đổi ý thức (lú lẫn, ngủ rũ, co giật)',
    en: 'Altered consciousness (confusion, lethargy, seizures)',
  },
  8: {
    vi: 'Tím môi, tím đầu móng tay, móng chân; da xanh, lạnh',
    en: 'Cyanosis of lips or nails; pale or cold extremities',
  },
  9: {
    vi: 'Trẻ em: không uống được, bú kém, nôn; dấu hiệu hội chứng viêm đa hệ thống (MIS-C)',
    en: 'Child: unable to drink or feed, vomiting; features of MIS-C',
  },
  10: {
    vi: 'Mắc thêm bệnh cấp tính khác (sốt xuất huyết, tay chân miệng…)',
    en: 'Another acute illness (dengue, hand-foot-mouth disease…)',
  },
  11: { vi: 'Bất kỳ tình trạng bất ổn nào khác', en: 'Any other instability' },
};
export const WARNING_SIGN_NUMBERS = Object.keys(WARNING_SIGNS).map(Number);

/** Fast breathing from `minAge` (years, inclusive) up to the next band. */
interface BreathingBand {
  minAge: number;
  atLeast: number;
  provisional: boolean;
}

export interface WarningSignRuleSet extends DatedRuleSet {
  /** Bands by increasing minAge. */
  breathing: readonly BreathingBand[];
  /** Sign 3 when SpO2 ≤ this. */
  spo2AtMost: number;
  /** Sign 4 when the pulse is above or below these. */
  pulseAbove: number;
  pulseBelow: number;
  /** Sign 5 when either pressure is below these. */
  systolicBelow: number;
  diastolicBelow: number;
  /** Whether the thresholds (not only the dates) are provisional. */
  valuesProvisional: boolean;
}

/** Infants: 5155/QĐ-BYT's fast breathing for children (CONFIRMED, thuvienphapluat.vn); 261 names no value under 1 year. */
const INFANT_BANDS: readonly BreathingBand[] = [
  { minAge: 0, atLeast: 60, provisional: true }, // < 2 months
  { minAge: 2 / 12, atLeast: 50, provisional: true }, // 2-11 months
];

export const WARNING_SIGN_RULE_SETS: readonly WarningSignRuleSet[] = [
  {
    // 4038/QĐ-BYT (21/08/2021) era: media and the Hà Nội home-care package (12/2021) used RR ≥ 21 and SpO2 < 95
    // (UNCERTAIN, rules.md §4.4 note); children's bands, pulse and pressure carried from 261 (provisional).
    id: 'QD-4038-BYT',
    name: 'Dấu hiệu cảnh báo theo Quyết định 4038/QĐ-BYT (ngưỡng theo báo chí, chưa kiểm chứng)',
    legalBasis: 'Quyết định 4038/QĐ-BYT ngày 21/08/2021',
    legalBasisProvisional: false,
    effectiveFrom: '2021-08-21',
    effectiveTo: '2022-01-30',
    effectiveDatesProvisional: false,
    breathing: [
      ...INFANT_BANDS,
      { minAge: 1, atLeast: 40, provisional: true },
      { minAge: 5, atLeast: 30, provisional: true },
      { minAge: 12, atLeast: 21, provisional: true },
    ],
    spo2AtMost: 94, // "SpO2 < 95 %"
    pulseAbove: 120,
    pulseBelow: 50,
    systolicBelow: 90,
    diastolicBelow: 60,
    valuesProvisional: true,
  },
  {
    // 261/QĐ-BYT (31/01/2022), replaces 4038 (rules.md §4.1); thresholds of §4.4 (CONFIRMED, secondary).
    id: 'QD-261-BYT',
    name: 'Dấu hiệu cảnh báo theo Quyết định 261/QĐ-BYT',
    legalBasis: 'Quyết định 261/QĐ-BYT ngày 31/01/2022',
    legalBasisProvisional: false,
    effectiveFrom: '2022-01-31',
    effectiveTo: null,
    effectiveDatesProvisional: false,
    breathing: [
      ...INFANT_BANDS,
      { minAge: 1, atLeast: 40, provisional: false }, // sign 2: child 1 - < 5 years ≥ 40/min
      { minAge: 5, atLeast: 30, provisional: false }, // sign 2: child 5 - < 12 years ≥ 30/min
      { minAge: 12, atLeast: 20, provisional: false }, // sign 2: adult ≥ 20/min
    ],
    spo2AtMost: 96, // sign 3: SpO2 ≤ 96 %
    pulseAbove: 120, // sign 4: pulse > 120 or < 50
    pulseBelow: 50,
    systolicBelow: 90, // sign 5: systolic < 90 or diastolic < 60 mmHg
    diastolicBelow: 60,
    valuesProvisional: false,
  },
];

/** One day's measures and observed signs; a measure left out was not taken. */
export interface CheckMeasures {
  ageYears: number;
  respiratoryRate?: number | null;
  spo2?: number | null;
  pulse?: number | null;
  systolic?: number | null;
  diastolic?: number | null;
  /** Signs observed (numbers 1-11); a measured sign may also be reported as observed. */
  signs?: readonly number[];
}

export interface Warning {
  number: number;
  sign: Message;
  /** The measure that raised it, and the threshold it crossed. */
  value: number | null;
  threshold: string | null;
  provisional: boolean;
}

export function breathingBand(set: WarningSignRuleSet, ageYears: number): BreathingBand {
  return set.breathing.filter((b) => b.minAge <= ageYears).at(-1) ?? set.breathing[0]!;
}

function measuredWarnings(set: WarningSignRuleSet, m: CheckMeasures): Warning[] {
  const out: Warning[] = [];
  const raise = (number: number, value: number, threshold: string, provisional = set.valuesProvisional) =>
    out.push({ number, sign: WARNING_SIGNS[number]!, value, threshold, provisional });
  const band = breathingBand(set, m.ageYears);
  if (m.respiratoryRate != null && m.respiratoryRate >= band.atLeast)
    raise(2, m.respiratoryRate, `≥ ${band.atLeast}/min`, band.provisional);
  if (m.spo2 != null && m.spo2 <= set.spo2AtMost) raise(3, m.spo2, `≤ ${set.spo2AtMost} %`);
  if (m.pulse != null && m.pulse > set.pulseAbove) raise(4, m.pulse, `> ${set.pulseAbove}/min`);
  else if (m.pulse != null && m.pulse < set.pulseBelow) raise(4, m.pulse, `< ${set.pulseBelow}/min`);
  if (m.systolic != null && m.systolic < set.systolicBelow)
    raise(5, m.systolic, `< ${set.systolicBelow} mmHg`);
  else if (m.diastolic != null && m.diastolic < set.diastolicBelow)
    raise(5, m.diastolic, `< ${set.diastolicBelow} mmHg`);
  return out;
}

/** The warnings a check raises under the rule set in force on `date`, by sign number. */
export function warningsFor(
  date: string,
  measures: CheckMeasures,
): { ruleSet: RuleSetRef; warnings: Warning[] } | null {
  const set = ruleSetInForce(WARNING_SIGN_RULE_SETS, date);
  if (!set) return null;
  const byNumber = new Map(measuredWarnings(set, measures).map((w) => [w.number, w]));
  for (const n of measures.signs ?? [])
    if (!byNumber.has(n) && WARNING_SIGNS[n])
      byNumber.set(n, {
        number: n,
        sign: WARNING_SIGNS[n],
        value: null,
        threshold: null,
        provisional: false,
      });
  return {
    ruleSet: ruleSetRef(set, set.valuesProvisional),
    warnings: [...byNumber.values()].sort((a, b) => a.number - b.number),
  };
}
