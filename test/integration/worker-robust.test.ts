// @vitest-environment node
/**
 * The worker client's crash restart, tab sync and reopen on a lost IndexedDB connection, with the real API served
 * over real MessagePorts through Comlink (as engine.worker.ts serves it), on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import * as Comlink from 'comlink';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../../src/storage/db';
import { createWorkerClient, proxyCallback, WorkerCrashedError, type WorkerLike } from '../../src/worker/client';
import { SYNC_CHANNEL, type Change } from '../../src/worker/tab-sync';
import type { WorkerApi } from '../../src/worker/types';
import { answerPings, startWorkerApi } from '../../src/worker/worker-start';

let seq = 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const freshDb = (): TarifaDb => {
  const db = new TarifaDb(`tarifa-robust-test-${process.pid}-${++seq}`);
  cleanups.push(() => db.delete());
  return db;
};

const PLAN = JSON.parse(readFileSync(new URL('../../public/plans/seat-plan.json', import.meta.url), 'utf8')) as unknown;
const csv = (rows: number, from = 0): File => {
  const lines = ['timestamp,kind,contact,channel'];
  for (let i = 0; i < rows; i++) lines.push(`2026-09-${String(1 + ((from + i) % 28)).padStart(2, '0')}T10:00:00Z,message,+55119876${String(from + i).padStart(5, '0')},wa`);
  return new File([lines.join('\n')], 'usage.csv');
};
const noProgress = proxyCallback(() => undefined);

/**
 * A worker stand-in: the API of one "worker start" on `db`, served over a MessageChannel. `terminate` closes the
 * ports, so calls already sent and later ones are never answered, as with a real terminated worker; `crash` fires
 * the `error` event a worker fires when its script throws.
 */
class PortWorker implements WorkerLike {
  readonly events = new EventTarget();
  private readonly port: MessagePort;
  private readonly inner: MessagePort;
  private readonly channel: BroadcastChannel;
  private ended = false;

  constructor(db: TarifaDb, readonly pages: Change[][] = []) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.inner = port2;
    this.channel = new BroadcastChannel(SYNC_CHANNEL);
    const scope = { addEventListener: port2.addEventListener.bind(port2), postMessage: (m: unknown) => port2.postMessage(m) };
    answerPings(scope);
    Comlink.expose(startWorkerApi({ db }, { channel: this.channel, toPage: (change) => port2.postMessage({ type: 'tarifa-changed', change }) }), port2 as unknown as Comlink.Endpoint);
    port1.start();
    port2.start();
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    if (!this.ended) this.port.postMessage(message, transfer ?? []);
  }

  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (ev: Event) => void): void {
    if (type === 'message') this.port.addEventListener('message', listener);
    else this.events.addEventListener(type, listener);
  }

  removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (ev: Event) => void): void {
    if (type === 'message') this.port.removeEventListener('message', listener);
    else this.events.removeEventListener(type, listener);
  }

  terminate(): void {
    this.ended = true;
    this.port.close();
    this.inner.close();
    this.channel.close();
  }

  crash(): void {
    this.events.dispatchEvent(new Event('error'));
  }
}

const clientOn = (db: TarifaDb, options: { deadAfterMs?: number } = {}) => {
  const spawned: PortWorker[] = [];
  const client = createWorkerClient({
    spawn: () => {
      const w = new PortWorker(db);
      spawned.push(w);
      return w;
    },
    pingEveryMs: 20,
    deadAfterMs: options.deadAfterMs ?? 60_000,
  });
  cleanups.push(() => client.dispose());
  return { client, spawned };
};

const importOne = async (api: WorkerApi, rows = 500) => {
  const r = await api.importFile(csv(rows), { timeZone: 'UTC', name: 'usage' }, `job-${++seq}`, noProgress);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('worker client: crash restart', () => {
  it('a worker that stops answering fails the waiting call cleanly, is restarted, and the next call works', async () => {
    const db = freshDb();
    // A short watchdog (the stand-in's API shares this thread, so a busy machine can delay pongs: 2 s, not less).
    const { client, spawned } = clientOn(db, { deadAfterMs: 2_000 });
    const restarts: string[] = [];
    client.onRestart((r) => restarts.push(r));
    const dataset = await importOne(client.api);
    expect((await client.api.estimate(dataset.id, PLAN)).ok).toBe(true);

    client.killSilently();
    const started = Date.now();
    const pending = client.api.estimate(dataset.id, PLAN);
    const failed = await pending;
    expect(failed).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/restarted/) } });
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(client.api.listDatasets()).resolves.toHaveLength(1);
    expect(restarts).toEqual(['unresponsive']);
    expect(spawned).toHaveLength(2);

    const again = await client.api.estimate(dataset.id, PLAN);
    expect(again.ok).toBe(true);
  });

  it("an error event restarts at once: an in-flight import fails cleanly and a plain call rejects", async () => {
    const db = freshDb();
    const { client, spawned } = clientOn(db, { deadAfterMs: 60_000 });
    const restarts: string[] = [];
    client.onRestart((r) => restarts.push(r));
    await client.api.listDatasets();
    // The stand-in's API keeps running in-process after the "crash"; a real worker's would die with it.
    const importing = client.api.importFile(csv(30_000), { timeZone: 'UTC' }, 'job-crash', noProgress);
    const listing = client.api.listPlans();
    spawned[0].crash();
    await expect(importing).resolves.toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/restarted/) } });
    await expect(listing).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(restarts).toEqual(['error']);
    expect(client.restarts()).toBe(1);
    const dataset = await importOne(client.api);
    expect((await client.api.estimate(dataset.id, PLAN)).ok).toBe(true);
  });

  it('gives up after repeated crashes: calls fail at once instead of restarting forever', async () => {
    const db = freshDb();
    const { client, spawned } = clientOn(db, { deadAfterMs: 60_000 });
    const reasons: string[] = [];
    client.onRestart((r) => reasons.push(r));
    for (let i = 0; i < 6; i++) spawned[spawned.length - 1].crash();
    expect(reasons.at(-1)).toBe('gave-up');
    expect(spawned).toHaveLength(6);
    await expect(client.api.estimate('x', PLAN)).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: /reload/ } });
    await expect(client.api.listDatasets()).rejects.toBeInstanceOf(WorkerCrashedError);
  });
});

