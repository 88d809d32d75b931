import { useAppStore, useWorkerApi } from '../../app/store-context';
import { failureText, rejectReason } from '../../i18n/explain';
import { useT } from '../../i18n/use-t';
import { downloadText } from '../../components/download';
import { FileTable } from './FileTable';

/**
 * After an import: the row accounting (per file and in total for a job of several files), the failure message, files
 * already imported (with "Import anyway"), or the rejected rows with their file and line numbers.
 */
export const ImportResult = () => {
  const t = useT();
  const api = useWorkerApi();
  const error = useAppStore((s) => s.jobError);
  const last = useAppStore((s) => s.lastImport);
  const input = useAppStore((s) => s.jobInput);
  const importAnyway = useAppStore((s) => s.importAnyway);
  const busy = useAppStore((s) => s.job !== null);
  if (error?.code === 'already-imported') {
    return (
      <section className="panel notice" role="alert" aria-labelledby="already-title" data-testid="already-imported">
        <h2 id="already-title">{t('files.already.title')}</h2>
        <p>{t('files.already.body')}</p>
        {error.files && <FileTable files={error.files} />}
        {input && <button type="button" className="secondary" disabled={busy} onClick={() => void importAnyway()}>{t('files.already.anyway')}</button>}
      </section>
    );
  }
  if (error) {
    const message = error.code === 'cancelled' ? t('job.cancelled')
      : error.code === 'quota' ? t('job.quota')
        : t('job.failed', { message: failureText(error, t) });
    return <div className={`panel ${error.code === 'cancelled' ? 'notice' : 'error'}`} role="alert">{message}</div>;
  }
  if (!last) return null;
  const d = last.dataset;
  const report = last.report;
  const title = report?.appended ? t('files.summary.appended', { name: d.name }) : t('summary.title', { name: d.name });
  // The job's own counts (an append's, not the whole dataset's); the sample has no report.
  const counts = report ?? d;
  const showFiles = report !== undefined && (report.files.length > 1 || report.appended);
  const withFile = d.files.length > 1;
  const download = async () => downloadText(await api.rejectsCsv(d.id), `${d.name.replace(/\.[^.]+$/, '')}-rejected-rows.csv`, 'text/csv');
  return (
    <section className="panel summary" aria-label={title}>
      <h2>{title}</h2>
      <p data-testid="import-counts">{t('summary.counts', { read: counts.rowsRead, imported: counts.imported, rejected: counts.rejected, duplicates: counts.duplicates })}</p>
      {showFiles && <FileTable files={report.files} total={report} />}
      <p className="hint" data-testid="import-preset">{t('summary.preset', { preset: d.preset })}</p>
      {d.ignoredColumns.length > 0 && <p className="hint">{t('summary.ignored', { columns: d.ignoredColumns.join(', ') })}</p>}
      {last.rejects.total > 0 && (
        <>
          <h3>{t('summary.rejects.title')}</h3>
          <table className="rejects">
            <thead>
              <tr>
                {withFile && <th scope="col">{t('files.rejects.file')}</th>}
                <th scope="col">{t('summary.rejects.line')}</th><th scope="col">{t('summary.rejects.reason')}</th><th scope="col">{t('summary.rejects.raw')}</th>
              </tr>
            </thead>
            <tbody>
              {last.rejects.rows.map((r) => (
                <tr key={`${r.file ?? ''}:${r.line}`}>
                  {withFile && <td>{r.file ?? ''}</td>}
                  <td className="num">{r.line}</td><td>{rejectReason(r.reason, t)}</td><td><code>{r.raw}</code></td>
                </tr>
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
