/**
 * Telling the user about an import their closed tab (or crashed browser) cut short. The worker discards the half
 * dataset at the next start (worker-start.ts); this remembers, outside IndexedDB, that an import was running, so the
 * next start can say which one was lost.
 *
 * Each tab holds a Web Lock `tarifa-tab:<id>` for its lifetime and, while it imports, keeps the file name under the
 * localStorage key `tarifa.importing:<id>`. At start, a key whose tab lock is free belongs to a tab that is gone: its
 * import was interrupted. A key of a tab that is still open (importing in another tab) is left alone.
 */
const TAB_LOCK = 'tarifa-tab:';
const KEY = 'tarifa.importing:';

type Locks = Pick<LockManager, 'request' | 'query'>;
type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Names of the imports interrupted since the last start (each told once: their keys are removed). */
export const findInterruptedImports = async (storage: KeyValue, locks: Locks | undefined): Promise<string[]> => {
  if (!locks) return [];
  const { held = [] } = await locks.query();
  const alive = new Set(held.map((l) => l.name));
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(KEY) && !alive.has(TAB_LOCK + key.slice(KEY.length))) keys.push(key);
  }
  return keys.map((key) => {
    const name = storage.getItem(key) ?? '';
    storage.removeItem(key);
    return name;
  });
};

/** Marks this tab alive and notes each running import's name until it ends (however it ends). */
export const trackImports = (
  subscribe: (listener: (jobName: string | null) => void) => void,
  storage: KeyValue,
  locks: Locks | undefined,
  tabId: string = crypto.randomUUID(),
): void => {
  if (!locks) return;
  void locks.request(TAB_LOCK + tabId, () => new Promise<void>(() => undefined)).catch(() => undefined);
  let running: string | null = null;
  subscribe((jobName) => {
    if (jobName === running) return;
    running = jobName;
    try {
      if (jobName !== null) storage.setItem(KEY + tabId, jobName);
      else storage.removeItem(KEY + tabId);
    } catch {
      // Storage full or disabled: the notice is a courtesy, the import itself is unaffected.
    }
  });
};
