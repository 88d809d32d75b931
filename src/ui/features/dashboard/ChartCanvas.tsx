import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartSeries = { label: string; values: number[]; color: string };

type Props = { xLabel: string; labels: string[]; series: ChartSeries[]; format: (n: number) => string; ariaLabel: string };

/** uPlot draws on canvas; a DOM without canvas or matchMedia (jsdom in unit tests) gets the labelled box only. */
const canDraw = () => typeof window.matchMedia === 'function' && typeof ResizeObserver === 'function';

const HEIGHT = 240;

/**
 * One uPlot chart: x is the bucket index (labels come from the caller, formatted in the dataset's zone), so no
 * time-zone logic runs inside the chart. The library is loaded on first use, outside the main bundle.
 */
export const ChartCanvas = ({ xLabel, labels, series, format, ariaLabel }: Props) => {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || !canDraw()) return;
    let chart: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const n = labels.length;
      const xs = labels.map((_, i) => i);
      const step = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(el.clientWidth / 90))));
      const opts: uPlot.Options = {
        width: Math.max(200, el.clientWidth),
        height: HEIGHT,
        scales: {
          x: { time: false, range: () => [-0.5, Math.max(0.5, n - 0.5)] },
          // Quantities start at zero, so a flat day does not look like a collapse.
          y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
        },
        axes: [
          { splits: () => xs.filter((i) => i % step === 0), values: (_u, splits) => splits.map((i) => labels[i] ?? '') },
          { values: (_u, splits) => splits.map(format), size: 60 },
        ],
        series: [
          { label: xLabel, value: (_u, i) => (i == null ? '' : (labels[Math.round(i)] ?? '')) },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: `${s.color}22`,
            width: 2,
            points: { show: true, size: n > 60 ? 3 : 6 },
            value: (_u: uPlot, v: number | null) => (v == null ? '' : format(v)),
          })),
        ],
        cursor: { drag: { x: false, y: false } },
      };
      chart = new UPlot(opts, [xs, ...series.map((s) => s.values)], el);
      observer = new ResizeObserver(() => chart?.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }));
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [xLabel, labels, series, format]);
  return <div ref={box} className="chart" role="img" aria-label={ariaLabel} data-testid="chart" />;
};
