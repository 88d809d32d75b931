import type { SimulationResult } from '../../../worker/types';
import { formatDate, formatMoney } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/** Plans side by side: one row per cycle, one column per plan, the total; the cheapest of each row marked. */
/** Cycle starts are shown in the (first) plan's billing time zone, where the cycle begins at midnight. */
export const ComparisonTable = ({ result }: { result: SimulationResult }) => {
  const t = useT();
  const locale = useLocale();
  const c = result.comparison;
  const timeZone = result.estimates[0]?.timeZone ?? 'UTC';
  const money = (a: string) => formatMoney(a, c.currency, locale);
  const many = c.plans.length > 1;
  const cell = (key: number, amount: string | null, cheapest: boolean, testId?: string) => (
    <td key={key} className={`num${cheapest && many ? ' sim-cheapest' : ''}`} data-testid={testId}>
      {amount === null ? '–' : money(amount)}
      {cheapest && many && <> <span aria-hidden="true">★</span><span className="sr-only">{t('sim.cheapest')}</span></>}
    </td>
  );
  return (
    <section className="panel" aria-labelledby="sim-compare-title">
      <h2 id="sim-compare-title">{t('sim.compare')}</h2>
      {many && c.cheapest >= 0 && (
        <p aria-live="polite" data-testid="sim-cheapest">{t('sim.cheapest.is', { plan: c.cheapestName, total: money(c.plans[c.cheapest].total) })}</p>
      )}
      <div className="table-wide">
        <table className="sim-compare" aria-labelledby="sim-compare-title">
          <thead>
            <tr>
              <th scope="col">{t('sim.cycle')}</th>
              {c.plans.map((p, i) => <th key={`${p.name}-${i}`} scope="col" className="num">{p.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {c.rows.map((r) => (
              <tr key={r.start}>
                <th scope="row">{formatDate(Date.parse(r.start), locale, timeZone)}</th>
                {r.totals.map((total, i) => cell(i, total, r.cheapest.includes(i), `sim-cell-${r.start.slice(0, 7)}-${i}`))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('sim.total')}</th>
              {c.plans.map((p, i) => cell(i, p.total, i === c.cheapest, `sim-total-${i}`))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
};

/** Why each plan costs what it does beside the cheapest: the lines that make the difference, largest first. */
export const Differences = ({ result }: { result: SimulationResult }) => {
  const t = useT();
  const locale = useLocale();
  const c = result.comparison;
  const money = (a: string) => formatMoney(a, c.currency, locale);
  const list = result.differences.flatMap((d) => (d ? [d] : []));
  if (list.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="sim-diff-title">
      <h2 id="sim-diff-title">{t('sim.diff')}</h2>
      {list.map((d) => (
        <div key={d.b} className="sim-diff">
          <h3>{t('sim.diff.head', { plan: d.b, other: d.a, difference: money(d.difference) })}</h3>
          <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sim.diff.line')}</th>
                <th scope="col" className="num">{d.a}</th>
                <th scope="col" className="num">{d.b}</th>
                <th scope="col" className="num">{t('sim.diff.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l) => (
                <tr key={l.label}>
                  <th scope="row">{l.label}</th>
                  <td className="num">{money(l.a)}</td>
                  <td className="num">{money(l.b)}</td>
                  <td className="num">{l.difference.startsWith('-') ? '' : '+'}{money(l.difference)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </div>
      ))}
    </section>
  );
};
