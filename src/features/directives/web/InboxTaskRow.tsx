import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { deadlineText, documentTitle } from './directive-format.ts';
import type { InboxTask } from './directives-api.ts';
import { TaskStateBadge } from './TaskStateBadge.tsx';

/** One task of the inbox: its text (three lines at most), item and letter, deadline, state. */
export function InboxTaskRow({ task }: { task: InboxTask }) {
  const { t } = useTranslation();
  const isNew = task.state === 'assigned';
  return (
    <li
      className={isNew ? 'row task-row task-new' : 'row task-row'}
      data-testid="inbox-task"
      data-state={task.state}
    >
      <div className="row-main">
        <Link to={`/directives/tasks/${task.id}`} className="task-link">
          {isNew && (
            <span className="new-dot">
              <span className="visually-hidden">{t('directives.inbox.newMark')}: </span>
            </span>
          )}
          <span className="task-excerpt">{task.text}</span>
        </Link>
        <div className="row-meta">
          <span>
            {t('directives.item', { ordinal: task.ordinal })}
            {task.document ? ` · ${documentTitle(t, task.document)}` : ` · ${t('directives.fromVisit')}`}
          </span>
          <span className={task.overdue ? 'deadline deadline-overdue' : 'deadline'}>
            {t('directives.deadline')}: <span className="num">{deadlineText(t, task.deadline)}</span>
          </span>
          <TaskStateBadge state={task.state} overdue={task.overdue} />
        </div>
      </div>
    </li>
  );
}
