/**
 * Privacy settings of the workspace: the secret key that pseudonymises contacts at import, and the user's choice
 * to keep raw identifiers instead (off by default). Both live in IndexedDB's settings table, never elsewhere.
 */
import { randomPseudonymKey } from '../import/pseudonym';
import type { TarifaDb } from '../storage/db';
import { getOrCreateSetting, getSetting, setSetting } from '../storage/settings-repo';

const KEY_SETTING = 'pseudonymKey';
const KEEP_RAW_SETTING = 'keepRawIdentifiers';

export type PrivacySettings = { keepRawIdentifiers: boolean };

/** A typed array read back from IndexedDB may come from another realm: check the shape, not instanceof. */
const asKey = (value: unknown): Uint8Array | undefined =>
  ArrayBuffer.isView(value) && value.byteLength === 32 ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : undefined;

/**
 * The workspace's pseudonym key, created on first use in one transaction, so two tabs importing at once agree on
 * one key (equal contacts must get equal pseudonyms across imports, or unique counts would split).
 */
export const workspacePseudonymKey = (db: TarifaDb): Promise<Uint8Array> =>
  getOrCreateSetting(db, KEY_SETTING, asKey, randomPseudonymKey);

export const readPrivacySettings = async (db: TarifaDb): Promise<PrivacySettings> =>
  ({ keepRawIdentifiers: (await getSetting<boolean>(db, KEEP_RAW_SETTING)) === true });

export const writeKeepRawIdentifiers = (db: TarifaDb, keep: boolean): Promise<void> => setSetting(db, KEEP_RAW_SETTING, keep);

/** The key an import must use: none only when the user chose to keep raw identifiers. */
export const importPseudonymKey = async (db: TarifaDb): Promise<Uint8Array | undefined> =>
  (await readPrivacySettings(db)).keepRawIdentifiers ? undefined : workspacePseudonymKey(db);
