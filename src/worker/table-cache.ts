/**
 * Datasets held in worker memory: each loads from IndexedDB once, then every estimate reuses the columns
 * (re-pricing a plan change never re-reads IndexedDB). Concurrent first loads share one read.
 */
import type { EventTable } from '../engine/events';
import { loadTable } from '../storage/datasets-repo';
import type { TarifaDb } from '../storage/db';

export type TableCache = {
  get(datasetId: string): Promise<EventTable | undefined>;
  evict(datasetId: string): void;
  /** Drops every dataset (another tab may have changed any of them). */
  clear(): void;
};

export const createTableCache = (db: TarifaDb): TableCache => {
  const tables = new Map<string, Promise<EventTable | undefined>>();
  return {
    get(datasetId) {
      let table = tables.get(datasetId);
      if (!table) {
        table = loadTable(db, datasetId);
        tables.set(datasetId, table);
        // Neither a failed read nor a missing dataset is remembered: the next call tries again.
        table.then((t) => { if (!t && tables.get(datasetId) === table) tables.delete(datasetId); },
          () => { if (tables.get(datasetId) === table) tables.delete(datasetId); });
      }
      return table;
    },
    evict(datasetId) {
      tables.delete(datasetId);
    },
    clear() {
      tables.clear();
    },
  };
};
