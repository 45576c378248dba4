import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { documentDate, documentTitle } from './directive-format.ts';
import { type Direction, PAGE_SIZE, useDocuments } from './directives-api.ts';

/** The unit's register of incoming or outgoing documents, newest first. */
export function DocumentRegister({
  direction,
  page,
  onPage,
}: {
  direction: Direction;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const list = useDocuments(direction, page);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  const { documents, total } = list.data;
  return (
    <section className="card" aria-label={t(`directives.views.${direction}`)}>
      {documents.length === 0 ? (
        <p>{t('directives.register.none')}</p>
      ) : (
        <ul className={list.isPlaceholderData ? 'rows stale' : 'rows'} aria-busy={list.isFetching}>
          {documents.map((d) => (
            <li key={d.id} className="row" data-testid="register-document">
              <div className="row-main">
                <Link to={`/directives/documents/${d.id}`} className="document-link">
                  {documentTitle(t, d)}
                </Link>
                {d.subject && <p className="document-subject">{d.subject}</p>}
                <div className="row-meta">
                  <span>{d.issuer}</span>
                  <span className="num">{documentDate(d.date) ?? t('directives.noDate')}</span>
                  <span>{t('directives.register.tasks', { n: formatNumber(d.taskCount) })}</span>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE_SIZE)} onPage={onPage} />
    </section>
  );
}
