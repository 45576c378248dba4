import { useTranslation } from 'react-i18next';
import { formatNumber } from './format.ts';

export function Pagination({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('audit.pagination')}>
      <button type="button" className="btn" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('audit.prev')}
      </button>
      <span aria-live="polite">
        {t('audit.page', { page: formatNumber(page), pages: formatNumber(pages) })}
      </span>
      <button type="button" className="btn" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('audit.next')}
      </button>
    </nav>
  );
}
