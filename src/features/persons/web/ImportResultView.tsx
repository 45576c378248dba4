import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../web/format.ts';
import { ReportRows } from '../../../web/import/ReportRows.tsx';
import { type ImportResult, importErrorsUrl } from './persons-api.ts';

/**
 * What the import did: stored or not (all-or-nothing with rejections stores nothing, and says so), the
 * counts, the rejected rows with a download of them, and the way on.
 */
export function ImportResultView({
  result,
  busy,
  onImportValid,
}: {
  result: ImportResult;
  busy: boolean;
  onImportValid: () => void;
}) {
  const { t } = useTranslation();
  // Every row read is imported (new, updated or unchanged), merged into an earlier row, or rejected.
  const counts: [string, number][] = [
    [t('persons.import.rowsRead'), result.rowsRead],
    [t('persons.import.imported'), result.imported],
    [t('persons.import.added'), result.added],
    [t('persons.import.updated'), result.updated],
    [t('persons.import.unchanged'), result.unchanged],
    [t('persons.import.merged'), result.merged],
    [t('persons.import.rejected'), result.rejected],
    [t('persons.import.review'), result.review],
  ];
  const created = result.newVillages.filter((v) => v.id !== null);
  return (
    <section className="card import-result" data-testid="import-result" aria-labelledby="import-result-title">
      <h2 id="import-result-title">{t('persons.import.resultTitle')}</h2>
      {result.committed ? (
        <div className="notice notice-ok" role="status" data-testid="import-committed">
          <span>
            {t('persons.import.committed', {
              added: formatNumber(result.added),
              updated: formatNumber(result.updated),
              unchanged: formatNumber(result.unchanged),
            })}
          </span>
          {created.length > 0 && (
            <span data-testid="villages-created">
              {' '}
              {t('persons.import.villagesCreated', {
                n: created.length,
                names: created.map((v) => v.name).join(', '),
              })}
            </span>
          )}
        </div>
      ) : (
        <div className="notice notice-warn" role="alert" data-testid="import-nothing-stored">
          <span>{t('persons.import.nothingStored', { n: formatNumber(result.rejected) })}</span>
          <button type="button" className="btn btn-small" disabled={busy} onClick={onImportValid}>
            {t('persons.import.importValid')}
          </button>
        </div>
      )}
      <dl className="facts import-counts">
        {counts.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="num">{formatNumber(n)}</dd>
          </div>
        ))}
      </dl>
      {result.committed && result.review > 0 && (
        <p>
          <Link to="/persons/duplicates">
            {t('persons.import.reviewLink', { n: formatNumber(result.review) })}
          </Link>
        </p>
      )}
      {result.mergedRows.length > 0 && (
        <>
          <h3>{t('persons.import.mergedTitle')}</h3>
          <ReportRows entries={result.mergedRows} testId="import-merged-row" />
        </>
      )}
      {result.errors.length > 0 && (
        <>
          <div className="section-head rejected-head">
            <h3>{t('persons.import.rejectedTitle')}</h3>
            {result.batchId != null && (
              <a className="btn btn-small" href={importErrorsUrl(result.batchId)} download>
                {t('persons.import.downloadErrors')}
              </a>
            )}
          </div>
          <ReportRows entries={result.errors} testId="import-error-row" />
        </>
      )}
    </section>
  );
}
