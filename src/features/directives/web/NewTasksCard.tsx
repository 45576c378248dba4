import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../web/format.ts';
import { can, useCurrentUser } from '../../../web/session.ts';
import { deadlineText } from './directive-format.ts';
import { useInbox } from './directives-api.ts';
import './directives.css';

/** The most new tasks the home card lists; the inbox has the rest. */
const LISTED = 3;

/** Journey 2's first tap: the unit's new tasks on its home page, each one tap from its page. */
export function NewTasksCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const allowed = can(user.role, 'directives.read');
  const inbox = useInbox('assigned', 1, allowed);
  if (!allowed || !inbox.data) return null;
  const fresh = inbox.data.counts.assigned;
  return (
    <article className="card home-card" data-testid="home-new-tasks">
      <h2>
        <Link to="/directives?state=assigned">
          {t('directives.inbox.newCount', { n: formatNumber(fresh) })}
        </Link>
      </h2>
      <ul className="home-links">
        {inbox.data.tasks.slice(0, LISTED).map((task) => (
          <li key={task.id}>
            <Link to={`/directives/tasks/${task.id}`} className="task-excerpt" data-testid="home-task">
              {task.text}
            </Link>
            <span className="hint">
              {t('directives.deadline')}: <span className="num">{deadlineText(t, task.deadline)}</span>
            </span>
          </li>
        ))}
      </ul>
      <Link to="/directives">{t('directives.home.allTasks')}</Link>
    </article>
  );
}
