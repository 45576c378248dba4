import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { NotFoundPage } from '../../../web/NotFoundPage.tsx';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { DirectivesTabs } from './DirectivesTabs.tsx';
import { deadlineText, documentTitle } from './directive-format.ts';
import { useTask } from './directives-api.ts';
import { TaskActions } from './TaskActions.tsx';
import { TaskHistory } from './TaskHistory.tsx';
import { TaskStateBadge } from './TaskStateBadge.tsx';
import './directives.css';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * /directives/tasks/:id — journey 2: the duty as the letter words it, deadline and state, why it was returned,
 * the actions allowed now, the reports and the history.
 */
export function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const numericId = /^\d+$/.test(id) ? Number(id) : 0;
  const view = useTask(numericId);
  const title = view.data
    ? t('directives.task.title', {
        ordinal: view.data.task.ordinal,
        document: view.data.document ? documentTitle(t, view.data.document) : t('directives.fromVisit'),
      })
    : undefined;
  useDocumentTitle(title);

  const status = statusOf(view.error);
  if (!numericId || status === 404 || status === 400 || status === 403) return <NotFoundPage />;
  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />;

  const { task, document } = view.data;
  return (
    <>
      <DirectivesTabs />
      <p className="back-link">
        <Link to="/directives">{t('directives.task.back')}</Link>
      </p>
      <section className="card task-card" data-testid="task-card" data-state={task.state}>
        <header className="person-card-head">
          <h1>{title}</h1>
          <TaskStateBadge state={task.state} overdue={task.overdue} />
        </header>
        {task.state === 'returned' && task.returnedReason && (
          <p className="notice notice-warn" data-testid="returned-reason">
            {t('directives.task.returned', { reason: task.returnedReason })}
          </p>
        )}
        {document && (
          <p className="task-document">
            <Link to={`/directives/documents/${document.id}`}>{documentTitle(t, document)}</Link>
            {document.subject && <span className="muted"> — V/v {document.subject}</span>}
            <br />
            <span className="muted">{document.issuer}</span>
          </p>
        )}
        <blockquote className="task-excerpt-full">{task.text}</blockquote>
        <dl className="details person-details">
          <Detail label={t('directives.task.assignee')}>
            {task.assignee.organizationId === null && task.assignee.unitName
              ? task.assignee.unitName
              : task.assignee.text}
          </Detail>
          {task.leadUnit && <Detail label={t('directives.task.lead')}>{task.leadUnit.text}</Detail>}
          {task.coordinatingUnits.length > 0 && (
            <Detail label={t('directives.task.coordinating')}>
              {task.coordinatingUnits.map((c) => c.text).join('; ')}
            </Detail>
          )}
          <Detail label={t('directives.deadline')}>
            <span className={task.overdue ? 'deadline-overdue num' : 'num'}>
              {deadlineText(t, task.deadline)}
            </span>
            {task.deadline.text && task.deadline.text !== deadlineText(t, task.deadline) && (
              <span className="muted"> ({task.deadline.text})</span>
            )}
          </Detail>
          <Detail label={t('directives.task.state')}>
            <TaskStateBadge state={task.state} overdue={task.overdue} />
          </Detail>
        </dl>
      </section>
      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('directives.task.actions')}</h2>
        <TaskActions view={view.data} />
      </section>
      <TaskHistory view={view.data} />
    </>
  );
}
