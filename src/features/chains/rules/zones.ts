import type { Message } from '../../../core/errors.ts';

/**
 * Clusters (ổ dịch) and containment zones (vùng cách ly / phong tỏa): kinds and input checks (pure).
 * Resolution 128/NQ-CP (seed 002) asks to isolate "as narrowly as possible" with an end plan: the zone kinds go
 * from one household to a village or street, never wider (a commune-wide lockdown is not a zone here).
 */
export const CLUSTER_KINDS = [
  'household',
  'market',
  'factory',
  'school',
  'office',
  'healthFacility',
  'other',
] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export const ZONE_KINDS = ['household', 'households', 'village', 'street'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/**
 * The lifting criterion offered by default: 14 days from the last case in the zone without a new one.
 * rules.md gives no lifting rule (product choice, commonly applied by provinces in 2021): provisional.
 */
export const DEFAULT_LIFTING = {
  daysWithoutNewCase: 14,
  text: {
    vi: 'Sau 14 ngày kể từ ca bệnh cuối cùng không phát sinh ca mới; xét nghiệm toàn bộ người trong vùng âm tính.',
    en: '14 days after the last case with no new case; everyone in the zone tested negative.',
  },
  provisional: true,
} as const;

export interface Problem {
  field: string;
  message: Message;
}

export interface ZoneDates {
  startsOn: string;
  plannedEndOn: string;
  liftedOn?: string | null;
}

/** End before start, lifted before start, a start far in the future: each names its field. */
export function zoneDateProblems(z: ZoneDates, today: string): Problem[] {
  const out: Problem[] = [];
  if (z.plannedEndOn < z.startsOn)
    out.push({
      field: 'plannedEndOn',
      message: {
        vi: 'Ngày dự kiến kết thúc trước ngày bắt đầu.',
        en: 'The planned end is before the start.',
      },
    });
  if (z.liftedOn != null && z.liftedOn < z.startsOn)
    out.push({
      field: 'liftedOn',
      message: { vi: 'Ngày dỡ bỏ trước ngày bắt đầu.', en: 'Lifted before the zone started.' },
    });
  if (z.liftedOn != null && z.liftedOn > today)
    out.push({
      field: 'liftedOn',
      message: { vi: 'Ngày dỡ bỏ ở tương lai.', en: 'The lifting day is in the future.' },
    });
  return out;
}

/** A cluster's opening and closing days. */
export function clusterDateProblems(
  c: { openedOn: string; closedOn?: string | null },
  today: string,
): Problem[] {
  const out: Problem[] = [];
  if (c.openedOn > today)
    out.push({
      field: 'openedOn',
      message: { vi: 'Ngày phát hiện ở tương lai.', en: 'The opening day is in the future.' },
    });
  if (c.closedOn != null && c.closedOn < c.openedOn)
    out.push({
      field: 'closedOn',
      message: { vi: 'Ngày kết thúc trước ngày phát hiện.', en: 'Closed before it was opened.' },
    });
  return out;
}

/** Days since the zone's last case (by sample day) up to `day`, or since its start when it has none. */
export function daysWithoutNewCase(startsOn: string, lastCaseOn: string | null, day: string): number {
  const from = lastCaseOn && lastCaseOn > startsOn ? lastCaseOn : startsOn;
  return Math.max(0, Math.round((Date.parse(day) - Date.parse(from)) / 86_400_000));
}
