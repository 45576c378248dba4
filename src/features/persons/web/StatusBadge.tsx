import { useTranslation } from 'react-i18next';
import type { PersonListItem } from './persons-api.ts';

/** The person's status; "resident" is the usual case and shows only when asked (`always`). */
export function StatusBadge({ status, always }: { status: PersonListItem['status']; always?: boolean }) {
  const { t } = useTranslation();
  if (status === 'resident' && !always) return null;
  return (
    <span className={status === 'resident' ? 'badge badge-on' : `badge badge-status-${status}`}>
      {t(`persons.statuses.${status}`)}
    </span>
  );
}
