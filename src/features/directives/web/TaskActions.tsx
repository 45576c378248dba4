import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { type TaskAction, type TaskView, useTaskMoves } from './directives-api.ts';
import { ReportForm } from './ReportForm.tsx';
import { ReturnForm } from './ReturnForm.tsx';

type Form = 'done' | 'progress' | 'return' | null;

/** Actions that take effect at once; reportDone and return open their form first. */
const PRIMARY: readonly TaskAction[] = ['acknowledge', 'reportDone', 'accept'];

/** The buttons of the actions the caller may take now (the server lists them), and their forms. */
export function TaskActions({ view }: { view: TaskView }) {
  const { t } = useTranslation();
  const { act, report } = useTaskMoves(view.task.id);
  const [form, setForm] = useState<Form>(null);
  const [done, setDone] = useState('');

  const open = (next: Form) => {
    act.reset();
    report.reset();
    setDone('');
    setForm(next);
  };
  const run = (action: TaskAction) => {
    if (action === 'reportDone') return open('done');
    if (action === 'return') return open('return');
    open(null);
    act.mutate({ action }, { onSuccess: () => setDone(t(`directives.events.${action}`)) });
  };

  return (
    <>
      {view.actions.length === 0 && !view.canReport && (
        <p className="muted">{t('directives.task.noActions')}</p>
      )}
      {done && (
        <p className="notice notice-ok" role="status" data-testid="task-done-notice">
          {t('directives.task.recorded', { action: done })}
        </p>
      )}
      {form === null && act.isError && <ErrorNotice error={act.error} />}
      <div className="actions task-actions">
        {view.actions.map((action) => (
          <button
            key={action}
            type="button"
            className={
              action === 'return' ? 'btn btn-danger' : PRIMARY.includes(action) ? 'btn btn-primary' : 'btn'
            }
            data-testid={`task-action-${action}`}
            disabled={act.isPending}
            aria-expanded={
              action === 'reportDone' || action === 'return'
                ? form === (action === 'return' ? 'return' : 'done')
                : undefined
            }
            onClick={() => run(action)}
          >
            {t(`directives.actions.${action}`)}
          </button>
        ))}
        {view.canReport && (
          <button
            type="button"
            className="btn"
            data-testid="task-report-progress"
            aria-expanded={form === 'progress'}
            onClick={() => open('progress')}
          >
            {t('directives.report.titleProgress')}
          </button>
        )}
      </div>
      {(form === 'done' || form === 'progress') && (
        <ReportForm
          key={form}
          done={form === 'done'}
          saving={report.isPending}
          error={report.error}
          onCancel={() => open(null)}
          onSubmit={(input) =>
            report.mutate(input, {
              onSuccess: () => {
                setForm(null);
                setDone(input.done ? t('directives.events.reportDone') : t('directives.report.sent'));
              },
            })
          }
        />
      )}
      {form === 'return' && (
        <ReturnForm
          saving={act.isPending}
          error={act.error}
          onCancel={() => open(null)}
          onSubmit={(reason) =>
            act.mutate(
              { action: 'return', reason },
              {
                onSuccess: () => {
                  setForm(null);
                  setDone(t('directives.events.return'));
                },
              },
            )
          }
        />
      )}
    </>
  );
}
