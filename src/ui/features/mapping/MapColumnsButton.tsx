import { useId } from 'react';
import { useAppStore } from '../../app/store-context';
import { failureText } from '../../i18n/explain';
import { useT } from '../../i18n/use-t';

/** "Map columns…": opens the mapping screen on a chosen file, whatever preset reads it. */
export const MapColumnsButton = ({ timeZone, disabled }: { timeZone: string; disabled: boolean }) => {
  const t = useT();
  const id = useId();
  const openMapping = useAppStore((s) => s.openMapping);
  const error = useAppStore((s) => s.mappingError);
  const open = useAppStore((s) => s.mapping);
  return (
    <div className="map-columns">
      <span className="file-button">
        <input
          id={id}
          className="visually-hidden-input"
          type="file"
          accept=".csv,.txt,text/csv"
          aria-label={t('mapping.open')}
          disabled={disabled}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) void openMapping(file, timeZone);
            input.value = '';
          }}
        />
        <label className="button secondary" htmlFor={id} aria-disabled={disabled}>{t('mapping.open')}</label>
      </span>
      <p className="hint">{t('mapping.open.hint')}</p>
      {error && !open && <p className="field-error" role="alert">{failureText(error, t)}</p>}
    </div>
  );
};
