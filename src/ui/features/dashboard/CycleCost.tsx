import { cycleAt } from '../../../state/allowances';
import { useAppStore } from '../../app/store-context';
import { formatDate, formatMoney } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/** Estimated cost of the current cycle so far and, while it runs, projected to its end (the engine's figures). */
export const CycleCost = ({ reference }: { reference: number | null }) => {
  const t = useT();
  const locale = useLocale();
  const estimate = useAppStore((s) => s.estimate);
  const cycle = cycleAt(estimate, reference);
  if (!estimate || !cycle) return null;
  const money = (a: string) => formatMoney(a, estimate.currency, locale);
  return (
    <section className="panel cycle-cost" aria-label={t('cost.title')}>
      <h2>{t('cost.title')}</h2>
      <p className="hint">{t('allow.cycle', {
        plan: estimate.plan, from: formatDate(cycle.startMs, locale, estimate.timeZone), to: formatDate(cycle.endMs - 1, locale, estimate.timeZone),
      })}</p>
      <p>{t('cost.toDate')}: <strong data-testid="cost-to-date">{money(cycle.total)}</strong></p>
      {cycle.projection && (
        <p>{t('cost.projected')}: <strong data-testid="cost-projected">{money(cycle.projection.total)}</strong> <span className="hint">{cycle.projection.text}</span></p>
      )}
      <p className="hint">{t('estimate.disclaimer')}</p>
    </section>
  );
};
