import { useId } from 'react';
import { useAppStore } from '../../app/store-context';
import { useT } from '../../i18n/use-t';

/** The plan being priced: the shipped default, or a plan file the user picks (validated in the worker). */
export const PlanPicker = () => {
  const t = useT();
  const id = useId();
  const plan = useAppStore((s) => s.plan);
  const setPlanFromText = useAppStore((s) => s.setPlanFromText);
  const chooseDefaultPlan = useAppStore((s) => s.chooseDefaultPlan);
  return (
    <div className="plan-picker">
      <span>{t('estimate.plan')}: <strong data-testid="plan-name">{plan?.name ?? '…'}</strong>{plan?.source === 'default' && <span className="hint"> ({t('estimate.plan.default')})</span>}</span>
      {plan?.source === 'file' && (
        <button type="button" className="secondary" onClick={() => void chooseDefaultPlan()}>{t('estimate.plan.backToDefault')}</button>
      )}
      <input
        id={id}
        className="visually-hidden-input"
        type="file"
        accept=".json,application/json"
        aria-label={t('estimate.plan.file')}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) setPlanFromText(file.name, await file.text());
          e.target.value = '';
        }}
      />
      <label className="button secondary" htmlFor={id}>{t('estimate.plan.file')}</label>
    </div>
  );
};
