/**
 * Whole-workspace backup and restore over every Dexie table (iterated generically: a table added by a later schema
 * version is backed up without touching this file), in the streamed format of backup-format.ts.
 *
 * Restore is all-or-nothing:
 * 1. verify: the whole file is read once (header, passphrase, every record decrypted and decoded, row shapes, dataset
 *    parts against their datasets, counts and SHA-256) before anything is written;
 * 2. stage: datasets are written under status 'importing' (invisible to every reader, discarded at the next start if
 *    the tab dies, exactly like an interrupted import) with their chunks and rejects; the other tables (small) are
 *    held in memory; the file's hash is checked again at its end;
 * 3. commit: one readwrite transaction over all tables swaps the staged datasets in, replaces or merges the other
 *    tables, and marks the datasets ready. Any failure before or during it discards the staged rows.
 */
import { Dexie, type Table } from 'dexie';
import { BACKUP_FORMAT, BackupFormatError, createBackupWriter, readBackup, RECORD_MANIFEST, RECORD_ROWS, RECORD_TOTALS,
  type BackupManifest, type BackupTotals, type RowsRecord } from './backup-format';
import { newKey, KDF_ITERATIONS } from './crypto';
import { ENCRYPTION_SETTING } from './crypto-workspace';
import { discardDataset } from './datasets-repo';
import type { DatasetRow, TarifaDb } from './db';
import { mapQuota } from './quota';

export { BACKUP_FORMAT, BackupFormatError };

/** Tables whose rows belong to one dataset (keyed [datasetId+index]); backed up and restored with it. */
const DATASET_PARTS = ['chunks', 'rejects'] as const;
const isPartTable = (name: string) => (DATASET_PARTS as readonly string[]).includes(name);

export type BackupProgress = { phase: 'backup' | 'verify' | 'restore'; done: number; total: number };

export type BackupOptions = {
  appVersion: string;
  now?: () => number;
  passphrase?: string;
  /** KDF iterations (tests lower it; the default is crypto.ts's 600,000). */
  iterations?: number;
  onProgress?: (p: BackupProgress) => void;
  signal?: AbortSignal;
};

export type BackupResult = { blob: Blob; rows: Record<string, number>; datasets: number; encrypted: boolean };

const abortIf = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new DOMException('Cancelled.', 'AbortError');
};

/** Tables in backup order: datasets first (restore stages them before their parts), then parts, then the rest. */
const orderedTables = (db: TarifaDb): Table[] => {
  const rank = (name: string) => (name === 'datasets' ? 0 : isPartTable(name) ? 1 : 2);
  return [...db.tables].sort((a, b) => rank(a.name) - rank(b.name));
};

/** Rows per record: one chunk (a few MB) or a few reject batches per record; small rows by the hundred. */
const pageSize = (table: string) => (table === 'chunks' ? 1 : table === 'rejects' ? 8 : 500);

/** Every row of a table in primary-key order, a page at a time (one short read transaction per page). */
async function* pagesOf(table: Table, size: number): AsyncGenerator<unknown[]> {
  let last: unknown = undefined;
  for (;;) {
    const page: unknown[] = [];
    const keys: unknown[] = [];
    const collection = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    await collection.limit(size).each((row, cursor) => {
      page.push(row);
      keys.push(cursor.primaryKey);
    });
    if (page.length === 0) return;
    last = keys[keys.length - 1];
    yield page;
    if (page.length < size) return;
  }
}

