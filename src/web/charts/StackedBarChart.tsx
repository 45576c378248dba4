import { useMemo } from 'react';
import { EChart } from './EChart.tsx';

export interface BarSeries {
  name: string;
  colour: string;
  /** One value per category, in the categories' order. */
  values: number[];
}

export interface StackedBarChartProps {
  /** One horizontal bar per category (a unit, an age group), top to bottom. */
  categories: string[];
  series: BarSeries[];
  /** Values are shares of 100 % (axis to 100, "87,5 %" in tooltips) rather than counts. */
  percent?: boolean;
  className: string;
  testId: string;
  failedText: string;
}

const percentText = (value: unknown) => `${String(value).replace('.', ',')} %`;

/**
 * Horizontal stacked bars, one per category, split into series: tasks by compliance class, people by
 * coverage class. The height follows the number of bars so that a long list of communes stays legible.
 */
export function StackedBarChart({
  categories,
  series,
  percent = false,
  className,
  testId,
  failedText,
}: StackedBarChartProps) {
  const option = useMemo(
    () => ({
      animation: false,
      color: series.map((s) => s.colour),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        ...(percent ? { valueFormatter: percentText } : {}),
      },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      grid: { top: 48, left: 8, right: 18, bottom: 8, containLabel: true },
      xAxis: percent
        ? { type: 'value', max: 100, interval: 25, axisLabel: { formatter: '{value} %', fontSize: 11 } }
        : { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: categories,
        axisLabel: { fontSize: 12, width: 125, overflow: 'truncate' },
      },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'total',
        barMaxWidth: 20,
        data: s.values,
      })),
    }),
    [categories, series, percent],
  );
  return (
    <EChart
      option={option}
      height={Math.max(160, categories.length * 28 + 74)}
      className={className}
      testId={testId}
      failedText={failedText}
    />
  );
}
