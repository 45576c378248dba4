import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { formatNumber, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { useDateField } from './date-field.ts';
import { PoolForm } from './PoolForm.tsx';
import { type POOL_RESULTS, type Pool, usePendingPools, useSetPoolResult } from './testing-api.ts';
import { DoneNotice, ResultChoice, RowFormButton, useRowForms } from './testing-fields.tsx';

type Result = (typeof POOL_RESULTS)[number];

/** A pool's result and its day (today): a positive one opens its members' retests (listed below). */
function PoolResultForm({
  pool,
  onSaved,
  onCancel,
}: {
  pool: Pool;
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSetPoolResult(pool.id);
  const [result, setResult] = useState<Result | null>(null);
  const [choose, setChoose] = useState('');
  const resultOn = useDateField(useToday());
  const fieldError = (f: string) => (isApiError(save.error) ? save.error.fieldMessage(f) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = resultOn.read();
    setChoose(result ? '' : t('testing.pools.chooseResult'));
    if (!day || !result) return;
    save.mutate(
      { result, resultOn: day },
      {
        onSuccess: (r) =>
          onSaved(
            r.result === 'positive'
              ? t('testing.pools.positiveSaved', {
                  n: r.retestsOpened,
                  date: r.retestDue ? isoDateToText(r.retestDue) : '–',
                })
              : t('testing.pools.negativeSaved', { n: r.members }),
          ),
      },
    );
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="pool-result-form">
      <ResultChoice
        name={`pool-result-${pool.id}`}
        value={result}
        onChange={setResult}
        error={choose || fieldError('result')}
      />
      <FormField
        id={`pool-result-on-${pool.id}`}
        label={t('testing.pools.resultOn')}
        error={resultOn.problem || fieldError('resultOn')}
      >
        {(aria) => <DateInput {...aria} value={resultOn.text} onChange={resultOn.setText} />}
      </FormField>
      <ErrorNotice error={save.error} />
      <FormActions
        label={t('app.save')}
        saving={save.isPending}
        testId="pool-result-save"
        onCancel={onCancel}
      />
    </form>
  );
}

/**
 * The commune's pools awaiting their result, newest sample first, each with "enter result"; "new pool" on top
 * for whoever may write. The last write's outcome stays shown above the list.
 */
export function PoolSection({ unit, canWrite }: { unit: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const pools = usePendingPools(unit);
  const [adding, setAdding] = useState(false);
  const rows = useRowForms();
  return (
    <section className="card" aria-labelledby="pools-h" data-testid="pools">
      <div className="section-head">
        <h2 id="pools-h">
          {t('testing.pools.title')}
          {pools.data && <span className="count"> ({formatNumber(pools.data.total)})</span>}
        </h2>
        {canWrite && !adding && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="pool-open"
            onClick={() => {
              setAdding(true);
              rows.saved('');
            }}
          >
            {t('testing.pools.open')}
          </button>
        )}
      </div>
      <DoneNotice text={rows.done} testId="pools-done" />
      {adding && (
        <PoolForm
          commune={unit}
          onSaved={(n) => {
            setAdding(false);
            rows.saved(t('testing.pools.saved', { n }));
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {pools.isPending ? (
        <Loading />
      ) : pools.isError ? (
        <ErrorNotice error={pools.error} onRetry={() => void pools.refetch()} />
      ) : pools.data.pools.length === 0 ? (
        <p>{t('testing.pools.none')}</p>
      ) : (
        <ul className="rows">
          {pools.data.pools.map((p) => (
            <li key={p.id} className="testing-item" data-testid="pool">
              <p>
                <strong>{t(`testing.pools.kinds.${p.kind as 'pcr'}`)}</strong> ·{' '}
                {t('testing.pools.sampled', { date: isoDateToText(p.sampleDate) })}
                {p.takenBy ? ` · ${p.takenBy}` : ''}
              </p>
              <p className="muted">{p.members.map((m) => m.fullName).join(', ')}</p>
              {rows.open === p.id ? (
                <PoolResultForm pool={p} onSaved={rows.saved} onCancel={rows.cancel} />
              ) : (
                canWrite && (
                  <RowFormButton
                    testId="pool-result-open"
                    label={t('testing.pools.enterResult')}
                    onClick={() => rows.start(p.id)}
                  />
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
