import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LineChart } from '../../../web/charts/LineChart.tsx';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { ScrollArea } from '../../../web/ScrollArea.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import type { RoundArea } from '../rules/testing.ts';
import { PoolSection } from './PoolSection.tsx';
import { RetestForm } from './RetestForm.tsx';
import { RoundForm } from './RoundForm.tsx';
import { usePositivity, useRetests, useRounds } from './testing-api.ts';
import { DoneNotice, RowFormButton, useRowForms } from './testing-fields.tsx';
import './cases.css';

const rateText = (rate: number | null) => (rate === null ? '–' : String(rate).replace('.', ','));

/** Tests done and the positivity rate of the unit by ISO week: a line (ECharts, shared module) and a table. */
function PositivitySection({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const data = usePositivity(unit);
  const own = data.data?.units[0];
  const series = useMemo(
    () =>
      own
        ? [
            {
              name: t('testing.positivity.rate'),
              colour: '#c4463a',
              values: own.weeks.map((w) => w.rate ?? 0),
            },
          ]
        : [],
    [own, t],
  );
  if (data.isPending) return <Loading />;
  if (data.isError) return <ErrorNotice error={data.error} onRetry={() => void data.refetch()} />;
  const title = t('testing.positivity.title');
  return (
    <section className="card" aria-labelledby="positivity-h">
      <h2 id="positivity-h">{title}</h2>
      <LineChart
        categories={data.data.weeks}
        series={series}
        height={200}
        className="positivity-chart"
        testId="positivity-chart"
        failedText={t('testing.positivity.chartFailed')}
      />
      <ScrollArea label={title}>
        <table className="table" data-testid="positivity-table">
          <thead>
            <tr>
              <th scope="col">{t('testing.positivity.week')}</th>
              <th scope="col" className="num">
                {t('testing.positivity.done')}
              </th>
              <th scope="col" className="num">
                {t('testing.positivity.positive')}
              </th>
              <th scope="col" className="num">
                {t('testing.positivity.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {own!.weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{w.week}</th>
                <td className="num">{formatNumber(w.testsDone)}</td>
                <td className="num">{formatNumber(w.testsPositive)}</td>
                <td className="num">{rateText(w.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </section>
  );
}

/** Members of positive pools waiting for their own test: who, by when, and who takes the sample. */
function RetestSection({ unit, canWrite }: { unit: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const data = useRetests(unit);
  const rows = useRowForms();
  if (data.isPending) return <Loading />;
  if (data.isError) return <ErrorNotice error={data.error} onRetry={() => void data.refetch()} />;
  return (
    <section className="card" aria-labelledby="retests-h" data-testid="retests">
      <h2 id="retests-h">
        {t('testing.retests.title')} ({formatNumber(data.data.total)})
      </h2>
      <DoneNotice text={rows.done} testId="retest-done" />
      {data.data.retests.length === 0 ? (
        <p>{t('testing.retests.none')}</p>
      ) : (
        <>
          <ul className="rows">
            {data.data.retests.map((r) => (
              <li key={r.id} className="testing-item" data-testid="retest">
                <strong>{r.fullName}</strong> · {t('testing.retests.due')}{' '}
                {r.due ? isoDateToText(r.due) : '–'}
                {r.takenBy ? ` · ${t('testing.retests.takenBy')}: ${r.takenBy}` : ''}
                {rows.open === r.id ? (
                  <RetestForm
                    retest={r}
                    onSaved={() => rows.saved(t('testing.retests.saved', { name: r.fullName }))}
                    onCancel={rows.cancel}
                  />
                ) : (
                  canWrite && (
                    <div>
                      <RowFormButton
                        testId="retest-open"
                        label={t('testing.retests.enter')}
                        onClick={() => rows.start(r.id)}
                      />
                    </div>
                  )
                )}
              </li>
            ))}
          </ul>
          <p className="hint">{t('testing.retests.provisional')}</p>
        </>
      )}
    </section>
  );
}

function RoundSection({
  unit,
  villages,
}: {
  unit: string;
  /** The commune's villages when the caller may open a round there; null otherwise. */
  villages: readonly { id: number; name: string }[] | null;
}) {
  const { t } = useTranslation();
  const data = useRounds(unit);
  const [adding, setAdding] = useState(false);
  if (data.isPending) return <Loading />;
  if (data.isError) return <ErrorNotice error={data.error} onRetry={() => void data.refetch()} />;
  return (
    <section className="card" aria-labelledby="rounds-h" data-testid="rounds">
      <div className="section-head">
        <h2 id="rounds-h">{t('testing.rounds.title')}</h2>
        {villages && !adding && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="round-open"
            onClick={() => setAdding(true)}
          >
            {t('testing.rounds.open')}
          </button>
        )}
      </div>
      {villages && adding && (
        <RoundForm
          commune={unit}
          villages={villages}
          onSaved={() => setAdding(false)}
          onCancel={() => setAdding(false)}
        />
      )}
      {data.data.rounds.length === 0 ? (
        <p>{t('testing.rounds.none')}</p>
      ) : (
        <ul className="plain-list">
          {data.data.rounds.map((r) => (
            <li key={r.id} data-testid="round">
              <strong>{r.name}</strong> ({t(`testing.rounds.areas.${r.areaKind as RoundArea}`)}),{' '}
              {isoDateToText(r.startsOn)}–{isoDateToText(r.endsOn)}: {t('testing.rounds.tested')}{' '}
              {formatNumber(r.tested)}/{formatNumber(r.people)} ({rateText(r.share)} %),{' '}
              {t('testing.rounds.positives').toLowerCase()} {formatNumber(r.positives)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * /xet-nghiem — the unit's testing: on a commune, the pools awaiting their result (record a pool, enter its
 * result), then the retests to take (enter each one's result), the rounds' reach (open a round), positivity by
 * week.
 */
export function TestingPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  // Pools and rounds are a commune's: the write forms show on a commune the caller may write in.
  const mayWrite = can(user.role, 'cases.write');
  const shown = useUnit(mayWrite ? unit : '');
  const commune = mayWrite && shown.data?.unit.level === 3 ? shown.data : null;
  useDocumentTitle(t('testing.title'));
  return (
    <>
      <div className="page-head">
        <h1>{t('testing.title')}</h1>
      </div>
      {user.unitLevel < 3 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <UnitPicker
            idPrefix="testing-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('cases.chooseUnit')}
            onChange={(code) =>
              setParams(code && code !== user.unitCode ? { unit: code } : {}, { replace: true })
            }
          />
        </form>
      )}
      {commune && <PoolSection unit={unit} canWrite />}
      <RetestSection unit={unit} canWrite={commune !== null} />
      <RoundSection unit={unit} villages={commune?.villages ?? null} />
      <PositivitySection unit={unit} />
    </>
  );
}
