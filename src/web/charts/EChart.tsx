import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  className: string;
  testId: string;
  /** Shown instead of the chart when ECharts cannot load (a dropped chunk on a slow link). */
  failedText: string;
}

/**
 * One ECharts instance drawn into a box: the library loads on first use, the chart follows the box's width
 * and is redrawn before printing (A4 is narrower than the screen). The numbers are always in a table next
 * to the chart too, so the chart is hidden from screen readers.
 */
export function EChart({ option, height, className, testId, failedText }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void (async () => {
      const { init } = await import('./echarts.ts');
      const element = box.current;
      if (disposed || !element) return;
      const chart = init(element, undefined, { renderer: 'svg' });
      chart.setOption(option);
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
    // Callers memoise the option: redrawn only on new numbers or a new language.
  }, [option]);

  if (failed) return <p className="muted">{failedText}</p>;
  return <div ref={box} className={className} style={{ height }} aria-hidden="true" data-testid={testId} />;
}
