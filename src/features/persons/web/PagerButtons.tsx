import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../web/format.ts';

/** Previous / next for a list that knows only whether more follows (no total: counting is slow). */
export function PagerButtons({
  page,
  hasMore,
  onPage,
}: {
  page: number;
  hasMore: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (page <= 1 && !hasMore) return null;
  return (
    <nav className="pagination" aria-label={t('persons.pagination')}>
      <button type="button" className="btn" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('persons.prev')}
      </button>
      <span aria-live="polite">{t('persons.pageOf', { page: formatNumber(page) })}</span>
      <button type="button" className="btn" disabled={!hasMore} onClick={() => onPage(page + 1)}>
        {t('persons.next')}
      </button>
    </nav>
  );
}
