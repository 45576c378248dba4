import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LineChart } from '../../../web/charts/LineChart.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber, formatPercent, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { ScrollArea } from '../../../web/ScrollArea.tsx';
import { CLASS_COLOURS } from './CoverageChart.tsx';
import { type TrendWeek, useTrend } from './campaign-api.ts';
import type { CoverageAgeGroup } from './vaccination-api.ts';

const MILESTONES = ['firstDose', 'primaryComplete', 'booster'] as const;
/** Each line in the colour of the class it leads to (the first dose: partly vaccinated). */
const COLOURS = {
  firstDose: CLASS_COLOURS.partial,
  primaryComplete: CLASS_COLOURS.primaryComplete,
  booster: CLASS_COLOURS.booster,
};

const share = (n: number, whole: number) => (whole > 0 ? Math.round((n / whole) * 1000) / 10 : 0);

/**
 * Week by week, the share of the age group reached so far: with a first dose, with the primary series, with
 * a booster — the campaign's pace at a glance. The figures are in the folded table too.
 */
export function TrendSection({ unit, age }: { unit: string; age: CoverageAgeGroup }) {
  const { t } = useTranslation();
  const view = useTrend(unit, age);
  const weeks: TrendWeek[] = view.data?.weeks ?? [];
  const population = view.data?.population ?? 0;
  const categories = useMemo(() => weeks.map((w) => isoDateToText(w.week)), [weeks]);
  const series = useMemo(
    () =>
      MILESTONES.map((m) => ({
        name: t(`vaccination.trend.${m}`),
        colour: COLOURS[m],
        values: weeks.map((w) => share(w[m], population)),
      })),
    [weeks, population, t],
  );

  return (
    <section className="card coverage-section" aria-labelledby="trend-title" data-testid="trend-section">
      <h2 id="trend-title">{t('vaccination.trend.title', { age: t(`vaccination.ageGroups.${age}`) })}</h2>
      {view.isPending && <Loading />}
      <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />
      {view.data && weeks.length === 0 && <p className="muted">{t('vaccination.trend.none')}</p>}
      {weeks.length > 0 && (
        <>
          {/* ECharts itself loads with the first chart drawn (EChart imports it on demand). */}
          <LineChart
            categories={categories}
            series={series}
            percent
            className="coverage-chart"
            testId="trend-chart"
            failedText={t('vaccination.coverage.chartFailed')}
          />
          <details className="fold">
            <summary>{t('vaccination.trend.table')}</summary>
            <ScrollArea>
              <table className="table coverage-table" data-testid="trend-table">
                <thead>
                  <tr>
                    <th scope="col">{t('vaccination.trend.week')}</th>
                    {MILESTONES.map((m) => (
                      <th key={m} scope="col" className="num">
                        {t(`vaccination.trend.${m}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((w) => (
                    <tr key={w.week} data-testid="trend-row" data-week={w.week}>
                      <th scope="row" className="num">
                        {isoDateToText(w.week)}
                      </th>
                      {MILESTONES.map((m) => (
                        <td key={m} className="num" data-milestone={m} data-count={w[m]}>
                          {formatNumber(w[m])} ({formatPercent(w[m], population)})
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          </details>
        </>
      )}
    </section>
  );
}
