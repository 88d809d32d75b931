import type { StateCreator } from 'zustand/vanilla';
import type { BackupFile, BackupProgress, RestoreMode, RestoreSummary, RewriteProgress } from '../worker/backup';
import type { Failure, Result } from '../worker/types';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

export type { BackupProgress, RestoreMode, RestoreSummary, RewriteProgress };

/**
 * A backup, restore, passphrase change ('rekey') or decryption running in the worker (one at a time; an import and a
 * data job never overlap).
 */
export type DataJob = { kind: 'backup' | 'restore' | 'rekey' | 'decrypt'; id: string; progress: (RewriteProgress & { phase?: BackupProgress['phase'] }) | null };

export type BackupSlice = {
  dataJob: DataJob | null;
  dataJobError: Failure | null;
  lastBackup: Omit<BackupFile, 'blob'> | null;
  lastRestore: RestoreSummary | null;
  /** Writes the whole workspace to a backup file; the caller saves the returned file (null: failed or cancelled). */
  createBackup(passphrase?: string): Promise<BackupFile | null>;
  /** Restores a backup file (the whole file is checked first; all or nothing). True when it was restored. */
  restoreBackup(file: File, mode: RestoreMode, passphrase?: string): Promise<boolean>;
  cancelDataJob(): Promise<void>;
  /** Deletes every dataset, plan, rule set, document and setting; the app goes on with an empty workspace. */
  deleteAllData(): Promise<boolean>;
  dismissDataJob(): void;
  /**
   * Re-seals the workspace under a new passphrase (progress in dataJob, cancel with cancelDataJob). The Result is the
   * caller's to show (not put in dataJobError: it belongs to the encryption form, not to the backup panel).
   */
  changeWorkspacePassphrase(current: string, next: string): Promise<Result<null>>;
  /** Turns encryption at rest off (every row written back plain); like changeWorkspacePassphrase. */
  decryptWorkspace(current: string): Promise<Result<null>>;
};

const busyFailure: Result<null> = { ok: false, error: { code: 'internal', message: 'Another job is running: wait for it to finish.' } };

let counter = 0;
const defaultJobId = () => `data-${Date.now().toString(36)}-${(counter++).toString(36)}`;

const asFailure = (e: unknown): Failure => ({ code: 'internal', message: e instanceof Error ? e.message : String(e) });

export const createBackupSlice = (deps: StoreDeps): StateCreator<AppState, [], [], BackupSlice> => (set, get) => {
  const wrap = deps.wrapCallback ?? (<F,>(f: F) => f);
  const newJobId = deps.newJobId ?? defaultJobId;

  const run = async <T, P extends RewriteProgress = BackupProgress>(
    kind: DataJob['kind'], start: (id: string, onProgress: (p: P) => void) => Promise<Result<T>>, report = true,
  ): Promise<Result<T> | null> => {
    if (get().dataJob || get().job) return null;
    const id = newJobId();
    set({ dataJob: { kind, id, progress: null }, dataJobError: null, lastBackup: null, lastRestore: null });
    const onProgress = wrap((p: P) => {
      const job = get().dataJob;
      if (job?.id === id) set({ dataJob: { ...job, progress: p } });
    });
    let result: Result<T>;
    try {
      result = await start(id, onProgress);
    } catch (e) {
      result = { ok: false, error: asFailure(e) };
    }
    set({ dataJob: null, dataJobError: result.ok || !report ? null : result.error });
    return result;
  };

  /** Everything this tab shows may have changed: reload it as if another tab had changed everything. */
  const reloadAll = () => get().applyRemoteChange({ topics: ['all'] });

  return {
    dataJob: null,
    dataJobError: null,
    lastBackup: null,
    lastRestore: null,
    async createBackup(passphrase) {
      const result = await run('backup', (id, onProgress) => deps.api.backup({ passphrase }, id, onProgress));
      if (!result?.ok) return null;
      const { blob: _blob, ...info } = result.value;
      set({ lastBackup: info });
      return result.value;
    },
    async restoreBackup(file, mode, passphrase) {
      const result = await run('restore', (id, onProgress) => deps.api.restoreBackup(file, { mode, passphrase }, id, onProgress));
      if (!result) return false;
      // Even a failed restore changed nothing, but a reload is cheap and keeps the screen honest.
      await reloadAll();
      if (!result.ok) return false;
      set({ lastRestore: result.value });
      return true;
    },
    async cancelDataJob() {
      const job = get().dataJob;
      if (job) await deps.api.cancel(job.id);
    },
    async deleteAllData() {
      if (get().dataJob || get().job) return false;
      let result: Result<null>;
      try {
        result = await deps.api.deleteAllData();
      } catch (e) {
        result = { ok: false, error: asFailure(e) };
      }
      set({ dataJobError: result.ok ? null : result.error, lastBackup: null, lastRestore: null, lastImport: null, jobError: null });
      await reloadAll();
      return result.ok;
    },
    async changeWorkspacePassphrase(current, next) {
      const result = await run<null, RewriteProgress>('rekey', (id, onProgress) => deps.api.changeWorkspacePassphrase(current, next, id, onProgress), false);
      return result ?? busyFailure;
    },
    async decryptWorkspace(current) {
      const result = await run<null, RewriteProgress>('decrypt', (id, onProgress) => deps.api.decryptWorkspace(current, id, onProgress), false);
      return result ?? busyFailure;
    },
    dismissDataJob: () => set({ dataJobError: null, lastBackup: null, lastRestore: null }),
  };
};
