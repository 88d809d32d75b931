/**
 * The UI side of the worker: creates it, wraps it with Comlink, and disposes of both. The state layer imports this
 * module (never comlink itself): `proxyCallback` marks a progress callback to be called back across the boundary.
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from './types';

export type WorkerClient = {
  /** The worker's API as Comlink sees it. */
  remote: Comlink.Remote<WorkerApi>;
  /** The same object typed as the in-process API, for code written against WorkerApi (StoreDeps.api). */
  api: WorkerApi;
  /** Releases the proxy and terminates the worker. */
  dispose(): void;
};

export const createWorkerClient = (): WorkerClient => {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'tarifa-engine' });
  const remote = Comlink.wrap<WorkerApi>(worker);
  return {
    remote,
    api: remote as unknown as WorkerApi,
    dispose() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
};

/** Marks a callback (e.g. onProgress) to be called across the worker boundary instead of cloned. */
export const proxyCallback = <F extends (...args: never[]) => unknown>(fn: F): F => Comlink.proxy(fn);
