/**
 * Web Locks around running imports, so a second tab's worker starting up does not discard an import another tab is
 * still writing. Without navigator.locks (Node, old browsers) the job simply runs and nothing is protected.
 */
export const IMPORT_LOCK_PREFIX = 'tarifa-import:';

const lockManager = (): LockManager | undefined => (globalThis.navigator as Navigator | undefined)?.locks;

export const withImportLock = <T>(datasetId: string, job: () => Promise<T>): Promise<T> => {
  const locks = lockManager();
  return locks ? locks.request(IMPORT_LOCK_PREFIX + datasetId, job) : job();
};

/** Dataset ids whose import lock is held right now (by any tab). */
export const lockedImports = async (): Promise<Set<string>> => {
  const locks = lockManager();
  if (!locks) return new Set();
  const { held = [] } = await locks.query();
  return new Set(held.flatMap((l) => (l.name?.startsWith(IMPORT_LOCK_PREFIX) ? [l.name.slice(IMPORT_LOCK_PREFIX.length)] : [])));
};
