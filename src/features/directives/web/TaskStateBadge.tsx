import { useTranslation } from 'react-i18next';
import type { TaskState } from './directives-api.ts';

/** The state of a task as a coloured badge; an overdue task also says so, in red. */
export function TaskStateBadge({ state, overdue }: { state: TaskState; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge task-state task-state-${state}`} data-state={state}>
        {t(`directives.states.${state}`)}
      </span>
      {overdue && <span className="badge task-overdue">{t('directives.overdue')}</span>}
    </>
  );
}
