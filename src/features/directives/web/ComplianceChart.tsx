import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLIANCE_CLASSES, type ComplianceClass, type ComplianceRow } from './directives-api.ts';

/** The colours of the classes, as the badges and the table show them. */
export const CLASS_COLOURS: Record<ComplianceClass, string> = {
  doneOnTime: '#0b5d3b',
  doneLate: '#6a9f3a',
  inProgress: '#1a73e8',
  notStarted: '#9aa5a0',
  overdue: '#b3261e',
};

/**
 * Stacked bars, one per unit, of its tasks by compliance class. ECharts (core, the bar chart and the SVG
 * renderer only) loads when the chart is first shown, so the app's first download stays small on slow links.
 * The numbers are also in the table below: the chart is hidden from screen readers.
 */
export function ComplianceChart({ rows }: { rows: ComplianceRow[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const height = Math.max(160, rows.length * 26 + 70);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void (async () => {
      const { init } = await import('./echarts-bar.ts');
      const element = box.current;
      if (disposed || !element) return;
      const chart = init(element, undefined, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        color: COMPLIANCE_CLASSES.map((c) => CLASS_COLOURS[c]),
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
        grid: { top: 44, left: 8, right: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: {
          type: 'category',
          inverse: true,
          data: rows.map((r) => r.name),
          axisLabel: { fontSize: 12, width: 130, overflow: 'truncate' },
        },
        series: COMPLIANCE_CLASSES.map((c) => ({
          name: t(`directives.compliance.classes.${c}`),
          type: 'bar',
          stack: 'tasks',
          barMaxWidth: 18,
          data: rows.map((r) => r.counts[c]),
        })),
      });
      const resize = () => chart.resize();
      const observer = new ResizeObserver(resize);
      observer.observe(element);
      window.addEventListener('beforeprint', resize);
      dispose = () => {
        observer.disconnect();
        window.removeEventListener('beforeprint', resize);
        chart.dispose();
      };
    })().catch(() => setFailed(true));
    return () => {
      disposed = true;
      dispose();
    };
    // Query results keep their identity while unchanged (structural sharing): redrawn on new numbers or language.
  }, [rows, t]);

  if (failed) return <p className="muted">{t('directives.compliance.chartFailed')}</p>;
  return (
    <div
      ref={box}
      className="compliance-chart"
      style={{ height }}
      aria-hidden="true"
      data-testid="compliance-chart"
    />
  );
}
