/**
 * The UI side of the worker: creates it, wraps it with Comlink, and disposes of both. The state layer imports this
 * module (never comlink itself): `proxyCallback` marks a progress callback to be called back across the boundary.
 *
 * Crash restart: the worker is dead when it fires `error` or `messageerror`, or when calls are waiting and it has
 * not answered a ping for `deadAfterMs` (a terminated worker answers nothing, so a call to it would wait forever).
 * Then the client terminates it, starts a new one (which discards any half-written import at start) and settles
 * the calls that were waiting: a call that returns a Result resolves with a Failure (code 'internal'), any other
 * call rejects with WorkerCrashedError. `api` is one object that always talks to the live worker, so the UI never
 * holds a stale proxy; `onRestart` listeners hear each restart (the app tells the user once). After
 * MAX_RESTARTS restarts within a minute the client stops restarting and every call fails at once.
 */
import * as Comlink from 'comlink';
import { tooDeepAt, tooDeepMessage } from '../engine/plan/depth';
import { CHANGED, isChange, type Change } from './tab-sync';
import type { Failure, WorkerApi } from './types';

/** What the client needs of a worker; a real Worker in the app, a MessagePort pair in tests. */
export type WorkerLike = {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (ev: Event) => void): void;
  removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (ev: Event) => void): void;
  terminate(): void;
};

export type WorkerClientOptions = {
  /** Starts a worker (default: the engine worker). */
  spawn?: () => WorkerLike;
  /** How often a busy client pings the worker (default 5 s). */
  pingEveryMs?: number;
  /**
   * Calls waiting and no answer to pings for this long: the worker is dead (default 90 s: a worker busy in one long
   * synchronous step, such as pricing 10 million events, answers no ping until it is done, and must not be taken for dead).
   */
  deadAfterMs?: number;
};

/** Why the worker was restarted; 'gave-up' when it kept dying and was not restarted (calls now fail at once). */
export type RestartReason = 'error' | 'unresponsive' | 'gave-up';

export type WorkerClient = {
  /** The worker's API; always the live worker's, across restarts. */
  api: WorkerApi;
  /** Hears every restart; returns an unsubscribe function. */
  onRestart(listener: (reason: RestartReason) => void): () => void;
  /** Hears what another tab changed (its writes, relayed by this tab's worker); returns an unsubscribe function. */
  onChange(listener: (change: Change) => void): () => void;
  /** Restarts done so far. */
  restarts(): number;
  /** Terminates the worker without telling anyone, as a crash would (debug and tests: the watchdog must notice). */
  killSilently(): void;
  /** Asks the worker to throw an uncaught error (debug and tests: the `error` event path). */
  crash(): void;
  /** Releases the proxy and terminates the worker; later calls fail. */
  dispose(): void;
};

/** A call that was waiting on a worker that died. */
export class WorkerCrashedError extends Error {
  constructor(message = CRASH_MESSAGE) {
    super(message);
    this.name = 'WorkerCrashedError';
  }
}

export const CRASH_MESSAGE = 'The engine stopped unexpectedly and was restarted; nothing was saved from this step. Please try again.';
const GAVE_UP_MESSAGE = 'The engine keeps stopping; reload the page.';
export const PING = 'tarifa-ping';
export const PONG = 'tarifa-pong';
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/**
 * Calls that answer with a Result: on a crash they resolve with a Failure, which every caller already shows. A call
 * not listed here (a newer one) rejects with WorkerCrashedError instead, which callers handle as an error.
 */
const RESULT_CALLS: ReadonlySet<string> = new Set([
  'importFile', 'loadSample', 'estimate', 'consumption', 'getPlan', 'savePlan', 'setAllowanceAlert', 'rulesValues',
  'split', 'getRules', 'saveRules', 'inspectFile', 'previewMapping', 'savePreset', 'renamePreset', 'importPresetFile',
  'addRateCard',
]);

const defaultSpawn = (): WorkerLike =>
  new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'tarifa-engine' });

type Instance = { worker: WorkerLike; remote: Comlink.Remote<WorkerApi>; dead: boolean; stop: () => void };
type Waiting = { instance: Instance; settle: (crash: Failure) => void };

