import { FileButton } from '../../components/FileButton';
import type { DatasetSummary } from '../../../worker/types';
import { useAppStore } from '../../app/store-context';
import { selectors } from '../../../state/store';
import { useT } from '../../i18n/use-t';

/**
 * "Add files…" on a dataset: a real file input (several files) whose files are appended to the dataset, read with
 * its own time zone; a file already in it is skipped and reported.
 */
export const AddFilesButton = ({ dataset }: { dataset: DatasetSummary }) => {
  const t = useT();
  const busy = useAppStore(selectors.isBusy);
  const importFiles = useAppStore((s) => s.importFiles);
  return (
    <span className="add-files">
      <FileButton label={t('files.add')} inputLabel={t('files.add.label', { name: dataset.name })} multiple disabled={busy}
        accept=".csv,.txt,.json,text/csv,application/json"
        onFiles={(files) => importFiles(files, dataset.timeZone, { datasetId: dataset.id })} />
    </span>
  );
};
