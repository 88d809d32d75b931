import { useEffect, useId, useState, type FormEvent } from 'react';
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
  const [decrypted, setDecrypted] = useState(false);
  const encrypt = async () => {
    setWorking(true);
    setError(null);
    const result = await api.setWorkspacePassphrase(passphrase);
    setWorking(false);
    if (result.ok) {
      setDecrypted(false);
      setEncrypted(true);
      setPassphrase('');
      setAgain('');
    } else setError(result.error.message);
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('trust.encrypt.title')}</h2>
      {encrypted === null ? <p>…</p> : encrypted ? (
        <>
          <p data-testid="workspace-encrypted">{t('trust.encrypt.on')}</p>
          <EncryptedControls onDecrypted={() => { setEncrypted(false); setDecrypted(true); }} />
        </>
      ) : (
        <>
          {decrypted && <p role="status">{t('trust.encrypt.off.done')}</p>}
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

/**
 * An encrypted workspace: change its passphrase (current + new twice) or turn encryption off (current). Each is one
 * all-or-nothing job in the worker with progress and cancel; a wrong current passphrase changes nothing.
 */
const EncryptedControls = ({ onDecrypted }: { onDecrypted: () => void }) => {
  const t = useT();
  const id = useId();
  const job = useAppStore((s) => s.dataJob);
  const importing = useAppStore((s) => s.job !== null);
  const changePassphrase = useAppStore((s) => s.changeWorkspacePassphrase);
  const decryptWorkspace = useAppStore((s) => s.decryptWorkspace);
  const cancel = useAppStore((s) => s.cancelDataJob);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [offCurrent, setOffCurrent] = useState('');
  const [outcome, setOutcome] = useState<{ form: 'change' | 'off'; ok: boolean; text: string } | null>(null);
  const busy = job !== null || importing;
  const mismatch = again.length > 0 && again !== next;
  const failureText = (code: string, message: string) =>
    code === 'passphrase' ? t('trust.encrypt.wrongCurrent') : code === 'cancelled' ? t('trust.encrypt.cancelled') : message;

  const change = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const result = await changePassphrase(current, next);
    if (result.ok) {
      setCurrent('');
      setNext('');
      setAgain('');
      setOutcome({ form: 'change', ok: true, text: t('trust.encrypt.change.done') });
    } else setOutcome({ form: 'change', ok: false, text: failureText(result.error.code, result.error.message) });
  };
  const turnOff = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const result = await decryptWorkspace(offCurrent);
    if (result.ok) {
      setOffCurrent('');
      onDecrypted();
    } else setOutcome({ form: 'off', ok: false, text: failureText(result.error.code, result.error.message) });
  };
  const progress = (kind: 'rekey' | 'decrypt') => job?.kind === kind && (
    <div className="job" role="status">
      <progress max={job.progress?.total || 1} value={job.progress?.done ?? 0}
        aria-label={t(kind === 'rekey' ? 'trust.encrypt.change.title' : 'trust.encrypt.off.title')} />
      <p>{t(kind === 'rekey' ? 'trust.encrypt.change.progress' : 'trust.encrypt.off.progress', { done: job.progress?.done ?? 0, total: job.progress?.total ?? 0 })}</p>
      <button type="button" className="secondary" onClick={() => void cancel()}>{t('trust.cancel')}</button>
    </div>
  );
  const said = (form: 'change' | 'off') => outcome?.form === form && (
    <p className={outcome.ok ? undefined : 'field-error'} role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p>
  );
  return (
    <>
      <p className="hint">{t('trust.encrypt.safe')}</p>
      <form onSubmit={(e) => void change(e)} aria-labelledby={`${id}-change`}>
        <h3 id={`${id}-change`}>{t('trust.encrypt.change.title')}</h3>
        <div className="field">
          <label htmlFor={`${id}-current`}>{t('trust.encrypt.current')}</label>{' '}
          <input id={`${id}-current`} type="password" autoComplete="current-password" value={current} disabled={busy}
            onChange={(e) => setCurrent(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-next`}>{t('trust.encrypt.passphrase')}</label>{' '}
          <input id={`${id}-next`} type="password" autoComplete="new-password" value={next} disabled={busy}
            onChange={(e) => setNext(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-again`}>{t('trust.encrypt.again')}</label>{' '}
          <input id={`${id}-again`} type="password" autoComplete="new-password" value={again} disabled={busy}
            aria-invalid={mismatch} aria-describedby={mismatch ? `${id}-mismatch` : undefined} onChange={(e) => setAgain(e.target.value)} />
          {mismatch && <p id={`${id}-mismatch`} className="field-error">{t('trust.backup.mismatch')}</p>}
        </div>
        <button type="submit" disabled={busy || current.length === 0 || next.length < 8 || next !== again}>{t('trust.encrypt.change.button')}</button>
        {progress('rekey')}
        {said('change')}
      </form>
      <form onSubmit={(e) => void turnOff(e)} aria-labelledby={`${id}-off`}>
        <h3 id={`${id}-off`}>{t('trust.encrypt.off.title')}</h3>
        <p>{t('trust.encrypt.off.intro')}</p>
        <div className="field">
          <label htmlFor={`${id}-off-current`}>{t('trust.encrypt.current')}</label>{' '}
          <input id={`${id}-off-current`} type="password" autoComplete="current-password" value={offCurrent} disabled={busy}
            onChange={(e) => setOffCurrent(e.target.value)} />
        </div>
        <button type="submit" className="secondary" disabled={busy || offCurrent.length === 0}>{t('trust.encrypt.off.button')}</button>
        {progress('decrypt')}
        {said('off')}
      </form>
    </>
  );
};
