/**
 * Establishments' COVID-safety checklists, their score and class (the antoancovid.vn self-assessment model that
 * seeds 001 and 004 ask establishments to follow: "yêu cầu thực hiện nghiêm antoancovid"), and how often each risk
 * class is inspected. shared/domain/rules.md gives neither criteria, weights, class cut-offs, validity nor
 * inspection intervals (none of it is in the digest): every value below is a product choice shipped
 * `provisional: true` until the province sets its own (the shape follows the public antoancovid checklist: yes/no
 * criteria grouped by the 5K message, each with a weight, a few "critical" ones). Pure.
 */
import { addDays, daysBetween } from '../../../core/dates.ts';
import { type DatedRuleSet, ruleSetInForce, ruleSetRef } from '../../../core/rule-sets.ts';

export const SECTORS = ['hospital', 'factory', 'market', 'shop', 'school'] as const;
export type Sector = (typeof SECTORS)[number];
export const SIZES = ['small', 'medium', 'large'] as const;
export type Size = (typeof SIZES)[number];
export const RISK_CLASSES = ['low', 'medium', 'high'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
export const SAFETY_CLASSES = ['safe', 'atRisk', 'unsafe'] as const;
export type SafetyClass = (typeof SAFETY_CLASSES)[number];

export interface Criterion {
  id: string;
  vi: string;
  en: string;
  weight: number;
  /** Unmet: the establishment cannot be "safe" whatever its score. */
  critical: boolean;
}

export interface ChecklistRuleSet extends DatedRuleSet {
  /** Every value of this set is a product choice (not in rules.md). */
  provisional: boolean;
  /** Criteria every sector answers, then each sector's own. */
  common: readonly Criterion[];
  bySector: Readonly<Record<Sector, readonly Criterion[]>>;
  /** Score (0–100) from which the class is "safe" / "atRisk"; below: "unsafe". */
  safeFrom: number;
  atRiskFrom: number;
  /** Days a self-assessment stays valid. */
  validDays: number;
  /** Days between inspections, per risk class. */
  inspectionIntervalDays: Readonly<Record<RiskClass, number>>;
}

const c = (id: string, weight: number, critical: boolean, vi: string, en: string): Criterion => ({
  id,
  vi,
  en,
  weight,
  critical,
});

/**
 * The provisional national default. PROVISIONAL (rules.md has no antoancovid criteria): criteria after the
 * public antoancovid.vn checklist's 5K groups; weights 1–3 by how directly they stop spread.
 */
export const CHECKLIST_2021: ChecklistRuleSet = {
  id: 'antoancovid-2021',
  name: 'Bộ tiêu chí an toàn COVID (mẫu antoancovid, tạm tính)',
  legalBasis: 'antoancovid.vn; CV 001, 004 của BCĐ huyện (tiêu chí tạm tính, chưa có văn bản gốc)',
  legalBasisProvisional: true,
  effectiveFrom: '2021-05-01',
  effectiveTo: null,
  effectiveDatesProvisional: true,
  provisional: true,
  common: [
    c(
      'plan',
      3,
      true,
      'Có phương án phòng, chống dịch và xử lý khi có ca F0',
      'A COVID plan, incl. what to do on a case',
    ),
    c(
      'team',
      2,
      false,
      'Có tổ an toàn COVID, phân công người phụ trách',
      'A COVID-safety team with a person in charge',
    ),
    c('masks', 2, false, 'Người làm việc, khách đeo khẩu trang', 'Staff and visitors wear masks'),
    c(
      'handwash',
      2,
      false,
      'Có nơi rửa tay, dung dịch sát khuẩn ở lối vào',
      'Hand washing or sanitiser at the entrance',
    ),
    c('distance', 2, false, 'Bố trí giãn cách, hạn chế tập trung đông người', 'Distancing, no crowding'),
    c(
      'declaration',
      2,
      false,
      'Quét mã QR / khai báo y tế người ra vào',
      'QR check-in or health declaration at the door',
    ),
    c(
      'vaccinated',
      3,
      true,
      'Người làm việc đã tiêm đủ liều vắc xin hoặc đã khỏi bệnh',
      'Staff fully vaccinated or recovered',
    ),
    c(
      'cleaning',
      1,
      false,
      'Vệ sinh, khử khuẩn bề mặt thường xuyên',
      'Surfaces cleaned and disinfected regularly',
    ),
    c(
      'isolationRoom',
      2,
      false,
      'Có khu vực cách ly tạm thời người có triệu chứng',
      'A room to isolate a person with symptoms',
    ),
  ],
  bySector: {
    hospital: [
      c('triage', 3, true, 'Phân luồng, sàng lọc người bệnh tại cổng', 'Triage and screening at the gate'),
      c('visitors', 2, false, 'Hạn chế người nhà, người thăm', 'Visitors limited'),
    ],
    factory: [
      c(
        'shifts',
        2,
        false,
        'Tổ chức ca, kíp, hạn chế tiếp xúc giữa các bộ phận',
        'Shifts and separated teams',
      ),
      c('canteen', 2, false, 'Nhà ăn có vách ngăn, ăn theo ca', 'Canteen with screens, meals in turns'),
      c('testing', 2, false, 'Xét nghiệm định kỳ người lao động theo quy định', 'Workers tested as required'),
    ],
    market: [
      c('layout', 2, false, 'Sắp xếp gian hàng giãn cách, một chiều đi', 'Stalls spaced, one-way walkway'),
      c('vendorList', 2, false, 'Danh sách tiểu thương, thẻ ra vào', 'List of vendors and entry cards'),
    ],
    shop: [c('capacity', 2, false, 'Giới hạn số khách trong cửa hàng', 'Customers inside limited')],
    school: [
      c(
        'healthCheck',
        2,
        false,
        'Theo dõi sức khỏe học sinh, giáo viên hằng ngày',
        "Pupils' and teachers' health watched daily",
      ),
      c(
        'classDistance',
        2,
        false,
        'Bố trí lớp học giãn cách, thông thoáng',
        'Classrooms spaced and ventilated',
      ),
    ],
  },
  safeFrom: 80,
  atRiskFrom: 50,
  validDays: 30,
  // PROVISIONAL product choice: places where many people mix or vulnerable people gather (hospitals, markets,
  // large factories) monthly, the district's usual inspection round; medium every two months; a small shop or
  // school once a quarter — three rounds a year at least, as the district can staff them.
  inspectionIntervalDays: { high: 30, medium: 60, low: 90 },
};

export const CHECKLIST_RULE_SETS: readonly ChecklistRuleSet[] = [CHECKLIST_2021];

export function checklistInForce(day: string): ChecklistRuleSet {
  return ruleSetInForce(CHECKLIST_RULE_SETS, day) ?? CHECKLIST_RULE_SETS[0]!;
}

export function criteriaOf(set: ChecklistRuleSet, sector: Sector): Criterion[] {
  return [...set.common, ...set.bySector[sector]];
}

/**
 * An establishment's risk class from its sector and size (PROVISIONAL product choice: sector points hospital 2,
 * market 2, factory 1, school 1, shop 0; size points small 0, medium 1, large 2; total ≥ 3 high, ≥ 1 medium).
 */
const SECTOR_POINTS: Record<Sector, number> = { hospital: 2, market: 2, factory: 1, school: 1, shop: 0 };
const SIZE_POINTS: Record<Size, number> = { small: 0, medium: 1, large: 2 };
export function riskClassOf(sector: Sector, size: Size): RiskClass {
  const points = SECTOR_POINTS[sector] + SIZE_POINTS[size];
  return points >= 3 ? 'high' : points >= 1 ? 'medium' : 'low';
}

export interface ScoreResult {
  score: number;
  safetyClass: SafetyClass;
  /** Criteria answered "no" (or not answered), critical first. */
  unmet: string[];
  criticalUnmet: string[];
  ruleSet: ReturnType<typeof ruleSetRef>;
}

/** Problems of a set of answers: an unknown criterion (the checklist is the sector's). */
export function answerProblems(set: ChecklistRuleSet, sector: Sector, answers: Record<string, boolean>) {
  const known = new Set(criteriaOf(set, sector).map((k) => k.id));
  return Object.keys(answers)
    .filter((id) => !known.has(id))
    .map((id) => ({
      field: `answers.${id}`,
      message: {
        vi: `Không có tiêu chí "${id}" trong bộ tiêu chí của loại cơ sở này.`,
        en: `No criterion "${id}" in this sector's checklist.`,
      },
    }));
}

/**
 * The score: weights of met criteria over all weights, 0–100 rounded; class by the set's cut-offs, never "safe"
 * with a critical criterion unmet (then at most "atRisk"). An unanswered criterion counts as unmet.
 */
export function scoreChecklist(
  set: ChecklistRuleSet,
  sector: Sector,
  answers: Record<string, boolean>,
): ScoreResult {
  const criteria = criteriaOf(set, sector);
  const total = criteria.reduce((s, k) => s + k.weight, 0);
  const met = criteria.filter((k) => answers[k.id] === true);
  const score = Math.round((100 * met.reduce((s, k) => s + k.weight, 0)) / total);
  const unmetCriteria = criteria.filter((k) => answers[k.id] !== true);
  const criticalUnmet = unmetCriteria.filter((k) => k.critical).map((k) => k.id);
  let safetyClass: SafetyClass =
    score >= set.safeFrom ? 'safe' : score >= set.atRiskFrom ? 'atRisk' : 'unsafe';
  if (safetyClass === 'safe' && criticalUnmet.length > 0) safetyClass = 'atRisk';
  return {
    score,
    safetyClass,
    unmet: [...criticalUnmet, ...unmetCriteria.filter((k) => !k.critical).map((k) => k.id)],
    criticalUnmet,
    ruleSet: ruleSetRef(set, set.provisional),
  };
}

/** Last day a self-assessment made on `day` is valid. */
export function validUntil(set: ChecklistRuleSet, day: string): string {
  return addDays(day, set.validDays - 1);
}

/**
 * When the establishment is next due for inspection: its last inspection (or, never inspected, the day it was
 * registered) plus its class's interval. Overdue when that day is before `today`.
 */
export function inspectionDue(
  set: ChecklistRuleSet,
  riskClass: RiskClass,
  lastInspectedOn: string | null,
  registeredOn: string,
): string {
  return addDays(lastInspectedOn ?? registeredOn, set.inspectionIntervalDays[riskClass]);
}

export function isOverdue(dueOn: string, today: string): boolean {
  return dueOn < today;
}

/** How many days past due (0 when not overdue). */
export function daysOverdue(dueOn: string, today: string): number {
  if (dueOn >= today) return 0;
  return daysBetween(dueOn, today);
}
