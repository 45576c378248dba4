import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { AreaSelect } from '../../../web/components/AreaSelect.tsx';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { isoDateToText, parseDate } from '../../../web/format.ts';
import type { SteeringMember, VisitInput } from './directives-api.ts';
import { newKey } from './document-draft.ts';

interface Props {
  unitCode: string;
  members: SteeringMember[];
  /** The committee's own unit and the units below it. */
  areas: { code: string; nameWithType: string }[];
  saving: boolean;
  error: unknown;
  onSubmit: (input: VisitInput) => void;
  onCancel: () => void;
}

interface DraftVisitTask {
  key: number;
  text: string;
  assignee: string;
  deadline: string;
}

/** A supervision visit: who, when, where, what was found, and the tasks it opens for the units visited. */
export function VisitForm({ unitCode, members, areas, saving, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [memberId, setMemberId] = useState('');
  const today = useToday();
  const [date, setDate] = useState(() => isoDateToText(today));
  const [area, setArea] = useState('');
  const [findings, setFindings] = useState('');
  const [tasks, setTasks] = useState<DraftVisitTask[]>([]);
  const [shown, setShown] = useState(false);
  const apiError = isApiError(error) ? error : undefined;
  const iso = parseDate(date);
  const badDeadline = (d: string) => d.trim() !== '' && parseDate(d) === null;
  const incomplete = tasks.some((x) => !x.text.trim() || !x.assignee || badDeadline(x.deadline));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (!iso || !area || !findings.trim() || incomplete) return;
    onSubmit({
      unitCode,
      memberId: memberId ? Number(memberId) : null,
      date: iso,
      areaCode: area,
      findings: findings.trim(),
      tasks: tasks.map((x) => ({
        text: x.text.trim(),
        assigneeUnitCode: x.assignee,
        deadline: parseDate(x.deadline),
        urgent: false,
      })),
    });
  };
  const setTask = (key: number, patch: Partial<DraftVisitTask>) =>
    setTasks((list) => list.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  return (
    <form className="inline-form" onSubmit={submit} data-testid="visit-form" noValidate>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="field-grid">
        <FormField
          id="visit-date"
          label={t('directives.steering.visitDate')}
          error={shown && !iso ? t('directives.new.problems.badDate') : apiError?.fieldMessage('date')}
        >
          {(aria) => <DateInput {...aria} value={date} onChange={setDate} />}
        </FormField>
        <FormField
          id="visit-area"
          label={t('directives.steering.visitArea')}
          error={shown && !area ? t('directives.new.problems.required') : apiError?.fieldMessage('areaCode')}
        >
          {(aria) => (
            <AreaSelect
              aria={aria}
              areas={areas}
              value={area}
              onChange={setArea}
              emptyLabel={t('directives.steering.chooseArea')}
            />
          )}
        </FormField>
        <FormField
          id="visit-member"
          label={t('directives.steering.visitMember')}
          optional={t('app.optional')}
        >
          {(aria) => (
            <select {...aria} value={memberId} onChange={(e) => setMemberId(e.target.value)}>
              <option value="">{t('directives.steering.none')}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} — {m.position}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField
        id="visit-findings"
        label={t('directives.steering.findings')}
        error={
          shown && !findings.trim()
            ? t('directives.new.problems.required')
            : apiError?.fieldMessage('findings')
        }
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={4}
            maxLength={20000}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
          />
        )}
      </FormField>
      <fieldset className="plain-fieldset review-group">
        <legend className="field-label">{t('directives.steering.visitTasks')}</legend>
        <ol className="rows">
          {tasks.map((x) => (
            <li key={x.key} className="row visit-task">
              <FormField
                id={`visit-task-${x.key}-text`}
                label={t('directives.new.task.text')}
                error={shown && !x.text.trim() ? t('directives.new.problems.required') : undefined}
              >
                {(aria) => (
                  <textarea
                    {...aria}
                    rows={2}
                    value={x.text}
                    onChange={(e) => setTask(x.key, { text: e.target.value })}
                  />
                )}
              </FormField>
              <div className="field-pair">
                <FormField
                  id={`visit-task-${x.key}-unit`}
                  label={t('directives.task.assignee')}
                  error={shown && !x.assignee ? t('directives.new.problems.required') : undefined}
                >
                  {(aria) => (
                    <AreaSelect
                      aria={aria}
                      areas={areas}
                      value={x.assignee}
                      onChange={(assignee) => setTask(x.key, { assignee })}
                      emptyLabel={t('directives.steering.chooseArea')}
                    />
                  )}
                </FormField>
                <FormField
                  id={`visit-task-${x.key}-deadline`}
                  label={t('directives.new.task.deadlineDate')}
                  optional={t('app.optional')}
                  error={shown && badDeadline(x.deadline) ? t('directives.new.problems.badDate') : undefined}
                >
                  {(aria) => (
                    <DateInput
                      {...aria}
                      value={x.deadline}
                      onChange={(deadline) => setTask(x.key, { deadline })}
                    />
                  )}
                </FormField>
              </div>
              <button
                type="button"
                className="btn btn-small btn-danger"
                onClick={() => setTasks((list) => list.filter((y) => y.key !== x.key))}
              >
                {t('directives.new.task.remove')}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            setTasks((list) => [...list, { key: newKey(), text: '', assignee: area, deadline: '' }])
          }
        >
          {t('directives.new.task.add')}
        </button>
      </fieldset>
      <FormActions label={t('app.save')} saving={saving} onCancel={onCancel} />
    </form>
  );
}
