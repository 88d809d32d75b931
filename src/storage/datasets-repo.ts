/** Dataset repository: the import lifecycle (begin, append chunks, finish or discard) and the reads behind it. */
import { Dexie } from 'dexie';
import { tableFromChunks, type EventChunk, type EventTable } from '../engine/events';
import { mapQuota } from './quota';
import type { DatasetCounts, DatasetRow, StoredReject, TarifaDb } from './db';

export type DatasetMeta = {
  id: string;
  name: string;
  createdAt: number;
  preset: string;
  timeZone: string;
  files: { name: string; size: number }[];
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
};

/** Thrown when a write targets a dataset that is gone or no longer importing (e.g. discarded meanwhile). */
export class DatasetStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetStateError';
  }
}

/** Every [datasetId+index] row of one dataset, in index order. */
const chunksOf = (db: TarifaDb, datasetId: string) =>
  db.chunks.where('[datasetId+index]').between([datasetId, Dexie.minKey], [datasetId, Dexie.maxKey], true, true);
const rejectsOf = (db: TarifaDb, datasetId: string) =>
  db.rejects.where('[datasetId+index]').between([datasetId, Dexie.minKey], [datasetId, Dexie.maxKey], true, true);

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
      await db.chunks.put({ datasetId, index: chunk.index, columns: chunk.columns, dictAppend: chunk.dictAppend });
      if (rejects.length > 0) {
        await db.rejects.put({ datasetId, index: chunk.index, rows: rejects.map((r) => ({ line: r.line, reason: r.reason, raw: r.raw })) });
      }
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

/** Deletes a dataset, its chunks and its rejects in one transaction. Deleting a missing dataset is a no-op. */
export const discardDataset = (db: TarifaDb, datasetId: string): Promise<void> =>
  db.transaction('rw', db.datasets, db.chunks, db.rejects, async () => {
    await chunksOf(db, datasetId).delete();
    await rejectsOf(db, datasetId).delete();
    await db.datasets.delete(datasetId);
  });

/**
 * Removes every dataset still 'importing' (a tab closed mid-import), except those in `keep` (imports that are still
 * running elsewhere, e.g. held by a Web Lock in another tab). Returns the ids removed.
 */
export const discardUnfinished = async (db: TarifaDb, keep: ReadonlySet<string> = new Set()): Promise<string[]> => {
  const unfinished = await db.datasets.where('status').equals('importing').primaryKeys();
  const removed = unfinished.filter((id) => !keep.has(id));
  for (const id of removed) await discardDataset(db, id);
  return removed;
};

/** Ready datasets, newest first. */
export const listDatasets = async (db: TarifaDb): Promise<DatasetRow[]> => {
  const ready = await db.datasets.where('status').equals('ready').toArray();
  return ready.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
};

export const getDataset = (db: TarifaDb, datasetId: string): Promise<DatasetRow | undefined> => db.datasets.get(datasetId);

/** Reads a ready dataset's chunks in index order and joins them; undefined when absent or not ready. */
export const loadTable = async (db: TarifaDb, datasetId: string): Promise<EventTable | undefined> =>
  db.transaction('r', db.datasets, db.chunks, async () => {
    const dataset = await db.datasets.get(datasetId);
    if (!dataset || dataset.status !== 'ready') return undefined;
    const rows = await chunksOf(db, datasetId).toArray();
    return tableFromChunks(rows.map((r) => ({ index: r.index, columns: r.columns, dictAppend: r.dictAppend })));
  });

/** Number of stored rejects of a dataset. */
export const countRejects = async (db: TarifaDb, datasetId: string): Promise<number> => {
  let total = 0;
  await rejectsOf(db, datasetId).each((batch) => {
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
  await rejectsOf(db, datasetId).each((batch) => {
    const from = Math.max(start - total, 0);
    const to = Math.min(end - total, batch.rows.length);
    for (let i = from; i < to; i++) rows.push(batch.rows[i]);
    total += batch.rows.length;
  });
  return { total, rows };
};

/** Every reject of a dataset in file order (for the CSV download). */
export const allRejects = async (db: TarifaDb, datasetId: string): Promise<StoredReject[]> => {
  const batches = await rejectsOf(db, datasetId).toArray();
  return batches.flatMap((b) => b.rows);
};
