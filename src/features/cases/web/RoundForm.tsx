import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import type { PersonListItem } from '../../persons/web/index.ts';
import type { RoundArea } from '../rules/testing.ts';
import { useDateField } from './date-field.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { ROUND_AREAS, useCreateRound } from './testing-api.ts';
import { PickedPersons } from './testing-fields.tsx';

/**
 * A mass-testing round over an area of the commune, as the API takes it: a village (chosen from the commune's),
 * a market (its expected people), or households (each found through one of its residents); first and last day
 * (today by default). The server's checks (dates in order, at most 31 days, the area in the commune) are named
 * next to their field.
 */
export function RoundForm({
  commune,
  villages,
  onSaved,
  onCancel,
}: {
  commune: string;
  villages: readonly { id: number; name: string }[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRound();
  const today = useToday();
  const [name, setName] = useState('');
  const [areaKind, setAreaKind] = useState<RoundArea>('village');
  const [villageId, setVillageId] = useState('');
  const [expected, setExpected] = useState('');
  const [households, setHouseholds] = useState<PersonListItem[]>([]);
  const [picks, setPicks] = useState(0);
  const startsOn = useDateField(today);
  const endsOn = useDateField(today);
  const fieldError = (f: string) => (isApiError(create.error) ? create.error.fieldMessage(f) : undefined);

  const addHousehold = (person: PersonListItem | null) => {
    setPicks((n) => n + 1);
    if (person?.household_id)
      setHouseholds((h) => (h.some((p) => p.household_id === person.household_id) ? h : [...h, person]));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const starts = startsOn.read();
    const ends = endsOn.read();
    if (!starts || !ends) return;
    create.mutate(
      {
        commune,
        name: name.trim(),
        areaKind,
        villageId: areaKind === 'village' && villageId ? Number(villageId) : null,
        householdIds: areaKind === 'households' ? households.map((p) => p.household_id!) : null,
        expectedPeople: areaKind === 'market' && expected ? Number(expected) : null,
        startsOn: starts,
        endsOn: ends,
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="round-form">
      <h3>{t('testing.rounds.formTitle')}</h3>
      <FormField id="round-name" label={t('testing.rounds.roundName')} error={fieldError('name')}>
        {(aria) => (
          <input
            {...aria}
            maxLength={200}
            placeholder={t('testing.rounds.nameExample')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </FormField>
      <FormField id="round-area" label={t('testing.rounds.areaKind')} error={fieldError('areaKind')}>
        {(aria) => (
          <select {...aria} value={areaKind} onChange={(e) => setAreaKind(e.target.value as RoundArea)}>
            {ROUND_AREAS.map((a) => (
              <option key={a} value={a}>
                {t(`testing.rounds.areas.${a}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {areaKind === 'village' && (
        <FormField id="round-village" label={t('testing.rounds.village')} error={fieldError('villageId')}>
          {(aria) => (
            <select {...aria} value={villageId} onChange={(e) => setVillageId(e.target.value)}>
              <option value="">{t('testing.rounds.chooseVillage')}</option>
              {villages.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {areaKind === 'market' && (
        <FormField
          id="round-expected"
          label={t('testing.rounds.expectedPeople')}
          error={fieldError('expectedPeople')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="numeric"
              value={expected}
              onChange={(e) => setExpected(e.target.value.replace(/\D/g, ''))}
            />
          )}
        </FormField>
      )}
      {areaKind === 'households' && (
        <>
          <PickedPersons
            title={t('testing.rounds.households', { n: households.length })}
            persons={households}
            onRemove={(p) => setHouseholds((h) => h.filter((x) => x.household_id !== p.household_id))}
            testId="round-household"
          />
          {fieldError('householdIds') && <p className="field-error">{fieldError('householdIds')}</p>}
          <PersonPicker
            key={picks}
            id="round-household"
            label={t('testing.rounds.household')}
            value={null}
            onChange={addHousehold}
          />
        </>
      )}
      <FormField
        id="round-starts"
        label={t('testing.rounds.startsOn')}
        error={startsOn.problem || fieldError('startsOn')}
      >
        {(aria) => <DateInput {...aria} value={startsOn.text} onChange={startsOn.setText} />}
      </FormField>
      <FormField
        id="round-ends"
        label={t('testing.rounds.endsOn')}
        error={endsOn.problem || fieldError('endsOn')}
      >
        {(aria) => <DateInput {...aria} value={endsOn.text} onChange={endsOn.setText} />}
      </FormField>
      <ErrorNotice error={create.error} />
      <FormActions
        label={t('testing.rounds.save')}
        saving={create.isPending}
        testId="round-save"
        onCancel={onCancel}
      />
    </form>
  );
}
