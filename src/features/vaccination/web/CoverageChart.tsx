import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { StackedBarChart } from '../../../web/charts/StackedBarChart.tsx';
import { type ClassCounts, COVERAGE_CLASSES, type CoverageClass, groupTotal } from './vaccination-api.ts';

/** The colours of the classes, as the table's swatches show them: the gap red, the goal green. */
export const CLASS_COLOURS: Record<CoverageClass, string> = {
  notVaccinated: '#c4463a',
  partial: '#e3a21a',
  primaryComplete: '#6a9f3a',
  booster: '#0b5d3b',
};

export interface ChartRow {
  key: string;
  label: string;
  counts: ClassCounts;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * Stacked bars of 100 %, one per age group or unit, split by coverage class (the shared chart, ECharts
 * loaded on first show). The numbers are also in the tables.
 */
export function CoverageChart({ rows, testId }: { rows: ChartRow[]; testId: string }) {
  const { t } = useTranslation();
  const categories = useMemo(() => rows.map((r) => r.label), [rows]);
  const series = useMemo(
    () =>
      COVERAGE_CLASSES.map((c) => ({
        name: t(`vaccination.classes.${c}`),
        colour: CLASS_COLOURS[c],
        values: rows.map((r) => share(r.counts[c], groupTotal(r.counts))),
      })),
    [rows, t],
  );
  return (
    <StackedBarChart
      categories={categories}
      series={series}
      percent
      className="coverage-chart"
      testId={testId}
      failedText={t('vaccination.coverage.chartFailed')}
    />
  );
}
