/**
 * Priority groups of the vaccination campaign, read from the free text of the "Đối tượng" column:
 * "Người trên 65 tuổi; Bệnh nền", "benh nen, ho ngheo".
 */
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';

export const PRIORITY_GROUPS = [
  'aged65plus',
  'chronicDisease',
  'pregnant',
  'healthWorker',
  'frontline',
  'teacher',
  'disabled',
  'poorHousehold',
  'other',
] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export const PRIORITY_GROUP_LABELS: Readonly<Record<PriorityGroup, Message>> = {
  aged65plus: { vi: 'Người từ 65 tuổi trở lên', en: 'Aged 65 and over' },
  chronicDisease: { vi: 'Người có bệnh nền', en: 'Chronic disease' },
  pregnant: { vi: 'Phụ nữ có thai', en: 'Pregnant' },
  healthWorker: { vi: 'Nhân viên y tế', en: 'Health worker' },
  frontline: { vi: 'Lực lượng tuyến đầu', en: 'Frontline worker' },
  teacher: { vi: 'Giáo viên', en: 'Teacher' },
  disabled: { vi: 'Người khuyết tật', en: 'Person with disability' },
  poorHousehold: { vi: 'Hộ nghèo', en: 'Poor household' },
  other: { vi: 'Khác', en: 'Other' },
};

/**
 * Folded words that name each group, tried in this order (the first match wins, so "nhan vien y te"
 * is a health worker before anything else). "ho can ngheo" (near-poor) is deliberately not "ho ngheo".
 */
const KEYWORDS: readonly (readonly [PriorityGroup, readonly string[]])[] = [
  ['healthWorker', ['nhan vien y te', 'can bo y te', 'nvyt', 'y te', 'healthworker']],
  ['aged65plus', ['65', 'cao tuoi', 'aged65plus']],
  ['chronicDisease', ['benh nen', 'benh man tinh', 'chronicdisease']],
  ['pregnant', ['co thai', 'mang thai', 'thai phu', 'ba bau', 'pregnant']],
  ['frontline', ['tuyen dau', 'cong an', 'quan doi', 'bo doi', 'frontline']],
  ['teacher', ['giao vien', 'teacher']],
  ['disabled', ['khuyet tat', 'nkt', 'disabled']],
  ['poorHousehold', ['ho ngheo', 'poorhousehold']],
  ['other', ['khac', 'other']],
];

export interface ParsedGroups {
  groups: PriorityGroup[];
  /** Parts of the text that name no group, as written. */
  unknown: string[];
}

export function parsePriorityGroups(text: string | null): ParsedGroups {
  const groups = new Set<PriorityGroup>();
  const unknown: string[] = [];
  for (const part of (text ?? '').split(/[,;\n]+/)) {
    const written = part.trim();
    if (written === '') continue;
    const folded = foldDiacritics(written);
    const match = KEYWORDS.find(([, words]) => words.some((w) => folded.includes(w)));
    if (match) groups.add(match[0]);
    else unknown.push(written);
  }
  return { groups: PRIORITY_GROUPS.filter((g) => groups.has(g)), unknown };
}
