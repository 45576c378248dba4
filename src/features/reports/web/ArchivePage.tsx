import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDateTime } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { ReportTabs } from './ReportPage.tsx';
import { ARCHIVE_PAGE, type FormId, useArchive } from './reports-api.ts';
import './reports.css';

const FORMS: FormId[] = ['daily', 'weekly', 'directive'];
const dmy = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? day.split('-').reverse().join('/') : day);

/** Where a stored report is read: its form's page for the unit and period. */
const pageOf = (r: { form: string; unitCode: string; period: string }) =>
  r.form === 'directive'
    ? `/reports/directive?unit=${r.unitCode}&document=${r.period}`
    : `/reports/${r.form}?unit=${r.unitCode}&date=${r.period}`;

/**
 * /reports/archive — every submitted report of the unit and the units below, newest first, a page at a time:
 * each version as submitted (never edited), its .docx and .xlsx, a superseded one marked as such.
 */
export function ArchivePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const asked = params.get('form') ?? '';
  const form = (FORMS as string[]).includes(asked) ? (asked as FormId) : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const archive = useArchive(unit, form, page);
  useDocumentTitle(t('reports.archive'));
  const go = (next: { form?: string; page?: number }) =>
    setParams({ unit, form: next.form ?? form, page: String(next.page ?? 1) });
  return (
    <div className="page report-page">
      <h1>{t('reports.archive')}</h1>
      <ReportTabs unit={unit} />
      <div className="report-controls">
        <label>
          {t('reports.form')}{' '}
          <select value={form} onChange={(e) => go({ form: e.target.value })}>
            <option value="">{t('reports.allForms')}</option>
            {FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`reports.titles.${f}` as never)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {archive.isPending && <Loading />}
      {archive.error && <ErrorNotice error={archive.error} onRetry={() => archive.refetch()} />}
      {archive.data && archive.data.reports.length === 0 && <p>{t('reports.archiveEmpty')}</p>}
      {archive.data && archive.data.reports.length > 0 && (
        <ul className="report-archive">
          {archive.data.reports.map((r) => (
            <li key={r.id} data-report={r.id} className={r.superseded ? 'superseded' : undefined}>
              <Link to={pageOf(r)}>
                {t(`reports.titles.${r.form}` as never)} · {r.unitName} · {dmy(r.period)}
              </Link>
              <span className="report-archive-meta">
                {t('reports.version', { n: r.version })}
                {r.submittedAt ? ` · ${t('reports.submittedAt', { at: formatDateTime(r.submittedAt) })}` : ''}
                {r.submittedBy ? ` · ${r.submittedBy}` : ''}
                {r.late ? ` · ${t('reports.late')}` : ''}
                {r.superseded && <strong> · {t('reports.superseded')}</strong>}
              </span>
              <span>
                <a href={`/api/reports/${r.id}/docx`}>.docx</a>{' '}
                <a href={`/api/reports/${r.id}/xlsx`}>.xlsx</a>
              </span>
            </li>
          ))}
        </ul>
      )}
      {archive.data && (
        <Pagination
          page={page}
          pages={Math.ceil(archive.data.total / ARCHIVE_PAGE)}
          onPage={(p) => go({ page: p })}
        />
      )}
    </div>
  );
}
