import { useId, useState } from 'react';
import { useAppStore } from '../../app/store-context';
import { formatBytes } from '../../i18n/format';
import { failureText } from '../../i18n/explain';
import { useLocale, useT } from '../../i18n/use-t';
import { saveBlob } from '../../components/download';

/** "Download backup": the whole workspace to one file, optionally encrypted with a passphrase. */
export const BackupPanel = () => {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const dataJob = useAppStore((s) => s.dataJob);
  const importing = useAppStore((s) => s.job !== null);
  const lastBackup = useAppStore((s) => s.lastBackup);
  const error = useAppStore((s) => (s.dataJob === null && s.dataJobError && !s.lastRestore ? s.dataJobError : null));
  const createBackup = useAppStore((s) => s.createBackup);
  const cancel = useAppStore((s) => s.cancelDataJob);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [failedHere, setFailedHere] = useState(false);
  const mismatch = passphrase !== again && again.length > 0;
  const running = dataJob?.kind === 'backup';
  const start = async () => {
    if (passphrase !== again) return;
    setFailedHere(false);
    const file = await createBackup(passphrase || undefined);
    if (file) {
      saveBlob(file.blob, file.fileName);
      setPassphrase('');
      setAgain('');
    } else setFailedHere(true);
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('trust.backup.title')}</h2>
      <p>{t('trust.backup.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-pass`}>{t('trust.backup.passphrase')}</label>{' '}
        <input id={`${id}-pass`} type="password" autoComplete="new-password" value={passphrase} disabled={running}
          onChange={(e) => setPassphrase(e.target.value)} />
      </div>
      {passphrase.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-again`}>{t('trust.backup.passphraseAgain')}</label>{' '}
          <input id={`${id}-again`} type="password" autoComplete="new-password" value={again} disabled={running}
            aria-invalid={mismatch} aria-describedby={mismatch ? `${id}-mismatch` : undefined} onChange={(e) => setAgain(e.target.value)} />
          {mismatch && <p id={`${id}-mismatch`} className="field-error">{t('trust.backup.mismatch')}</p>}
        </div>
      )}
      <p className="hint">{t('trust.backup.passphraseHint')}</p>
      {running ? (
        <div className="job" role="status">
          <progress max={dataJob.progress?.total || 1} value={dataJob.progress?.done ?? 0} aria-label={t('trust.backup.title')} />
          <p>{t('trust.backup.progress', { done: dataJob.progress?.done ?? 0, total: dataJob.progress?.total ?? 0 })}</p>
          <button type="button" className="secondary" onClick={() => void cancel()}>{t('trust.cancel')}</button>
        </div>
      ) : (
        <button type="button" disabled={dataJob !== null || importing || passphrase !== again} onClick={() => void start()}>
          {t('trust.backup.create')}
        </button>
      )}
      {lastBackup && (
        <p role="status" data-testid="backup-done">
          {t(lastBackup.encrypted ? 'trust.backup.doneEncrypted' : 'trust.backup.done',
            { file: lastBackup.fileName, size: formatBytes(lastBackup.bytes, locale), datasets: lastBackup.datasets })}
        </p>
      )}
      {failedHere && error && error.code !== 'cancelled' && <p className="field-error" role="alert">{t('trust.backup.failed', { message: failureText(error, t) })}</p>}
    </section>
  );
};
