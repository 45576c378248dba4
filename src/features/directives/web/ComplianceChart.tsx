import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { StackedBarChart } from '../../../web/charts/StackedBarChart.tsx';
import { COMPLIANCE_CLASSES, type ComplianceClass, type ComplianceRow } from './directives-api.ts';

/** The colours of the classes, as the badges and the table show them. */
export const CLASS_COLOURS: Record<ComplianceClass, string> = {
  doneOnTime: '#0b5d3b',
  doneLate: '#6a9f3a',
  inProgress: '#1a73e8',
  notStarted: '#9aa5a0',
  overdue: '#b3261e',
  withdrawn: '#d7dcda',
};

/**
 * Stacked bars, one per unit, of its tasks by compliance class (the shared chart, ECharts loaded on first
 * show). The numbers are also in the table below.
 */
export function ComplianceChart({ rows }: { rows: ComplianceRow[] }) {
  const { t } = useTranslation();
  // Query results keep their identity while unchanged (structural sharing): redrawn on new numbers or language.
  const categories = useMemo(() => rows.map((r) => r.name), [rows]);
  const series = useMemo(
    () =>
      COMPLIANCE_CLASSES.map((c) => ({
        name: t(`directives.compliance.classes.${c}`),
        colour: CLASS_COLOURS[c],
        values: rows.map((r) => r.counts[c]),
      })),
    [rows, t],
  );
  return (
    <StackedBarChart
      categories={categories}
      series={series}
      className="compliance-chart"
      testId="compliance-chart"
      failedText={t('directives.compliance.chartFailed')}
    />
  );
}
