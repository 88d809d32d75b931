import { useAppStore } from '../../app/store-context';
import { formatFixed } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

const MB = 1_000_000;

/** Progress bar with rows and MB/s, and a Cancel that really stops the worker's job. */
export const JobProgress = () => {
  const t = useT();
  const locale = useLocale();
  const job = useAppStore((s) => s.job);
  const cancelJob = useAppStore((s) => s.cancelJob);
  if (!job) return null;
  const p = job.progress;
  const total = p?.totalBytes || job.totalBytes;
  const fraction = p && total > 0 ? Math.min(1, p.bytesRead / total) : undefined;
  const speed = p && p.elapsedMs > 0 ? p.bytesRead / MB / (p.elapsedMs / 1000) : 0;
  return (
    <section className="panel job" aria-live="polite" aria-busy="true">
      <h2>{t('job.importing', { name: job.name })}</h2>
      <progress max={1} value={fraction} aria-label={t('job.importing', { name: job.name })} />
      <p className="figures">
        {t('job.progress', {
          rows: p?.rowsRead ?? 0,
          mb: formatFixed((p?.bytesRead ?? 0) / MB, locale, 1),
          total: formatFixed(total / MB, locale, 1),
          speed: formatFixed(speed, locale, 1),
        })}
      </p>
      {p?.fileCount !== undefined && p.fileCount > 1 && (
        <p className="hint" data-testid="job-file">
          {t('files.job.file', { index: (p.fileIndex ?? 0) + 1, count: p.fileCount, name: p.fileName ?? '' })}
        </p>
      )}
      <button type="button" className="secondary" onClick={() => void cancelJob()}>{t('job.cancel')}</button>
    </section>
  );
};
