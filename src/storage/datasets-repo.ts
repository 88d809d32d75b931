/**
 * Dataset repository: the import lifecycle (begin, append chunks, finish or discard), appending files to a ready
 * dataset (stage, commit or roll back), and the reads behind them.
 *
 * Appending never shows a half-written file: staged chunks (and their rejects) carry indices at or past the dataset's
 * `chunkCount`, which only `commitAppend` moves, in the same transaction as the counts and the file list. Every read
 * stops at `chunkCount`, so until the commit the dataset reads exactly as before; a failed or cancelled append (or a
 * tab closed mid-append) leaves staged rows that `rollbackAppend` / `discardUnfinished` delete.
 */
import { Dexie } from 'dexie';
import { allocateColumns, STRING_FIELDS, tableFromChunks, type Dictionaries, type EventChunk, type EventTable } from '../engine/events';
import { packColumns, unpackCodesInto, unpackColumns, unpackInto } from './chunk-codec';
import { mapQuota } from './quota';
import type { ChunkRow, DatasetCounts, DatasetFile, DatasetRow, StoredReject, TarifaDb } from './db';

export type DatasetMeta = {
  id: string;
  name: string;
  createdAt: number;
  preset: string;
  timeZone: string;
  files: DatasetFile[];
};

/** What finishDataset needs from an import summary (structurally an ImportSummary). */
export type DatasetTotals = DatasetCounts & {
  /** The preset the import detected or was told; replaces the one given at begin ('auto'). */
  preset?: string;
  /** Whether contacts were stored as keyed pseudonyms or as written. */
  contacts?: 'pseudonymised' | 'raw';
  ignoredColumns: string[];
  chunks: number;
  minTimestamp: number;
  maxTimestamp: number;
  /** The files with their hashes and own counts, known once read; replaces the list given at begin. */
  files?: DatasetFile[];
};

const copyReject = (r: StoredReject): StoredReject =>
  (r.file === undefined ? { line: r.line, reason: r.reason, raw: r.raw } : { line: r.line, reason: r.reason, raw: r.raw, file: r.file });

/** Thrown when a write targets a dataset that is gone or no longer importing (e.g. discarded meanwhile). */
export class DatasetStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetStateError';
  }
}

/** The [datasetId+index] rows of one dataset with index in [from, to), in index order (default: all of them). */
const chunksOf = (db: TarifaDb, datasetId: string, to: number = Infinity, from = 0) =>
  db.chunks.where('[datasetId+index]').between([datasetId, from], [datasetId, to === Infinity ? Dexie.maxKey : to], true, false);
const rejectsOf = (db: TarifaDb, datasetId: string, to: number = Infinity, from = 0) =>
  db.rejects.where('[datasetId+index]').between([datasetId, from], [datasetId, to === Infinity ? Dexie.maxKey : to], true, false);

/** The rows a reader may see: every chunk of a ready dataset below its chunkCount (staged appends excluded). */
const visibleCount = async (db: TarifaDb, datasetId: string): Promise<number> => {
  const dataset = await db.datasets.get(datasetId);
  return dataset ? (dataset.status === 'ready' ? dataset.chunkCount : Infinity) : 0;
};

export const beginDataset = (db: TarifaDb, meta: DatasetMeta): Promise<DatasetRow> =>
  mapQuota(async () => {
    const row: DatasetRow = {
      ...meta,
      files: meta.files.map((f) => ({ ...f })),
      status: 'importing',
      counts: { rowsRead: 0, imported: 0, rejected: 0, duplicates: 0 },
      minTimestamp: Number.NaN,
      maxTimestamp: Number.NaN,
      ignoredColumns: [],
      chunkCount: 0,
    };
    await db.datasets.add(row);
    return row;
  });

