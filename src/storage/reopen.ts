/**
 * Lost IndexedDB connections. The browser may close a connection under a running app (storage pressure, the user
 * clearing site data, another tab deleting or upgrading the database: 'versionchange'), and code may close it on
 * purpose; Dexie then fails the transaction that was running (and, after a deliberate close, every later one) with
 * DatabaseClosedError. `trackConnection` counts the closes; `callWithReopen` runs a call and, when it failed while
 * the connection was lost, reopens the database and runs it once more. A second failure stands.
 *
 * Another tab upgrading the database to a newer schema version is different: this tab's code cannot open it any more
 * safely (Dexie 4 would reopen it, but this code does not know its schema), so it is not reopened: the tracker marks
 * the connection `outdated` on a 'versionchange' to a higher version, keeps it closed, tells its listeners once, and
 * `callWithReopen` throws TabOutdatedError instead of reopening: the page must reload to get the new code.
 */
import type { Dexie } from 'dexie';

export type ConnectionTracker = {
  /** Closes seen so far (Dexie's 'close' event: a lost connection, versionchange, or close()). */
  closes(): number;
  /** Opens the database again if it is closed (whether Dexie would reopen it on its own or not). */
  reopen(): Promise<void>;
  /** Whether another tab upgraded the database to a newer version than this code knows (reload needed). */
  outdated(): boolean;
  /** Calls `listener` once when the connection becomes outdated (at once when it is already). Returns an unsubscribe. */
  onOutdated(listener: () => void): () => void;
};

export const OUTDATED_MESSAGE = 'Tarifa was updated in another tab: reload this tab to keep working.';

/** Thrown by callWithReopen once the database was upgraded by a newer version of the app in another tab. */
export class TabOutdatedError extends Error {
  constructor() {
    super(OUTDATED_MESSAGE);
    this.name = 'TabOutdatedError';
  }
}

export const isTabOutdated = (error: unknown): boolean => errorName(error) === 'TabOutdatedError';

const trackers = new WeakMap<Dexie, ConnectionTracker>();

const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name : '';

/** Errors a lost connection throws: Dexie's DatabaseClosedError, IndexedDB's InvalidStateError on a closing connection. */
export const isConnectionLost = (error: unknown): boolean =>
  ['DatabaseClosedError', 'InvalidStateError'].includes(errorName(error))
  || ['DatabaseClosedError', 'InvalidStateError'].includes(errorName((error as { inner?: unknown } | null)?.inner));

export const trackConnection = (db: Dexie): ConnectionTracker => {
  const known = trackers.get(db);
  if (known) return known;
  let closes = 0;
  let outdated = false;
  const listeners = new Set<() => void>();
  const markOutdated = () => {
    if (outdated) return;
    outdated = true;
    for (const l of [...listeners]) {
      try {
        l();
      } catch {
        // One listener's failure must not keep the others from hearing it.
      }
    }
    listeners.clear();
  };
  db.on('close', () => {
    closes++;
  });
  // A deletion (newVersion null: "delete all" in another tab) is not an upgrade: the database is recreated as it was.
  // After an upgrade, Dexie 4 would reopen the newer database on the next call and let this (older) code read and
  // write a schema it does not know; the connection stays closed instead. Dexie runs versionchange listeners newest
  // first, and `false` stops its own default (a close that lets it reopen on the next call).
  db.on('versionchange', (ev: IDBVersionChangeEvent) => {
    if (ev.newVersion === null || ev.newVersion <= ev.oldVersion) return undefined;
    db.close({ disableAutoOpen: true });
    markOutdated();
    return false;
  });
  const tracker: ConnectionTracker = {
    closes: () => closes,
    async reopen() {
      if (outdated) throw new TabOutdatedError();
      if (!db.isOpen()) await db.open();
    },
    outdated: () => outdated,
    onOutdated(listener) {
      if (outdated) {
        listener();
        return () => undefined;
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  trackers.set(db, tracker);
  return tracker;
};

/**
 * Runs `call`; when it threw a connection error, or failed (`failed(result)`) while the connection was closed during
 * the call or is closed now, reopens the database and runs `call` once more. When the database was upgraded by
 * another tab meanwhile (or before), no reopen can help: a thrown error becomes TabOutdatedError, a failed result stands.
 */
export const callWithReopen = async <T>(db: Dexie, call: () => Promise<T>, failed: (result: T) => boolean): Promise<T> => {
  const tracker = trackConnection(db);
  const before = tracker.closes();
  const lost = () => tracker.closes() !== before || !db.isOpen();
  let result: T;
  try {
    result = await call();
  } catch (error) {
    if (tracker.outdated()) throw new TabOutdatedError();
    if (!isConnectionLost(error) && !lost()) throw error;
    await tracker.reopen();
    return call();
  }
  // Outdated: the failure stands (the caller may say why: tracker.outdated()).
  if (!failed(result) || !lost() || tracker.outdated()) return result;
  await tracker.reopen();
  return call();
};

