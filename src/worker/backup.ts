/**
 * The data-safety calls of the worker API (issue #8): whole-workspace backup and restore as jobs (progress, cancel),
 * "Delete all data", and the inventory the "About your data" page shows. Storage does the work (storage/backup.ts,
 * storage/delete-all.ts); this file turns it into Result values and keeps the worker's in-memory tables in step.
 */
import { BackupFormatError, restoreBackup as restoreWorkspace, writeBackup, type BackupProgress, type RestoreMode } from '../storage/backup';
import { BACKUP_EXTENSION, readBackupHeader } from '../storage/backup-format';
import { SealError } from '../storage/crypto';
import { sealingOf, WorkspaceLockedError, type RewriteProgress, type SealingStatus } from '../storage/crypto-workspace';
import type { TarifaDb } from '../storage/db';
import { deleteAllData, workspaceInventory, type WorkspaceInventory } from '../storage/delete-all';
import { StorageQuotaError } from '../storage/quota';
import { isAbortError, toFailure } from './failure';
import { withImportLock } from './import-lock';
import { readStorageInfo } from './storage-info';
import type { TableCache } from './table-cache';
import type { Failure, Result, StorageInfo } from './types';

export type { BackupProgress, RestoreMode, RewriteProgress };

export type BackupFile = { blob: Blob; fileName: string; bytes: number; datasets: number; rows: Record<string, number>; encrypted: boolean };
export type RestoreSummary = { mode: RestoreMode; datasets: number; skipped: number; rows: Record<string, number>; appVersion: string; createdAt: number };
export type BackupInfo = { encrypted: boolean };
export type DataInventory = WorkspaceInventory & { storage: StorageInfo; caches: { name: string; entries: number }[] };

/** The calls this file adds to WorkerApi. */
export type BackupApi = {
  /** Writes the whole workspace to one backup file (encrypted when a passphrase is given). A job: progress and cancel. */
  backup(options: { passphrase?: string }, jobId: string, onProgress: (p: BackupProgress) => void): Promise<Result<BackupFile>>;
  /** Whether a file is a Tarifa backup, and whether it needs a passphrase ('bad-file' with the reason otherwise). */
  inspectBackup(file: Blob): Promise<Result<BackupInfo>>;
  /** Checks the whole file, then restores it all or nothing ('replace' or 'merge'). A job: progress and cancel. */
  restoreBackup(file: Blob, options: { mode: RestoreMode; passphrase?: string }, jobId: string, onProgress: (p: BackupProgress) => void): Promise<Result<RestoreSummary>>;
  /** Deletes the IndexedDB database and the app's data caches; the workspace is empty (and working) afterwards. */
  deleteAllData(): Promise<Result<null>>;
  /** What is stored where: rows per table, storage estimate, caches. */
  dataInventory(): Promise<DataInventory>;
  /** Whether the workspace is encrypted at rest, and whether this worker holds its key. */
  workspaceLock(): Promise<SealingStatus>;
  /** Opens an encrypted workspace for this worker ('passphrase' Failure when wrong). */
  unlockWorkspace(passphrase: string): Promise<Result<null>>;
  /** Encrypts this (unencrypted) workspace at rest with a passphrase: every stored row is sealed. */
  setWorkspacePassphrase(passphrase: string): Promise<Result<null>>;
  /**
   * Re-seals every stored row under a new passphrase, all or nothing: a wrong current passphrase ('passphrase'), a
   * failure or a cancel ('cancelled') leaves the workspace as it was, still opened by the current passphrase. A job.
   */
  changeWorkspacePassphrase(current: string, next: string, jobId: string, onProgress: (p: RewriteProgress) => void): Promise<Result<null>>;
  /** Turns encryption at rest off: every row is written back plain, all or nothing, once `current` was checked. A job. */
  decryptWorkspace(current: string, jobId: string, onProgress: (p: RewriteProgress) => void): Promise<Result<null>>;
};

export type { SealingStatus };

export type BackupCtx = {
  db: TarifaDb;
  now: () => number;
  newId: () => string;
  appVersion: string;
  jobs: Map<string, AbortController>;
  tables: TableCache;
};

const backupFailure = (error: unknown, aborted: boolean, what: 'backup' | 'restore'): Failure => {
  if (aborted || isAbortError(error)) {
    return { code: 'cancelled', message: what === 'backup' ? 'Backup cancelled.' : 'Restore cancelled; nothing was changed.' };
  }
  if (error instanceof BackupFormatError) {
    const code = error.code === 'passphrase-required' || error.code === 'wrong-passphrase' ? 'passphrase' : 'bad-file';
    // The UI says it by `detail` in the user's language (the panels add that nothing was restored).
    return { code, message: error.message, detail: { code: `backup.${error.code}` } };
  }
  if (error instanceof StorageQuotaError) {
    return { code: 'quota', message: 'Browser storage is full, so the restore was stopped and nothing was changed. Free disk space, then try again.' };
  }
  return toFailure(error);
};

