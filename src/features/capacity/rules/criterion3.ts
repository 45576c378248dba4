/**
 * Criterion 3 of the risk levels, treatment capacity ("Đảm bảo khả năng thu dung, điều trị", glossary
 * `treatmentCapacity`), as dated data and a pure evaluation (shared/domain/rules.md §1.2, §2.1–2.2, §3, §8).
 * No national text at hand gives its measure: 4800's is taken from the draft's obligatory indices (§2.2, CONFIRMED
 * as a draft: oxygen at every commune station, mobile medical stations and community F0-care teams planned,
 * treatment facilities set up), 218's
 * from its three parts (§3, thresholds NOT FOUND: a documented example set). Every check is provisional except
 * the mobile station's minimum equipment (§8, CONFIRMED secondary). Pure.
 */
import type { Message } from '../../../core/errors.ts';
import { type DatedRuleSet, ruleSetInForce } from '../../../core/rule-sets.ts';

/** One commune's capacity on a day (latest entries on or before it). */
export interface CommuneCapacityFacts {
  /** Oxygen cylinders at the commune health station; null: never entered. */
  stationOxygen: number | null;
  /** Mobile medical stations open that day serving the commune (or one of its villages). */
  mobileStations: readonly { doctors: number; staff: number; oxygenCylinders: number }[];
  /** Community teams with the F0 home-care duty (tổ chăm sóc người bệnh tại nhà) in the commune (community-teams). */
  homeCareTeams: number;
}

/** A district's treatment facilities on a day. */
export interface DistrictCapacityFacts {
  population: number;
  facilities: number;
  beds: number;
  /** Occupied beds: entered, or the cases under treatment outside home (cases' places of care). */
  occupied: number;
  icuBeds: number;
}

export type CheckName =
  | 'stationOxygen'
  | 'mobileStation'
  | 'homeCareTeam'
  | 'treatmentFacility'
  | 'freeBedsPer100k'
  | 'icuBedsPer100k';

export interface CapacityCheck {
  name: CheckName;
  /** 'commune': checked for each commune (a district: all of its communes); 'district': the district's facilities. */
  scope: 'commune' | 'district';
  threshold: number;
  provisional: boolean;
  clause: string;
}

export interface Criterion3Definition extends DatedRuleSet {
  /** The risk-level rule set it belongs to (a provincial variant uses its base's). */
  ruleSetId: string;
  checks: readonly CapacityCheck[];
}

const DRAFT = 'rules.md §2.2 "Obligatory draft indices" (CONFIRMED as a draft)';

/** 4800/QĐ-BYT, 12/10/2021 – 26/01/2022: criterion 3 measured by the draft's obligatory indices. */
export const CRITERION3_4800: Criterion3Definition = {
  id: 'QD-4800-BYT/criterion3',
  ruleSetId: 'QD-4800-BYT',
  name: 'Tiêu chí 3, Quyết định 4800/QĐ-BYT',
  legalBasis: 'Quyết định 4800/QĐ-BYT ngày 12/10/2021, tiêu chí 3 (chỉ số bắt buộc theo dự thảo)',
  legalBasisProvisional: true,
  effectiveFrom: '2021-10-12',
  effectiveTo: '2022-01-26',
  effectiveDatesProvisional: false,
  checks: [
    // rules.md §2.2: "100% of commune health stations have oxygen cylinders" (draft).
    {
      name: 'stationOxygen',
      scope: 'commune',
      threshold: 1,
      provisional: true,
      clause: `${DRAFT}: oxygen at the commune health station`,
    },
    // rules.md §2.2: "100% of wards have plans for mobile medical stations" (draft); §8: minimum 2 oxygen cylinders (CONFIRMED, secondary).
    {
      name: 'mobileStation',
      scope: 'commune',
      threshold: 2,
      provisional: true,
      clause: `${DRAFT}: mobile medical stations; rules.md §8 minimum equipment: 2 oxygen cylinders`,
    },
    // rules.md §2.2: "100% of wards have plans for … community F0-care teams" (draft); §8 "Tổ COVID cộng đồng":
    // founding document NOT FOUND. At least one community team with the home-care duty in the commune.
    {
      name: 'homeCareTeam',
      scope: 'commune',
      threshold: 1,
      provisional: true,
      clause: `${DRAFT}: community F0-care teams; rules.md §8 community COVID team (NOT FOUND)`,
    },
    // rules.md §2.2: "provinces set up COVID treatment facilities" (draft): the district's facility with a free bed.
    {
      name: 'treatmentFacility',
      scope: 'district',
      threshold: 1,
      provisional: true,
      clause: `${DRAFT}: COVID treatment facilities set up (a free bed)`,
    },
  ],
};

