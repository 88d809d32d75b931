import type { WorkerApi } from '../worker/types';
import type { Locale } from './app-slice';

/** What the store needs from the outside world; tests pass the real worker API in-process. */
export type StoreDeps = {
  api: WorkerApi;
  /** Wraps a callback so it can cross the worker boundary (Comlink.proxy); identity in-process. */
  wrapCallback?: <F extends (...args: never[]) => unknown>(fn: F) => F;
  /** Loads the default plan shipped in public/plans. */
  fetchDefaultPlan: () => Promise<unknown>;
  /** The example plans shipped in public/plans, in the order of public/plans-index.json (absent: none offered). */
  fetchShippedPlans?: () => Promise<{ file: string; json: unknown }[]>;
  /** navigator.storage.persist(), asked once after the first import. */
  requestPersist?: () => Promise<boolean>;
  newJobId?: () => string;
  /** The UI language at start (see pickLocale) and where a change is remembered. */
  initialLocale?: Locale;
  saveLocale?: (locale: Locale) => void;
};