/** Writes the whole workspace into one backup Blob. Unfinished imports are left out. */
export const writeBackup = async (db: TarifaDb, options: BackupOptions): Promise<BackupResult> => {
  const encryption = options.passphrase ? await newKey(options.passphrase, options.iterations ?? KDF_ITERATIONS) : null;
  abortIf(options.signal);
  const writer = createBackupWriter(encryption);
  const tables = orderedTables(db);
  // One snapshot of the finished datasets: their rows as written in the backup, and only their chunks and rejects
  // below `chunkCount` (an append in progress stages its chunks past it until it commits; see datasets-repo.ts).
  const ready = new Map((await db.datasets.where('status').equals('ready').toArray()).map((d) => [d.id, d]));
  const committed = (r: { datasetId: string; index: number }) => r.index < (ready.get(r.datasetId)?.chunkCount ?? 0);
  const total = (await Promise.all(tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
  let done = 0;
  const manifest: BackupManifest = {
    app: 'tarifa', appVersion: options.appVersion, schemaVersion: db.verno, createdAt: (options.now ?? Date.now)(), tables: tables.map((t) => t.name),
  };
  await writer.add(RECORD_MANIFEST, manifest);
  const rows: Record<string, number> = {};
  for (const table of tables) {
    rows[table.name] = 0;
    for await (const page of pagesOf(table, pageSize(table.name))) {
      abortIf(options.signal);
      done += page.length;
      const kept = table.name === 'datasets' ? page.flatMap((r) => ready.get((r as DatasetRow).id) ?? [])
        : isPartTable(table.name) ? page.filter((r) => committed(r as { datasetId: string; index: number }))
          // The workspace's own encryption parameters are not content: a backup carries rows in the clear (or sealed
          // with the backup's passphrase) and the workspace it is restored into keeps its own encryption.
          : table.name === 'settings' ? page.filter((r) => (r as { key: string }).key !== ENCRYPTION_SETTING)
            : page;
      if (kept.length > 0) {
        await writer.add(RECORD_ROWS, { table: table.name, rows: kept } satisfies RowsRecord);
        rows[table.name] += kept.length;
      }
      options.onProgress?.({ phase: 'backup', done, total: Math.max(total, done) });
    }
  }
  await writer.add(RECORD_TOTALS, { rows } satisfies BackupTotals);
  return { blob: writer.finish(), rows, datasets: rows.datasets ?? 0, encrypted: encryption !== null };
};

export type RestoreMode = 'replace' | 'merge';

export type RestoreOptions = {
  mode: RestoreMode;
  passphrase?: string;
  newId?: () => string;
  onProgress?: (p: BackupProgress) => void;
  signal?: AbortSignal;
  /**
   * Runs the staging and commit while the staged dataset ids are protected from other tabs' start-up clean-up
   * (the worker passes its import locks). Default: just runs it.
   */
  protect?: <T>(datasetIds: string[], job: () => Promise<T>) => Promise<T>;
};

export type RestoreResult = { mode: RestoreMode; rows: Record<string, number>; datasets: number; skipped: number; manifest: BackupManifest };

const keyOf = (table: Table, row: unknown): unknown => {
  const path = table.schema.primKey.keyPath;
  if (typeof path === 'string') return (row as Record<string, unknown>)[path];
  if (Array.isArray(path)) return path.map((p) => (row as Record<string, unknown>)[p]);
  return undefined;
};

const isValidKey = (key: unknown): boolean =>
  typeof key === 'string' || (typeof key === 'number' && !Number.isNaN(key)) || (Array.isArray(key) && key.length > 0 && key.every(isValidKey));

type Verified = { manifest: BackupManifest; rows: Record<string, number>; datasetIds: string[] };

/** Pass 1: the whole file, checked, nothing written. */
const verify = async (db: TarifaDb, file: Blob, options: RestoreOptions): Promise<Verified> => {
  const tables = new Map(db.tables.map((t) => [t.name, t]));
  let manifest: BackupManifest | null = null;
  let totals: BackupTotals | null = null;
  const rows: Record<string, number> = {};
  const datasets = new Map<string, number>();
  const parts = new Map<string, number>();
  const bad = (detail: string) => new BackupFormatError('corrupt', detail);
  await readBackup(file, {
    passphrase: options.passphrase,
    signal: options.signal,
    onBytes: (n) => options.onProgress?.({ phase: 'verify', done: n, total: file.size }),
    onRecord: (kind, value, index) => {
      if (index === 0) {
        const m = value as BackupManifest;
        if (kind !== RECORD_MANIFEST || m?.app !== 'tarifa' || !Array.isArray(m.tables)) throw bad('no manifest');
        if (typeof m.schemaVersion === 'number' && m.schemaVersion > db.verno) {
          const unknown = m.tables.filter((t) => !tables.has(t));
          if (unknown.length > 0) throw new BackupFormatError('newer', `tables ${unknown.join(', ')}`);
        }
        manifest = m;
        return;
      }
      if (totals) throw bad('records after the totals');
      if (kind === RECORD_TOTALS) {
        totals = value as BackupTotals;
        return;
      }
      if (kind !== RECORD_ROWS) throw bad(`record ${index}: a second manifest`);
      const { table: name, rows: list } = (value ?? {}) as Partial<RowsRecord>;
      const table = typeof name === 'string' ? tables.get(name) : undefined;
      if (!table) throw new BackupFormatError('newer', `table ${String(name)} is unknown to this version`);
      if (!Array.isArray(list)) throw bad(`record ${index}: rows missing`);
      for (const row of list) {
        if (typeof row !== 'object' || row === null || !isValidKey(keyOf(table, row))) throw bad(`${table.name}: a row without a valid key`);
        if (table.name === 'datasets') datasets.set((row as DatasetRow).id, (row as DatasetRow).status === 'ready' ? (row as DatasetRow).chunkCount : -1);
        if (table.name === 'chunks') {
          const id = (row as { datasetId: string }).datasetId;
          if (!datasets.has(id)) throw bad(`a chunk of dataset ${id}, which the backup does not hold`);
          parts.set(id, (parts.get(id) ?? 0) + 1);
        }
        if (table.name === 'rejects' && !datasets.has((row as { datasetId: string }).datasetId)) throw bad('rejects of a dataset the backup does not hold');
      }
      rows[table.name] = (rows[table.name] ?? 0) + list.length;
    },
  });
  const m = manifest as BackupManifest | null;
  const t = totals as BackupTotals | null;
  if (!m || !t) throw new BackupFormatError('corrupt', 'no totals');
  for (const [name, n] of Object.entries(t.rows ?? {})) if ((rows[name] ?? 0) !== n) throw bad(`${name}: ${rows[name] ?? 0} rows, ${n} written`);
  for (const [id, chunks] of datasets) if (chunks >= 0 && (parts.get(id) ?? 0) !== chunks) throw bad(`dataset ${id}: ${parts.get(id) ?? 0} of ${chunks} chunks`);
  return { manifest: m, rows, datasetIds: [...datasets.keys()] };
};

const partRange = (table: Table, datasetId: string) =>
  table.where('[datasetId+index]').between([datasetId, Dexie.minKey], [datasetId, Dexie.maxKey], true, true);

/**
 * Restores a backup: 'replace' makes the workspace exactly the backup's (every current dataset, plan, rule set,
 * setting… is removed); 'merge' adds what the backup holds and the workspace lacks (same id: the workspace's copy is
 * kept; settings, including the pseudonym key, are the workspace's). Throws BackupFormatError for a bad file,
 * StorageQuotaError when storage is full, AbortError when cancelled; in every case nothing was changed.
 */
export const restoreBackup = async (db: TarifaDb, file: Blob, options: RestoreOptions): Promise<RestoreResult> => {
  const verified = await verify(db, file, options);
  abortIf(options.signal);
  const newId = options.newId ?? (() => crypto.randomUUID());
  const existing = new Set((await db.datasets.toCollection().primaryKeys()) as string[]);
  // Staged id per backup dataset: its own id unless that id is taken now (replace: staged aside, moved at commit).
  const staged = new Map<string, string>();
  let skipped = 0;
  for (const id of verified.datasetIds) {
    if (!existing.has(id)) staged.set(id, id);
    else if (options.mode === 'replace') staged.set(id, `restore-${newId()}`);
    else skipped++;
  }
  const protect = options.protect ?? (<T,>(_ids: string[], job: () => Promise<T>) => job());
  return protect([...staged.values()], async () => {
    const held = new Map<string, unknown[]>();
    const finals: DatasetRow[] = [];
    const tablesByName = new Map(db.tables.map((t) => [t.name, t]));
    try {
      await readBackup(file, {
        passphrase: options.passphrase,
        signal: options.signal,
        onBytes: (n) => options.onProgress?.({ phase: 'restore', done: n, total: file.size }),
        onRecord: async (kind, value) => {
          if (kind !== RECORD_ROWS) return;
          const { table: name, rows } = value as RowsRecord;
          if (name === 'datasets') {
            const mine = (rows as DatasetRow[]).filter((r) => staged.has(r.id));
            finals.push(...mine);
            await mapQuota(() => db.datasets.bulkPut(mine.map((r) => ({ ...r, id: staged.get(r.id)!, status: 'importing' as const }))));
          } else if (isPartTable(name)) {
            const mine = (rows as { datasetId: string }[]).filter((r) => staged.has(r.datasetId));
            if (mine.length > 0) await mapQuota(() => tablesByName.get(name)!.bulkPut(mine.map((r) => ({ ...r, datasetId: staged.get(r.datasetId)! }))));
          } else {
            const list = held.get(name) ?? [];
            for (const r of rows) if (name !== 'settings' || (r as { key?: unknown }).key !== ENCRYPTION_SETTING) list.push(r);
            held.set(name, list);
          }
        },
      });
      abortIf(options.signal);
      await mapQuota(() => commit(db, options.mode, staged, finals, held));
    } catch (error) {
      for (const id of staged.values()) {
        // A staged id equal to the backup's own id was free when we began: whatever is there now is ours.
        await discardDataset(db, id).catch(() => undefined);
      }
      throw error;
    }
    return { mode: options.mode, rows: verified.rows, datasets: finals.length, skipped, manifest: verified.manifest };
  });
};

/** Phase 3, one transaction over every table. */
const commit = (db: TarifaDb, mode: RestoreMode, staged: Map<string, string>, finals: DatasetRow[], held: Map<string, unknown[]>) =>
  db.transaction('rw', db.tables, async () => {
    const stagedIds = new Set(staged.values());
    if (mode === 'replace') {
      for (const name of DATASET_PARTS) {
        const table = db.table(name);
        const keys = (await table.toCollection().primaryKeys()) as [string, number][];
        await table.bulkDelete(keys.filter((k) => !stagedIds.has(k[0])));
      }
      const ids = (await db.datasets.toCollection().primaryKeys()) as string[];
      await db.datasets.bulkDelete(ids.filter((id) => !stagedIds.has(id)));
    }
    for (const [original, stagedId] of staged) {
      if (original === stagedId) continue;
      for (const name of DATASET_PARTS) {
        const table = db.table(name);
        const keys = (await partRange(table, stagedId).primaryKeys()) as [string, number][];
        for (const key of keys) {
          const row = (await table.get(key)) as Record<string, unknown>;
          await table.put({ ...row, datasetId: original });
          await table.delete(key);
        }
      }
      await db.datasets.delete(stagedId);
    }
    await db.datasets.bulkPut(finals);
    for (const table of db.tables) {
      if (table.name === 'datasets' || isPartTable(table.name)) continue;
      const rows = held.get(table.name) ?? [];
      if (mode === 'replace') {
        if (table.name === 'settings') await table.where(':id').notEqual(ENCRYPTION_SETTING).delete();
        else await table.clear();
        if (rows.length > 0) await table.bulkPut(rows);
      } else if (rows.length > 0) {
        const present = await table.bulkGet(rows.map((r) => keyOf(table, r)) as never[]);
        const missing = rows.filter((_, i) => present[i] === undefined);
        if (missing.length > 0) await table.bulkAdd(missing);
      }
    }
  });