const P218 = 'rules.md §3 criterion 3 (thresholds NOT FOUND): documented example set, provisional';

/** 218/QĐ-BYT, 27/01/2022 –: (a) commune capacity to manage and care, (b) free beds per 100,000, (c) ICU beds. */
export const CRITERION3_218: Criterion3Definition = {
  id: 'QD-218-BYT/criterion3',
  ruleSetId: 'QD-218-BYT',
  name: 'Tiêu chí 3, Quyết định 218/QĐ-BYT',
  legalBasis: 'Quyết định 218/QĐ-BYT ngày 27/01/2022, tiêu chí 3 (năng lực đáp ứng)',
  legalBasisProvisional: false,
  effectiveFrom: '2022-01-27',
  effectiveTo: null,
  effectiveDatesProvisional: false,
  checks: [
    // rules.md §3 criterion 3(a): commune-level capacity to manage and care for infected people.
    {
      name: 'stationOxygen',
      scope: 'commune',
      threshold: 1,
      provisional: true,
      clause: `${P218}: (a) commune capacity, oxygen at the station`,
    },
    {
      name: 'mobileStation',
      scope: 'commune',
      threshold: 2,
      provisional: true,
      clause: `${P218}: (a) commune capacity, a mobile medical station; rules.md §8: 2 oxygen cylinders`,
    },
    // rules.md §3 criterion 3(a): capacity to manage and care for infected people in the commune: a home-care team
    // (community team with the F0 home-care duty, rules.md §8, NOT FOUND).
    {
      name: 'homeCareTeam',
      scope: 'commune',
      threshold: 1,
      provisional: true,
      clause: `${P218}: (a) commune capacity to manage and care for F0, a home-care team (rules.md §8)`,
    },
    // rules.md §3 criterion 3(b): free COVID beds per 100,000 at district level.
    {
      name: 'freeBedsPer100k',
      scope: 'district',
      threshold: 20,
      provisional: true,
      clause: `${P218}: (b) free COVID beds per 100,000 at district level`,
    },
    // rules.md §3 criterion 3(c): ICU beds.
    {
      name: 'icuBedsPer100k',
      scope: 'district',
      threshold: 2,
      provisional: true,
      clause: `${P218}: (c) ICU beds per 100,000`,
    },
  ],
};

export const CRITERION3_DEFINITIONS: readonly Criterion3Definition[] = [CRITERION3_4800, CRITERION3_218];

/** The definition of a risk-level rule set (or its base), else the one in force on the day. */
export function criterion3For(
  ruleSetIds: readonly (string | null)[],
  day: string,
): Criterion3Definition | null {
  for (const id of ruleSetIds) {
    const d = CRITERION3_DEFINITIONS.find((x) => x.ruleSetId === id);
    if (d) return d;
  }
  return ruleSetInForce(CRITERION3_DEFINITIONS, day);
}

export interface CheckResult {
  name: CheckName;
  value: number | null;
  threshold: number;
  met: boolean;
  provisional: boolean;
  clause: string;
  text: Message;
}

export interface Criterion3Result {
  /** null: no capacity data at all for the unit (the risk levels take it as met, flagged). */
  met: boolean | null;
  provisional: boolean;
  definition: string;
  checks: CheckResult[];
}

const round = (n: number) => Math.round(n * 100) / 100;

function communeCheck(c: CapacityCheck, f: CommuneCapacityFacts): CheckResult {
  if (c.name === 'stationOxygen') {
    const v = f.stationOxygen;
    const met = v !== null && v >= c.threshold;
    return {
      name: c.name,
      value: v,
      threshold: c.threshold,
      met,
      provisional: c.provisional,
      clause: c.clause,
      text: {
        vi: `Trạm y tế xã: ${v ?? 'chưa nhập'} bình oxy (cần ≥ ${c.threshold})`,
        en: `Commune health station: ${v ?? 'not entered'} oxygen cylinders (needs ≥ ${c.threshold})`,
      },
    };
  }
  if (c.name === 'homeCareTeam') {
    const v = f.homeCareTeams;
    return {
      name: c.name,
      value: v,
      threshold: c.threshold,
      met: v >= c.threshold,
      provisional: c.provisional,
      clause: c.clause,
      text: {
        vi: `Tổ chăm sóc người bệnh tại nhà (tổ Covid cộng đồng): ${v} (cần ≥ ${c.threshold})`,
        en: `Home-care teams (community COVID teams caring for F0): ${v} (needs ≥ ${c.threshold})`,
      },
    };
  }
  const ready = f.mobileStations.filter((s) => s.oxygenCylinders >= c.threshold && s.staff > 0).length;
  return {
    name: c.name,
    value: ready,
    threshold: c.threshold,
    met: ready > 0,
    provisional: c.provisional,
    clause: c.clause,
    text: {
      vi: `Trạm y tế lưu động phục vụ xã: ${f.mobileStations.length}, đủ ≥ ${c.threshold} bình oxy và có nhân lực: ${ready}`,
      en: `Mobile medical stations serving the commune: ${f.mobileStations.length}, with ≥ ${c.threshold} oxygen cylinders and staff: ${ready}`,
    },
  };
}

