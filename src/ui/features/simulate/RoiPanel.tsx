import { useId, useState } from 'react';
import { monthlyPlanCost, roi, type Roi } from '../../../engine/simulate/roi';
import { SimulationError } from '../../../engine/simulate/resample';
import type { SimulationResult } from '../../../worker/types';
import { useAppStore } from '../../app/store-context';
import { formatMoney, formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/**
 * Payback and ROI: agents × monthly salary × efficiency gain against a plan's monthly cost (its TCO without the setup
 * fee, over the months; the setup fee is paid back by the net saving). Exact decimals from the engine's `roi`.
 */
export const RoiPanel = ({ result }: { result: SimulationResult }) => {
  const t = useT();
  const locale = useLocale();
  const input = useAppStore((s) => s.simRoi);
  const setRoi = useAppStore((s) => s.simSetRoi);
  const [planIndex, setPlanIndex] = useState(0);
  const ids = { agents: useId(), salary: useId(), gain: useId(), plan: useId() };
  const tco = result.tco ?? [];
  const currency = result.comparison.currency;
  const money = (a: string) => formatMoney(a, currency, locale);
  const chosen = tco[Math.min(planIndex, tco.length - 1)];
  let figures: Roi | null = null;
  let problem = '';
  if (chosen) {
    const monthly = monthlyPlanCost(chosen);
    try {
      figures = roi({ agents: input.agents, monthlySalary: input.monthlySalary || '0', efficiencyGainPercent: input.efficiencyGainPercent || '0', planMonthlyCost: monthly, setupFee: chosen.setupFee });
    } catch (e) {
      problem = e instanceof SimulationError ? e.message : String(e);
    }
  }
  return (
    <section className="panel" aria-labelledby="sim-roi-title">
      <h2 id="sim-roi-title">{t('sim.roi')}</h2>
      <div className="sim-row">
        <label htmlFor={ids.agents}>{t('sim.roi.agents')}</label>
        <input id={ids.agents} type="number" min={0} step={1} className="sim-number" value={input.agents}
          onChange={(e) => setRoi({ agents: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
        <label htmlFor={ids.salary}>{t('sim.roi.salary')}</label>
        <input id={ids.salary} type="number" min={0} step="any" className="sim-number" value={input.monthlySalary}
          onChange={(e) => setRoi({ monthlySalary: e.target.value })} />
        <label htmlFor={ids.gain}>{t('sim.roi.gain')}</label>
        <input id={ids.gain} type="number" min={0} step="any" className="sim-number" value={input.efficiencyGainPercent}
          onChange={(e) => setRoi({ efficiencyGainPercent: e.target.value })} />
        <label htmlFor={ids.plan}>{t('sim.roi.plan')}</label>
        <select id={ids.plan} value={planIndex} onChange={(e) => setPlanIndex(Number(e.target.value))}>
          {tco.map((x, i) => <option key={i} value={i}>{x.plan}</option>)}
        </select>
      </div>
      {problem && <p role="alert" className="panel error">{problem}</p>}
      {figures && (
        <dl className="sim-roi" data-testid="sim-roi">
          <dt>{t('sim.roi.saving')}</dt><dd>{money(figures.monthlySaving)}</dd>
          <dt>{t('sim.roi.cost')}</dt><dd>{money(figures.planMonthlyCost)}</dd>
          <dt>{t('sim.roi.net')}</dt><dd>{money(figures.monthlyNet)}</dd>
          <dt>{t('sim.roi.percent')}</dt><dd>{figures.roiPercent === null ? '–' : `${formatNumber(Number(figures.roiPercent), locale, 1)} %`}</dd>
          <dt>{t('sim.roi.payback')}</dt><dd>{figures.paybackMonths === null ? t('sim.roi.never') : t('sim.roi.months', { months: formatNumber(Number(figures.paybackMonths), locale, 1) })}</dd>
          <dt>{t('sim.roi.yearly')}</dt><dd>{money(figures.yearlyNet)}</dd>
        </dl>
      )}
    </section>
  );
};
