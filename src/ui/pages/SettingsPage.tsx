import { useEffect, useState } from 'react';
import { useAppStore, useWorkerApi } from '../app/store-context';
import { BackupPanel } from '../features/backup/BackupPanel';
import { DeleteAllPanel } from '../features/backup/DeleteAllPanel';
import { EncryptionPanel } from '../features/backup/EncryptionPanel';
import { RestorePanel } from '../features/backup/RestorePanel';
import { formatBytes } from '../i18n/format';
import { useLocale, useT } from '../i18n/use-t';
import type { StorageInfo } from '../../worker/types';

export const SettingsPage = () => {
  const t = useT();
  const locale = useLocale();
  const api = useWorkerApi();
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [keepRaw, setKeepRaw] = useState<boolean | null>(null);
  const refresh = () => void api.storageInfo().then(setInfo);
  useEffect(refresh, [api]);
  // Re-read when another tab changes the settings (tab sync bumps the revision).
  const settingsRevision = useAppStore((s) => s.syncRevisions.settings);
  useEffect(() => { void api.privacySettings().then((p) => setKeepRaw(p.keepRawIdentifiers)); }, [api, settingsRevision]);
  const changeKeepRaw = async (keep: boolean) => {
    await api.setKeepRawIdentifiers(keep);
    setKeepRaw(keep);
  };
  const persist = async () => {
    await navigator.storage?.persist?.();
    refresh();
  };
  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      <section className="panel" aria-labelledby="storage-title">
        <h2 id="storage-title">{t('settings.storage.title')}</h2>
        {!info ? <p>…</p> : info.quota === 0 ? <p>{t('settings.storage.unknown')}</p> : (
          <>
            <meter min={0} max={info.quota} value={info.usage} aria-label={t('settings.storage.title')} />
            <p data-testid="storage-used">{t('settings.storage.used', { used: formatBytes(info.usage, locale), quota: formatBytes(info.quota, locale) })}</p>
          </>
        )}
        {info && (info.persisted ? <p>{t('settings.storage.persisted')}</p> : (
          <p>{t('settings.storage.notPersisted')} <button type="button" className="secondary" onClick={() => void persist()}>{t('settings.storage.persist')}</button></p>
        ))}
      </section>
      <section className="panel" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('settings.privacy.title')}</h2>
        <p>{t('settings.privacy')}</p>
        <p>{t('settings.privacy.pseudonyms')}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={keepRaw === true}
            disabled={keepRaw === null}
            onChange={(e) => void changeKeepRaw(e.target.checked)}
          />{' '}
          {t('settings.privacy.keepRaw')}
        </label>
        <p className="hint">{t('settings.privacy.keepRawHint')}</p>
        <p className="hint" data-testid="app-version">{t('settings.version', { version: __APP_VERSION__ })}</p>
      </section>
      <BackupPanel />
      <RestorePanel />
      <EncryptionPanel />
      <DeleteAllPanel />
    </div>
  );
};
