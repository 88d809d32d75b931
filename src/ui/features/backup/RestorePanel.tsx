import { useId, useState } from 'react';
import { FileButton } from '../../components/FileButton';
import { useAppStore, useWorkerApi } from '../../app/store-context';
import { failureText } from '../../i18n/explain';
import { formatBytes, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import type { RestoreMode } from '../../../state/backup-slice';

/**
 * "Restore a backup": choose the file (its header says whether it needs a passphrase), replace or merge, confirm a
 * replace, then watch it being checked and restored. Errors say why and that nothing changed.
 */
export const RestorePanel = () => {
  const t = useT();
  const locale = useLocale();
  const api = useWorkerApi();
  const id = useId();
  const dataJob = useAppStore((s) => s.dataJob);
  const importing = useAppStore((s) => s.job !== null);
  const lastRestore = useAppStore((s) => s.lastRestore);
  const jobError = useAppStore((s) => s.dataJobError);
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const cancel = useAppStore((s) => s.cancelDataJob);
  const [file, setFile] = useState<File | null>(null);
  const [encrypted, setEncrypted] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [mode, setMode] = useState<RestoreMode>('replace');
  const [confirming, setConfirming] = useState(false);
  const [failedHere, setFailedHere] = useState(false);
  const running = dataJob?.kind === 'restore';

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setConfirming(false);
    setFailedHere(false);
    setFileError(null);
    if (!chosen) return;
    const info = await api.inspectBackup(chosen);
    if (!info.ok) {
      setFileError(t('trust.restore.failed', { message: failureText(info.error, t) }));
      return;
    }
    setFile(chosen);
    setEncrypted(info.value.encrypted);
  };
  const start = async () => {
    if (!file) return;
    if (mode === 'replace' && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setFailedHere(false);
    const ok = await restoreBackup(file, mode, encrypted ? passphrase : undefined);
    if (ok) {
      setFile(null);
      setPassphrase('');
    } else setFailedHere(true);
  };
  const progress = dataJob?.progress;
  const percent = progress && progress.total > 0 ? formatPercent((100 * progress.done) / progress.total, locale) : '…';
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('trust.restore.title')}</h2>
      <p className="hint">{t('trust.restore.safe')}</p>
      <div className="field">
        <FileButton label={t('trust.restore.choose')} inputLabel={t('trust.restore.file')} accept=".tarifa-backup,application/octet-stream"
          disabled={dataJob !== null} onFiles={([file]) => choose(file)} />
      </div>
      {fileError && <p className="field-error" role="alert">{fileError}</p>}
      {file && (
        <>
          <p>{t('trust.restore.chosen', { file: file.name, size: formatBytes(file.size, locale) })}</p>
          {encrypted && (
            <div className="field">
              <p>{t('trust.restore.encrypted')}</p>
              <label htmlFor={`${id}-pass`}>{t('trust.restore.passphrase')}</label>{' '}
              <input id={`${id}-pass`} type="password" autoComplete="current-password" value={passphrase} disabled={running}
                onChange={(e) => setPassphrase(e.target.value)} />
            </div>
          )}
          <fieldset className="policies">
            <legend>{t('trust.restore.mode')}</legend>
            {(['replace', 'merge'] as const).map((m) => (
              <label key={m} className="checkbox">
                <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} disabled={running}
                  onChange={() => { setMode(m); setConfirming(false); }} />
                <span>
                  {t(m === 'replace' ? 'trust.restore.replace' : 'trust.restore.merge')}
                  <br /><span className="hint">{t(m === 'replace' ? 'trust.restore.replaceHint' : 'trust.restore.mergeHint')}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {running ? (
            <div className="job" role="status">
              <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={t('trust.restore.title')} />
              <p>{t(progress?.phase === 'restore' ? 'trust.restore.writing' : 'trust.restore.verifying', { percent })}</p>
              <button type="button" className="secondary" onClick={() => void cancel()}>{t('trust.cancel')}</button>
            </div>
          ) : confirming ? (
            <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="panel">
              <p id={`${id}-confirm`}>{t('trust.restore.confirm', { file: file.name })}</p>
              <button type="button" onClick={() => void start()}>{t('trust.restore.confirmYes')}</button>{' '}
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t('trust.cancel')}</button>
            </div>
          ) : (
            <button type="button" disabled={dataJob !== null || importing || (encrypted && passphrase.length === 0)} onClick={() => void start()}>
              {t('trust.restore.start')}
            </button>
          )}
        </>
      )}
      {lastRestore && (
        <p role="status" data-testid="restore-done">
          {t('trust.restore.done', {
            datasets: lastRestore.datasets, date: new Date(lastRestore.createdAt).toLocaleString(locale), version: lastRestore.appVersion,
          })}
          {lastRestore.skipped > 0 && <> {t('trust.restore.skipped', { skipped: lastRestore.skipped })}</>}
        </p>
      )}
      {failedHere && jobError && <p className="field-error" role="alert">{t('trust.restore.failed', { message: failureText(jobError, t) })}</p>}
    </section>
  );
};
