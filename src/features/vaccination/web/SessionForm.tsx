import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { isoDateToText, parseDate } from '../../../web/format.ts';
import { type Session, useCreateSession, VACCINE_IDS, type VaccineId } from './campaign-api.ts';

/** Plans a session in the commune: where, when (today by default), which vaccine, how many doses. */
export function SessionForm({
  unitCode,
  onDone,
}: {
  unitCode: string;
  onDone: (created: Pick<Session, 'id'> | null) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSession();
  const [place, setPlace] = useState('');
  const today = useToday();
  const [date, setDate] = useState(() => isoDateToText(today));
  const [vaccine, setVaccine] = useState<VaccineId>('pfizer');
  const [doses, setDoses] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const server = isApiError(create.error) ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const dateIso = parseDate(date);
    const available = Number(doses.trim());
    const found: Record<string, string> = {};
    if (!place.trim()) found.place = t('vaccination.sessions.placeNeeded');
    if (!dateIso) found.date = t('vaccination.worklist.badDate');
    if (!doses.trim() || !Number.isInteger(available) || available < 0 || available > 100_000)
      found.doses = t('vaccination.sessions.badDoses');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      {
        unitCode,
        place: place.trim(),
        date: dateIso!,
        vaccine,
        dosesAvailable: available,
        note: note.trim() || null,
      },
      { onSuccess: (session) => onDone(session) },
    );
  };

  return (
    <form className="card import-form" onSubmit={submit} noValidate data-testid="session-form">
      <h2>{t('vaccination.sessions.new')}</h2>
      <FormField
        id="session-place"
        label={t('vaccination.sessions.place')}
        hint={t('vaccination.sessions.placeHint')}
        error={problems.place ?? server?.fieldMessage('place')}
      >
        {(aria) => (
          <input {...aria} value={place} maxLength={300} onChange={(e) => setPlace(e.target.value)} />
        )}
      </FormField>
      <div className="field-pair">
        <FormField
          id="session-date"
          label={t('vaccination.sessions.date')}
          error={problems.date ?? server?.fieldMessage('date')}
        >
          {(aria) => <DateInput {...aria} value={date} onChange={setDate} />}
        </FormField>
        <FormField
          id="session-doses"
          label={t('vaccination.sessions.dosesAvailable')}
          error={problems.doses ?? server?.fieldMessage('dosesAvailable')}
        >
          {(aria) => (
            <input {...aria} inputMode="numeric" value={doses} onChange={(e) => setDoses(e.target.value)} />
          )}
        </FormField>
      </div>
      <FormField id="session-vaccine" label={t('vaccination.sessions.vaccine')}>
        {(aria) => (
          <select {...aria} value={vaccine} onChange={(e) => setVaccine(e.target.value as VaccineId)}>
            {VACCINE_IDS.map((v) => (
              <option key={v} value={v}>
                {t(`vaccination.vaccines.${v}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="session-note" label={t('vaccination.sessions.note')} optional={t('app.optional')}>
        {(aria) => (
          <input {...aria} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        )}
      </FormField>
      <ErrorNotice error={create.error} />
      <FormActions
        label={t('vaccination.sessions.save')}
        saving={create.isPending}
        testId="session-save"
        onCancel={() => onDone(null)}
      />
    </form>
  );
}
