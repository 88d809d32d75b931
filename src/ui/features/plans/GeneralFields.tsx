import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { useT } from '../../i18n/use-t';
import type { PlanIssue } from '../../../worker/types';
import { Field, NumberField, TextField } from './PlanField';
import { getIn, ROUNDING_MODES, textOf, type Key, type Obj } from './plan-edit';

type Props = { plan: Obj; issues: readonly PlanIssue[]; onSet: (path: Key[], value: unknown) => void };

/** Name, currency, cycle, rounding and the plan-level amounts. */
export const GeneralFields = ({ plan, issues, onSet }: Props) => {
  const t = useT();
  const common = (path: Key[]) => ({ path, issues, value: getIn(plan, path), onChange: (v: unknown) => onSet(path, v) });
  const zone = textOf(getIn(plan, ['cycle', 'timeZone'])) || 'UTC';
  return (
    <fieldset className="plan-section">
      <legend>{t('plans.form.general')}</legend>
      <div className="plan-grid">
        <TextField label={t('plans.form.name')} className="wide" {...common(['name'])} />
        <TextField label={t('plans.form.description')} className="wide" optional {...common(['description'])} />
        <TextField label={t('plans.form.currency')} placeholder="USD" {...common(['currency'])} />
        <NumberField label={t('plans.form.anchorDay')} {...common(['cycle', 'anchorDay'])} />
        <div className="plan-field">
          <TimeZoneSelect label={t('plans.form.timeZone')} value={zone} onChange={(tz) => onSet(['cycle', 'timeZone'], tz)} />
        </div>
        <NumberField label={t('plans.form.decimals')} {...common(['rounding', 'decimals'])} />
        <Field label={t('plans.form.roundingMode')} path={['rounding', 'mode']} issues={issues}>
          {({ id, describedBy }) => (
            <select id={id} aria-describedby={describedBy} value={textOf(getIn(plan, ['rounding', 'mode'])) || 'half-up'}
              onChange={(e) => onSet(['rounding', 'mode'], e.target.value)}>
              {ROUNDING_MODES.map((m) => <option key={m} value={m}>{t(`plans.rounding.${m}`)}</option>)}
            </select>
          )}
        </Field>
        <TextField label={t('plans.form.minimumSpend')} inputMode="decimal" placeholder="0" optional {...common(['minimumSpend'])} />
        <TextField label={t('plans.form.discount')} inputMode="decimal" placeholder="0" optional {...common(['discountPercent'])} />
        <TextField label={t('plans.form.tax')} inputMode="decimal" placeholder="0" optional {...common(['taxPercent'])} />
      </div>
    </fieldset>
  );
};
