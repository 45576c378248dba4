import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { parseDate } from '../../../web/format.ts';
import { type GoalInput, useCreateTarget } from './campaign-api.ts';
import { MinAgeSelect } from './MinAgeSelect.tsx';

interface GoalDraft {
  on: boolean;
  minAge: number;
  percent: string;
}

/**
 * One goal of the target: on or off, from which age, what share. The defaults are seed 004's: the primary
 * series for everyone from 12, boosters for adults.
 */
function GoalFields({
  id,
  label,
  draft,
  error,
  onChange,
}: {
  id: string;
  label: string;
  draft: GoalDraft;
  error?: string;
  onChange: (next: GoalDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain-fieldset field">
      <label className="check">
        <input
          type="checkbox"
          data-testid={`${id}-on`}
          checked={draft.on}
          onChange={(e) => onChange({ ...draft, on: e.target.checked })}
        />
        <strong>{label}</strong>
      </label>
      {draft.on && (
        <div className="field-pair">
          <MinAgeSelect
            id={`${id}-age`}
            label={t('vaccination.targets.minAge')}
            value={draft.minAge}
            onChange={(minAge) => onChange({ ...draft, minAge })}
          />
          <div className="field field-percent">
            <label htmlFor={`${id}-percent`}>{t('vaccination.targets.percent')}</label>
            <input
              id={`${id}-percent`}
              inputMode="numeric"
              value={draft.percent}
              aria-invalid={Boolean(error)}
              onChange={(e) => onChange({ ...draft, percent: e.target.value })}
            />
          </div>
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

const goalOf = (d: GoalDraft): GoalInput | null | 'bad' => {
  if (!d.on) return null;
  const percent = Number(d.percent.trim());
  return Number.isInteger(percent) && percent >= 1 && percent <= 100 ? { minAge: d.minAge, percent } : 'bad';
};

/** Sets a target for the unit (roles with vaccination.targets): a title, its basis, a deadline, the goals. */
export function TargetForm({ unitCode, onDone }: { unitCode: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTarget();
  const [title, setTitle] = useState('');
  const [basis, setBasis] = useState('');
  const [deadline, setDeadline] = useState('');
  const [primary, setPrimary] = useState<GoalDraft>({ on: true, minAge: 12, percent: '100' });
  const [booster, setBooster] = useState<GoalDraft>({ on: true, minAge: 18, percent: '100' });
  const [provisional, setProvisional] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const server = isApiError(create.error) ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const deadlineIso = parseDate(deadline);
    const p = goalOf(primary);
    const b = goalOf(booster);
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('vaccination.targets.titleNeeded');
    if (!deadlineIso) found.deadline = t('vaccination.worklist.badDate');
    if (p === 'bad') found.primary = t('vaccination.targets.badPercent');
    if (b === 'bad') found.booster = t('vaccination.targets.badPercent');
    if (!p && !b) found.primary = t('vaccination.targets.goalNeeded');
    setProblems(found);
    if (Object.keys(found).length > 0 || p === 'bad' || b === 'bad') return;
    create.mutate(
      {
        unitCode,
        title: title.trim(),
        basis: basis.trim() || null,
        deadline: deadlineIso!,
        primary: p,
        booster: b,
        provisional,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="card import-form" onSubmit={submit} noValidate data-testid="target-form">
      <h2>{t('vaccination.targets.new')}</h2>
      <FormField
        id="target-title"
        label={t('vaccination.targets.titleLabel')}
        hint={t('vaccination.targets.titleHint')}
        error={problems.title ?? server?.fieldMessage('title')}
      >
        {(aria) => (
          <input {...aria} value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} />
        )}
      </FormField>
      <FormField
        id="target-basis"
        label={t('vaccination.targets.basisLabel')}
        hint={t('vaccination.targets.basisHint')}
        optional={t('app.optional')}
      >
        {(aria) => (
          <input {...aria} value={basis} maxLength={1000} onChange={(e) => setBasis(e.target.value)} />
        )}
      </FormField>
      <FormField
        id="target-deadline"
        label={t('vaccination.targets.deadlineLabel')}
        error={problems.deadline ?? server?.fieldMessage('deadline')}
      >
        {(aria) => <DateInput {...aria} value={deadline} onChange={setDeadline} />}
      </FormField>
      <GoalFields
        id="target-primary"
        label={t('vaccination.targets.primaryGoal')}
        draft={primary}
        error={problems.primary ?? server?.fieldMessage('primary')}
        onChange={setPrimary}
      />
      <GoalFields
        id="target-booster"
        label={t('vaccination.targets.boosterGoal')}
        draft={booster}
        error={problems.booster}
        onChange={setBooster}
      />
      <div className="field">
        <label className="check">
          <input type="checkbox" checked={provisional} onChange={(e) => setProvisional(e.target.checked)} />
          {t('vaccination.targets.provisional')}
        </label>
      </div>
      <ErrorNotice error={create.error} />
      <FormActions
        label={t('vaccination.targets.save')}
        saving={create.isPending}
        testId="target-save"
        onCancel={onDone}
      />
    </form>
  );
}
