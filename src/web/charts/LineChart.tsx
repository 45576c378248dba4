import { useMemo } from 'react';
import { EChart } from './EChart.tsx';
import type { BarSeries } from './StackedBarChart.tsx';

export interface LineChartProps {
  /** The x axis, left to right (weeks). */
  categories: string[];
  series: BarSeries[];
  /** Values are shares of 100 % (axis to 100) rather than counts. */
  percent?: boolean;
  height?: number;
  className: string;
  testId: string;
  failedText: string;
}

const percentText = (value: unknown) => `${String(value).replace('.', ',')} %`;

/** Lines over time, one per series (the weekly vaccination trend), drawn with the shared ECharts module. */
export function LineChart({
  categories,
  series,
  percent = false,
  height = 260,
  className,
  testId,
  failedText,
}: LineChartProps) {
  const option = useMemo(
    () => ({
      animation: false,
      color: series.map((s) => s.colour),
      tooltip: { trigger: 'axis', ...(percent ? { valueFormatter: percentText } : {}) },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      grid: { top: 48, left: 8, right: 18, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: categories, axisLabel: { fontSize: 11 } },
      yAxis: percent
        ? { type: 'value', max: 100, interval: 25, axisLabel: { formatter: '{value} %', fontSize: 11 } }
        : { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        symbolSize: 5,
        data: s.values,
      })),
    }),
    [categories, series, percent],
  );
  return (
    <EChart option={option} height={height} className={className} testId={testId} failedText={failedText} />
  );
}
