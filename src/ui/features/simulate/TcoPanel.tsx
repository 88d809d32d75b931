import { useId } from 'react';
import { Dec } from '../../../engine/money';
import { NO_TERMS, TCO_MONTHS, type TcoTerms } from '../../../engine/simulate/tco';
import type { SimulationResult } from '../../../worker/types';
import { formatMoney, formatMonth } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../app/store-context';

const TermInput = ({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) => (
  <td><input type="number" min={0} step="any" className="sim-number" aria-label={label} value={value} onChange={(e) => onChange(e.target.value === '' ? '0' : e.target.value)} /></td>
);

/** Total cost of ownership over 6 to 24 months per plan: terms per plan (setup, prepay discount, per-number fee), months as rows. */
export const TcoPanel = ({ result }: { result: SimulationResult }) => {
  const t = useT();
  const locale = useLocale();
  const monthsId = useId();
  const months = useAppStore((s) => s.simMonths);
  const setMonths = useAppStore((s) => s.simSetMonths);
  const planKeys = useAppStore((s) => s.simResultKeys);
  const terms = useAppStore((s) => s.simTerms);
  const setTerms = useAppStore((s) => s.simSetTerms);
  const tco = result.tco ?? [];
  const currency = result.comparison.currency;
  const money = (a: string) => formatMoney(a, currency, locale);
  const names = result.comparison.plans.map((p) => p.name);
  const termOf = (key: string): TcoTerms => terms[key] ?? NO_TERMS;
  const cheapestTco = tco.length > 1 ? tco.reduce((best, x, i) => (new Dec(x.total).lt(tco[best].total) ? i : best), 0) : -1;
  return (
    <section className="panel" aria-labelledby="sim-tco-title">
      <h2 id="sim-tco-title">{t('sim.tco')}</h2>
      <p>
        <label htmlFor={monthsId}>{t('sim.tco.months')}</label>{' '}
        <input id={monthsId} type="range" min={TCO_MONTHS.min} max={TCO_MONTHS.max} step={1} value={months} onChange={(e) => setMonths(Number(e.target.value))} />{' '}
        <output htmlFor={monthsId}>{t('sim.tco.monthsValue', { months })}</output>
      </p>
      <p className="hint">{t('sim.tco.rule', { numbers: result.numbers })}</p>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">{t('sim.tco.terms')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sim.tco.plan')}</th>
              <th scope="col">{t('sim.tco.setup')}</th>
              <th scope="col">{t('sim.tco.prepay')}</th>
              <th scope="col">{t('sim.tco.perNumber')}</th>
            </tr>
          </thead>
          <tbody>
            {planKeys.map((key, i) => {
              const v = termOf(key);
              return (
                <tr key={key}>
                  <th scope="row">{names[i]}</th>
                  <TermInput label={t('sim.tco.setup.of', { plan: names[i] })} value={v.setupFee} onChange={(setupFee) => setTerms(key, { ...v, setupFee })} />
                  <TermInput label={t('sim.tco.prepay.of', { plan: names[i] })} value={v.prepayDiscountPercent} onChange={(prepayDiscountPercent) => setTerms(key, { ...v, prepayDiscountPercent })} />
                  <TermInput label={t('sim.tco.perNumber.of', { plan: names[i] })} value={v.perNumberFee} onChange={(perNumberFee) => setTerms(key, { ...v, perNumberFee })} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {tco.length > 0 && (
        <div className="table-wide">
          <table className="sim-tco">
            <caption className="sr-only">{t('sim.tco')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sim.tco.month')}</th>
                {tco.map((x, i) => <th key={i} scope="col" className="num">{x.plan}</th>)}
              </tr>
            </thead>
            <tbody>
              {tco[0].months.map((m, k) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month, locale)}</th>
                  {tco.map((x, i) => <td key={i} className="num" title={t('sim.tco.cell', { plan: money(x.months[k].planCost), discount: money(x.months[k].prepayDiscount), numbers: money(x.months[k].numberFees), once: money(x.months[k].oneTime) })}>{money(x.months[k].total)}</td>)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr><th scope="row">{t('sim.tco.setup')}</th>{tco.map((x, i) => <td key={i} className="num">{money(x.setupFee)}</td>)}</tr>
              <tr><th scope="row">{t('sim.tco.planCost')}</th>{tco.map((x, i) => <td key={i} className="num">{money(x.planCost)}</td>)}</tr>
              <tr><th scope="row">{t('sim.tco.prepay')}</th>{tco.map((x, i) => <td key={i} className="num">−{money(x.prepayDiscount)}</td>)}</tr>
              <tr><th scope="row">{t('sim.tco.numberFees')}</th>{tco.map((x, i) => <td key={i} className="num">{money(x.numberFees)}</td>)}</tr>
              <tr>
                <th scope="row">{t('sim.tco.total', { months })}</th>
                {tco.map((x, i) => (
                  <td key={i} className={`num${i === cheapestTco ? ' sim-cheapest' : ''}`} data-testid={`sim-tco-${i}`}>
                    <strong>{money(x.total)}</strong>
                    {i === cheapestTco && <> <span aria-hidden="true">★</span><span className="sr-only">{t('sim.cheapest')}</span></>}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
};
