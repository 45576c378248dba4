import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { BatchRow } from './BatchRow.tsx';
import { PersonsTabs } from './PersonsTabs.tsx';
import { useBatches } from './persons-api.ts';
import './persons.css';

/** /persons/imports — the unit's imports, newest first, each undoable while it stands. */
export function ImportsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const batches = useBatches();
  useDocumentTitle(t('persons.imports.title'));
  const canImport = can(user.role, 'persons.import');
  return (
    <>
      <PersonsTabs />
      <div className="page-head">
        <h1>{t('persons.imports.title')}</h1>
        {canImport && (
          <Link className="btn btn-small" to="/persons/import">
            + {t('persons.tabs.import')}
          </Link>
        )}
      </div>
      {batches.isPending && <Loading />}
      {batches.isError && <ErrorNotice error={batches.error} onRetry={() => void batches.refetch()} />}
      {batches.data && (
        <section className="card">
          {batches.data.length === 0 ? (
            <p>{t('persons.imports.none')}</p>
          ) : (
            <ul className="rows">
              {batches.data.map((batch) => (
                <BatchRow key={batch.id} batch={batch} canUndo={canImport} />
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
