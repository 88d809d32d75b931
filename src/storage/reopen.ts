/**
 * Lost IndexedDB connections. The browser may close a connection under a running app (storage pressure, the user
 * clearing site data, another tab deleting or upgrading the database: 'versionchange'), and code may close it on
 * purpose; Dexie then fails the transaction that was running (and, after a deliberate close, every later one) with
 * DatabaseClosedError. `trackConnection` counts the closes; `callWithReopen` runs a call and, when it failed while
 * the connection was lost, reopens the database and runs it once more. A second failure stands.
 */
import type { Dexie } from 'dexie';

export type ConnectionTracker = {
  /** Closes seen so far (Dexie's 'close' event: a lost connection, versionchange, or close()). */
  closes(): number;
  /** Opens the database again if it is closed (whether Dexie would reopen it on its own or not). */
  reopen(): Promise<void>;
};

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
  db.on('close', () => {
    closes++;
  });
  const tracker: ConnectionTracker = {
    closes: () => closes,
    async reopen() {
      if (!db.isOpen()) await db.open();
    },
  };
  trackers.set(db, tracker);
  return tracker;
};

/**
 * Runs `call`; when it threw a connection error, or failed (`failed(result)`) while the connection was closed during
 * the call or is closed now, reopens the database and runs `call` once more.
 */
export const callWithReopen = async <T>(db: Dexie, call: () => Promise<T>, failed: (result: T) => boolean): Promise<T> => {
  const tracker = trackConnection(db);
  const before = tracker.closes();
  const lost = () => tracker.closes() !== before || !db.isOpen();
  let result: T;
  try {
    result = await call();
  } catch (error) {
    if (!isConnectionLost(error) && !lost()) throw error;
    await tracker.reopen();
    return call();
  }
  if (!failed(result) || !lost()) return result;
  await tracker.reopen();
  return call();
};
