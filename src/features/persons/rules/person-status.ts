/** Whether a registered person lives in the commune now: lists write it in words, blank means living here. */
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';

export const PERSON_STATUSES = ['resident', 'temporarilyAway', 'moved', 'deceased'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const PERSON_STATUS_LABELS: Readonly<Record<PersonStatus, Message>> = {
  resident: { vi: 'Đang ở địa phương', en: 'Living here' },
  temporarilyAway: { vi: 'Tạm vắng', en: 'Temporarily away' },
  moved: { vi: 'Đã chuyển đi', en: 'Moved away' },
  deceased: { vi: 'Đã mất', en: 'Deceased' },
};

/** Folded words. "Tạm trú" (registered here temporarily) is someone living here, hence resident. */
const ALIASES: Readonly<Record<string, PersonStatus>> = {
  'thuong tru': 'resident',
  'dang o': 'resident',
  'tam tru': 'resident',
  'co mat': 'resident',
  'o dia phuong': 'resident',
  'dang o dia phuong': 'resident',
  resident: 'resident',
  'tam vang': 'temporarilyAway',
  'vang mat': 'temporarilyAway',
  'di lam an xa': 'temporarilyAway',
  'di lam xa': 'temporarilyAway',
  temporarilyaway: 'temporarilyAway',
  'da chuyen di': 'moved',
  'chuyen di': 'moved',
  'da chuyen': 'moved',
  'chuyen khau': 'moved',
  moved: 'moved',
  'da mat': 'deceased',
  mat: 'deceased',
  'tu vong': 'deceased',
  'da tu vong': 'deceased',
  'qua doi': 'deceased',
  'da qua doi': 'deceased',
  deceased: 'deceased',
};

/** The status, resident for a blank, undefined when the text is not a status. */
export function parsePersonStatus(text: string | null): PersonStatus | undefined {
  if (text == null || text.trim() === '') return 'resident';
  return ALIASES[foldDiacritics(text.replace(/[.,;:!]/g, ' '))];
}
