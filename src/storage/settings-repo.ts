/** Key-value settings (small, JSON-like values). */
import type { TarifaDb } from './db';
import { mapQuota } from './quota';

export const getSetting = async <T>(db: TarifaDb, key: string): Promise<T | undefined> =>
  (await db.settings.get(key))?.value as T | undefined;

export const setSetting = (db: TarifaDb, key: string, value: unknown): Promise<void> =>
  mapQuota(async () => {
    await db.settings.put({ key, value });
  });
