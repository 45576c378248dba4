/**
 * Measures by level (Resolution 128/NQ-CP, shared/domain/rules.md §1.3) per activity, as dated data: what is
 * allowed or restricted at each level, each with its clause, flagged provisional where the digest says UNCERTAIN
 * or NOT FOUND. From 27/01/2022 Decision 218/QĐ-BYT adds masks at levels 3–4 and the 100 %-vaccinated
 * relaxation for events (rules.md §1.3, §3). Pure.
 */
import type { Message } from '../../../core/errors.ts';
import { type DatedRuleSet, ruleSetInForce } from '../../../core/rule-sets.ts';

export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

/** open: allowed; conditional: allowed under conditions; restricted; suspended (stop); local: the locality decides. */
export type Restriction = 'open' | 'conditional' | 'restricted' | 'suspended' | 'local';

export interface Measure {
  restriction: Restriction;
  text: Message;
  provisional: boolean;
  clause: string;
}

export const ACTIVITIES = [
  'gatherings',
  'restaurantsMarkets',
  'hotelsTourism',
  'highRiskServices',
  'education',
  'transport',
  'religious',
  'masks',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export interface MeasureSet extends DatedRuleSet {
  activities: Partial<Record<Activity, { name: Message; levels: Record<Level, Measure> }>>;
}

const m = (
  restriction: Restriction,
  vi: string,
  en: string,
  clause: string,
  provisional = false,
): Measure => ({
  restriction,
  text: { vi, en },
  provisional,
  clause,
});
const T = 'rules.md §1.3';

/** Resolution 128/NQ-CP (11/10/2021), as the digest's §1.3 reports it. */
const ACTIVITIES_128: MeasureSet['activities'] = {
  gatherings: {
    name: { vi: 'Tụ tập đông người trong nhà và ngoài trời', en: 'Indoor and outdoor gatherings' },
    levels: {
      1: m(
        'open',
        'Được tổ chức, không giới hạn số người (bảo đảm 5K)',
        'Allowed, no limit on participants (with 5K)',
        `${T} gatherings L1 (CONFIRMED)`,
      ),
      2: m(
        'conditional',
        'Hạn chế sự kiện đông người hoặc tổ chức có điều kiện',
        'Events gathering many people restricted or held under conditions',
        `${T} gatherings L2 (CONFIRMED)`,
      ),
      3: m(
        'restricted',
        'Hạn chế hơn cấp 2 (số người tối đa do địa phương quy định)',
        'More restricted than level 2 (caps set locally)',
        `${T} gatherings L3: numeric caps NOT FOUND`,
        true,
      ),
      4: m(
        'restricted',
        'Hạn chế tối đa',
        'Most restricted',
        `${T} gatherings L4: numeric caps NOT FOUND`,
        true,
      ),
    },
  },
  restaurantsMarkets: {
    name: { vi: 'Nhà hàng, chợ truyền thống', en: 'Restaurants, traditional markets' },
    levels: {
      1: m('open', 'Hoạt động', 'Open', `${T} restaurants (CONFIRMED)`),
      2: m('open', 'Hoạt động', 'Open', `${T} restaurants (CONFIRMED)`),
      3: m('open', 'Hoạt động', 'Open', `${T} restaurants (CONFIRMED)`),
      4: m(
        'restricted',
        'Hạn chế (chỉ hạn chế ở cấp 4)',
        'Restricted (only at level 4)',
        `${T} restaurants: "only restricted at level 4" (CONFIRMED)`,
      ),
    },
  },
  hotelsTourism: {
    name: { vi: 'Khách sạn, khu nghỉ dưỡng, điểm du lịch', en: 'Hotels, resorts, tourist sites' },
    levels: {
      1: m('open', 'Hoạt động', 'Open', `${T} hotels (CONFIRMED)`),
      2: m('open', 'Hoạt động', 'Open', `${T} hotels (CONFIRMED)`),
      3: m('restricted', 'Hạn chế', 'Restricted', `${T} hotels (CONFIRMED)`),
      4: m('suspended', 'Có thể tạm dừng', 'May be suspended', `${T} hotels (CONFIRMED)`),
    },
  },
  highRiskServices: {
    name: {
      vi: 'Dịch vụ nguy cơ cao (vũ trường, karaoke, massage, quán bar, internet, trò chơi, cắt tóc, làm đẹp)',
      en: 'High-risk services (clubs, karaoke, massage, bars, internet, games, hairdressing, beauty)',
    },
    levels: {
      1: m(
        'local',
        'Được hoạt động hoặc hạn chế theo quyết định của địa phương',
        'May operate or be limited, as the locality decides',
        `${T} high-risk services L1 (CONFIRMED)`,
      ),
      2: m(
        'suspended',
        'Dừng hoặc hạn chế hoạt động',
        'Stop or limit',
        `${T} high-risk services L2 (CONFIRMED)`,
      ),
      3: m(
        'suspended',
        'Dừng hoạt động',
        'Stopped',
        `${T} high-risk services: "only allowed in green areas" (CONFIRMED)`,
      ),
      4: m(
        'suspended',
        'Dừng hoạt động',
        'Stopped',
        `${T} high-risk services: "only allowed in green areas" (CONFIRMED)`,
      ),
    },
  },
  education: {
    name: { vi: 'Dạy học trực tiếp', en: 'In-person education' },
    levels: {
      1: m('open', 'Theo hướng dẫn của Bộ GD&ĐT', 'Per MoET guidance', `${T} education (CONFIRMED)`),
      2: m(
        'conditional',
        'Có thể hạn chế từ cấp 2',
        'May be restricted from level 2',
        `${T} education (CONFIRMED)`,
      ),
      3: m('restricted', 'Có thể hạn chế', 'May be restricted', `${T} education (CONFIRMED)`),
      4: m('restricted', 'Có thể hạn chế', 'May be restricted', `${T} education (CONFIRMED)`),
    },
  },
  transport: {
    name: {
      vi: 'Vận tải hành khách công cộng, vận tải hàng hóa',
      en: 'Public passenger and goods transport',
    },
    levels: {
      1: m(
        'open',
        'Hoạt động (hàng không, đường sắt theo quy định riêng)',
        'Operates (air and rail under separate rules)',
        `${T} transport L1 (CONFIRMED)`,
      ),
      2: m(
        'conditional',
        'Hoạt động theo hướng dẫn của Bộ GTVT',
        'Operates per MoT guidance',
        `${T} transport L2 (CONFIRMED)`,
      ),
      3: m('restricted', 'Hạn chế', 'Restricted', `${T} transport L3: details UNCERTAIN`, true),
      4: m('restricted', 'Hạn chế', 'Restricted', `${T} transport L4: details UNCERTAIN`, true),
    },
  },
  religious: {
    name: { vi: 'Cơ sở tôn giáo, tín ngưỡng', en: 'Religious venues' },
    levels: {
      1: m('open', 'Hoạt động (bảo đảm 5K)', 'Open (with 5K)', `${T} religious venues L1: NOT FOUND`, true),
      2: m(
        'conditional',
        'UBND tỉnh quyết định số người tham dự',
        "The provincial People's Committee decides the number of participants",
        `${T} religious venues L2 (CONFIRMED)`,
      ),
      3: m(
        'restricted',
        'Hạn chế số người tham dự',
        'Participants limited',
        `${T} religious venues L3: NOT FOUND`,
        true,
      ),
      4: m('restricted', 'Hạn chế tối đa', 'Most restricted', `${T} religious venues L4: NOT FOUND`, true),
    },
  },
};

const MASKS_218 = {
  name: { vi: 'Đeo khẩu trang nơi công cộng', en: 'Masks in public places' },
  levels: {
    1: m('open', 'Khuyến khích (5K)', 'Encouraged (5K)', `${T} masks: level 1–2 not stated`, true),
    2: m('open', 'Khuyến khích (5K)', 'Encouraged (5K)', `${T} masks: level 1–2 not stated`, true),
    3: m(
      'restricted',
      'Bắt buộc đeo khẩu trang nơi công cộng',
      'Masks mandatory in public places',
      `${T} masks at level 3 or 4 "theo Quyết định 218/QĐ-BYT" (CONFIRMED, secondary)`,
    ),
    4: m(
      'restricted',
      'Bắt buộc đeo khẩu trang nơi công cộng',
      'Masks mandatory in public places',
      `${T} masks at level 3 or 4 "theo Quyết định 218/QĐ-BYT" (CONFIRMED, secondary)`,
    ),
  },
} satisfies NonNullable<MeasureSet['activities']['masks']>;

const EVENTS_218 = (level: Level, base: Measure): Measure =>
  level === 1
    ? base
    : {
        ...base,
        text: {
          vi: `${base.text.vi}; được nâng số người nếu 100% người tham dự đã tiêm đủ liều, đã khỏi bệnh hoặc xét nghiệm âm tính`,
          en: `${base.text.en}; the count may be raised when 100% of participants are fully vaccinated, recovered or tested negative`,
        },
        clause: `${base.clause}; rules.md §3 (218, levels 2–4, CONFIRMED)`,
      };

export const MEASURES_128: MeasureSet = {
  id: 'NQ-128-CP/measures',
  name: 'Nghị quyết 128/NQ-CP (11/10/2021): biện pháp theo cấp độ',
  legalBasis: 'Nghị quyết 128/NQ-CP ngày 11/10/2021 của Chính phủ',
  legalBasisProvisional: false,
  effectiveFrom: '2021-10-11',
  effectiveTo: '2022-01-26',
  effectiveDatesProvisional: false,
  activities: ACTIVITIES_128,
};

export const MEASURES_128_218: MeasureSet = {
  id: 'NQ-128-CP+QD-218-BYT/measures',
  name: 'Nghị quyết 128/NQ-CP và Quyết định 218/QĐ-BYT (27/01/2022): biện pháp theo cấp độ',
  legalBasis: 'Nghị quyết 128/NQ-CP; Quyết định 218/QĐ-BYT ngày 27/01/2022 của Bộ Y tế',
  legalBasisProvisional: false,
  effectiveFrom: '2022-01-27',
  effectiveTo: null,
  effectiveDatesProvisional: false,
  activities: {
    ...ACTIVITIES_128,
    gatherings: {
      name: ACTIVITIES_128.gatherings!.name,
      levels: Object.fromEntries(
        LEVELS.map((l) => [l, EVENTS_218(l, ACTIVITIES_128.gatherings!.levels[l])]),
      ) as Record<Level, Measure>,
    },
    masks: MASKS_218,
  },
};

export const MEASURE_SETS: readonly MeasureSet[] = [MEASURES_128, MEASURES_128_218];

export interface MeasureInForce extends Measure {
  activity: Activity;
  name: Message;
}

/** The measures of a level on a day, per activity, with the set they come from (none before 128). */
export function measuresFor(level: Level, day: string) {
  const set = ruleSetInForce(MEASURE_SETS, day);
  if (!set) return null;
  const measures: MeasureInForce[] = ACTIVITIES.flatMap((activity) => {
    const a = set.activities[activity];
    return a ? [{ activity, name: a.name, ...a.levels[level] }] : [];
  });
  return {
    ruleSet: { id: set.id, name: set.name, legalBasis: set.legalBasis },
    level,
    day,
    provisional: measures.some((x) => x.provisional),
    measures,
  };
}
