/**
 * Quota errors, recognised however they arrive: a DOMException 'QuotaExceededError' from IndexedDB, Dexie's
 * QuotaExceededError wrapper, or a Dexie AbortError / BulkError / ModifyError carrying one as `inner` or in `failures`.
 */

/** Thrown by repository writes when the browser's storage quota is exhausted. The worker maps it to code 'quota'. */
export class StorageQuotaError extends Error {
  constructor(message = 'Browser storage is full.', readonly cause?: unknown) {
    super(message);
    this.name = 'StorageQuotaError';
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'StorageQuotaError']);

type ErrorLike = { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };

export const isQuotaError = (error: unknown, depth = 0): boolean => {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return failures.some((f) => isQuotaError(f, depth + 1));
};

/** Runs a write; a quota failure (in any wrapping) is rethrown as StorageQuotaError, other errors unchanged. */
export const mapQuota = async <T>(write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageQuotaError(undefined, error);
    throw error;
  }
};
