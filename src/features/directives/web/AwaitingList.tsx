import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate, formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { documentTitle } from './directive-format.ts';
import {
  type AwaitingTask,
  PAGE_SIZE,
  reportAttachmentUrl,
  useAwaiting,
  useTaskDecision,
} from './directives-api.ts';
import { ReturnForm } from './ReturnForm.tsx';

/** The reasons a district gives most: one tap returns the task with it. */
const QUICK_REASONS = ['missingList', 'missingEvidence', 'incomplete'] as const;

/**
 * "Chờ nghiệm thu": the tasks the unit gave that were reported done, each with its last report, so that
 * it is judged here: "Nghiệm thu" accepts in one tap, "Trả lại" then a reason returns in two.
 */
export function AwaitingList({ page, onPage }: { page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const awaiting = useAwaiting(page);
  if (awaiting.isPending) return <Loading />;
  if (awaiting.isError) return <ErrorNotice error={awaiting.error} onRetry={() => void awaiting.refetch()} />;
  const { tasks, total } = awaiting.data;
  return (
    <section className="card inbox-list">
      {tasks.length === 0 ? (
        <p>{t('directives.awaiting.none')}</p>
      ) : (
        <ul className="rows" aria-label={t('directives.views.awaiting')}>
          {tasks.map((task) => (
            <AwaitingRow key={task.id} task={task} />
          ))}
        </ul>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE_SIZE)} onPage={onPage} />
    </section>
  );
}

function AwaitingRow({ task }: { task: AwaitingTask }) {
  const { t } = useTranslation();
  const decide = useTaskDecision();
  const [returning, setReturning] = useState<'quick' | 'other' | null>(null);
  const report = task.lastReport;
  const send = (action: 'accept' | 'return', reason?: string) =>
    decide.mutate({ id: task.id, action, reason });
  return (
    <li className="row task-row" data-testid="awaiting-task">
      <div className="row-main">
        <Link to={`/directives/tasks/${task.id}`} className="task-link">
          <span className="task-excerpt">{task.text}</span>
        </Link>
        <div className="row-meta">
          <strong>{task.assignee.unitName ?? task.assignee.text}</strong>
          <span>
            {t('directives.item', { ordinal: task.ordinal })}
            {task.document ? ` · ${documentTitle(t, task.document)}` : ''}
          </span>
        </div>
        {report && (
          <blockquote className="awaiting-report">
            <p>{report.text}</p>
            <p className="muted">
              {formatNumber(report.percent)} % · {formatDate(report.at)}
              {report.by ? ` · ${report.by}` : ''}
              {report.attachment && (
                <>
                  {' · '}
                  <a href={reportAttachmentUrl(report.id)}>{report.attachment.name}</a>
                </>
              )}
            </p>
          </blockquote>
        )}
        {decide.isError && <ErrorNotice error={decide.error} />}
        <div className="actions task-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="awaiting-accept"
            disabled={decide.isPending}
            onClick={() => send('accept')}
          >
            {t('directives.actions.accept')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            data-testid="awaiting-return"
            aria-expanded={returning !== null}
            disabled={decide.isPending}
            onClick={() => setReturning(returning ? null : 'quick')}
          >
            {t('directives.actions.return')}
          </button>
        </div>
        {returning === 'quick' && (
          <fieldset className="plain-fieldset actions quick-reasons">
            <legend className="visually-hidden">{t('directives.returnForm.reason')}</legend>
            {QUICK_REASONS.map((key) => (
              <button
                key={key}
                type="button"
                className="btn btn-small"
                data-testid={`awaiting-reason-${key}`}
                disabled={decide.isPending}
                onClick={() => send('return', t(`directives.awaiting.reasons.${key}`))}
              >
                {t(`directives.awaiting.reasons.${key}`)}
              </button>
            ))}
            <button type="button" className="btn btn-small" onClick={() => setReturning('other')}>
              {t('directives.awaiting.otherReason')}
            </button>
          </fieldset>
        )}
        {returning === 'other' && (
          <ReturnForm
            saving={decide.isPending}
            error={decide.error}
            onCancel={() => setReturning(null)}
            onSubmit={(reason) => send('return', reason)}
          />
        )}
      </div>
    </li>
  );
}