/** A passphrase change or decryption that did not happen: nothing was changed, whatever the reason. */
const rewriteFailure = (error: unknown, aborted: boolean): Failure => {
  if (aborted || isAbortError(error)) return { code: 'cancelled', message: 'Cancelled; nothing was changed: the current passphrase still opens the workspace.' };
  if (error instanceof SealError && error.message === 'Wrong passphrase.') return { code: 'passphrase', message: 'The current passphrase is wrong; nothing was changed.' };
  if (error instanceof WorkspaceLockedError) return { code: 'passphrase', message: error.message };
  if (error instanceof StorageQuotaError || (error as { name?: unknown })?.name === 'QuotaExceededError') {
    return { code: 'quota', message: 'Browser storage is full, so nothing was changed. Free disk space, then try again.' };
  }
  const failure = toFailure(error);
  return { ...failure, message: `${failure.message} Nothing was changed: the current passphrase still opens the workspace.` };
};

/** A few progress updates a second at most (always the last one), never one message per record. */
const throttled = <P extends { done: number; total: number }>(onProgress: (p: P) => void, now: () => number) => {
  let last = -Infinity;
  return (p: P) => {
    const t = now();
    if (t - last < 150 && p.done < p.total) return;
    last = t;
    try {
      const r: unknown = onProgress(p);
      if (r instanceof Promise) r.catch(() => undefined);
    } catch {
      // A closed page must not break the job.
    }
  };
};

/**
 * Free storage checked before a long write starts, so a full disk is said at once rather than after minutes of work
 * (the writes themselves still map QuotaExceededError to a clean failure with nothing kept). A restore needs about the
 * backup's size (rows are stored as they are in the file); an import about a quarter of the file's (measured: 1M
 * events, a 60 MB CSV, take 12.4 MB as columns). Null when there is room or the browser does not say.
 */
