import type { StorageInfo } from './types';

/** Usage and quota from navigator.storage (available in workers); zeros when the API is absent or fails. */
export const readStorageInfo = async (): Promise<StorageInfo> => {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage) return { usage: 0, quota: 0, persisted: false };
  const [estimate, persisted] = await Promise.all([
    typeof storage.estimate === 'function' ? storage.estimate().catch(() => ({} as StorageEstimate)) : Promise.resolve({} as StorageEstimate),
    typeof storage.persisted === 'function' ? storage.persisted().catch(() => false) : Promise.resolve(false),
  ]);
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
};
