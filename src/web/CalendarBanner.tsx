import { useTranslation } from 'react-i18next';
import { useCalendar } from './calendar.ts';
import { isoDateToText } from './format.ts';

/** On every page while the server's today is not the real one (a demo's as-of day): dates are read against it. */
export function CalendarBanner() {
  const { t } = useTranslation();
  const { data } = useCalendar();
  if (!data || data.source === 'clock') return null;
  return (
    <p className="calendar-banner" role="status" data-testid="calendar-banner">
      {t('shell.asOf', { date: isoDateToText(data.today) })}
    </p>
  );
}
