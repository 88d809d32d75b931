import { useEffect, useId, useState } from 'react';
import { allowancesOf, crossesAlert } from '../../../state/allowances';
import type { AllowanceAlert } from '../../../state/dashboard-slice';
import { useAppStore } from '../../app/store-context';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/** Units used at which the alert fires: the meter turns red from there. */
const alertAt = (free: number, alert: AllowanceAlert): number =>
  Math.max(0, Math.min(free, alert.mode === 'percent' ? (free * alert.value) / 100 : free - alert.value));

/** The active plan's free units in the current cycle (from the estimate), with a user-set alert threshold. */
export const Allowances = ({ reference }: { reference: number | null }) => {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const estimate = useAppStore((s) => s.estimate);
  const estimating = useAppStore((s) => s.estimating);
  const alert = useAppStore((s) => s.allowanceAlert);
  const setAlert = useAppStore((s) => s.setAllowanceAlert);
  const loadAlert = useAppStore((s) => s.loadAllowanceAlert);
  const [draft, setDraft] = useState(String(alert.value));
  const [shown, setShown] = useState(alert.value);
  useEffect(() => { void loadAlert(); }, [loadAlert]);
  // The stored threshold arrives after the first render: the field follows it unless it already reads that number.
  if (shown !== alert.value) {
    setShown(alert.value);
    if (Number(draft) !== alert.value || draft === '') setDraft(String(alert.value));
  }
  const allowances = allowancesOf(estimate, reference);
  const crossed = allowances.filter((a) => crossesAlert(a, alert));
  const n = (v: number) => formatNumber(v, locale);
  const first = allowances[0];
  return (
    <section className="panel allowances" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('allow.title')}</h2>
      {!estimate && estimating && <p className="hint" role="status">{t('allow.waiting')}</p>}
      {estimate && first && (
        <p className="hint">{t('allow.cycle', {
          plan: estimate.plan, from: formatDate(first.cycleStart, locale, estimate.timeZone), to: formatDate(first.cycleEnd - 1, locale, estimate.timeZone),
        })}</p>
      )}
      {estimate && allowances.length === 0 && <p className="hint">{t('allow.none')}</p>}
      {crossed.length > 0 && (
        <div className="panel alert-box" role="alert">
          <strong>{t('allow.alertTitle')}</strong>
          <ul>
            {crossed.map((a) => (
              <li key={a.key}>{t('allow.alert', { label: a.label, used: n(a.used), free: n(a.free), pct: formatPercent(a.percent, locale) })}</li>
            ))}
          </ul>
        </div>
      )}
      <ul className="allowance-list">
        {allowances.map((a) => (
          <li key={a.key} className={crossesAlert(a, alert) ? 'crossed' : undefined}>
            <div className="allowance-head">
              <span id={`${id}-${a.key}`}>{a.label}</span>
              <span className="figures">{t('allow.usage', { used: n(a.used), free: n(a.free) })} · {t('allow.used', { pct: formatPercent(a.percent, locale) })}</span>
            </div>
            <meter aria-labelledby={`${id}-${a.key}`} min={0} max={a.free} value={Math.min(a.used, a.free)}
              low={alertAt(a.free, alert) * 0.75} high={alertAt(a.free, alert)} optimum={0} />
          </li>
        ))}
      </ul>
      {allowances.length > 0 && (
        <div className="alert-rule">
          <label htmlFor={`${id}-mode`}>{t('allow.rule')}</label>{' '}
          <select id={`${id}-mode`} value={alert.mode} onChange={(e) => setAlert({ mode: e.target.value as AllowanceAlert['mode'], value: alert.value })}>
            <option value="percent">{t('allow.mode.percent')}</option>
            <option value="remaining">{t('allow.mode.remaining')}</option>
          </select>{' '}
          <span className="nowrap">
            <input type="number" min={0} step={alert.mode === 'percent' ? 1 : 100} aria-label={t('allow.threshold')} value={draft}
              onChange={(e) => {
                // The field may be empty while the user types; the alert keeps the last valid threshold meanwhile.
                setDraft(e.target.value);
                if (e.target.value !== '' && Number.isFinite(e.target.valueAsNumber)) setAlert({ mode: alert.mode, value: e.target.valueAsNumber });
              }} />
            {alert.mode === 'percent' && <span aria-hidden="true"> %</span>}
          </span>
        </div>
      )}
    </section>
  );
};
