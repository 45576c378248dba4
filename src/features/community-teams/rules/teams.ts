/**
 * Community COVID teams (tổ Covid cộng đồng) and inter-household groups (tổ liên gia tự quản): who, where, what.
 * rules.md §8 and §9 item 9: their founding decision and official duties were NOT FOUND, so the duties offered are
 * the ones the seeds and the model give them (seed 003: "thực hiện chức năng, nhiệm vụ trong công tác phòng, chống
 * dịch"; rules.md §8: "natural owners of daily F0 and F1 follow-up") — a provisional list, free text allowed. Pure.
 */
import type { FieldError } from '../../../core/errors.ts';

export const TEAM_KINDS = ['communityTeam', 'householdGroup'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** PROVISIONAL (rules.md §9 item 9: duties NOT FOUND): the usual duties, as the model assigns them. */
export const TEAM_DUTIES = [
  'homeCareFollowUp',
  'quarantineWatch',
  'arrivalsWatch',
  'communication',
  'supplies',
] as const;
export type TeamDuty = (typeof TEAM_DUTIES)[number];
export const DUTIES_PROVISIONAL = true;

export interface Member {
  name: string;
  phone?: string | null;
  role?: string | null;
}

/** A Vietnamese phone as communes type it: 10 digits from 0, or +84 and 9 digits; spaces and dots ignored. */
export function normalizePhone(text: string): string | null {
  const digits = text.replace(/[\s.()-]/g, '');
  if (/^0\d{9}$/.test(digits)) return digits;
  if (/^\+84\d{9}$/.test(digits)) return `0${digits.slice(3)}`;
  return null;
}

export function teamProblems(input: {
  name: string;
  phone?: string | null;
  members: readonly Member[];
  villageIds: readonly number[];
}): FieldError[] {
  const out: FieldError[] = [];
  if (!input.name.trim())
    out.push({ field: 'name', message: { vi: 'Tổ cần có tên.', en: 'A team needs a name.' } });
  if (input.phone && !normalizePhone(input.phone))
    out.push({ field: 'phone', message: { vi: 'Số điện thoại không hợp lệ.', en: 'Not a phone number.' } });
  if (input.villageIds.length === 0)
    out.push({
      field: 'villageIds',
      message: { vi: 'Chọn ít nhất một thôn.', en: 'Choose at least one village.' },
    });
  input.members.forEach((m, i) => {
    if (!m.name.trim())
      out.push({
        field: `members.${i}.name`,
        message: { vi: 'Thành viên cần có tên.', en: 'A member needs a name.' },
      });
    if (m.phone && !normalizePhone(m.phone))
      out.push({
        field: `members.${i}.phone`,
        message: { vi: 'Số điện thoại không hợp lệ.', en: 'Not a phone number.' },
      });
  });
  return out;
}

/** A team's workload: the sum over its villages of what the pillars assign there. */
export function teamWorkload(
  villageIds: readonly number[],
  byVillage: ReadonlyMap<number, { homeTreatment: number; quarantine: number }>,
) {
  let homeTreatment = 0;
  let quarantine = 0;
  for (const id of villageIds) {
    const w = byVillage.get(id);
    if (!w) continue;
    homeTreatment += w.homeTreatment;
    quarantine += w.quarantine;
  }
  return { homeTreatment, quarantine, total: homeTreatment + quarantine };
}
