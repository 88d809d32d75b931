import { useState } from 'react';
import { selectors } from '../../state/store';
import { useAppStore } from '../app/store-context';
import { DatasetList } from '../features/datasets/DatasetList';
import { DropZone } from '../features/file-import/DropZone';
import { ImportResult } from '../features/file-import/ImportResult';
import { JobProgress } from '../features/file-import/JobProgress';
import { MapColumnsButton } from '../features/mapping/MapColumnsButton';
import { MappingScreen } from '../features/mapping/MappingScreen';
import { PresetLibrary } from '../features/mapping/PresetLibrary';
import { useT } from '../i18n/use-t';
import { TimeZoneSelect } from '../components/TimeZoneSelect';

export const DataPage = () => {
  const t = useT();
  const busy = useAppStore((s) => selectors.isBusy(s) || s.mappingBusy);
  const importOrMap = useAppStore((s) => s.importOrMap);
  const loadSample = useAppStore((s) => s.loadSample);
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  return (
    <div className="page">
      <h1>{t('data.title')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <div className="start">
        <DropZone disabled={busy} onFiles={(fs) => void importOrMap(fs, timeZone)} />
        <section className="panel" aria-labelledby="sample-title">
          <h2 id="sample-title">{t('data.sample.title')}</h2>
          <p className="hint">{t('data.sample.hint')}</p>
          <button type="button" disabled={busy} onClick={() => void loadSample()}>{t('data.sample.button')}</button>
        </section>
      </div>
      <TimeZoneSelect label={t('data.tz.label')} value={timeZone} onChange={setTimeZone} />
      <MapColumnsButton timeZone={timeZone} disabled={busy} />
      <MappingScreen />
      <JobProgress />
      <ImportResult />
      <DatasetList />
      <PresetLibrary />
    </div>
  );
};
