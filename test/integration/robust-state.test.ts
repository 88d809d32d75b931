// @vitest-environment node
/**
 * Two tabs' stores on one database, each with its own worker API and a BroadcastChannel between the workers, as in
 * the app: a change in one tab reaches the other tab's store through applyRemoteChange.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { TarifaDb } from '../../src/storage/db';
import { SYNC_CHANNEL } from '../../src/worker/tab-sync';
import type { WorkerApi } from '../../src/worker/types';
import { startWorkerApi } from '../../src/worker/worker-start';

let seq = 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const read = (file: string): unknown => JSON.parse(readFileSync(`public/plans/${file}`, 'utf8'));

const tab = (db: TarifaDb): { store: AppStore; api: WorkerApi } => {
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  cleanups.push(() => channel.close());
  let store: AppStore | null = null;
  const api = startWorkerApi({ db }, { channel, toPage: (change) => void store?.getState().applyRemoteChange(change) });
  store = createAppStore({ api, fetchDefaultPlan: async () => read('seat-plan.json') });
  return { store, api };
};

const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('robust slice', () => {
  it("reloads another tab's import and delete, and drops the estimate of a deleted dataset", async () => {
    const db = new TarifaDb(`tarifa-robust-state-${process.pid}-${++seq}`);
    cleanups.push(() => db.delete());
    const a = tab(db);
    const b = tab(db);
    await a.store.getState().loadSample();
    const id = a.store.getState().selectedId!;
    await until(() => b.store.getState().datasets.length === 1);
    expect(b.store.getState().selectedId).toBe(id);
    await b.store.getState().loadDefaultPlan();
    await b.store.getState().runEstimate();
    expect(b.store.getState().estimate?.total).toBe('953.00');

    await a.store.getState().deleteDataset(id);
    await until(() => b.store.getState().datasets.length === 0);
    expect(b.store.getState().selectedId).toBeNull();
    expect(b.store.getState().estimate).toBeNull();
    expect(b.store.getState().syncRevisions.datasets).toBe(2);
  });

  it('tells of an engine restart once, however many calls it failed; a give-up replaces it', async () => {
    const db = new TarifaDb(`tarifa-robust-state-${process.pid}-${++seq}`);
    cleanups.push(() => db.delete());
    const { store } = tab(db);
    store.getState().noteEngineRestart(false);
    store.getState().noteEngineRestart(false);
    expect(store.getState().engineNotice).toBe('restarted');
    store.getState().dismissEngineNotice();
    expect(store.getState().engineNotice).toBeNull();
    store.getState().noteEngineRestart(false);
    store.getState().noteEngineRestart(true);
    expect(store.getState().engineNotice).toBe('gave-up');
  });
});
