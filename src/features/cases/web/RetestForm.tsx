import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { useDateField } from './date-field.ts';
import { type POOL_RESULTS, type PoolKind, type Retest, useRecordRetest } from './testing-api.ts';
import { ResultChoice, TestKindField } from './testing-fields.tsx';

type Result = (typeof POOL_RESULTS)[number];

/** A pool member's own test: the test (rapid antigen), the sample day (today), the result. */
export function RetestForm({
  retest,
  onSaved,
  onCancel,
}: {
  retest: Retest;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useRecordRetest(retest.id);
  const [kind, setKind] = useState<PoolKind>('rapidAntigen');
  const [result, setResult] = useState<Result | null>(null);
  const [choose, setChoose] = useState('');
  const sampleDate = useDateField(useToday());
  const fieldError = (f: string) => (isApiError(save.error) ? save.error.fieldMessage(f) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = sampleDate.read();
    setChoose(result ? '' : t('testing.pools.chooseResult'));
    if (!day || !result) return;
    save.mutate({ kind, sampleDate: day, result }, { onSuccess: onSaved });
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="retest-form">
      <ResultChoice
        name={`retest-result-${retest.id}`}
        value={result}
        onChange={setResult}
        error={choose || fieldError('result')}
      />
      <TestKindField
        id={`retest-kind-${retest.id}`}
        label={t('testing.retests.kind')}
        value={kind}
        onChange={setKind}
        error={fieldError('kind')}
      />
      <FormField
        id={`retest-sample-${retest.id}`}
        label={t('testing.retests.sampleDate')}
        error={sampleDate.problem || fieldError('sampleDate')}
      >
        {(aria) => <DateInput {...aria} value={sampleDate.text} onChange={sampleDate.setText} />}
      </FormField>
      <ErrorNotice error={save.error} />
      <FormActions label={t('app.save')} saving={save.isPending} testId="retest-save" onCancel={onCancel} />
    </form>
  );
}
