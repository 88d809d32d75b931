import { useEffect, useId, useState } from 'react';
import { useAppStore, useWorkerApi } from '../../app/store-context';
import { useT } from '../../i18n/use-t';

/** "Encrypt this workspace": once on, everything stored is sealed and every start asks for the passphrase. */
export const EncryptionPanel = () => {
  const t = useT();
  const api = useWorkerApi();
  const id = useId();
  const busy = useAppStore((s) => s.job !== null || s.dataJob !== null);
  const [encrypted, setEncrypted] = useState<boolean | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.workspaceLock().then((s) => { if (live) setEncrypted(s.encrypted); });
    return () => { live = false; };
  }, [api]);
  const mismatch = again.length > 0 && again !== passphrase;
  const encrypt = async () => {
    setWorking(true);
    setError(null);
    const result = await api.setWorkspacePassphrase(passphrase);
    setWorking(false);
    if (result.ok) {
      setEncrypted(true);
      setPassphrase('');
      setAgain('');
    } else setError(result.error.message);
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('trust.encrypt.title')}</h2>
      {encrypted === null ? <p>…</p> : encrypted ? (
        <p data-testid="workspace-encrypted">{t('trust.encrypt.on')}</p>
      ) : (
        <>
          <p>{t('trust.encrypt.intro')}</p>
          <div className="field">
            <label htmlFor={`${id}-pass`}>{t('trust.encrypt.passphrase')}</label>{' '}
            <input id={`${id}-pass`} type="password" autoComplete="new-password" value={passphrase} disabled={working}
              onChange={(e) => setPassphrase(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-again`}>{t('trust.encrypt.again')}</label>{' '}
            <input id={`${id}-again`} type="password" autoComplete="new-password" value={again} disabled={working}
              aria-invalid={mismatch} onChange={(e) => setAgain(e.target.value)} />
            {mismatch && <p className="field-error">{t('trust.backup.mismatch')}</p>}
          </div>
          <p className="hint">{t('trust.encrypt.hint')}</p>
          <button type="button" disabled={working || busy || passphrase.length < 8 || passphrase !== again} onClick={() => void encrypt()}>
            {working ? t('trust.encrypt.working') : t('trust.encrypt.button')}
          </button>
          {working && <p role="status">{t('trust.encrypt.working')}</p>}
          {error && <p className="field-error" role="alert">{error}</p>}
        </>
      )}
    </section>
  );
};
