import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { NoAccessPage } from '../../../web/NoAccessPage.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { PagerButtons } from './PagerButtons.tsx';
import { PersonFilters } from './PersonFilters.tsx';
import { PersonRow } from './PersonRow.tsx';
import { PersonSearch } from './PersonSearch.tsx';
import { PersonsTabs } from './PersonsTabs.tsx';
import { exportUrl, type PersonFilter, usePersons } from './persons-api.ts';
import './persons.css';

const FILTER_KEYS = ['q', 'unit', 'village', 'ageBand', 'status', 'priority'] as const;

/** The printable list of one village, with the list's other filters. */
function printUrl(filter: PersonFilter, commune: string) {
  const search = new URLSearchParams({ village: filter.village, commune });
  for (const key of ['ageBand', 'status', 'priority'] as const) if (filter[key]) search.set(key, filter[key]);
  return `/persons/print?${search}`;
}

/** /persons: search and filters live in the address, so a reload or a shared link shows the same list. */
export function PersonListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filter: PersonFilter = {
    q: params.get('q') ?? '',
    unit: params.get('unit') ?? '',
    village: params.get('village') ?? '',
    ageBand: params.get('ageBand') ?? '',
    status: params.get('status') ?? '',
    priority: params.get('priority') ?? '',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = usePersons(filter, page);
  useDocumentTitle(t('persons.title'));

  const go = (next: PersonFilter, nextPage = 1) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) search.set(key, next[key]);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  };

  if (statusOf(list.error) === 403) return <NoAccessPage />;
  const commune = filter.unit || user.unitCode;

  return (
    <>
      <PersonsTabs />
      <h1>{t('persons.title')}</h1>
      <PersonSearch key={filter.q} value={filter.q} onSearch={(q) => go({ ...filter, q })} />
      <PersonFilters value={filter} onChange={(fields) => go({ ...fields, q: filter.q })} />
      <div className="actions list-actions">
        <a className="btn btn-small" href={exportUrl(filter, 'xlsx')} download>
          {t('persons.exportXlsx')}
        </a>
        <a className="btn btn-small" href={exportUrl(filter, 'csv')} download>
          {t('persons.exportCsv')}
        </a>
        {filter.village ? (
          <Link className="btn btn-small" to={printUrl(filter, commune)}>
            {t('persons.printList')}
          </Link>
        ) : (
          <span className="hint print-hint">{t('persons.printNeedsVillage')}</span>
        )}
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <section className="card person-list">
          {list.data.persons.length === 0 ? (
            <p>{t('persons.none')}</p>
          ) : (
            <ul
              className={list.isPlaceholderData ? 'rows stale' : 'rows'}
              aria-busy={list.isFetching}
              aria-label={t('persons.title')}
            >
              {list.data.persons.map((person) => (
                <PersonRow key={person.id} person={person} />
              ))}
            </ul>
          )}
          <PagerButtons page={page} hasMore={list.data.hasMore} onPage={(p) => go(filter, p)} />
        </section>
      )}
    </>
  );
}
