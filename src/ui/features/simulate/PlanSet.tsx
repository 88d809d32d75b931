import { useAppStore } from '../../app/store-context';
import { useT } from '../../i18n/use-t';

/** The plans compared: any number of the shipped examples and the user's own plans, as checkboxes. */
export const PlanSet = () => {
  const t = useT();
  const shipped = useAppStore((s) => s.shippedPlans);
  const saved = useAppStore((s) => s.savedPlans);
  const keys = useAppStore((s) => s.simPlanKeys);
  const toggle = useAppStore((s) => s.simTogglePlan);
  const missing = useAppStore((s) => s.simMissingPlans);
  const box = (key: string, name: string, description: string) => (
    <li key={key}>
      <label title={description}>
        <input type="checkbox" checked={keys.includes(key)} onChange={() => toggle(key)} /> {name}
      </label>
    </li>
  );
  return (
    <fieldset className="panel sim-plans">
      <legend>{t('sim.plans')}</legend>
      {saved.length > 0 && (
        <>
          <h3 className="hint">{t('estimate.plan.mine')}</h3>
          <ul className="plain-list">{saved.map((p) => box(`saved:${p.id}`, p.name, p.description))}</ul>
        </>
      )}
      <h3 className="hint">{t('estimate.plan.examples')}</h3>
      <ul className="plain-list">{shipped.map((p) => box(`shipped:${p.file}`, p.name, p.description))}</ul>
      {keys.length === 0 && <p className="hint">{t('sim.plans.none')}</p>}
      {missing.length > 0 && (
        <p role="alert" className="hint">
          {t('sim.plans.missing', { plans: missing.join(', ') })}{' '}
          {missing.map((k) => <button key={k} type="button" className="secondary small" onClick={() => toggle(k)}>{t('sim.remove.item', { item: k })}</button>)}
        </p>
      )}
    </fieldset>
  );
};
