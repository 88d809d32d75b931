/**
 * Named-document repository for the V4 tables that hold a user's JSON documents as written (custom presets,
 * scenarios, contracts, offer templates). Callers validate before they store; this layer only keeps them.
 */
import type { NamedDocRow, TarifaDb } from './db';
import { mapQuota } from './quota';

export type DocTable = 'presets' | 'scenarios' | 'contracts' | 'templates';

/** Saved documents by name (case-insensitive), then newest first. */
export const listDocs = async (db: TarifaDb, table: DocTable): Promise<NamedDocRow[]> => {
  const rows = await db[table].toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || b.updatedAt - a.updatedAt);
};

export const getDoc = (db: TarifaDb, table: DocTable, id: string): Promise<NamedDocRow | undefined> => db[table].get(id);

/** Inserts or replaces a document; a replaced one keeps its `createdAt`. Returns the stored row. */
export const putDoc = (db: TarifaDb, table: DocTable, row: NamedDocRow): Promise<NamedDocRow> =>
  mapQuota(() =>
    db.transaction('rw', db[table], async () => {
      const existing = await db[table].get(row.id);
      const stored: NamedDocRow = { ...row, createdAt: existing?.createdAt ?? row.createdAt };
      await db[table].put(stored);
      return stored;
    }),
  );

/** Deleting a missing document is a no-op. */
export const deleteDoc = (db: TarifaDb, table: DocTable, id: string): Promise<void> => db[table].delete(id);
