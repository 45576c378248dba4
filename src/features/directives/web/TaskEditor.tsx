import { useTranslation } from 'react-i18next';
import { AssignmentPreview } from './AssignmentPreview.tsx';
import { DraftField } from './DraftField.tsx';
import type { Preview } from './directives-api.ts';
import type { DraftProblems, DraftTask } from './document-draft.ts';

interface Props {
  task: DraftTask;
  problems: DraftProblems;
  /** The rows the last preview planned for this item; undefined before any preview. */
  planned: Preview['tasks'] | undefined;
  stale: boolean;
  onChange: (patch: Partial<DraftTask>) => void;
  onRemove: () => void;
}

/** One numbered duty of the letter: its text, lead, coordinating and addressed units, deadline; editable. */
export function TaskEditor({ task, problems, planned, stale, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const id = (field: string) => `task-${task.key}-${field}`;
  const problem = (field: string) => {
    const p = problems[id(field)];
    return p ? t(`directives.new.problems.${p}`) : undefined;
  };
  return (
    <li className="task-editor" data-testid="review-task">
      <div className="section-head">
        <h3>{t('directives.item', { ordinal: task.ordinal || '…' })}</h3>
        <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>
          {t('directives.new.task.remove')}
        </button>
      </div>
      <div className="field-pair">
        <DraftField
          id={id('ordinal')}
          className="field-ordinal"
          label={t('directives.new.task.ordinal')}
          maxLength={40}
          value={task.ordinal}
          onChange={(ordinal) => onChange({ ordinal })}
        />
        <DraftField
          id={id('lead')}
          className="field-grow"
          label={t('directives.new.task.leadUnit')}
          optional={t('app.optional')}
          value={task.leadUnit}
          onChange={(leadUnit) => onChange({ leadUnit })}
        />
      </div>
      <DraftField
        id={id('text')}
        label={t('directives.new.task.text')}
        rows={4}
        error={problem('text')}
        value={task.text}
        onChange={(text) => onChange({ text })}
      />
      <DraftField
        id={id('addressed')}
        label={t('directives.new.task.addressed')}
        hint={t('directives.new.task.addressedHint')}
        rows={2}
        value={task.addressed}
        onChange={(addressed) => onChange({ addressed })}
      />
      <DraftField
        id={id('coordinating')}
        label={t('directives.new.task.coordinating')}
        hint={t('directives.new.onePerLine')}
        optional={t('app.optional')}
        rows={2}
        value={task.coordinating}
        onChange={(coordinating) => onChange({ coordinating })}
      />
      <div className="field-pair">
        <DraftField
          id={id('deadline')}
          className="field-date"
          label={t('directives.new.task.deadlineDate')}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          error={problem('deadline')}
          value={task.deadlineDate}
          onChange={(deadlineDate) => onChange({ deadlineDate })}
        />
        <DraftField
          id={id('deadline-text')}
          className="field-grow"
          label={t('directives.new.task.deadlineText')}
          optional={t('app.optional')}
          value={task.deadlineText}
          onChange={(deadlineText) => onChange({ deadlineText })}
        />
      </div>
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={task.urgent}
            onChange={(e) => onChange({ urgent: e.target.checked })}
          />
          {t('directives.new.task.urgent')}
        </label>
      </div>
      {planned && <AssignmentPreview planned={planned} stale={stale} />}
    </li>
  );
}
