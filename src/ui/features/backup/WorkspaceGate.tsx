import { useEffect, useId, useState, type ReactNode } from 'react';
import { useAppStore, useWorkerApi } from '../../app/store-context';
import { useT } from '../../i18n/use-t';
import { DeleteAllPanel } from './DeleteAllPanel';

/**
 * Shows the app only once the workspace is open: an encrypted workspace first asks for its passphrase (the key then
 * lives in the worker only). Checked again after the worker was restarted (a new worker starts locked) and when another
 * tab changed the settings (it may have encrypted the workspace).
 */
export const WorkspaceGate = ({ children }: { children: ReactNode }) => {
  const api = useWorkerApi();
  const engineNotice = useAppStore((s) => s.engineNotice);
  // Another tab may have encrypted the workspace: its change arrives as a settings (or 'all') revision.
  const settingsRevision = useAppStore((s) => s.syncRevisions.settings);
  const applyRemoteChange = useAppStore((s) => s.applyRemoteChange);
  const [state, setState] = useState<'checking' | 'locked' | 'open'>('checking');
  const [check, setCheck] = useState(0);
  useEffect(() => {
    let live = true;
    api.workspaceLock().then(
      (s) => { if (live) setState(s.encrypted && !s.unlocked ? 'locked' : 'open'); },
      () => { if (live) setState('open'); },
    );
    return () => { live = false; };
  }, [api, engineNotice, settingsRevision, check]);
  const opened = () => {
    setState('open');
    // Whatever the app tried to read while locked is read again now.
    void applyRemoteChange({ topics: ['all'] });
  };
  if (state === 'checking') return null;
  if (state === 'locked') return <Unlock onUnlocked={opened} onDeleted={() => setCheck((n) => n + 1)} />;
  return <>{children}</>;
};

const Unlock = ({ onUnlocked, onDeleted }: { onUnlocked: () => void; onDeleted: () => void }) => {
  const t = useT();
  const api = useWorkerApi();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const submit = async () => {
    setWorking(true);
    setError(null);
    const result = await api.unlockWorkspace(passphrase);
    setWorking(false);
    if (result.ok) onUnlocked();
    else setError(result.error.code === 'passphrase' ? t('trust.lock.wrong') : result.error.message);
  };
  return (
    <main className="page">
      <h1>{t('trust.lock.title')}</h1>
      <form className="panel" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p>{t('trust.lock.intro')}</p>
        <div className="field">
          <label htmlFor={`${id}-pass`}>{t('trust.lock.passphrase')}</label>{' '}
          <input id={`${id}-pass`} type="password" autoComplete="current-password" autoFocus value={passphrase} disabled={working}
            aria-invalid={error !== null} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setPassphrase(e.target.value)} />
        </div>
        {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
        <button type="submit" disabled={working || passphrase.length === 0}>{working ? t('trust.lock.opening') : t('trust.lock.open')}</button>
      </form>
      <p className="hint">{t('trust.lock.forgot')}</p>
      <DeleteAllPanel onDeleted={onDeleted} />
    </main>
  );
};
