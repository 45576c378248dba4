import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { CASE_OUTCOMES, useSetOutcome } from './cases-api.ts';
import { useDateField } from './date-field.ts';

/** The end of treatment: recovered (the station certifies it, rules.md §4.5) or died, and the day. */
export function OutcomeForm({ caseId, onDone }: { caseId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSetOutcome(caseId);
  const [status, setStatus] = useState<(typeof CASE_OUTCOMES)[number]>('recovered');
  const on = useDateField(useToday());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = on.read();
    if (day) save.mutate({ status, on: day }, { onSuccess: onDone });
  };
  const dayError = isApiError(save.error) ? save.error.fieldMessage('on') : undefined;
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <fieldset className="plain-fieldset">
        <legend>{t('cases.outcome.status')}</legend>
        {CASE_OUTCOMES.map((o) => (
          <label key={o} className="check">
            <input
              type="radio"
              name={`outcome-${caseId}`}
              checked={status === o}
              onChange={() => setStatus(o)}
            />
            {t(`cases.statuses.${o}`)}
          </label>
        ))}
      </fieldset>
      <FormField id={`outcome-on-${caseId}`} label={t('cases.outcome.on')} error={on.problem || dayError}>
        {(aria) => <DateInput {...aria} value={on.text} onChange={on.setText} />}
      </FormField>
      <ErrorNotice error={save.error} />
      <FormActions label={t('app.save')} saving={save.isPending} onCancel={onDone} />
    </form>
  );
}
