import { useAppStore } from '../../app/store-context';
import { AddFilesButton } from './AddFilesButton';
import { formatDate } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

export const DatasetList = () => {
  const t = useT();
  const locale = useLocale();
  const datasets = useAppStore((s) => s.datasets);
  const selectDataset = useAppStore((s) => s.selectDataset);
  const deleteDataset = useAppStore((s) => s.deleteDataset);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="panel" aria-labelledby="datasets-title">
      <h2 id="datasets-title">{t('data.datasets.title')}</h2>
      {datasets.length === 0 ? <p className="hint">{t('data.datasets.empty')}</p> : (
        <ul className="datasets">
          {datasets.map((d) => (
            <li key={d.id}>
              <div>
                <strong>{d.name}</strong>
                <span className="hint"> · {t('data.datasets.rows', { rows: d.imported })}{d.files.length > 1 ? ` · ${t('files.datasets.files', { count: d.files.length })}` : ''} · {t('data.datasets.range', {
                  from: formatDate(d.minTimestamp, locale, d.timeZone), to: formatDate(d.maxTimestamp, locale, d.timeZone),
                })}</span>
              </div>
              <div className="actions">
                <button type="button" onClick={() => { selectDataset(d.id); navigate('estimate'); }}>{t('data.datasets.open')}</button>
                <button type="button" className="secondary" onClick={() => { selectDataset(d.id); navigate('dashboard'); }}>{t('data.datasets.dashboard')}</button>
                <AddFilesButton dataset={d} />
                <button type="button" className="secondary" onClick={() => {
                  if (window.confirm(t('data.datasets.confirmDelete', { name: d.name }))) void deleteDataset(d.id);
                }}>{t('data.datasets.delete')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
