/**
 * What the engine worker serves: the API, held back until imports a closed tab left half-written are discarded, so no
 * call ever sees (or races with) a half dataset. Imports still running in another tab (Web Lock held) are kept.
 */
import { discardUnfinished } from '../storage/datasets-repo';
import { createApi, type ApiDeps } from './api';
import { lockedImports } from './import-lock';
import type { WorkerApi } from './types';

export const startWorkerApi = (deps: ApiDeps): WorkerApi => {
  const ready = lockedImports()
    .then((running) => discardUnfinished(deps.db, running))
    .catch(() => undefined);
  const api = createApi(deps);
  return Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [name, async (...args: unknown[]) => {
      await ready;
      return (fn as (...a: unknown[]) => unknown)(...args);
    }]),
  ) as WorkerApi;
};