export const createWorkerClient = (options: WorkerClientOptions = {}): WorkerClient => {
  const spawn = options.spawn ?? defaultSpawn;
  const pingEveryMs = options.pingEveryMs ?? 5_000;
  const deadAfterMs = options.deadAfterMs ?? 90_000;
  const listeners = new Set<(reason: RestartReason) => void>();
  const changeListeners = new Set<(change: Change) => void>();
  const waiting = new Set<Waiting>();
  const restartTimes: number[] = [];
  let restartCount = 0;
  let disposed = false;
  let gaveUp = false;
  /** When the live worker last showed it was alive (a pong, or a call answered). */
  let aliveAt = Date.now();
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let pingSeq = 0;

  const start = (): Instance => {
    const worker = spawn();
    const instance: Instance = { worker, remote: Comlink.wrap<WorkerApi>(worker as unknown as Comlink.Endpoint), dead: false, stop: () => undefined };
    const onMessage = (ev: Event) => {
      const data = (ev as MessageEvent).data as { type?: unknown; change?: unknown } | null;
      if (data?.type === PONG) aliveAt = Date.now();
      else if (data?.type === CHANGED && isChange(data.change)) for (const l of changeListeners) l(data.change);
    };
    const onError = (ev: Event) => {
      ev.preventDefault?.();
      died(instance, 'error');
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    instance.stop = () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
      try {
        instance.remote[Comlink.releaseProxy]();
      } catch {
        // A proxy to a dead worker may fail to say goodbye; nothing else to release.
      }
      worker.terminate();
    };
    aliveAt = Date.now();
    return instance;
  };

  let current = start();

  const stopPinging = () => {
    if (pingTimer !== null) clearInterval(pingTimer);
    pingTimer = null;
  };

  const watch = () => {
    if (pingTimer !== null || waiting.size === 0) return;
    aliveAt = Date.now();
    pingTimer = setInterval(() => {
      if (waiting.size === 0) {
        stopPinging();
        return;
      }
      if (Date.now() - aliveAt > deadAfterMs) {
        died(current, 'unresponsive');
        return;
      }
      try {
        current.worker.postMessage({ type: PING, n: ++pingSeq });
      } catch {
        died(current, 'error');
      }
    }, pingEveryMs);
  };

  function died(instance: Instance, reason: RestartReason): void {
    if (instance.dead || instance !== current || disposed) return;
    instance.dead = true;
    instance.stop();
    const now = Date.now();
    restartTimes.push(now);
    while (restartTimes.length > 0 && now - restartTimes[0] > RESTART_WINDOW_MS) restartTimes.shift();
    gaveUp = restartTimes.length > MAX_RESTARTS;
    if (!gaveUp) {
      current = start();
      restartCount++;
    }
    const crash: Failure = { code: 'internal', message: gaveUp ? GAVE_UP_MESSAGE : CRASH_MESSAGE };
    for (const w of [...waiting]) if (w.instance === instance) w.settle(crash);
    if (waiting.size === 0) stopPinging();
    for (const l of listeners) l(gaveUp ? 'gave-up' : reason);
  }

  const call = (name: string, args: unknown[]): Promise<unknown> => {
    const returnsResult = RESULT_CALLS.has(name);
    // A document nested thousands of levels deep (a hostile plan or rules file) cannot be posted: the structured clone
    // recurses and overflows the stack. Answer here, as the worker would answer a document past the depth limit.
    const deepAt = args.map((a) => tooDeepAt(a)).find((p) => p !== null);
    if (deepAt != null) {
      const issues = [{ path: deepAt, message: tooDeepMessage }];
      if (name.startsWith('validate')) return Promise.resolve(issues);
      if (returnsResult) return Promise.resolve({ ok: false, error: { code: 'bad-file', message: `${deepAt}: ${tooDeepMessage}`, issues } });
      return Promise.reject(new RangeError(`${name}: ${deepAt}: ${tooDeepMessage}`));
    }
    if (disposed || gaveUp) {
      const message = disposed ? 'The engine was closed.' : GAVE_UP_MESSAGE;
      return returnsResult ? Promise.resolve({ ok: false, error: { code: 'internal', message } })
        : Promise.reject(new WorkerCrashedError(message));
    }
    const instance = current;
    return new Promise((resolve, reject) => {
      const entry: Waiting = {
        instance,
        settle: (crash) => {
          waiting.delete(entry);
          if (returnsResult) resolve({ ok: false, error: crash });
          else reject(new WorkerCrashedError(crash.message));
        },
      };
      waiting.add(entry);
      const fn = (instance.remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
      fn(...args).then(
        (value) => {
          if (!waiting.delete(entry)) return; // already settled by a crash
          if (instance === current) aliveAt = Date.now();
          resolve(value);
        },
        (error: unknown) => {
          if (!waiting.delete(entry)) return;
          reject(error);
        },
      );
      watch();
    });
  };

  const api = new Proxy({} as WorkerApi, {
    get: (_, name) => (typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => call(name, args) : undefined),
  });

  return {
    api,
    onRestart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    restarts: () => restartCount,
    killSilently() {
      current.worker.terminate();
    },
    crash() {
      current.worker.postMessage({ type: 'tarifa-crash' });
    },
    dispose() {
      disposed = true;
      stopPinging();
      current.stop();
      for (const w of [...waiting]) w.settle({ code: 'internal', message: 'The engine was closed.' });
    },
  };
};

/** Marks a callback (e.g. onProgress) to be called across the worker boundary instead of cloned. */
export const proxyCallback = <F extends (...args: never[]) => unknown>(fn: F): F => Comlink.proxy(fn);
