/** ISO weeks ("2022-W05") for the district's weekly list of approved events. Pure. */
import { badRequest } from '../../../core/errors.ts';
import { weekDays } from '../../risk-levels/rules/week.ts';

/** Monday and Sunday of an ISO week; 400 naming `week` when the text is no week. */
export function weekBounds(week: string): { monday: string; sunday: string } {
  const days = weekDays(week);
  if (!days) {
    const message = { vi: 'tuần theo dạng YYYY-Www', en: 'a week as YYYY-Www' };
    throw badRequest({ vi: 'Tuần không hợp lệ', en: 'Invalid week' }, [{ field: 'week', message }]);
  }
  return days;
}
