import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { type PlaceOfCare, useTransfer } from './cases-api.ts';
import { useDateField } from './date-field.ts';
import { PlaceSelect } from './PlaceSelect.tsx';

/** A move between home and the places of care (a warning sign often ends in one), with the facility's name. */
export function TransferForm({ caseId, onDone }: { caseId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useTransfer(caseId);
  const on = useDateField(useToday());
  const [place, setPlace] = useState<PlaceOfCare>('facility');
  const [facility, setFacility] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = on.read();
    if (day)
      save.mutate({ on: day, placeOfCare: place, facility: facility.trim() || null }, { onSuccess: onDone });
  };
  const fieldError = (f: string) => (isApiError(save.error) ? save.error.fieldMessage(f) : undefined);
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <FormField
        id={`transfer-on-${caseId}`}
        label={t('cases.transfer.on')}
        error={on.problem || fieldError('on')}
      >
        {(aria) => <DateInput {...aria} value={on.text} onChange={on.setText} />}
      </FormField>
      <PlaceSelect
        id={`transfer-place-${caseId}`}
        label={t('cases.transfer.place')}
        value={place}
        onChange={setPlace}
      />
      <FormField
        id={`transfer-facility-${caseId}`}
        label={t('cases.transfer.facility')}
        optional={t('app.optional')}
        error={fieldError('facility')}
      >
        {(aria) => (
          <input {...aria} maxLength={200} value={facility} onChange={(e) => setFacility(e.target.value)} />
        )}
      </FormField>
      <ErrorNotice error={save.error} />
      <FormActions label={t('app.save')} saving={save.isPending} onCancel={onDone} />
    </form>
  );
}
