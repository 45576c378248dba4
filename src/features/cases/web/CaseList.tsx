import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseRow } from './CaseRow.tsx';
import {
  CASE_STATUSES,
  type CaseItem,
  type CaseStatus,
  type CheckLink,
  PAGE_SIZE,
  useCases,
} from './cases-api.ts';
import { NewCaseForm } from './NewCaseForm.tsx';

/**
 * The unit's cases, newest first, 50 a page, filtered by status; "record a new case" on top. A case just
 * recorded stays open above the list with its actions (its link already issued when treated at home).
 */
export function CaseList({
  unit,
  status,
  page,
  canWrite,
  onFilter,
}: {
  unit: string;
  status: CaseStatus | '';
  page: number;
  canWrite: boolean;
  onFilter: (status: CaseStatus | '', page: number) => void;
}) {
  const { t } = useTranslation();
  const cases = useCases(unit, status, page);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ item: CaseItem; link: CheckLink | null } | null>(null);
  return (
    <section className="card" aria-labelledby="cases-h">
      <div className="section-head">
        <h2 id="cases-h">
          {t('cases.list.title')}
          {cases.data && (
            <span className="count"> {t('cases.list.total', { n: formatNumber(cases.data.total) })}</span>
          )}
        </h2>
        {canWrite && !adding && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="new-case-open"
            onClick={() => setAdding(true)}
          >
            {t('cases.newCase.open')}
          </button>
        )}
      </div>
      {adding && (
        <NewCaseForm
          onCreated={(item, link) => {
            setAdding(false);
            setCreated({ item, link });
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {created && (
        <div className="card new-case" data-testid="new-case">
          <p className="notice notice-ok" role="status">
            {t('cases.newCase.saved', { name: created.item.full_name })}
          </p>
          <CaseActions key={created.item.id} item={created.item} link={created.link} />
        </div>
      )}
      <fieldset className="segmented plain-fieldset">
        <legend className="visually-hidden">{t('cases.list.status')}</legend>
        {(['', ...CASE_STATUSES] as const).map((s) => (
          <button
            key={s || 'all'}
            type="button"
            className="btn btn-small"
            aria-current={status === s ? 'true' : undefined}
            onClick={() => onFilter(s, 1)}
          >
            {t(`cases.statuses.${s || 'all'}`)}
          </button>
        ))}
      </fieldset>
      {cases.isPending && <Loading />}
      <ErrorNotice error={cases.error} onRetry={() => void cases.refetch()} />
      {cases.data &&
        (cases.data.cases.length === 0 ? (
          <p className="muted">{t('cases.list.none')}</p>
        ) : (
          <ul className={cases.isPlaceholderData ? 'rows stale' : 'rows'} data-testid="case-list">
            {cases.data.cases.map((c) => (
              <CaseRow key={c.id} item={c} canWrite={canWrite} />
            ))}
          </ul>
        ))}
      <Pagination
        page={page}
        pages={Math.ceil((cases.data?.total ?? 0) / PAGE_SIZE)}
        onPage={(p) => onFilter(status, p)}
      />
    </section>
  );
}
