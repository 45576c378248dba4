import type { TFunction } from 'i18next';
import { isoDateToText } from '../../../web/format.ts';
import type { OutcomeFact, WorklistEntry } from './vaccination-api.ts';

/** "12/05/1968", or "1955" when only the year is known. */
export const birthOf = (p: Pick<WorklistEntry, 'birthDate' | 'birthYear'>) =>
  (p.birthDate && isoDateToText(p.birthDate)) || String(p.birthYear);

/** "Mũi 2", "Nhắc lại lần 1". */
export function doseName(t: TFunction, next: WorklistEntry['next']): string {
  if (!next) return '';
  return next.kind === 'booster'
    ? t('vaccination.worklist.boosterDose', { n: next.number ?? 1 })
    : t('vaccination.worklist.primaryDose', { n: next.number ?? 1 });
}

/** What the person needs: "Chưa tiêm", "Mũi 2 đến hạn từ 03/12/2021", "Nhắc lại lần 1 quá hạn từ …". */
export function needText(t: TFunction, e: WorklistEntry): string {
  if (e.list === 'notVaccinated') return t('vaccination.worklist.needs.notVaccinated');
  const dose = doseName(t, e.next);
  if (e.list === 'overdue')
    return t('vaccination.worklist.needs.overdue', {
      dose,
      date: e.next?.overdueFrom ? isoDateToText(e.next.overdueFrom) : '',
    });
  return t('vaccination.worklist.needs.due', {
    dose,
    date: e.next?.dueFrom ? isoDateToText(e.next.dueFrom) : '',
  });
}

/** "Tạm hoãn (có thai) đến 01/03/2022 · 20/12/2021". */
export function outcomeText(t: TFunction, o: OutcomeFact): string {
  let text = t(`vaccination.outcomes.${o.outcome}`);
  if (o.reason) text += ` (${o.reason})`;
  if (o.until) text += ` ${t('vaccination.worklist.until', { date: isoDateToText(o.until) })}`;
  return `${text} · ${isoDateToText(o.date)}`;
}
