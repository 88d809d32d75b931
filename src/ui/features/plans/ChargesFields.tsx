import { formatPath } from '../../../engine/plan/issues';
import { useT } from '../../i18n/use-t';
import type { PlanIssue } from '../../../worker/types';
import { Field, IssueList, NumberField, TextField } from './PlanField';
import { changeModel, FORM_CHARGE_MODELS, isObj, textOf, type Key, type Obj } from './plan-edit';

type Props = { plan: Obj; issues: readonly PlanIssue[]; onChange: (plan: Obj) => void; onSet: (path: Key[], value: unknown) => void };

/** Flat, standard, package and tiered charges; rate cards are edited in the JSON. */
export const ChargesFields = ({ plan, issues, onChange, onSet }: Props) => {
  const t = useT();
  const charges = Array.isArray(plan.charges) ? plan.charges : [];
  const meterNames = isObj(plan.meters) ? Object.keys(plan.meters) : [];
  const setCharges = (next: unknown[]) => onChange({ ...plan, charges: next });
  const add = () => {
    let n = charges.length + 1;
    while (charges.some((c) => isObj(c) && c.id === `charge${n}`)) n++;
    setCharges([...charges, { id: `charge${n}`, label: t('plans.form.newCharge'), model: 'flat', amount: '0' }]);
  };

  return (
    <fieldset className="plan-section">
      <legend>{t('plans.form.charges')}</legend>
      <IssueList issues={issues.filter((i) => i.path === 'charges')} />
      {charges.map((charge, i) => {
        const c = isObj(charge) ? charge : {};
        const model = textOf(c.model);
        const inForm = (FORM_CHARGE_MODELS as readonly string[]).includes(model);
        const at = (...k: Key[]): Key[] => ['charges', i, ...k];
        const common = (path: Key[]) => ({ path, issues, value: c[path[path.length - 1] as string], onChange: (v: unknown) => onSet(path, v) });
        const tiers = Array.isArray(c.tiers) ? c.tiers : [];
        const usesQuantity = c.meter === undefined && c.quantity !== undefined;
        return (
          <div className="plan-card" key={i} role="group" aria-label={t('plans.form.chargeN', { n: i + 1, label: textOf(c.label) })}>
            <IssueList issues={issues.filter((x) => x.path === formatPath(['charges', i]))} />
            <div className="plan-grid">
              <TextField label={t('plans.form.chargeId')} {...common(at('id'))} />
              <TextField label={t('plans.form.chargeLabel')} className="wide" {...common(at('label'))} />
              <Field label={t('plans.form.model')} path={at('model')} issues={issues}>
                {({ id, describedBy }) => (
                  <select id={id} aria-describedby={describedBy} value={model}
                    onChange={(e) => onSet(at(), changeModel(c, e.target.value, meterNames))}>
                    {!inForm && <option value={model} disabled>{model}</option>}
                    {FORM_CHARGE_MODELS.map((m) => <option key={m} value={m}>{t(`plans.model.${m}`)}</option>)}
                  </select>
                )}
              </Field>
              {inForm && model !== 'flat' && (
                <Field label={t('plans.form.meter')} path={at('meter')} issues={issues}>
                  {({ id, describedBy }) => (
                    <select id={id} aria-describedby={describedBy} value={usesQuantity ? '' : textOf(c.meter)} onChange={(e) => {
                      const next: Obj = { ...c };
                      if (e.target.value === '') { delete next.meter; next.quantity = c.quantity ?? 1; }
                      else { next.meter = e.target.value; delete next.quantity; }
                      onSet(at(), next);
                    }}>
                      {c.meter !== undefined && !meterNames.includes(String(c.meter)) && <option value={String(c.meter)}>{String(c.meter)}</option>}
                      {meterNames.map((m) => <option key={m} value={m}>{m}</option>)}
                      <option value="">{t('plans.form.fixedQuantity')}</option>
                    </select>
                  )}
                </Field>
              )}
              {inForm && model !== 'flat' && usesQuantity && <NumberField label={t('plans.form.quantity')} {...common(at('quantity'))} />}
              {inForm && model !== 'flat' && <NumberField label={t('plans.form.freeUnits')} placeholder="0" {...common(at('freeUnits'))} />}
              {model === 'flat' && <TextField label={t('plans.form.amount')} inputMode="decimal" {...common(at('amount'))} />}
              {model === 'flat' && (
                <div className="plan-field checkbox">
                  <label>
                    <input type="checkbox" checked={c.once === true} onChange={(e) => onSet(at('once'), e.target.checked ? true : undefined)} />{' '}
                    {t('plans.form.once')}
                  </label>
                </div>
              )}
              {model === 'standard' && <TextField label={t('plans.form.unitPrice')} inputMode="decimal" {...common(at('unitPrice'))} />}
              {model === 'standard' && <NumberField label={t('plans.form.per')} placeholder="1" {...common(at('per'))} />}
              {model === 'package' && <NumberField label={t('plans.form.packageSize')} {...common(at('packageSize'))} />}
              {model === 'package' && <TextField label={t('plans.form.packagePrice')} inputMode="decimal" {...common(at('packagePrice'))} />}
              {!inForm && <p className="hint plan-field wide">{t('plans.form.chargeInJson')}</p>}
            </div>
            {(model === 'graduated' || model === 'volume') && (
              <table className="tiers">
                <caption>{t('plans.form.tiers')}</caption>
                <thead><tr><th>#</th><th>{t('plans.form.upTo')}</th><th>{t('plans.form.unitPrice')}</th><th>{t('plans.form.flatFee')}</th><th /></tr></thead>
                <tbody>
                  {tiers.map((tier, j) => {
                    const tr = isObj(tier) ? tier : {};
                    const tp = (k: string): Key[] => at('tiers', j, k);
                    return (
                      <tr key={j}>
                        <td>{j + 1}</td>
                        <td><NumberField label={t('plans.form.upToN', { n: j + 1 })} className="bare" placeholder={t('plans.form.noLimit')} emptyValue={null}
                          path={tp('upTo')} issues={issues} value={tr.upTo} onChange={(v) => onSet(tp('upTo'), v)} /></td>
                        <td><TextField label={t('plans.form.unitPriceN', { n: j + 1 })} className="bare" inputMode="decimal"
                          path={tp('unitPrice')} issues={issues} value={tr.unitPrice} onChange={(v) => onSet(tp('unitPrice'), v)} /></td>
                        <td><TextField label={t('plans.form.flatFeeN', { n: j + 1 })} className="bare" inputMode="decimal" optional placeholder="0"
                          path={tp('flatFee')} issues={issues} value={tr.flatFee} onChange={(v) => onSet(tp('flatFee'), v)} /></td>
                        <td><button type="button" className="link" onClick={() => onSet(at('tiers'), tiers.filter((_, k) => k !== j))}
                          aria-label={t('plans.form.removeTierN', { n: j + 1 })}>×</button></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {(model === 'graduated' || model === 'volume') && (
              <button type="button" className="secondary small" onClick={() => {
                const last = tiers[tiers.length - 1];
                const prev = tiers.slice(0, -1).reduce<number>((m, x) => (isObj(x) && typeof x.upTo === 'number' ? Math.max(m, x.upTo) : m), 0);
                const bounded = isObj(last) ? { ...last, upTo: prev > 0 ? prev * 2 : 1000 } : { upTo: 1000, unitPrice: '0' };
                onSet(at('tiers'), [...tiers.slice(0, -1), bounded, { upTo: null, unitPrice: '0' }]);
              }}>{t('plans.form.addTier')}</button>
            )}
            <button type="button" className="secondary small" onClick={() => setCharges(charges.filter((_, k) => k !== i))}>{t('plans.form.removeCharge')}</button>
          </div>
        );
      })}
      <button type="button" className="secondary small" onClick={add}>{t('plans.form.addCharge')}</button>
    </fieldset>
  );
};