export const notEnoughRoom = (bytesNeeded: number, info: StorageInfo, what: 'backup' | 'import' = 'backup'): Failure | null => {
  if (info.quota <= 0) return null;
  const free = Math.max(0, info.quota - info.usage);
  if (free >= bytesNeeded) return null;
  const size = (n: number) => (n < 1_048_576 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1_048_576).toFixed(1)} MB`);
  const subject = what === 'backup' ? 'This backup needs' : 'This import needs';
  return {
    code: 'quota',
    message: `${subject} about ${size(bytesNeeded)} of browser storage, but only ${size(free)} are free. Nothing was changed. Free disk space or delete data, then try again.`,
  };
};

/** Stored bytes per byte of an imported file (an estimate with margin: see notEnoughRoom). */
export const STORED_PER_FILE_BYTE = 0.25;

/** Holds the import lock of every staged dataset, so another tab starting up does not discard them as unfinished. */
const withLocks = <T,>(ids: string[], job: () => Promise<T>): Promise<T> =>
  ids.length === 0 ? job() : withImportLock(ids[0], () => withLocks(ids.slice(1), job));

const dateStamp = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const createBackupCalls = (ctx: BackupCtx): BackupApi => {
  const startJob = (jobId: string) => {
    const controller = new AbortController();
    ctx.jobs.get(jobId)?.abort();
    ctx.jobs.set(jobId, controller);
    return { signal: controller.signal, end: () => { if (ctx.jobs.get(jobId) === controller) ctx.jobs.delete(jobId); } };
  };
  const forgetTables = () => ctx.tables.clear();

  return {
    async backup(options, jobId, onProgress) {
      const job = startJob(jobId);
      try {
        const passphrase = typeof options?.passphrase === 'string' && options.passphrase.length > 0 ? options.passphrase : undefined;
        const result = await writeBackup(ctx.db, {
          appVersion: ctx.appVersion, now: ctx.now, passphrase, signal: job.signal, onProgress: throttled(onProgress, Date.now),
        });
        return {
          ok: true,
          value: {
            blob: result.blob, bytes: result.blob.size, datasets: result.datasets, rows: result.rows, encrypted: result.encrypted,
            fileName: `tarifa-${dateStamp(ctx.now())}${BACKUP_EXTENSION}`,
          },
        };
      } catch (error) {
        return { ok: false, error: backupFailure(error, job.signal.aborted, 'backup') };
      } finally {
        job.end();
      }
    },

    async inspectBackup(file) {
      try {
        if (!(file instanceof Blob)) return { ok: false, error: { code: 'bad-file', message: 'No file was given.' } };
        const header = await readBackupHeader(file);
        return { ok: true, value: { encrypted: header.encryption !== null } };
      } catch (error) {
        return { ok: false, error: backupFailure(error, false, 'restore') };
      }
    },

    async restoreBackup(file, options, jobId, onProgress) {
      const job = startJob(jobId);
      try {
        if (!(file instanceof Blob)) return { ok: false, error: { code: 'bad-file', message: 'No file was given.' } };
        const mode: RestoreMode = options?.mode === 'merge' ? 'merge' : 'replace';
        const full = notEnoughRoom(file.size, await readStorageInfo());
        if (full) return { ok: false, error: full };
        forgetTables();
        const result = await restoreWorkspace(ctx.db, file, {
          mode, passphrase: options?.passphrase || undefined, newId: ctx.newId, signal: job.signal,
          onProgress: throttled(onProgress, Date.now), protect: withLocks,
        });
        forgetTables();
        return {
          ok: true,
          value: { mode, datasets: result.datasets, skipped: result.skipped, rows: result.rows, appVersion: result.manifest.appVersion, createdAt: result.manifest.createdAt },
        };
      } catch (error) {
        return { ok: false, error: backupFailure(error, job.signal.aborted, 'restore') };
      } finally {
        job.end();
      }
    },

    async deleteAllData() {
      try {
        for (const controller of ctx.jobs.values()) controller.abort();
        forgetTables();
        await deleteAllData(ctx.db);
        return { ok: true, value: null };
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },

    async workspaceLock() {
      return (await sealingOf(ctx.db)?.status()) ?? { encrypted: false, unlocked: true };
    },

    async unlockWorkspace(passphrase) {
      try {
        const sealing = sealingOf(ctx.db);
        if (!sealing) return { ok: true, value: null };
        if (typeof passphrase !== 'string' || passphrase.length === 0) return { ok: false, error: { code: 'passphrase', message: 'Enter the passphrase.' } };
        await sealing.unlock(passphrase);
        forgetTables();
        return { ok: true, value: null };
      } catch (error) {
        if (error instanceof SealError) return { ok: false, error: { code: 'passphrase', message: 'Wrong passphrase: the workspace stays locked.' } };
        return { ok: false, error: toFailure(error) };
      }
    },

    async setWorkspacePassphrase(passphrase) {
      try {
        const sealing = sealingOf(ctx.db);
        if (!sealing) return { ok: false, error: { code: 'internal', message: 'Encryption is not available here.' } };
        if (typeof passphrase !== 'string' || passphrase.length < 8) {
          return { ok: false, error: { code: 'passphrase', message: 'Choose a passphrase of at least 8 characters.' } };
        }
        await sealing.enable(passphrase);
        return { ok: true, value: null };
      } catch (error) {
        if (error instanceof StorageQuotaError) return { ok: false, error: { code: 'quota', message: error.message } };
        return { ok: false, error: toFailure(error) };
      }
    },

    async changeWorkspacePassphrase(current, next, jobId, onProgress) {
      const job = startJob(jobId);
      try {
        const sealing = sealingOf(ctx.db);
        if (!sealing) return { ok: false, error: { code: 'internal', message: 'Encryption is not available here.' } };
        if (typeof current !== 'string' || current.length === 0) return { ok: false, error: { code: 'passphrase', message: 'Enter the current passphrase.' } };
        if (typeof next !== 'string' || next.length < 8) {
          return { ok: false, error: { code: 'passphrase', message: 'Choose a new passphrase of at least 8 characters.' } };
        }
        await sealing.changePassphrase(current, next, { signal: job.signal, onProgress: throttled(onProgress, Date.now) });
        return { ok: true, value: null };
      } catch (error) {
        return { ok: false, error: rewriteFailure(error, job.signal.aborted) };
      } finally {
        job.end();
      }
    },

    async decryptWorkspace(current, jobId, onProgress) {
      const job = startJob(jobId);
      try {
        const sealing = sealingOf(ctx.db);
        if (!sealing) return { ok: false, error: { code: 'internal', message: 'Encryption is not available here.' } };
        if (typeof current !== 'string' || current.length === 0) return { ok: false, error: { code: 'passphrase', message: 'Enter the current passphrase.' } };
        await sealing.disable(current, { signal: job.signal, onProgress: throttled(onProgress, Date.now) });
        return { ok: true, value: null };
      } catch (error) {
        return { ok: false, error: rewriteFailure(error, job.signal.aborted) };
      } finally {
        job.end();
      }
    },

    async dataInventory() {
      const [inventory, storage, caches] = await Promise.all([workspaceInventory(ctx.db), readStorageInfo(), listCaches()]);
      return { ...inventory, storage, caches };
    },
  };
};

/** The Cache Storage caches of this origin (the service worker's copy of the app) with their entry counts. */
const listCaches = async (): Promise<{ name: string; entries: number }[]> => {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (!storage) return [];
  try {
    const names = await storage.keys();
    return Promise.all(names.map(async (name) => ({ name, entries: (await (await storage.open(name)).keys()).length })));
  } catch {
    return [];
  }
};
