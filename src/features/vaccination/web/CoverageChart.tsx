import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
 * Stacked bars of 100 %, one per age group or unit, split by coverage class. ECharts (core, the bar chart and
 * the SVG renderer: the directives' module, one shared chunk) loads when the chart is first shown. The numbers
 * are also in the tables: the chart is hidden from screen readers.
 */
export function CoverageChart({ rows, testId }: { rows: ChartRow[]; testId: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const height = Math.max(150, rows.length * 28 + 74);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void (async () => {
      const { init } = await import('../../directives/web/echarts-bar.ts');
      const element = box.current;
      if (disposed || !element) return;
      const chart = init(element, undefined, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        color: COVERAGE_CLASSES.map((c) => CLASS_COLOURS[c]),
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (value: unknown) => `${String(value).replace('.', ',')} %`,
        },
        legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
        grid: { top: 48, left: 8, right: 18, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 100, interval: 25, axisLabel: { formatter: '{value} %', fontSize: 11 } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: rows.map((r) => r.label),
          axisLabel: { fontSize: 12, width: 120, overflow: 'truncate' },
        },
        series: COVERAGE_CLASSES.map((c) => ({
          name: t(`vaccination.classes.${c}`),
          type: 'bar',
          stack: 'people',
          barMaxWidth: 20,
          data: rows.map((r) => share(r.counts[c], groupTotal(r.counts))),
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
  }, [rows, t]);

  if (failed) return <p className="muted">{t('vaccination.coverage.chartFailed')}</p>;
  return (
    <div ref={box} className="coverage-chart" style={{ height }} aria-hidden="true" data-testid={testId} />
  );
}
