import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../web/format.ts';
import { byOrdinal, deadlineText } from './directive-format.ts';
import type { Task } from './directives-api.ts';
import { TaskStateBadge } from './TaskStateBadge.tsx';

/** Items with more assignees than this fold away ("UBND các xã, thị trấn": 24 communes). */
const OPEN_LIMIT = 5;

function AssigneeRow({ task }: { task: Task }) {
  const { t } = useTranslation();
  return (
    <li className="assignee-row" data-testid="document-task">
      <Link
        to={`/directives/tasks/${task.id}`}
        className={task.assignee.resolved ? undefined : 'unresolved-name'}
      >
        {task.assignee.unitName && task.assignee.organizationId === null
          ? task.assignee.unitName
          : task.assignee.text}
      </Link>
      {!task.assignee.resolved && (
        <span className="badge badge-unresolved">{t('directives.preview.unresolved')}</span>
      )}
      <TaskStateBadge state={task.state} overdue={task.overdue} />
    </li>
  );
}

/** The document's tasks by item: the duty once, then every unit it went to with the state of its task. */
export function DocumentTasks({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation();
  if (tasks.length === 0) return <p>{t('directives.document.noTasks')}</p>;
  return (
    <ol className="document-items">
      {byOrdinal(tasks).map(({ ordinal, tasks: group }) => {
        const first = group[0]!;
        const done = group.filter((x) => x.state === 'accepted').length;
        const list = (
          <ul className="assignee-list">
            {group.map((task) => (
              <AssigneeRow key={task.id} task={task} />
            ))}
          </ul>
        );
        return (
          <li key={ordinal} className="document-item">
            <h3>{t('directives.item', { ordinal })}</h3>
            <p className="item-text">{first.text}</p>
            <p className="row-meta">
              {first.leadUnit && (
                <span>
                  {t('directives.task.lead')}: {first.leadUnit.text}
                </span>
              )}
              <span>
                {t('directives.deadline')}: {deadlineText(t, first.deadline)}
              </span>
            </p>
            {group.length > OPEN_LIMIT ? (
              <details className="fold">
                <summary>
                  {t('directives.document.unitsDone', {
                    n: formatNumber(group.length),
                    done: formatNumber(done),
                  })}
                </summary>
                {list}
              </details>
            ) : (
              list
            )}
          </li>
        );
      })}
    </ol>
  );
}
