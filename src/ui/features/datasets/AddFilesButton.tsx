import { useId, useRef } from 'react';
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
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const busy = useAppStore(selectors.isBusy);
  const importFiles = useAppStore((s) => s.importFiles);
  return (
    <span className="add-files">
      <input
        ref={input}
        id={inputId}
        className="visually-hidden-input"
        type="file"
        multiple
        accept=".csv,.txt,.json,text/csv,application/json"
        aria-label={t('files.add.label', { name: dataset.name })}
        disabled={busy}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          if (files.length > 0) void importFiles(files, dataset.timeZone, { datasetId: dataset.id });
          if (input.current) input.current.value = '';
        }}
      />
      <label className="button secondary" htmlFor={inputId} aria-disabled={busy}>{t('files.add')}</label>
    </span>
  );
};