function districtCheck(c: CapacityCheck, f: DistrictCapacityFacts): CheckResult {
  const free = Math.max(0, f.beds - f.occupied);
  if (c.name === 'treatmentFacility')
    return {
      name: c.name,
      value: free,
      threshold: c.threshold,
      met: f.facilities > 0 && free >= c.threshold,
      provisional: c.provisional,
      clause: c.clause,
      text: {
        vi: `Cơ sở thu dung, điều trị của huyện: ${f.facilities}, ${f.beds} giường, ${f.occupied} đang dùng, còn trống ${free}`,
        en: `District treatment facilities: ${f.facilities}, ${f.beds} beds, ${f.occupied} occupied, ${free} free`,
      },
    };
  const per100k = (n: number) => (f.population > 0 ? round((n * 100_000) / f.population) : null);
  const value = per100k(c.name === 'freeBedsPer100k' ? free : f.icuBeds);
  const met = value !== null && value >= c.threshold;
  return {
    name: c.name,
    value,
    threshold: c.threshold,
    met,
    provisional: c.provisional,
    clause: c.clause,
    text:
      c.name === 'freeBedsPer100k'
        ? {
            vi: `Giường trống: ${value ?? '–'}/100.000 dân (cần ≥ ${c.threshold})`,
            en: `Free beds: ${value ?? '–'}/100,000 (needs ≥ ${c.threshold})`,
          }
        : {
            vi: `Giường hồi sức (ICU): ${value ?? '–'}/100.000 dân (cần ≥ ${c.threshold})`,
            en: `ICU beds: ${value ?? '–'}/100,000 (needs ≥ ${c.threshold})`,
          },
  };
}

const hasCommuneData = (f: CommuneCapacityFacts) =>
  f.stationOxygen !== null || f.mobileStations.length > 0 || f.homeCareTeams > 0;
const hasDistrictData = (f: DistrictCapacityFacts) => f.facilities > 0;

const result = (def: Criterion3Definition, checks: CheckResult[], known: boolean): Criterion3Result => ({
  met: known ? checks.every((c) => c.met) : null,
  provisional: def.legalBasisProvisional || checks.some((c) => c.provisional),
  definition: def.id,
  checks,
});

/** A commune: its own checks and its district's (a commune is treated where its district's beds are). */
export function communeCriterion3(
  def: Criterion3Definition,
  commune: CommuneCapacityFacts,
  district: DistrictCapacityFacts,
): Criterion3Result {
  const checks = def.checks.map((c) =>
    c.scope === 'commune' ? communeCheck(c, commune) : districtCheck(c, district),
  );
  return result(def, checks, hasCommuneData(commune) || hasDistrictData(district));
}

/**
 * A district: each commune-scope check met in every commune ("100 % of commune health stations…", rules.md
 * §2.2), value = the communes meeting it; and its facilities' checks.
 */
export function districtCriterion3(
  def: Criterion3Definition,
  communes: readonly CommuneCapacityFacts[],
  district: DistrictCapacityFacts,
): Criterion3Result {
  const checks = def.checks.map((c) => {
    if (c.scope === 'district') return districtCheck(c, district);
    const ok = communes.filter((f) => communeCheck(c, f).met).length;
    const name =
      c.name === 'stationOxygen'
        ? { vi: 'trạm y tế có oxy', en: 'stations with oxygen' }
        : c.name === 'homeCareTeam'
          ? { vi: 'xã có tổ chăm sóc người bệnh tại nhà', en: 'communes with a home-care team' }
          : { vi: 'xã có trạm y tế lưu động đủ điều kiện', en: 'communes with a ready mobile station' };
    return {
      name: c.name,
      value: ok,
      threshold: communes.length,
      met: communes.length > 0 && ok === communes.length,
      provisional: c.provisional,
      clause: c.clause,
      text: {
        vi: `${ok}/${communes.length} ${name.vi} (cần 100%)`,
        en: `${ok}/${communes.length} ${name.en} (needs 100%)`,
      },
    } satisfies CheckResult;
  });
  return result(def, checks, communes.some(hasCommuneData) || hasDistrictData(district));
}