/** Writes one chunk and its reject batch in ONE readwrite transaction: both land, or neither does. */
export const appendChunk = (db: TarifaDb, datasetId: string, chunk: EventChunk, rejects: readonly StoredReject[]): Promise<void> =>
  mapQuota(() =>
    db.transaction('rw', db.datasets, db.chunks, db.rejects, async () => {
      const dataset = await db.datasets.get(datasetId);
      if (!dataset || dataset.status !== 'importing') throw new DatasetStateError(`Dataset ${datasetId} is not importing.`);
      await db.chunks.put({ datasetId, index: chunk.index, columns: packColumns(chunk.columns), dictAppend: chunk.dictAppend });
      if (rejects.length > 0) await db.rejects.put({ datasetId, index: chunk.index, rows: rejects.map(copyReject) });
      await db.datasets.update(datasetId, { chunkCount: Math.max(dataset.chunkCount, chunk.index + 1) });
    }),
  );

/** Marks an importing dataset ready with its final accounting. Returns the stored row. */
export const finishDataset = (db: TarifaDb, datasetId: string, totals: DatasetTotals): Promise<DatasetRow> =>
  mapQuota(() =>
    db.transaction('rw', db.datasets, async () => {
      const dataset = await db.datasets.get(datasetId);
      if (!dataset || dataset.status !== 'importing') throw new DatasetStateError(`Dataset ${datasetId} is not importing.`);
      const ready: DatasetRow = {
        ...dataset,
        status: 'ready',
        preset: totals.preset ?? dataset.preset,
        files: totals.files ? totals.files.map((f) => ({ ...f })) : dataset.files,
        ...(totals.contacts ? { contacts: totals.contacts } : {}),
        counts: { rowsRead: totals.rowsRead, imported: totals.imported, rejected: totals.rejected, duplicates: totals.duplicates },
        ignoredColumns: [...totals.ignoredColumns],
        minTimestamp: totals.minTimestamp,
        maxTimestamp: totals.maxTimestamp,
        chunkCount: Math.max(dataset.chunkCount, totals.chunks),
      };
      await db.datasets.put(ready);
      return ready;
    }),
  );

/**
 * Writes one chunk of a file being appended to a ready dataset, with its reject batch, in one transaction. The chunk
 * index must be at or past the dataset's chunkCount: it stays invisible until commitAppend.
 */
export const stageChunk = (db: TarifaDb, datasetId: string, chunk: EventChunk, rejects: readonly StoredReject[]): Promise<void> =>
  mapQuota(() =>
    db.transaction('rw', db.datasets, db.chunks, db.rejects, async () => {
      const dataset = await db.datasets.get(datasetId);
      if (!dataset || dataset.status !== 'ready') throw new DatasetStateError(`Dataset ${datasetId} is gone.`);
      if (chunk.index < dataset.chunkCount) throw new DatasetStateError(`Chunk ${chunk.index} of dataset ${datasetId} is already stored.`);
      await db.chunks.put({ datasetId, index: chunk.index, columns: packColumns(chunk.columns), dictAppend: chunk.dictAppend });
      if (rejects.length > 0) await db.rejects.put({ datasetId, index: chunk.index, rows: rejects.map(copyReject) });
    }),
  );

/** What commitAppend adds to a dataset. */
export type AppendTotals = DatasetCounts & {
  files: DatasetFile[];
  ignoredColumns: string[];
  /** Chunks staged: the dataset's chunkCount grows by this. */
  chunks: number;
  minTimestamp: number;
  maxTimestamp: number;
};

/**
 * Makes the staged chunks part of the dataset in one transaction: counts added, files listed, range widened,
 * chunkCount moved past them. `fromChunk` is the chunkCount the append started from: a dataset changed meanwhile
 * (deleted, or appended to by someone else) is a DatasetStateError and nothing changes.
 */
