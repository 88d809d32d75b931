import type { LineVariance } from '../../../engine/allocation/types';
import { formatMoney } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/** Each invoice line against the estimate's lines of the same charge. */
export const VarianceTable = ({ variance, currency }: { variance: LineVariance[]; currency: string }) => {
  const t = useT();
  const locale = useLocale();
  const money = (a: string | null) => (a === null ? '—' : formatMoney(a, currency, locale));
  return (
    <section className="panel" aria-label={t('split.variance.title')}>
      <h3>{t('split.variance.title')}</h3>
      <table className="lines variance">
        <thead>
          <tr>
            <th scope="col">{t('split.result.line')}</th>
            <th scope="col" className="num">{t('split.variance.invoice')}</th>
            <th scope="col" className="num">{t('split.variance.estimate')}</th>
            <th scope="col" className="num">{t('split.variance.variance')}</th>
            <th scope="col" className="num">{t('split.variance.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {variance.map((v, i) => (
            <tr key={`${v.label}-${i}`}>
              <th scope="row">{v.label}</th>
              <td className="num">{money(v.invoice)}</td>
              <td className="num">{money(v.estimate)}</td>
              <td className="num">{money(v.variance)}</td>
              <td className="num">{v.variancePercent === null ? '—' : `${v.variancePercent} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
