/**
 * "Delete all data": the whole IndexedDB database goes (every table, whatever later schema versions add), and so do
 * the Cache Storage caches that could hold data. The service worker's precache holds only the app's own files (code,
 * icons, example plans), so it stays: the app keeps working offline, with a fresh empty workspace.
 * Also what the "About your data" page lists: the tables with their row counts.
 */
import { sealingOf } from './crypto-workspace';
import type { TarifaDb } from './db';

/** Cache names that hold the app itself (Workbox precache), kept by deleteAllData. */
const isAppShellCache = (name: string) => name.startsWith('workbox-precache');

export type WorkspaceInventory = { database: string; schemaVersion: number; tables: { name: string; rows: number }[] };

export const workspaceInventory = async (db: TarifaDb): Promise<WorkspaceInventory> => ({
  database: db.name,
  schemaVersion: db.verno,
  tables: await Promise.all(db.tables.map(async (t) => ({ name: t.name, rows: await t.count() }))),
});

/**
 * Deletes the database and reopens it empty (same schema), so the same TarifaDb instance keeps serving. Other tabs'
 * connections are closed by Dexie on the deletion's versionchange; they reopen on their next call.
 */
export const deleteAllData = async (db: TarifaDb): Promise<void> => {
  await db.delete({ disableAutoOpen: false });
  sealingOf(db)?.reset();
  await db.open();
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (storage) {
    for (const name of await storage.keys()) if (!isAppShellCache(name)) await storage.delete(name);
  }
};
