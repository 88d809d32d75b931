import { useT } from '../../i18n/use-t';
import type { PlanIssue } from '../../../worker/types';
import { formatPath } from '../../../engine/plan/issues';
import { Field, IssueList, TextField } from './PlanField';
import { EVENT_KINDS, FORM_METER_TYPES, isObj, renameKey, textOf, type Key, type Obj } from './plan-edit';

type Props = { plan: Obj; issues: readonly PlanIssue[]; onChange: (plan: Obj) => void; onSet: (path: Key[], value: unknown) => void };

/** Count and unique meters with a filter on the event kind; other meters and filters are edited in the JSON. */
export const MetersFields = ({ plan, issues, onChange, onSet }: Props) => {
  const t = useT();
  const meters = isObj(plan.meters) ? plan.meters : {};
  const entries = Object.entries(meters);

  const rename = (from: string, to: string) => {
    if (to !== from && to in meters) return; // two meters cannot share a name: the second would be lost
    // Charges follow their meter's new name.
    const charges = Array.isArray(plan.charges)
      ? plan.charges.map((c) => (isObj(c) && c.meter === from ? { ...c, meter: to } : c))
      : plan.charges;
    onChange({ ...plan, meters: renameKey(meters, from, to), charges });
  };
  const add = () => {
    let n = entries.length + 1;
    while (`meter${n}` in meters) n++;
    onChange({ ...plan, meters: { ...meters, [`meter${n}`]: { type: 'count' } } });
  };
  const remove = (name: string) => {
    const rest = { ...meters };
    delete rest[name];
    onChange({ ...plan, meters: rest });
  };

  return (
    <fieldset className="plan-section">
      <legend>{t('plans.form.meters')}</legend>
      <IssueList issues={issues.filter((i) => i.path === 'meters')} />
      {entries.map(([name, meter], index) => {
        const m = isObj(meter) ? meter : {};
        const type = textOf(m.type);
        const inForm = (FORM_METER_TYPES as readonly string[]).includes(type);
        const where = isObj(m.where) ? m.where : undefined;
        const simpleWhere = !where || (Object.keys(where).every((k) => k === 'kind') && (where.kind === undefined || typeof where.kind === 'string'));
        const at = (k: string): Key[] => ['meters', name, k];
        return (
          <div className="plan-card" key={index} role="group" aria-label={t('plans.form.meterN', { name })}>
            <IssueList issues={issues.filter((i) => i.path === formatPath(['meters', name]))} />
            <div className="plan-grid">
              <Field label={t('plans.form.meterName')} path={['meters', name]} issues={[]}>
                {({ id }) => <input id={id} type="text" value={name} onChange={(e) => rename(name, e.target.value)} />}
              </Field>
              <Field label={t('plans.form.meterType')} path={at('type')} issues={issues}>
                {({ id, describedBy }) => (
                  <select id={id} aria-describedby={describedBy} value={type} onChange={(e) => {
                    const next: Obj = { ...m, type: e.target.value };
                    if (e.target.value === 'unique') next.of = Array.isArray(m.of) ? m.of : ['contact'];
                    else delete next.of;
                    onSet(['meters', name], next);
                  }}>
                    {!inForm && <option value={type} disabled>{type}</option>}
                    {FORM_METER_TYPES.map((x) => <option key={x} value={x}>{t(`plans.meterType.${x}`)}</option>)}
                  </select>
                )}
              </Field>
              {inForm && (simpleWhere ? (
                <Field label={t('plans.form.kind')} path={[...at('where'), 'kind']} issues={issues}>
                  {({ id, describedBy }) => (
                    <select id={id} aria-describedby={describedBy} value={textOf(where?.kind)}
                      onChange={(e) => onSet(at('where'), e.target.value === '' ? undefined : { kind: e.target.value })}>
                      <option value="">{t('plans.form.kind.any')}</option>
                      {where?.kind !== undefined && !(EVENT_KINDS as readonly string[]).includes(String(where.kind)) && (
                        <option value={String(where.kind)}>{String(where.kind)}</option>
                      )}
                      {EVENT_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
                    </select>
                  )}
                </Field>
              ) : <p className="hint plan-field">{t('plans.form.whereInJson')} <code>{JSON.stringify(where)}</code></p>)}
              {type === 'unique' && (
                <TextField label={t('plans.form.of')} path={at('of')} issues={issues}
                  value={Array.isArray(m.of) ? m.of.join(', ') : textOf(m.of)}
                  onChange={(v) => onSet(at('of'), String(v ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''))} />
              )}
              {!inForm && <p className="hint plan-field">{t('plans.form.meterInJson')}</p>}
            </div>
            <button type="button" className="secondary small" onClick={() => remove(name)}>{t('plans.form.removeMeter')}</button>
          </div>
        );
      })}
      <button type="button" className="secondary small" onClick={add}>{t('plans.form.addMeter')}</button>
    </fieldset>
  );
};
