import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { type AuditFilter, useAudit } from './audit-api.ts';
import './audit.css';

const FILTER_KEYS = ['username', 'action', 'entity', 'from', 'to'] as const;

/** /admin/audit: the filters live in the address, so a reload or a shared link shows the same page. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = {
    username: params.get('username') ?? '',
    action: params.get('action') ?? '',
    entity: params.get('entity') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const audit = useAudit(filter);
  useDocumentTitle(t('audit.title'));

  const go = (next: AuditFilter) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) search.set(key, next[key]);
    if (next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };

  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / audit.data.pageSize)) : 1;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <AuditFilters
        key={FILTER_KEYS.map((k) => filter[k]).join('|')}
        value={filter}
        onApply={(fields) => go({ ...fields, page: 1 })}
      />
      {audit.isPending && <Loading />}
      {audit.isError && <ErrorNotice error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && (
        <>
          <p className="muted">{t('audit.total', { n: formatNumber(audit.data.total) })}</p>
          {audit.data.entries.length === 0 ? (
            <p>{t('audit.none')}</p>
          ) : (
            <div className={audit.isPlaceholderData ? 'stale' : undefined} aria-busy={audit.isFetching}>
              <AuditTable entries={audit.data.entries} />
            </div>
          )}
          <Pagination page={filter.page} pages={pages} onPage={(page) => go({ ...filter, page })} />
        </>
      )}
    </>
  );
}