export const commitAppend = (db: TarifaDb, datasetId: string, fromChunk: number, totals: AppendTotals): Promise<DatasetRow> =>
  mapQuota(() =>
    db.transaction('rw', db.datasets, async () => {
      const dataset = await db.datasets.get(datasetId);
      if (!dataset || dataset.status !== 'ready' || dataset.chunkCount !== fromChunk) {
        throw new DatasetStateError(`Dataset ${datasetId} changed while files were appended to it.`);
      }
      const c = dataset.counts;
      const min = Math.min(dataset.minTimestamp, totals.minTimestamp);
      const max = Math.max(dataset.maxTimestamp, totals.maxTimestamp);
      const next: DatasetRow = {
        ...dataset,
        files: [...dataset.files, ...totals.files.map((f) => ({ ...f }))],
        counts: {
          rowsRead: c.rowsRead + totals.rowsRead, imported: c.imported + totals.imported,
          rejected: c.rejected + totals.rejected, duplicates: c.duplicates + totals.duplicates,
        },
        ignoredColumns: [...new Set([...dataset.ignoredColumns, ...totals.ignoredColumns])],
        // NaN (an empty side) never wins.
        minTimestamp: Number.isNaN(min) ? (Number.isNaN(dataset.minTimestamp) ? totals.minTimestamp : dataset.minTimestamp) : min,
        maxTimestamp: Number.isNaN(max) ? (Number.isNaN(dataset.maxTimestamp) ? totals.maxTimestamp : dataset.maxTimestamp) : max,
        chunkCount: fromChunk + totals.chunks,
      };
      await db.datasets.put(next);
      return next;
    }),
  );

/**
 * Deletes what an append staged (chunks and rejects at or past the dataset's chunkCount), leaving the dataset as it
 * was. Safe to call on a dataset with nothing staged, or one that is gone.
 */
export const rollbackAppend = (db: TarifaDb, datasetId: string): Promise<void> =>
  db.transaction('rw', db.datasets, db.chunks, db.rejects, async () => {
    const dataset = await db.datasets.get(datasetId);
    if (!dataset || dataset.status !== 'ready') return;
    await chunksOf(db, datasetId, Infinity, dataset.chunkCount).delete();
    await rejectsOf(db, datasetId, Infinity, dataset.chunkCount).delete();
  });

/** Reads a ready dataset's stored dictionaries (each chunk's dictAppend, in chunk order), one chunk at a time. */
export const eachDictAppend = async (
  db: TarifaDb, datasetId: string, visit: (dictAppend: ChunkRow['dictAppend'], index: number) => void,
): Promise<void> => {
  const to = await visibleCount(db, datasetId);
  // Key by key, so only one chunk's rows are held at a time (a 10M-event dataset is a gigabyte of columns).
  const keys = await chunksOf(db, datasetId, to).primaryKeys();
  for (const key of keys) {
    const row = await db.chunks.get(key);
    if (row) visit(row.dictAppend, row.index);
  }
};

/** Deletes a dataset, its chunks and its rejects in one transaction. Deleting a missing dataset is a no-op. */
export const discardDataset = (db: TarifaDb, datasetId: string): Promise<void> =>
  db.transaction('rw', db.datasets, db.chunks, db.rejects, async () => {
    await chunksOf(db, datasetId).delete();
    await rejectsOf(db, datasetId).delete();
    await db.datasets.delete(datasetId);
  });

/**
 * Removes every dataset still 'importing' (a tab closed mid-import), and the staged chunks of appends that never
 * committed, except for datasets in `keep` (imports that are still running elsewhere, e.g. held by a Web Lock in
 * another tab). Returns the ids of the datasets removed.
 */
export const discardUnfinished = async (db: TarifaDb, keep: ReadonlySet<string> = new Set()): Promise<string[]> => {
  const unfinished = await db.datasets.where('status').equals('importing').primaryKeys();
  const removed = unfinished.filter((id) => !keep.has(id));
  for (const id of removed) await discardDataset(db, id);
  const ready = await db.datasets.where('status').equals('ready').toArray();
  for (const d of ready) {
    if (keep.has(d.id)) continue;
    const staged = await chunksOf(db, d.id, Infinity, d.chunkCount).count() + await rejectsOf(db, d.id, Infinity, d.chunkCount).count();
    if (staged > 0) await rollbackAppend(db, d.id);
  }
  return removed;
};

