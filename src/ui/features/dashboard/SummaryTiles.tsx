import type { Metric } from '../../../engine/consumption/types';
import type { ConsumptionResult } from '../../../worker/types';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/** Always shown; the other services only when they occur in this or the previous period. */
const MAIN: readonly Metric[] = ['messages', 'templates', 'voiceMinutes', 'contacts', 'agents'];
const OPTIONAL: readonly Metric[] = ['smsSegments', 'videoMinutes', 'email', 'botSessions'];
const TREND = { up: '▲', down: '▼', flat: '' } as const;
const DECIMALS: Partial<Record<Metric, number>> = { voiceMinutes: 1, videoMinutes: 1 };

/** Totals of the range, each compared with the period of equal length just before. */
export const SummaryTiles = ({ result }: { result: ConsumptionResult }) => {
  const t = useT();
  const locale = useLocale();
  const metrics = [...MAIN, ...OPTIONAL.filter((m) => result.totals[m] !== 0 || result.previous[m] !== 0)];
  return (
    <section aria-label={t('dash.summary')}>
      <ul className="tiles">
        {metrics.map((m) => {
          const n = (v: number) => formatNumber(v, locale, DECIMALS[m] ?? 0);
          const change = result.change[m];
          const trend = change === null ? (result.totals[m] > 0 ? 'up' : 'flat') : change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
          return (
            <li key={m} className="tile" data-testid={`tile-${m}`}>
              <span className="tile-label">{t(`metric.${m}`)}</span>
              <strong className="tile-value">{n(result.totals[m])}</strong>
              {m === 'messages' && (
                <span className="hint">{t('dash.inOut', { in: n(result.totals.messagesIn), out: n(result.totals.messagesOut) })}</span>
              )}
              <span className="tile-change">
                <span aria-hidden="true">{TREND[trend]} </span>
                {change === null ? (result.totals[m] > 0 ? t('dash.change.new') : '–') : formatPercent(change, locale, true)}
                {' · '}
                {t('dash.previous', { value: n(result.previous[m]) })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
};
