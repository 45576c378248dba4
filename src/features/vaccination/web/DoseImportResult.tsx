import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../web/format.ts';
import { ReportRows } from '../../../web/import/ReportRows.tsx';
import { type DoseImportResult, doseImportReportUrl } from './vaccination-api.ts';

/**
 * What the dose import did: stored or not, the counts (rows read, imported, ignored as already recorded,
 * rejected; persons matched by ID or by name and birth date, new persons to review), and the report's rows.
 */
export function DoseImportResultView({
  result,
  busy,
  onImportValid,
}: {
  result: DoseImportResult;
  busy: boolean;
  onImportValid: () => void;
}) {
  const { t } = useTranslation();
  const counts: [string, number, string][] = [
    [t('vaccination.import.rowsRead'), result.rowsRead, 'rowsRead'],
    [t('vaccination.import.imported'), result.imported, 'imported'],
    [t('vaccination.import.rejected'), result.rejected, 'rejected'],
    [t('vaccination.import.ignored'), result.ignored, 'ignored'],
    [t('vaccination.import.matched'), result.matchedPersons, 'matched'],
    [t('vaccination.import.byNationalId'), result.matchedByNationalId, 'byNationalId'],
    [t('vaccination.import.byNameAndBirth'), result.matchedByNameAndBirth, 'byNameAndBirth'],
    [t('vaccination.import.newPersons'), result.newPersons, 'newPersons'],
    [t('vaccination.import.warnings'), result.warnings, 'warnings'],
  ];
  return (
    <section
      className="card import-result"
      data-testid="dose-import-result"
      aria-labelledby="dose-import-result-title"
    >
      <h2 id="dose-import-result-title">{t('vaccination.import.resultTitle')}</h2>
      {result.committed ? (
        <div className="notice notice-ok" role="status" data-testid="dose-import-committed">
          <span>{t('vaccination.import.committed', { n: formatNumber(result.imported) })}</span>
        </div>
      ) : (
        <div className="notice notice-warn" role="alert" data-testid="dose-import-nothing-stored">
          <span>{t('vaccination.import.nothingStored', { n: formatNumber(result.rejected) })}</span>
          <button type="button" className="btn btn-small" disabled={busy} onClick={onImportValid}>
            {t('persons.import.importValid')}
          </button>
        </div>
      )}
      <dl className="facts import-counts">
        {counts.map(([label, n, key]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd className="num" data-testid={`dose-import-${key}`}>
              {formatNumber(n)}
            </dd>
          </div>
        ))}
      </dl>
      {result.committed && result.newPersons > 0 && (
        <p className="hint">
          {t('vaccination.import.newPersonsHint')} <Link to="/persons">{t('nav.persons')}</Link>
        </p>
      )}
      {result.report.length > 0 && (
        <>
          <div className="section-head rejected-head">
            <h3>{t('vaccination.import.reportTitle')}</h3>
            {result.importId != null && (
              <a className="btn btn-small" href={doseImportReportUrl(result.importId)} download>
                {t('vaccination.import.downloadReport')}
              </a>
            )}
          </div>
          <ReportRows
            entries={result.report}
            testId="dose-report-row"
            kindHeader={t('vaccination.import.kind')}
            kindOf={(e) => (
              <span className={`badge report-${e.kind}`}>{t(`vaccination.import.kinds.${e.kind}`)}</span>
            )}
          />
        </>
      )}
    </section>
  );
}
