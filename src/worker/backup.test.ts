// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installSealing } from '../storage/crypto-workspace';
import { TarifaDb } from '../storage/db';
import { createApi } from './api';
import { notEnoughRoom, type BackupProgress } from './backup';

let seq = 0;
const dbs: TarifaDb[] = [];
const setup = () => {
  const db = new TarifaDb(`tarifa-worker-backup-${process.pid}-${++seq}`);
  dbs.push(db);
  return { db, api: createApi({ db, appVersion: '9.9.9', now: () => Date.UTC(2026, 10, 22) }) };
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const noProgress = () => undefined;
const CSV = 'timestamp,kind,contact\n2025-01-05T10:00:00Z,message,+5511999990001\n2025-01-05T11:00:00Z,message,+5511999990002\n';

describe('worker backup calls', () => {
  it('backs up, then restores into another workspace with progress; the datasets list is the same', async () => {
    const a = setup();
    await a.api.loadSample('s', noProgress);
    await a.api.importFile(new File([CSV], 'small.csv'), { timeZone: 'UTC' }, 'i', noProgress);
    const progress: BackupProgress[] = [];
    const backup = await a.api.backup({}, 'b', (p) => progress.push(p));
    if (!backup.ok) throw new Error(backup.error.message);
    expect(backup.value).toMatchObject({ fileName: 'tarifa-2026-11-22.tarifa-backup', datasets: 2, encrypted: false });
    expect(backup.value.bytes).toBe(backup.value.blob.size);
    expect(progress.at(-1)).toMatchObject({ phase: 'backup' });

    const b = setup();
    expect(await b.api.inspectBackup(backup.value.blob)).toEqual({ ok: true, value: { encrypted: false } });
    const restoreProgress: BackupProgress[] = [];
    const restored = await b.api.restoreBackup(backup.value.blob, { mode: 'replace' }, 'r', (p) => restoreProgress.push(p));
    expect(restored).toMatchObject({ ok: true, value: { mode: 'replace', datasets: 2, appVersion: '9.9.9' } });
    expect(restoreProgress.map((p) => p.phase)).toEqual(expect.arrayContaining(['verify', 'restore']));
    expect(await b.api.listDatasets()).toEqual(await a.api.listDatasets());
    const inventory = await b.api.dataInventory();
    expect(inventory.tables.find((t) => t.name === 'datasets')).toEqual({ name: 'datasets', rows: 2 });
    expect(inventory.schemaVersion).toBeGreaterThanOrEqual(4);
  });

  it('an encrypted backup asks for its passphrase and refuses a wrong one as a Failure value', async () => {
    const a = setup();
    await a.api.importFile(new File([CSV], 'small.csv'), { timeZone: 'UTC' }, 'i', noProgress);
    const backup = await a.api.backup({ passphrase: 'long enough passphrase' }, 'b', noProgress);
    if (!backup.ok) throw new Error(backup.error.message);
    expect(backup.value.encrypted).toBe(true);
    const b = setup();
    expect(await b.api.inspectBackup(backup.value.blob)).toEqual({ ok: true, value: { encrypted: true } });
    expect(await b.api.restoreBackup(backup.value.blob, { mode: 'replace' }, 'r', noProgress))
      .toEqual({ ok: false, error: { code: 'passphrase', message: 'This backup is encrypted: enter its passphrase.', detail: { code: 'backup.passphrase-required' } } });
    expect(await b.api.restoreBackup(backup.value.blob, { mode: 'replace', passphrase: 'wrong' }, 'r', noProgress))
      .toEqual({ ok: false, error: { code: 'passphrase', message: expect.stringMatching(/Wrong passphrase/), detail: { code: 'backup.wrong-passphrase' } } });
    expect(await b.api.listDatasets()).toEqual([]);
    const ok = await b.api.restoreBackup(backup.value.blob, { mode: 'merge', passphrase: 'long enough passphrase' }, 'r', noProgress);
    expect(ok).toMatchObject({ ok: true, value: { mode: 'merge', datasets: 1 } });
  });

  it('a foreign file is a bad-file Failure; cancel stops a restore with nothing changed', async () => {
    const a = setup();
    expect(await a.api.inspectBackup(new File([CSV], 'x.csv'))).toEqual({ ok: false, error: { code: 'bad-file', message: 'This is not a Tarifa backup file.', detail: { code: 'backup.foreign' } } });
    await a.api.loadSample('s', noProgress);
    const backup = await a.api.backup({}, 'b', noProgress);
    if (!backup.ok) throw new Error('backup failed');
    const b = setup();
    const pending = b.api.restoreBackup(backup.value.blob, { mode: 'replace' }, 'r', noProgress);
    await b.api.cancel('r');
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled', message: 'Restore cancelled; nothing was changed.' } });
    expect(await b.db.chunks.count()).toBe(0);
  });

  it('delete all data empties every table and leaves a working workspace', async () => {
    const { api, db } = setup();
    await api.loadSample('s', noProgress);
    await api.setKeepRawIdentifiers(true);
    expect(await api.deleteAllData()).toEqual({ ok: true, value: null });
    for (const t of (await api.dataInventory()).tables) expect(t).toEqual({ name: t.name, rows: 0 });
    expect(await api.privacySettings()).toEqual({ keepRawIdentifiers: false });
    const again = await api.importFile(new File([CSV], 'small.csv'), { timeZone: 'UTC' }, 'i2', noProgress);
    expect(again.ok).toBe(true);
    expect(await db.datasets.count()).toBe(1);
  });

  it('workspace encryption: set a passphrase, a restarted worker is locked until the right passphrase; delete all starts afresh', async () => {
    const name = `tarifa-worker-lock-${process.pid}-${++seq}`;
    const first = new TarifaDb(name);
    dbs.push(first);
    installSealing(first);
    const api = createApi({ db: first });
    await api.importFile(new File([CSV], 'small.csv'), { timeZone: 'UTC' }, 'i', noProgress);
    expect(await api.workspaceLock()).toEqual({ encrypted: false, unlocked: true });
    expect(await api.setWorkspacePassphrase('short')).toMatchObject({ ok: false, error: { code: 'passphrase' } });
    expect(await api.setWorkspacePassphrase('a long passphrase')).toEqual({ ok: true, value: null });
    first.close();

    const second = new TarifaDb(name);
    dbs.push(second);
    installSealing(second);
    const restarted = createApi({ db: second });
    expect(await restarted.workspaceLock()).toEqual({ encrypted: true, unlocked: false });
    expect(await restarted.unlockWorkspace('a wrong passphrase'))
      .toEqual({ ok: false, error: { code: 'passphrase', message: 'Wrong passphrase: the workspace stays locked.' } });
    expect(await restarted.unlockWorkspace('a long passphrase')).toEqual({ ok: true, value: null });
    expect((await restarted.listDatasets()).map((d) => d.name)).toEqual(['small.csv']);
    expect(await restarted.deleteAllData()).toEqual({ ok: true, value: null });
    expect(await restarted.workspaceLock()).toEqual({ encrypted: false, unlocked: true });
    expect((await restarted.importFile(new File([CSV], 'again.csv'), { timeZone: 'UTC' }, 'j', noProgress)).ok).toBe(true);
  });

  it('says at once when a backup cannot fit in the free storage', () => {
    expect(notEnoughRoom(5_000_000, { usage: 0, quota: 0, persisted: false })).toBeNull();
    expect(notEnoughRoom(5_000_000, { usage: 1_000_000, quota: 10_000_000, persisted: false })).toBeNull();
    expect(notEnoughRoom(5_000_000, { usage: 8_000_000, quota: 10_000_000, persisted: false })).toEqual({
      code: 'quota',
      message: 'This backup needs about 4.8 MB of browser storage, but only 1.9 MB are free. Nothing was changed. Free disk space or delete data, then try again.',
    });
  });

  it('a browser with too little free storage: import and restore are refused before anything is written', async () => {
    const a = setup();
    await a.api.importFile(new File([CSV], 'small.csv'), { timeZone: 'UTC' }, 'i', noProgress);
    const backup = await a.api.backup({}, 'b', noProgress);
    if (!backup.ok) throw new Error('backup failed');
    const b = setup();
    // Node has no navigator.storage: stand in for the browser's estimate of a nearly full profile.
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 9_990, quota: 10_000 }), persisted: async () => false } });
    try {
      const big = new File([CSV.repeat(200)], 'big.csv');
      expect(await b.api.importFile(big, { timeZone: 'UTC' }, 'j', noProgress)).toEqual({
        ok: false, error: { code: 'quota', message: 'This import needs about 6 KB of browser storage, but only 1 KB are free. Nothing was changed. Free disk space or delete data, then try again.' },
      });
      expect(await b.api.restoreBackup(backup.value.blob, { mode: 'replace' }, 'r', noProgress)).toMatchObject({ ok: false, error: { code: 'quota' } });
      expect(await b.db.datasets.count()).toBe(0);
      expect(await b.db.chunks.count()).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await b.api.importFile(new File([CSV], 'small.csv'), { timeZone: 'UTC' }, 'k', noProgress)).ok).toBe(true);
  });
});
