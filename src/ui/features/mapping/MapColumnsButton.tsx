import { FileButton } from '../../components/FileButton';
import { useAppStore } from '../../app/store-context';
import { failureText } from '../../i18n/explain';
import { useT } from '../../i18n/use-t';

/** "Map columns…": opens the mapping screen on a chosen file, whatever preset reads it. */
export const MapColumnsButton = ({ timeZone, disabled }: { timeZone: string; disabled: boolean }) => {
  const t = useT();
  const openMapping = useAppStore((s) => s.openMapping);
  const error = useAppStore((s) => s.mappingError);
  const open = useAppStore((s) => s.mapping);
  return (
    <div className="map-columns">
      <FileButton label={t('mapping.open')} accept=".csv,.txt,text/csv" disabled={disabled}
        onFiles={([file]) => openMapping(file, timeZone)} />
      <p className="hint">{t('mapping.open.hint')}</p>
      {error && !open && <p className="field-error" role="alert">{failureText(error, t)}</p>}
    </div>
  );
};
