import { useEffect, useState } from 'react';
import { useAppStore, useWorkerApi } from '../app/store-context';
import { formatBytes, formatNumber } from '../i18n/format';
import type { MessageKey } from '../i18n/en';
import { useLocale, useT } from '../i18n/use-t';
import type { DataInventory } from '../../worker/backup';

/** What each known table holds, in the user's words; a table added later is listed by its name alone. */
const TABLE_TEXT: Record<string, MessageKey> = {
  datasets: 'trust.table.datasets', chunks: 'trust.table.chunks', rejects: 'trust.table.rejects', settings: 'trust.table.settings',
  plans: 'trust.table.plans', rules: 'trust.table.rules', presets: 'trust.table.presets', scenarios: 'trust.table.scenarios',
  contracts: 'trust.table.contracts', templates: 'trust.table.templates', tasks: 'trust.table.tasks', people: 'trust.table.people',
};

/** "About your data": what is stored where (tables with row counts, storage estimate, caches), and what never leaves. */
export const AboutPage = () => {
  const t = useT();
  const locale = useLocale();
  const api = useWorkerApi();
  const revision = useAppStore((s) => s.syncRevisions.datasets + s.syncRevisions.plans + s.syncRevisions.settings);
  const datasets = useAppStore((s) => s.datasets);
  const [inventory, setInventory] = useState<DataInventory | null>(null);
  const [keepRaw, setKeepRaw] = useState(false);
  const [encrypted, setEncrypted] = useState(false);
  useEffect(() => {
    let live = true;
    void api.dataInventory().then((v) => { if (live) setInventory(v); });
    void api.privacySettings().then((p) => { if (live) setKeepRaw(p.keepRawIdentifiers); });
    void api.workspaceLock().then((l) => { if (live) setEncrypted(l.encrypted); });
    return () => { live = false; };
  }, [api, revision, datasets]);
  const cacheEntries = inventory?.caches.reduce((n, c) => n + c.entries, 0) ?? 0;
  return (
    <div className="page">
      <h1>{t('trust.about.title')}</h1>
      <p className="lead">{t('trust.about.lead')}</p>
      <section className="panel" aria-labelledby="about-where">
        <h2 id="about-where">{t('trust.about.where')}</h2>
        {!inventory ? <p>…</p> : (
          <>
            <p>{t('trust.about.database', { name: inventory.database, version: String(inventory.schemaVersion) })}</p>
            <table data-testid="about-tables">
              <thead>
                <tr>
                  <th scope="col">{t('trust.about.table')}</th>
                  <th scope="col" className="num">{t('trust.about.rows')}</th>
                  <th scope="col">{t('trust.about.holds')}</th>
                </tr>
              </thead>
              <tbody>
                {inventory.tables.map((table) => (
                  <tr key={table.name}>
                    <th scope="row"><code>{table.name}</code></th>
                    <td className="num">{formatNumber(table.rows, locale, 0)}</td>
                    <td>{TABLE_TEXT[table.name] ? t(TABLE_TEXT[table.name]) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p data-testid="about-usage">
              {inventory.storage.quota > 0
                ? t('trust.about.usage', { used: formatBytes(inventory.storage.usage, locale), quota: formatBytes(inventory.storage.quota, locale) })
                : t('trust.about.usageUnknown')}
            </p>
            <p>{t(inventory.storage.persisted ? 'trust.about.persisted' : 'trust.about.notPersisted')}</p>
            <p>{inventory.caches.length > 0 ? t('trust.about.cache', { entries: cacheEntries }) : t('trust.about.noCache')}</p>
            <p>{t('trust.about.localStorage')}</p>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="about-private">
        <h2 id="about-private">{t('trust.about.private')}</h2>
        <p>{t('trust.about.csp')}</p>
        <p>{t('trust.about.noAnalytics')}</p>
        <p>{t('trust.about.pseudonyms')}</p>
        {keepRaw && <p>{t('trust.about.raw')}</p>}
      </section>
      <section className="panel" aria-labelledby="about-encryption">
        <h2 id="about-encryption">{t('trust.about.encryption')}</h2>
        <p data-testid="about-encryption">{t(encrypted ? 'trust.about.encryptedOn' : 'trust.about.encryptedOff')}</p>
        <p>{t('trust.about.backupEncryption')}</p>
        <p>{t('trust.about.actions')} <a href="#/settings">{t('trust.about.toSettings')}</a></p>
        <p className="hint" data-testid="about-version">{t('trust.about.version', { version: __APP_VERSION__ })}</p>
      </section>
    </div>
  );
};
