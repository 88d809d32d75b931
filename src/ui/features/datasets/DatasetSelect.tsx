import { selectors } from '../../../state/store';
import { useAppStore } from '../../app/store-context';
import { useT } from '../../i18n/use-t';

/** The dataset a page works on; the choice is shared by every page (it lives in the store). */
export const DatasetSelect = () => {
  const t = useT();
  const dataset = useAppStore(selectors.selectedDataset);
  const datasets = useAppStore((s) => s.datasets);
  const selectDataset = useAppStore((s) => s.selectDataset);
  return (
    <label>
      {t('estimate.dataset')}{' '}
      <select value={dataset?.id ?? ''} onChange={(e) => selectDataset(e.target.value)}>
        {datasets.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
      </select>
    </label>
  );
};

/** What a page that needs data shows before any import. */
export const NoDatasets = ({ title }: { title: string }) => {
  const t = useT();
  return <div className="page"><h1>{title}</h1><p className="panel">{t('estimate.none')} <a href="#/data">{t('nav.data')}</a></p></div>;
};
