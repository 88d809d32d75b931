import type { CentreAllocation } from '../../../engine/allocation/types';
import { formatMoney, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/** A bar per centre (HTML, readable by screen readers as a list; the table beside it has the same figures). */
export const CentreBars = ({ centres, currency }: { centres: CentreAllocation[]; currency: string }) => {
  const t = useT();
  const locale = useLocale();
  return (
    <figure className="centre-bars">
      <figcaption>{t('split.result.chart')}</figcaption>
      <ul>
        {centres.map((c) => {
          const pct = Number(c.ratio) * 100;
          const label = c.unattributed ? t('split.result.unattributedCentre') : c.label;
          return (
            <li key={c.id}>
              <span className="bar-label">{label}</span>
              <span className="bar-track" aria-hidden="true"><span className={c.unattributed ? 'bar unattributed' : 'bar'} style={{ width: `${Math.max(0, Math.min(100, pct))}%` }} /></span>
              <span className="bar-value">{formatMoney(c.amount, currency, locale)} · {formatPercent(pct, locale)}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
};
