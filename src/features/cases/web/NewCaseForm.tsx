import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import type { PersonListItem } from '../../persons/web/index.ts';
import {
  type CaseItem,
  type CheckLink,
  type PlaceOfCare,
  TEST_KINDS,
  type TestKind,
  useCreateCase,
} from './cases-api.ts';
import { useDateField } from './date-field.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { PlaceSelect } from './PlaceSelect.tsx';

/**
 * Journey 4's first step: a positive rapid test at the station. The resident is found in the registry; the
 * sample day (today), the test (rapid antigen) and home treatment are the defaults, so a typical case is a
 * search and one tap on "Ghi ca".
 */
export function NewCaseForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CaseItem, link: CheckLink | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCase();
  const [person, setPerson] = useState<PersonListItem | null>(null);
  const [personProblem, setPersonProblem] = useState('');
  const sampleDate = useDateField(useToday());
  const [testKind, setTestKind] = useState<TestKind>('rapidAntigen');
  const [place, setPlace] = useState<PlaceOfCare>('home');
  const fieldError = (field: string) =>
    isApiError(create.error) ? create.error.fieldMessage(field) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPersonProblem(person ? '' : t('cases.newCase.choosePerson'));
    const day = sampleDate.read();
    if (!person || !day) return;
    create.mutate(
      { personId: person.id, sampleDate: day, testKind, placeOfCare: place },
      { onSuccess: ({ created, link }) => onCreated({ ...created, full_name: person.full_name }, link) },
    );
  };

  return (
    <form className="card inline-form" onSubmit={submit} data-testid="new-case-form" noValidate>
      <h2>{t('cases.newCase.title')}</h2>
      <PersonPicker
        id="new-case-person"
        label={t('cases.newCase.person')}
        value={person}
        onChange={setPerson}
      />
      {(personProblem || fieldError('personId')) && (
        <p className="field-error" role="alert">
          {personProblem || fieldError('personId')}
        </p>
      )}
      <FormField
        id="new-case-sample"
        label={t('cases.newCase.sampleDate')}
        error={sampleDate.problem || fieldError('sampleDate')}
      >
        {(aria) => <DateInput {...aria} value={sampleDate.text} onChange={sampleDate.setText} />}
      </FormField>
      <FormField id="new-case-test" label={t('cases.newCase.testKind')}>
        {(aria) => (
          <select {...aria} value={testKind} onChange={(e) => setTestKind(e.target.value as TestKind)}>
            {TEST_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`cases.testKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <PlaceSelect
        id="new-case-place"
        label={t('cases.newCase.placeOfCare')}
        value={place}
        onChange={setPlace}
      />
      <ErrorNotice error={create.error} />
      <FormActions
        label={t('cases.newCase.save')}
        saving={create.isPending}
        testId="new-case-save"
        onCancel={onCancel}
      />
    </form>
  );
}
