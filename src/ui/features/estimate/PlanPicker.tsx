import { useId } from 'react';
import { useAppStore } from '../../app/store-context';
import { TextFileButton } from '../../components/TextFileButton';
import { useT } from '../../i18n/use-t';

/** The plan being priced: a shipped example, one of the user's plans, or a plan file (validated in the worker). */
export const PlanPicker = () => {
  const t = useT();
  const selectId = useId();
  const plan = useAppStore((s) => s.plan);
  const shipped = useAppStore((s) => s.shippedPlans);
  const saved = useAppStore((s) => s.savedPlans);
  const setPlanFromText = useAppStore((s) => s.setPlanFromText);
  const chooseDefaultPlan = useAppStore((s) => s.chooseDefaultPlan);
  const selectPlan = useAppStore((s) => s.selectPlan);
  const known = plan && (plan.key.startsWith('shipped:') ? shipped.some((p) => `shipped:${p.file}` === plan.key) : saved.some((p) => `saved:${p.id}` === plan.key));
  return (
    <div className="plan-picker">
      <label htmlFor={selectId}>{t('estimate.plan')}</label>
      <select id={selectId} value={plan?.key ?? ''} onChange={(e) => selectPlan(e.target.value)}>
        {!plan && <option value="">…</option>}
        {plan && !known && <option value={plan.key}>{plan.source === 'file' ? t('estimate.plan.fromFile', { name: plan.name }) : plan.name}</option>}
        {saved.length > 0 && (
          <optgroup label={t('estimate.plan.mine')}>
            {saved.map((p) => <option key={p.id} value={`saved:${p.id}`}>{p.name}</option>)}
          </optgroup>
        )}
        {shipped.length > 0 && (
          <optgroup label={t('estimate.plan.examples')}>
            {shipped.map((p) => <option key={p.file} value={`shipped:${p.file}`}>{p.name}</option>)}
          </optgroup>
        )}
      </select>
      {/* The chosen plan's name as text (the select shows it; tests and copy-paste read it here). */}
      <span className="sr-only" aria-hidden="true" data-testid="plan-name">{plan?.name ?? ''}</span>
      {plan?.source === 'default' && <span className="hint">({t('estimate.plan.default')})</span>}
      {plan?.source === 'file' && (
        <button type="button" className="secondary" onClick={() => void chooseDefaultPlan()}>{t('estimate.plan.backToDefault')}</button>
      )}
      <TextFileButton label={t('estimate.plan.file')} accept=".json,application/json" onText={setPlanFromText} />
      <a href="#/plans">{t('estimate.plan.manage')}</a>
    </div>
  );
};
