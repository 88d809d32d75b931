/**
 * What the engine worker serves: the API, held back until imports a closed tab left half-written are discarded, so no
 * call ever sees (or races with) a half dataset. Imports still running in another tab (Web Lock held) are kept.
 *
 * Around every call: a call that failed because the IndexedDB connection was lost meanwhile is run once more on a
 * reopened connection (storage/reopen.ts). With a `channel` (engine.worker.ts passes a BroadcastChannel), writes are
 * told to the other tabs and their writes reach this one: the datasets they changed leave this worker's memory and
 * `toPage` hears the change (tab-sync.ts).
 */
import { discardUnfinished } from '../storage/datasets-repo';
import { callWithReopen, OUTDATED_MESSAGE, trackConnection } from '../storage/reopen';
import { createApi, type ApiDeps } from './api';
import { lockedImports } from './import-lock';
import { createTableCache } from './table-cache';
import { withTabSync, type Change, type ChannelLike } from './tab-sync';
import type { WorkerApi } from './types';

export type SyncDeps = { channel: ChannelLike; toPage: (change: Change) => void };

/** A Failure worth one more try on a reopened connection (a cancellation is the user's, not the connection's). */
const failedResult = (r: unknown): boolean =>
  typeof r === 'object' && r !== null && (r as { ok?: unknown }).ok === false
  && (r as { error?: { code?: unknown } }).error?.code !== 'cancelled';

export const startWorkerApi = (deps: ApiDeps, sync?: SyncDeps): WorkerApi => {
  const ready = lockedImports()
    .then((running) => discardUnfinished(deps.db, running))
    .catch(() => undefined);
  const tables = deps.tables ?? createTableCache(deps.db);
  const base = createApi({ ...deps, tables });
  const api = sync ? withTabSync(base, sync.channel, (change) => {
    if (change.topics.includes('all')) tables.clear();
    for (const id of change.datasetIds ?? []) tables.evict(id);
    sync.toPage(change);
  }) : base;
  // Another tab upgraded the database to a newer version: this tab's code is out of date; its page must reload.
  const tracker = trackConnection(deps.db);
  if (sync) tracker.onOutdated(() => sync.toPage({ topics: [], outdated: true }));
  return Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [name, async (...args: unknown[]) => {
      await ready;
      const result = await callWithReopen(deps.db, () => (fn as (...a: unknown[]) => Promise<unknown>)(...args), failedResult);
      // A Result that failed because the database was upgraded elsewhere says so (plain reads reject: TabOutdatedError).
      return failedResult(result) && tracker.outdated() ? { ok: false, error: { code: 'outdated', message: OUTDATED_MESSAGE } } : result;
    }]),
  ) as WorkerApi;
};

type Scope = { addEventListener(type: 'message', l: (ev: MessageEvent) => void): void; postMessage(message: unknown): void };

/**
 * Answers the client's pings (client.ts) beside Comlink, which ignores messages of other types: a worker that
 * answers is alive, one that stops answering while calls wait is taken for dead and restarted. A 'tarifa-crash'
 * message (the page's debug hook) makes it throw an uncaught error, so tests can take the crash path for real.
 */
export const answerPings = (scope: Scope): void => {
  scope.addEventListener('message', (ev) => {
    const data = ev.data as { type?: unknown; n?: unknown } | null;
    if (data?.type === 'tarifa-ping') scope.postMessage({ type: 'tarifa-pong', n: data.n });
    // The page's debug hook asks for a crash: an uncaught error, which the page sees as the worker's `error` event.
    else if (data?.type === 'tarifa-crash') setTimeout(() => { throw new Error('engine crash requested by the page (debug hook)'); });
  });
};