describe('worker client: hostile documents', () => {
  it('a plan nested 10,000 levels deep is answered with an issue, not a failed structured clone', async () => {
    const db = freshDb();
    const { client } = clientOn(db, { deadAfterMs: 60_000 });
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { not: deep };
    const plan = { ...(PLAN as Record<string, unknown>), meters: { messages: { type: 'count', where: { contact: deep } } } };
    const issues = await client.api.validatePlan(plan);
    expect(issues).toEqual([{ path: expect.stringMatching(/^meters\.messages\.where\.contact\.not\.not/), message: 'nested more than 64 levels deep' }]);
    await expect(client.api.savePlan(plan)).resolves.toMatchObject({ ok: false, error: { code: 'bad-file', issues: [{ message: 'nested more than 64 levels deep' }] } });
    await expect(client.api.estimate('x', plan)).resolves.toMatchObject({ ok: false });
    expect(await client.api.listPlans()).toEqual([]);
    expect(client.restarts()).toBe(0);
  });
});

describe('tab sync', () => {
  const twoTabs = () => {
    const db = freshDb();
    const a = clientOn(db).client;
    const b = clientOn(db).client;
    const heard: Change[] = [];
    b.onChange((c) => heard.push(c));
    return { a, b, heard };
  };
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check()).toBe(true);
  };

  it("tells the other tab about imports, deletes, plans, rules and settings, never a tab about its own", async () => {
    const { a, b, heard } = twoTabs();
    const mine: Change[] = [];
    a.onChange((c) => mine.push(c));
    const dataset = await importOne(a.api);
    await until(() => heard.length === 1);
    expect(heard[0]).toEqual({ topics: ['datasets'] });
    const plan = await a.api.savePlan(PLAN);
    expect(plan.ok).toBe(true);
    await a.api.savePlan({ nonsense: true }); // invalid: nothing stored, nothing told
    await a.api.setKeepRawIdentifiers(true);
    await a.api.deleteDataset(dataset.id);
    await until(() => heard.length === 4);
    expect(heard.slice(1)).toEqual([{ topics: ['plans'] }, { topics: ['settings'] }, { topics: ['datasets'], datasetIds: [dataset.id] }]);
    expect(mine).toEqual([]);
    expect(await b.api.listDatasets()).toEqual([]);
  });

  it("drops a dataset another tab deleted from this worker's memory (no estimate of deleted data)", async () => {
    const { a, b, heard } = twoTabs();
    const dataset = await importOne(a.api);
    expect((await b.api.estimate(dataset.id, PLAN)).ok).toBe(true); // now held in b's worker memory
    await a.api.deleteDataset(dataset.id);
    await until(() => heard.some((c) => c.datasetIds?.includes(dataset.id) === true));
    const after = await b.api.estimate(dataset.id, PLAN);
    expect(after).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('reopen on a lost IndexedDB connection', () => {
  it('a call after the connection was closed reopens it and answers', async () => {
    const db = freshDb();
    const api = startWorkerApi({ db });
    const dataset = await importOne(api);
    db.close(); // as a lost connection or another tab's delete-and-upgrade would leave it
    expect(db.isOpen()).toBe(false);
    expect((await api.listDatasets()).map((d) => d.id)).toEqual([dataset.id]);
    expect((await api.estimate(dataset.id, PLAN)).ok).toBe(true);
  });

  it('an import whose connection is closed under it is run once more and completes whole', async () => {
    const db = freshDb();
    const api = startWorkerApi({ db });
    await api.listDatasets();
    let closed = false;
    const result = await api.importFile(csv(40_000), { timeZone: 'UTC', name: 'big' }, 'job-close', (p) => {
      if (!closed && p.rowsImported > 0) {
        closed = true;
        db.close();
      }
    });
    expect(closed).toBe(true);
    expect(result).toMatchObject({ ok: true, value: { imported: 40_000 } });
    const datasets = await api.listDatasets();
    expect(datasets.map((d) => d.imported)).toEqual([40_000]);
    // The first attempt left nothing behind: only the finished dataset's chunks are stored.
    const ids = new Set((await db.chunks.toArray()).map((c) => c.datasetId));
    expect([...ids]).toEqual([datasets[0].id]);
  });

  it('another tab deleting the database (versionchange) closes this connection; the next call reopens an empty one', async () => {
    const db = freshDb();
    const api = startWorkerApi({ db });
    await importOne(api);
    await new TarifaDb(db.name).delete(); // as "delete all data" in another tab: this connection gets versionchange
    expect(db.isOpen()).toBe(false);
    expect(await api.listDatasets()).toEqual([]);
    expect((await api.savePlan(PLAN)).ok).toBe(true);
    expect(await api.listPlans()).toHaveLength(1);
  });

  it('a client-side close during a plan save retries once and stores the plan once', async () => {
    const db = freshDb();
    const api = startWorkerApi({ db });
    await api.listPlans();
    db.close();
    const saved = await api.savePlan(PLAN);
    expect(saved.ok).toBe(true);
    expect(await api.listPlans()).toHaveLength(1);
  });
});


