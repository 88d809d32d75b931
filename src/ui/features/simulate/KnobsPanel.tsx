import { useId, useState } from 'react';
import { SCALE_FIELDS, type ScaleField } from '../../../engine/simulate/knobs';
import { NEUTRAL_KNOBS } from '../../../engine/simulate/knobs';
import { useAppStore } from '../../app/store-context';
import { useLocale, useT } from '../../i18n/use-t';
import { formatFixed, formatMonth } from '../../i18n/format';

const NO_MONTHS: string[] = [];

/** A slider with its number beside it; the slider and the number input edit the same value. */
const Slider = ({ label, value, min, max, step, unit, onChange, testId }: {
  label: string; value: string; min: number; max: number; step: number; unit: string; onChange: (v: string) => void; testId: string;
}) => {
  const id = useId();
  return (
    <div className="sim-slider">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="range" min={min} max={max} step={step} value={Number(value)} data-testid={testId}
        onChange={(e) => onChange(e.target.value)} aria-valuetext={`${value}${unit}`} />
      <input type="number" min={min} step={step} value={value} aria-label={label} className="sim-number"
        onChange={(e) => { if (e.target.value !== '') onChange(e.target.value); }} />
      <span aria-hidden="true">{unit}</span>
    </div>
  );
};

const FIELD_KEYS: Record<ScaleField, 'sim.field.category' | 'sim.field.channel' | 'sim.field.kind' | 'sim.field.queue' | 'sim.field.direction' | 'sim.field.country'> = {
  category: 'sim.field.category', channel: 'sim.field.channel', kind: 'sim.field.kind', queue: 'sim.field.queue', direction: 'sim.field.direction', country: 'sim.field.country',
};