/** Ready datasets, newest first. */
export const listDatasets = async (db: TarifaDb): Promise<DatasetRow[]> => {
  const ready = await db.datasets.where('status').equals('ready').toArray();
  return ready.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
};

export const getDataset = (db: TarifaDb, datasetId: string): Promise<DatasetRow | undefined> => db.datasets.get(datasetId);

/**
 * Reads a ready dataset's chunks in index order and joins them (the table tableFromChunks gives); undefined when
 * absent or not ready. The table is allocated once from the dataset's event count and each chunk is copied in as the
 * cursor reaches it, so loading holds the table plus one chunk, not every chunk and then the table (at 10M events
 * that is ~1 GB less at the peak). A count that does not match the chunks falls back to joining them all at once.
 */
export const loadTable = async (db: TarifaDb, datasetId: string): Promise<EventTable | undefined> =>
  db.transaction('r', db.datasets, db.chunks, async () => {
    const dataset = await db.datasets.get(datasetId);
    if (!dataset || dataset.status !== 'ready') return undefined;
    const chunks = chunksOf(db, datasetId, dataset.chunkCount);
    const total = dataset.counts.imported;
    const columns = allocateColumns(total);
    const dicts = Object.fromEntries(STRING_FIELDS.map((f) => [f, [] as string[]])) as unknown as Dictionaries;
    let offset = 0;
    let fits = true;
    await chunks.each((row) => {
      const c = row.columns;
      if (!fits || offset + c.length > total) {
        fits = false;
        return;
      }
      unpackInto(c, columns, offset);
      for (const f of STRING_FIELDS) {
        const add = row.dictAppend[f];
        for (let k = 0; k < add.length; k++) dicts[f].push(add[k]);
      }
      // Extra columns: first seen first; the rows of earlier chunks stay 0 (empty), as in tableFromChunks.
      for (const name of Object.keys(c.extra ?? {})) {
        const extra = (columns.extra ??= {});
        const dict = ((dicts.extra ??= {})[name] ??= []);
        unpackCodesInto(c.extra![name], c.length, (extra[name] ??= new Uint32Array(total)), offset);
        for (const v of row.dictAppend.extra?.[name] ?? []) dict.push(v);
      }
      offset += c.length;
    });
    if (!fits || offset !== total) {
      const rows = await chunks.toArray();
      return tableFromChunks(rows.map((r) => ({ index: r.index, columns: unpackColumns(r.columns), dictAppend: r.dictAppend })));
    }
    for (const f of STRING_FIELDS) if (dicts[f].length === 0) dicts[f].push('');
    for (const dict of Object.values(dicts.extra ?? {})) if (dict.length === 0) dict.push('');
    return { columns, dicts };
  });

/** Number of stored rejects of a dataset. */
export const countRejects = async (db: TarifaDb, datasetId: string): Promise<number> => {
  let total = 0;
  await rejectsOf(db, datasetId, await visibleCount(db, datasetId)).each((batch) => {
    total += batch.rows.length;
  });
  return total;
};

/** A page of rejects in file order, with the total. */
export const rejectsPage = async (
  db: TarifaDb,
  datasetId: string,
  offset: number,
  limit: number,
): Promise<{ total: number; rows: StoredReject[] }> => {
  const start = Math.max(0, Math.floor(offset));
  const end = start + Math.max(0, Math.floor(limit));
  const rows: StoredReject[] = [];
  let total = 0;
  await rejectsOf(db, datasetId, await visibleCount(db, datasetId)).each((batch) => {
    const from = Math.max(start - total, 0);
    const to = Math.min(end - total, batch.rows.length);
    for (let i = from; i < to; i++) rows.push(batch.rows[i]);
    total += batch.rows.length;
  });
  return { total, rows };
};

/** Every reject of a dataset in file order (for the CSV download). */
export const allRejects = async (db: TarifaDb, datasetId: string): Promise<StoredReject[]> => {
  const batches = await rejectsOf(db, datasetId, await visibleCount(db, datasetId)).toArray();
  return batches.flatMap((b) => b.rows);
};
