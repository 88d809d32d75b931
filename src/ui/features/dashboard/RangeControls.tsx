import { useId } from 'react';
import { GROUPINGS, RANGE_PRESETS, type Grouping } from '../../../state/dashboard-slice';
import { useAppStore } from '../../app/store-context';
import { useT } from '../../i18n/use-t';

/** Range presets as a radio group (arrow keys move between them), custom dates, and the grouping. */
export const RangeControls = () => {
  const t = useT();
  const id = useId();
  const preset = useAppStore((s) => s.rangePreset);
  const grouping = useAppStore((s) => s.grouping);
  const from = useAppStore((s) => s.customFrom);
  const to = useAppStore((s) => s.customTo);
  const setRangePreset = useAppStore((s) => s.setRangePreset);
  const setCustomRange = useAppStore((s) => s.setCustomRange);
  const setGrouping = useAppStore((s) => s.setGrouping);
  return (
    <div className="range-controls" role="group" aria-label={t('dash.controls')}>
      <fieldset className="segmented">
        <legend>{t('dash.range')}</legend>
        {RANGE_PRESETS.map((p) => (
          <label key={p} className={p === preset ? 'checked' : undefined}>
            <input type="radio" name={`${id}-range`} value={p} checked={p === preset} onChange={() => setRangePreset(p)} />
            {t(`dash.range.${p}`)}
          </label>
        ))}
      </fieldset>
      {preset === 'custom' && (
        <div className="custom-range">
          <label>
            {t('dash.from')}{' '}
            <input type="date" value={from} max={to || undefined} onChange={(e) => setCustomRange(e.target.value, to)} />
          </label>
          <label>
            {t('dash.to')}{' '}
            <input type="date" value={to} min={from || undefined} onChange={(e) => setCustomRange(from, e.target.value)} />
          </label>
        </div>
      )}
      <label className="grouping">
        {t('dash.grouping')}{' '}
        <select value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
          {GROUPINGS.map((g) => <option key={g} value={g}>{t(`dash.grouping.${g}`)}</option>)}
        </select>
      </label>
    </div>
  );
};
