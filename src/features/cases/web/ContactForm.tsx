import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { isoDateToText } from '../../../web/format.ts';
import type { PersonListItem } from '../../persons/web/index.ts';
import { type QuarantinePlan, useAddContact } from './cases-api.ts';
import { useDateField } from './date-field.ts';
import { PersonPicker } from './PersonPicker.tsx';

/** The quarantine order the server computed: its end, the self-monitoring's, the test days, and under which rule. */
function PlanView({ name, plan }: { name: string; plan: QuarantinePlan }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-ok" role="status" data-testid="contact-plan">
      <p>
        <strong>{t('cases.contact.saved', { name })}</strong>
      </p>
      <ul className="plain-list">
        <li>{t('cases.contact.quarantine', { date: isoDateToText(plan.quarantineEndsOn) })}</li>
        <li>{t('cases.contact.monitoring', { date: isoDateToText(plan.selfMonitoringEndsOn) })}</li>
        <li>{t('cases.contact.tests', { dates: plan.testDates.map(isoDateToText).join(', ') })}</li>
        <li className="muted">
          {t('cases.contact.ruleSet', { name: plan.ruleSet.name })}
          {plan.ruleSet.provisional && (
            <span className="badge provisional" data-testid="plan-provisional">
              {t('cases.contact.provisional')}
            </span>
          )}
        </li>
      </ul>
    </div>
  );
}

/** A close contact (F1) of the case: found in the registry, the last exposure (today), where it happened. */
export function ContactForm({ caseId, onDone }: { caseId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddContact(caseId);
  const [person, setPerson] = useState<PersonListItem | null>(null);
  const [setting, setSetting] = useState('');
  const exposure = useDateField(useToday());
  const [added, setAdded] = useState<{ name: string; plan: QuarantinePlan } | null>(null);
  const fieldError = (f: string) => (isApiError(add.error) ? add.error.fieldMessage(f) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = exposure.read();
    if (!person || !day) return;
    add.mutate(
      { personId: person.id, exposureDate: day, setting: setting.trim() || null },
      {
        onSuccess: ({ plan }) => {
          setAdded({ name: person.full_name, plan });
          setPerson(null);
        },
      },
    );
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="contact-form">
      {added && <PlanView {...added} />}
      <PersonPicker
        id={`contact-person-${caseId}`}
        label={t('cases.contact.person')}
        value={person}
        onChange={setPerson}
      />
      {fieldError('personId') && <p className="field-error">{fieldError('personId')}</p>}
      <FormField
        id={`contact-exposure-${caseId}`}
        label={t('cases.contact.exposureDate')}
        error={exposure.problem || fieldError('exposureDate')}
      >
        {(aria) => <DateInput {...aria} value={exposure.text} onChange={exposure.setText} />}
      </FormField>
      <FormField
        id={`contact-setting-${caseId}`}
        label={t('cases.contact.setting')}
        optional={t('app.optional')}
      >
        {(aria) => (
          <input
            {...aria}
            maxLength={200}
            placeholder={t('cases.contact.settingExample')}
            value={setting}
            onChange={(e) => setSetting(e.target.value)}
          />
        )}
      </FormField>
      <ErrorNotice error={add.error} />
      <FormActions
        label={t('cases.actions.contact')}
        saving={add.isPending}
        disabled={!person}
        testId="contact-save"
        onCancel={onDone}
      />
    </form>
  );
}
