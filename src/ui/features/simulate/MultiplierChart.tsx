import { useId, useMemo, useState } from 'react';
import type { SimulationResult } from '../../../worker/types';
import { ChartCanvas, type ChartSeries } from '../dashboard/ChartCanvas';
import { formatFixed, formatMoney } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

const COLORS = ['#0b6e4f', '#c8553d', '#3d5a80', '#8e5572', '#b08900', '#2a9d8f', '#6d597a', '#e76f51'];

/**
 * Total cost against a usage multiplier (0.25× to 4×, log-spaced, computed in the worker), one line per plan; where
 * plans cross and where tiers begin are listed in words; a Table button shows the same numbers.
 */
export const MultiplierChart = ({ result }: { result: SimulationResult }) => {
  const t = useT();
  const locale = useLocale();
  const [table, setTable] = useState(false);
  const captionId = useId();
  const curve = result.curve;
  const currency = result.comparison.currency;
  const names = result.comparison.plans.map((p) => p.name);
  const mult = (m: number) => `${formatFixed(m, locale, 2)}×`;
  const labels = useMemo(() => (curve ? curve.points.map((p) => `${formatFixed(p.multiplier, locale, 2)}×`) : []), [curve, locale]);
  // Totals are exact decimal strings; the chart only needs their position on screen.
  const series: ChartSeries[] = useMemo(() => result.comparison.plans.map((plan, i) => ({
    label: plan.name, color: COLORS[i % COLORS.length], values: result.curve ? result.curve.points.map((p) => Number(p.totals[i])) : [],
  })), [result]);
  const format = useMemo(() => (n: number) => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n), [locale, currency]);
  if (!curve) return null;
  return (
    <figure className="panel" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <h2>{t('sim.curve')}</h2>
        <button type="button" className="secondary small" aria-pressed={table} onClick={() => setTable(!table)}>{t('chart.table')}</button>
      </figcaption>
      {table ? (
        <div className="table-scroll sim-curve-table">
          <table aria-label={t('sim.curve')}>
            <thead>
              <tr>
                <th scope="col">{t('sim.curve.multiplier')}</th>
                {names.map((n, i) => <th key={`${n}-${i}`} scope="col" className="num">{n}</th>)}
              </tr>
            </thead>
            <tbody>
              {curve.points.map((p) => (
                <tr key={p.multiplier}>
                  <th scope="row">{mult(p.multiplier)}</th>
                  {p.totals.map((total, i) => <td key={i} className="num">{formatMoney(total, currency, locale)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ChartCanvas xLabel={t('sim.curve.multiplier')} labels={labels} series={series} format={format}
          ariaLabel={t('sim.curve.aria', { plans: names.join(', '), from: mult(curve.points[0]?.multiplier ?? 0), to: mult(curve.points[curve.points.length - 1]?.multiplier ?? 0) })} />
      )}
      <ul className="plain-list" aria-label={t('sim.curve.notes')}>
        {curve.crossings.map((x, i) => (
          <li key={`x${i}`}>{t('sim.curve.cross', { a: names[x.a], b: names[x.b], from: mult(x.from), to: mult(x.to) })}</li>
        ))}
        {curve.crossings.length === 0 && names.length > 1 && <li>{t('sim.curve.noCross')}</li>}
        {dedupeJumps(curve.jumps).map((j, i) => (
          <li key={`j${i}`}>{t('sim.curve.tier', { plan: names[j.plan], charge: j.label, bound: j.bound, at: mult(j.multiplier) })}</li>
        ))}
      </ul>
    </figure>
  );
};

/** One note per plan, charge and bound (the first cycle to reach it), at most 8. */
const dedupeJumps = <J extends { plan: number; charge: string; bound: number }>(jumps: readonly J[]): J[] => {
  const seen = new Set<string>();
  return jumps.filter((j) => {
    const key = `${j.plan}|${j.charge}|${j.bound}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, 8);
};
