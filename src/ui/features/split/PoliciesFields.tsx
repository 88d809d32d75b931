import type { MultiCentre, SharedMethod, UnattributedMethod } from '../../../state/split-model';
import { useAppStore } from '../../app/store-context';
import { useT } from '../../i18n/use-t';

const MULTI: MultiCentre[] = ['even', 'first', 'last', 'weighted'];
const SHARED: SharedMethod[] = ['proportional', 'even'];
const UNATTRIBUTED: UnattributedMethod[] = ['proportional', 'separate', 'centre'];

const meterNames = (plan: unknown): string[] => {
  const meters = typeof plan === 'object' && plan !== null ? (plan as { meters?: unknown }).meters : undefined;
  return typeof meters === 'object' && meters !== null ? Object.keys(meters) : [];
};

/** multiCentre / shared / unattributed policies and the driver meter, as selects. */
export const PoliciesFields = () => {
  const t = useT();
  const model = useAppStore((s) => s.splitModel);
  const plan = useAppStore((s) => s.plan);
  const update = useAppStore((s) => s.updateSplitModel);
  return (
    <fieldset className="policies">
      <legend>{t('split.policies.title')}</legend>
      <label>
        {t('split.policies.multiCentre')}{' '}
        <select value={model.multiCentre} onChange={(e) => update({ multiCentre: e.target.value as MultiCentre })}>
          {MULTI.map((m) => <option key={m} value={m}>{t(`split.policies.multiCentre.${m}`)}</option>)}
        </select>
      </label>
      <label>
        {t('split.policies.shared')}{' '}
        <select value={model.shared} onChange={(e) => update({ shared: e.target.value as SharedMethod })}>
          {SHARED.map((m) => <option key={m} value={m}>{t(`split.policies.shared.${m}`)}</option>)}
        </select>
      </label>
      <label>
        {t('split.policies.unattributed')}{' '}
        <select
          value={model.unattributed}
          onChange={(e) => {
            const unattributed = e.target.value as UnattributedMethod;
            update({ unattributed, unattributedCentre: unattributed === 'centre' ? (model.unattributedCentre ?? model.centres[0]?.id ?? null) : model.unattributedCentre });
          }}
        >
          {UNATTRIBUTED.map((m) => <option key={m} value={m}>{t(`split.policies.unattributed.${m}`)}</option>)}
        </select>
      </label>
      {model.unattributed === 'centre' && (
        <label>
          {t('split.policies.unattributedCentre')}{' '}
          <select value={model.unattributedCentre ?? ''} onChange={(e) => update({ unattributedCentre: e.target.value })}>
            {model.centres.map((c) => <option key={c.id} value={c.id}>{c.label || c.id}</option>)}
          </select>
        </label>
      )}
      <label>
        {t('split.policies.driver')}{' '}
        <select value={model.driver ?? ''} onChange={(e) => update({ driver: e.target.value || null })}>
          {meterNames(plan?.json).map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
    </fieldset>
  );
};
