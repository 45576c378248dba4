import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../web/format.ts';
import { reportAttachmentUrl, type TaskView } from './directives-api.ts';

/** Every move of the task (who, when, note) and every progress report with its attachment. */
export function TaskHistory({ view }: { view: TaskView }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('directives.task.reports')}</h2>
        {view.reports.length === 0 ? (
          <p className="muted">{t('directives.task.noReports')}</p>
        ) : (
          <ol className="rows timeline">
            {view.reports.map((r) => (
              <li key={r.id} className="row" data-testid="task-report">
                <div className="row-main">
                  <p className="report-text">{r.text}</p>
                  <div className="row-meta">
                    <span className="num">{formatDateTime(r.at)}</span>
                    {r.by && <span>{r.by}</span>}
                    <span className="num">{t('directives.report.percentDone', { n: r.percent })}</span>
                    {r.attachment && (
                      <a href={reportAttachmentUrl(r.id)} download>
                        {t('directives.report.download', { name: r.attachment.name })}
                      </a>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('directives.task.history')}</h2>
        {view.events.length === 0 ? (
          <p className="muted">{t('directives.task.noHistory')}</p>
        ) : (
          <ol className="rows timeline">
            {view.events.map((e) => (
              <li key={e.id} className="row" data-testid="task-event">
                <div className="row-main">
                  <strong>{t(`directives.events.${e.action}`)}</strong>
                  {e.note && <p className="report-text">{e.note}</p>}
                  <div className="row-meta">
                    <span className="num">{formatDateTime(e.at)}</span>
                    {e.by && <span>{e.by}</span>}
                    {e.percent !== null && (
                      <span className="num">{t('directives.report.percentDone', { n: e.percent })}</span>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
