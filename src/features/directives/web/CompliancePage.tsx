import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { NoAccessPage } from '../../../web/NoAccessPage.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { ComplianceTable } from './ComplianceTable.tsx';
import { DirectivesTabs } from './DirectivesTabs.tsx';
import { documentTitle, isoToText } from './directive-format.ts';
import { taskReportUrl, useCompliance, useDocument } from './directives-api.ts';
import './directives.css';

const ComplianceChart = lazy(() =>
  import('./ComplianceChart.tsx').then((m) => ({ default: m.ComplianceChart })),
);

/**
 * /directives/compliance — how the units below carry out their tasks: done on time, late, in progress, not
 * started, overdue; a stacked bar chart and the same numbers as a table; printable for the chairman's meeting.
 */
export function CompliancePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const documentId = /^\d+$/.test(params.get('document') ?? '') ? Number(params.get('document')) : null;
  const view = useCompliance(unit, documentId);
  const document = useDocument(documentId ?? 0);
  useDocumentTitle(t('directives.compliance.title'));

  if (statusOf(view.error) === 403 || statusOf(view.error) === 404) return <NoAccessPage />;

  const go = (next: { unit?: string | null; document?: number | null }) => {
    const search = new URLSearchParams();
    const u = next.unit === undefined ? params.get('unit') : next.unit;
    const d = next.document === undefined ? documentId : next.document;
    if (u && u !== user.unitCode) search.set('unit', u);
    if (d) search.set('document', String(d));
    setParams(search);
  };

  return (
    <>
      <DirectivesTabs />
      <div className="page-head">
        <h1>{t('directives.compliance.title')}</h1>
        <div className="actions no-print">
          <button type="button" className="btn btn-small" onClick={() => window.print()}>
            {t('directives.compliance.print')}
          </button>
          <a className="btn btn-small" href={taskReportUrl(unit)} download>
            {t('directives.document.exportXlsx')}
          </a>
        </div>
      </div>
      {view.data && (
        <p className="compliance-scope">
          <strong>{t('directives.compliance.of', { unit: view.data.unit.name })}</strong>
          <span className="muted">
            {' '}
            · {t('directives.compliance.asOf', { date: isoToText(view.data.today) })}
          </span>
        </p>
      )}
      {(unit !== user.unitCode || documentId) && (
        <p className="no-print compliance-filters">
          {documentId && (
            <>
              {t('directives.compliance.onlyDocument')}{' '}
              <Link to={`/directives/documents/${documentId}`}>
                {document.data ? documentTitle(t, document.data.document) : `#${documentId}`}
              </Link>{' '}
              <button type="button" className="link-button" onClick={() => go({ document: null })}>
                {t('directives.compliance.allDocuments')}
              </button>{' '}
            </>
          )}
          {unit !== user.unitCode && (
            <button type="button" className="link-button" onClick={() => go({ unit: null })}>
              {t('directives.compliance.up', { unit: user.unitName })}
            </button>
          )}
        </p>
      )}
      {view.isPending && <Loading />}
      {view.isError && <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && (
        <div className={view.isPlaceholderData ? 'stale' : undefined}>
          {view.data.totals.total === 0 ? (
            <p className="card">{t('directives.compliance.none')}</p>
          ) : (
            <section className="card compliance-chart-card" aria-label={t('directives.compliance.chart')}>
              <Suspense fallback={<Loading />}>
                <ComplianceChart rows={view.data.rows} />
              </Suspense>
            </section>
          )}
          <ComplianceTable
            view={view.data}
            onOpenUnit={view.data.unit.level < 2 ? (row) => go({ unit: row.unitCode }) : undefined}
          />
        </div>
      )}
    </>
  );
}