/** The what-if knobs over the real events; every change re-prices in the worker (debounced by the page). */
export const KnobsPanel = () => {
  const t = useT();
  const locale = useLocale();
  const knobs = useAppStore((s) => s.simKnobs);
  const setKnobs = useAppStore((s) => s.simSetKnobs);
  const result = useAppStore((s) => s.simResult);
  const months = result?.months ?? NO_MONTHS;
  const [spike, setSpike] = useState({ month: '', percent: '300' });
  const [factor, setFactor] = useState<{ field: ScaleField; value: string; factor: string }>({ field: 'category', value: 'marketing', factor: '2' });
  const [mix, setMix] = useState({ from: 'marketing', to: 'utility', percent: '25' });
  const ids = { agents: useId(), numbers: useId() };
  const spikeMonth = spike.month || months[months.length - 1] || '';
  return (
    <section className="panel sim-knobs" aria-labelledby="sim-knobs-title">
      <h2 id="sim-knobs-title">{t('sim.knobs')}</h2>
      <Slider label={t('sim.knob.scale')} value={knobs.scale} min={0.25} max={4} step={0.05} unit="×" testId="knob-scale"
        onChange={(scale) => setKnobs({ scale })} />
      <Slider label={t('sim.knob.growth')} value={knobs.growthPercent} min={0} max={50} step={1} unit="%" testId="knob-growth"
        onChange={(growthPercent) => setKnobs({ growthPercent })} />
      <div className="sim-row">
        <label htmlFor={ids.agents}>{t('sim.knob.agents')}</label>
        <input id={ids.agents} type="number" min={0} step={1} value={knobs.extraAgents} className="sim-number"
          onChange={(e) => setKnobs({ extraAgents: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
        <label htmlFor={ids.numbers}>{t('sim.knob.numbers')}</label>
        <input id={ids.numbers} type="number" min={0} step={1} value={knobs.extraNumbers} className="sim-number"
          onChange={(e) => setKnobs({ extraNumbers: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
      </div>

      <h3>{t('sim.knob.spikes')}</h3>
      <ul className="plain-list">
        {knobs.spikes.map((s, i) => (
          <li key={`${s.month}-${i}`}>
            {t('sim.knob.spike.item', { month: formatMonth(s.month, locale), percent: s.percent })}{' '}
            <button type="button" className="secondary small" onClick={() => setKnobs({ spikes: knobs.spikes.filter((_, j) => j !== i) })}
              aria-label={t('sim.remove.item', { item: formatMonth(s.month, locale) })}>{t('sim.remove')}</button>
          </li>
        ))}
      </ul>
      <div className="sim-row">
        <label>{t('sim.knob.spike.month')} <input type="month" value={spikeMonth} onChange={(e) => setSpike({ ...spike, month: e.target.value })} /></label>
        <label>{t('sim.knob.spike.percent')} <input type="number" className="sim-number" value={spike.percent} onChange={(e) => setSpike({ ...spike, percent: e.target.value })} /></label>
        <button type="button" className="secondary" disabled={!/^\d{4}-\d{2}$/.test(spikeMonth) || spike.percent === ''}
          onClick={() => setKnobs({ spikes: [...knobs.spikes, { month: spikeMonth, percent: spike.percent }] })}>{t('sim.knob.spike.add')}</button>
      </div>

      <h3>{t('sim.knob.factors')}</h3>
      <ul className="plain-list">
        {knobs.factors.map((f, i) => (
          <li key={`${f.field}-${f.value}-${i}`}>
            {t('sim.knob.factor.item', { field: t(FIELD_KEYS[f.field]), value: f.value, factor: formatFixed(Number(f.factor), locale, 2) })}{' '}
            <button type="button" className="secondary small" onClick={() => setKnobs({ factors: knobs.factors.filter((_, j) => j !== i) })}
              aria-label={t('sim.remove.item', { item: f.value })}>{t('sim.remove')}</button>
          </li>
        ))}
      </ul>
      <div className="sim-row">
        <label>{t('sim.knob.factor.field')}{' '}
          <select value={factor.field} onChange={(e) => setFactor({ ...factor, field: e.target.value as ScaleField })}>
            {SCALE_FIELDS.map((f) => <option key={f} value={f}>{t(FIELD_KEYS[f])}</option>)}
          </select>
        </label>
        <label>{t('sim.knob.factor.value')} <input value={factor.value} onChange={(e) => setFactor({ ...factor, value: e.target.value })} /></label>
        <label>{t('sim.knob.factor.factor')} <input type="number" min={0} step={0.1} className="sim-number" value={factor.factor} onChange={(e) => setFactor({ ...factor, factor: e.target.value })} /></label>
        <button type="button" className="secondary" disabled={factor.value === '' || factor.factor === ''}
          onClick={() => setKnobs({ factors: [...knobs.factors, factor] })}>{t('sim.knob.factor.add')}</button>
      </div>

      <h3>{t('sim.knob.mix')}</h3>
      <ul className="plain-list">
        {knobs.mix.map((m, i) => (
          <li key={`${m.from}-${m.to}-${i}`}>
            {t('sim.knob.mix.item', { percent: m.percent, from: m.from, to: m.to })}{' '}
            <button type="button" className="secondary small" onClick={() => setKnobs({ mix: knobs.mix.filter((_, j) => j !== i) })}
              aria-label={t('sim.remove.item', { item: `${m.from} → ${m.to}` })}>{t('sim.remove')}</button>
          </li>
        ))}
      </ul>
      <div className="sim-row">
        <label>{t('sim.knob.mix.percent')} <input type="number" min={0} max={100} className="sim-number" value={mix.percent} onChange={(e) => setMix({ ...mix, percent: e.target.value })} /></label>
        <label>{t('sim.knob.mix.from')} <input value={mix.from} onChange={(e) => setMix({ ...mix, from: e.target.value })} /></label>
        <label>{t('sim.knob.mix.to')} <input value={mix.to} onChange={(e) => setMix({ ...mix, to: e.target.value })} /></label>
        <button type="button" className="secondary" disabled={!mix.from || !mix.to || mix.percent === ''}
          onClick={() => setKnobs({ mix: [...knobs.mix, mix] })}>{t('sim.knob.mix.add')}</button>
      </div>
      <p><button type="button" className="secondary" onClick={() => setKnobs(NEUTRAL_KNOBS)}>{t('sim.knob.reset')}</button></p>
      <p className="hint">{t('sim.knob.rule')}</p>
    </section>
  );
};
