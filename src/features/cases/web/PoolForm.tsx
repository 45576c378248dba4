import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import type { PersonListItem } from '../../persons/web/index.ts';
import { POOL_RULES } from '../rules/testing.ts';
import { useDateField } from './date-field.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { type PoolKind, useCreatePool } from './testing-api.ts';
import { PickedPersons, TestKindField } from './testing-fields.tsx';

/**
 * A pooled sample (gộp mẫu) of the commune: the sample day (today), the test, who took it, and its members
 * found one by one in the registry (the picker starts afresh after each pick; a single match is picked at once).
 */
export function PoolForm({
  commune,
  onSaved,
  onCancel,
}: {
  commune: string;
  onSaved: (members: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePool();
  const sampleDate = useDateField(useToday());
  const [kind, setKind] = useState<PoolKind>('pcr');
  const [takenBy, setTakenBy] = useState('');
  const [members, setMembers] = useState<PersonListItem[]>([]);
  const [picks, setPicks] = useState(0);
  const [membersProblem, setMembersProblem] = useState('');
  const fieldError = (f: string) => (isApiError(create.error) ? create.error.fieldMessage(f) : undefined);

  const add = (person: PersonListItem | null) => {
    if (!person) return;
    setMembers((m) => (m.some((p) => p.id === person.id) ? m : [...m, person]));
    setPicks((n) => n + 1);
    setMembersProblem('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = sampleDate.read();
    setMembersProblem(members.length < 2 ? t('testing.pools.tooFew') : '');
    if (!day || members.length < 2) return;
    create.mutate(
      { commune, kind, sampleDate: day, takenBy: takenBy.trim() || null, members: members.map((p) => p.id) },
      { onSuccess: () => onSaved(members.length) },
    );
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="pool-form">
      <h3>{t('testing.pools.formTitle')}</h3>
      <FormField
        id="pool-sample"
        label={t('testing.pools.sampleDate')}
        error={sampleDate.problem || fieldError('sampleDate')}
      >
        {(aria) => <DateInput {...aria} value={sampleDate.text} onChange={sampleDate.setText} />}
      </FormField>
      <TestKindField
        id="pool-kind"
        label={t('testing.pools.kind')}
        value={kind}
        onChange={setKind}
        error={fieldError('kind')}
      />
      <FormField
        id="pool-taken-by"
        label={t('testing.pools.takenBy')}
        optional={t('app.optional')}
        error={fieldError('takenBy')}
      >
        {(aria) => (
          <input {...aria} maxLength={200} value={takenBy} onChange={(e) => setTakenBy(e.target.value)} />
        )}
      </FormField>
      <PickedPersons
        title={t('testing.pools.members', { n: members.length, max: POOL_RULES.maxMembers })}
        persons={members}
        onRemove={(p) => setMembers((m) => m.filter((x) => x.id !== p.id))}
        testId="pool-member"
      />
      {(membersProblem || fieldError('members')) && (
        <p className="field-error" role="alert">
          {membersProblem || fieldError('members')}
        </p>
      )}
      {members.length < POOL_RULES.maxMembers && (
        <PersonPicker
          key={picks}
          id="pool-person"
          label={t('testing.pools.member')}
          value={null}
          onChange={add}
        />
      )}
      <ErrorNotice error={create.error} />
      <FormActions
        label={t('testing.pools.save')}
        saving={create.isPending}
        testId="pool-save"
        onCancel={onCancel}
      />
    </form>
  );
}
