/** Key-value settings (small, JSON-like values). */
import type { TarifaDb } from './db';
import { mapQuota } from './quota';

export const getSetting = async <T>(db: TarifaDb, key: string): Promise<T | undefined> =>
  (await db.settings.get(key))?.value as T | undefined;

export const setSetting = (db: TarifaDb, key: string, value: unknown): Promise<void> =>
  mapQuota(async () => {
    await db.settings.put({ key, value });
  });

/**
 * Reads a setting, or creates it in the same transaction when it is missing or not valid, so concurrent callers
 * (two tabs) all end up with one value.
 */
export const getOrCreateSetting = <T>(db: TarifaDb, key: string, read: (value: unknown) => T | undefined, create: () => T): Promise<T> =>
  mapQuota(() =>
    db.transaction('rw', db.settings, async () => {
      const existing = read(await getSetting<unknown>(db, key));
      if (existing !== undefined) return existing;
      const value = create();
      await db.settings.put({ key, value });
      return value;
    }),
  );
