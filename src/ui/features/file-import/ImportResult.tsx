import { useAppStore, useWorkerApi } from '../../app/store-context';
import { useT } from '../../i18n/use-t';
import { downloadText } from '../../components/download';

/** After an import: the row accounting, the failure message, or the rejected rows with their line numbers. */
export const ImportResult = () => {
  const t = useT();
  const api = useWorkerApi();
  const error = useAppStore((s) => s.jobError);
  const last = useAppStore((s) => s.lastImport);
  if (error) {
    const message = error.code === 'cancelled' ? t('job.cancelled')
      : error.code === 'quota' ? t('job.quota')
        : t('job.failed', { message: error.message });
    return <div className={`panel ${error.code === 'cancelled' ? 'notice' : 'error'}`} role="alert">{message}</div>;
  }
  if (!last) return null;
  const d = last.dataset;
  const download = async () => downloadText(await api.rejectsCsv(d.id), `${d.name.replace(/\.[^.]+$/, '')}-rejected-rows.csv`, 'text/csv');
  return (
    <section className="panel summary" aria-label={t('summary.title', { name: d.name })}>
      <h2>{t('summary.title', { name: d.name })}</h2>
      <p data-testid="import-counts">{t('summary.counts', { read: d.rowsRead, imported: d.imported, rejected: d.rejected, duplicates: d.duplicates })}</p>
      <p className="hint" data-testid="import-preset">{t('summary.preset', { preset: d.preset })}</p>
      {d.ignoredColumns.length > 0 && <p className="hint">{t('summary.ignored', { columns: d.ignoredColumns.join(', ') })}</p>}
      {last.rejects.total > 0 && (
        <>
          <h3>{t('summary.rejects.title')}</h3>
          <table className="rejects">
            <thead><tr><th scope="col">{t('summary.rejects.line')}</th><th scope="col">{t('summary.rejects.reason')}</th><th scope="col">{t('summary.rejects.raw')}</th></tr></thead>
            <tbody>
              {last.rejects.rows.map((r) => (
                <tr key={r.line}><td className="num">{r.line}</td><td>{r.reason}</td><td><code>{r.raw}</code></td></tr>
              ))}
            </tbody>
          </table>
          {last.rejects.total > last.rejects.rows.length && <p className="hint">{t('summary.rejects.more', { count: last.rejects.total - last.rejects.rows.length })}</p>}
          <button type="button" className="secondary" onClick={() => void download()}>{t('summary.rejects.download')}</button>
        </>
      )}
    </section>
  );
};
