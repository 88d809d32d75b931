import type { ProfitResult } from '../../../worker/types';
import { useLocale, useT } from '../../i18n/use-t';
import { decimalText, periodLabel } from './format';

/** Handled minutes, inbound calls and (with a reference price) cost per client and period. */
/** The cost is shown as a plain amount: the reference price typed on the page has no currency. */
export const UsageTable = ({ result, kind }: { result: ProfitResult; kind: 'month' | 'cycle' }) => {
  const t = useT();
  const locale = useLocale();
  const withCost = result.clients.some((c) => c.figures.some((f) => f.cost !== null));
  return (
    <section className="panel" aria-labelledby="profit-usage-title">
      <h2 id="profit-usage-title">{t('profit.usage.title')}</h2>
      <p className="hint">{t('profit.usage.rule')}</p>
      {result.clients.length === 0 ? <p>{t('profit.usage.none')}</p> : (
        <div className="table-wide">
          <table data-testid="clients-usage">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>{t('profit.usage.client')}</th>
                {result.periods.map((p) => (
                  <th key={p.start} scope="colgroup" colSpan={withCost ? 3 : 2}>
                    {periodLabel(p, kind, locale, result.timeZone)}{p.partial ? ` (${t('profit.usage.partial')})` : ''}
                  </th>
                ))}
              </tr>
              <tr>
                {result.periods.map((p) => [
                  <th key={`${p.start}m`} scope="col" className="num">{t('profit.usage.minutes')}</th>,
                  <th key={`${p.start}c`} scope="col" className="num">{t('profit.usage.calls')}</th>,
                  withCost ? <th key={`${p.start}$`} scope="col" className="num">{t('profit.usage.cost')}</th> : null,
                ])}
              </tr>
            </thead>
            <tbody>
              {result.clients.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.key === '' ? t('profit.usage.noValue') : c.label}</th>
                  {c.figures.map((f, k) => [
                    <td key={`${k}m`} className="num">{decimalText(f.minutes, locale)}</td>,
                    <td key={`${k}c`} className="num">{decimalText(String(f.calls), locale)}</td>,
                    withCost ? <td key={`${k}$`} className="num">{f.cost === null ? '' : decimalText(f.cost, locale)}</td> : null,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
