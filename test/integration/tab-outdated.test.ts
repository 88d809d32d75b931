// @vitest-environment node
/**
 * Tab consistency (issue #8): another tab upgrading the database to a newer schema version makes this tab say it
 * must reload (instead of failing reopen after reopen), while a deletion still reopens; another tab's people import
 * reloads this tab's people list. Two tabs' stores on one fake-indexeddb database, each with its own worker API and
 * a BroadcastChannel between the workers, as in the app.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { TarifaDb } from '../../src/storage/db';
import { isTabOutdated, trackConnection } from '../../src/storage/reopen';
import { SYNC_CHANNEL, type Change } from '../../src/worker/tab-sync';
import type { WorkerApi } from '../../src/worker/types';
import { startWorkerApi } from '../../src/worker/worker-start';

let seq = 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const read = (file: string): unknown => JSON.parse(readFileSync(`public/plans/${file}`, 'utf8'));
const PLAN = read('seat-plan.json');

const freshDb = (): TarifaDb => {
  const db = new TarifaDb(`tarifa-outdated-${process.pid}-${++seq}`);
  cleanups.push(async () => {
    db.close();
    // The newer schema's database: deleted with a connection of the newest version.
    await new TarifaDb(db.name).delete();
  });
  return db;
};

const tab = (db: TarifaDb): { store: AppStore; api: WorkerApi; heard: Change[] } => {
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  cleanups.push(() => channel.close());
  let store: AppStore | null = null;
  const heard: Change[] = [];
  const api = startWorkerApi({ db }, { channel, toPage: (change) => { heard.push(change); void store?.getState().applyRemoteChange(change); } });
  store = createAppStore({ api, fetchDefaultPlan: async () => PLAN });
  return { store, api, heard };
};

/** Another tab running a newer Tarifa: the same database opened at the next schema version (nothing else changed). */
const upgradeElsewhere = async (name: string): Promise<void> => {
  const newer = new TarifaDb(name);
  newer.version(newer.verno + 1).stores({});
  await newer.open();
  newer.close();
};

const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

const usage = (rows: number): File => {
  const lines = ['timestamp,kind,channel'];
  for (let i = 0; i < rows; i++) lines.push(`2026-09-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,message,wa`);
  return new File([lines.join('\n')], 'usage.csv');
};

describe('another tab upgrades the database (versionchange to a newer version)', () => {
  it('the connection is marked outdated once; calls fail with "outdated" instead of reopening; the page hears it', async () => {
    const db = freshDb();
    const { api, store, heard } = tab(db);
    expect((await api.importFile(usage(10), { timeZone: 'UTC', name: 'u' }, 'job', () => undefined)).ok).toBe(true);
    expect(store.getState().tabOutdated).toBe(false);
    await upgradeElsewhere(db.name);
    expect(db.isOpen()).toBe(false);
    expect(trackConnection(db).outdated()).toBe(true);
    await until(() => store.getState().tabOutdated);
    expect(heard.filter((c) => c.outdated)).toEqual([{ topics: [], outdated: true }]);
    // A call that returns a Result says why it failed; a plain read rejects with TabOutdatedError.
    const saved = await api.savePlan(PLAN);
    expect(saved).toMatchObject({ ok: false, error: { code: 'outdated' } });
    const listed = await api.listPlans().then(() => null, (e: unknown) => e);
    expect(isTabOutdated(listed)).toBe(true);
    // Nothing reopened the database at the old version (the other tab's upgrade stands).
    expect(db.isOpen()).toBe(false);
    const check = new TarifaDb(db.name);
    check.version(check.verno + 1).stores({});
    await check.open();
    expect(check.verno).toBe(new TarifaDb('x').verno + 1);
    expect(await check.plans.count()).toBe(0);
    check.close();
  });

  it('another tab deleting the database (versionchange without a version) still reopens: not outdated', async () => {
    const db = freshDb();
    const { api, store } = tab(db);
    await api.listPlans();
    await new TarifaDb(db.name).delete();
    expect(await api.listPlans()).toEqual([]);
    expect(trackConnection(db).outdated()).toBe(false);
    expect(store.getState().tabOutdated).toBe(false);
  });
});

describe('people changed in another tab', () => {
  it("reloads this tab's people list when another tab imports or deletes people", async () => {
    const db = new TarifaDb(`tarifa-people-sync-${process.pid}-${++seq}`);
    cleanups.push(() => db.delete());
    const a = tab(db);
    const b = tab(db);
    await b.store.getState().loadPeople();
    expect(b.store.getState().peopleList).toBeNull();
    const file = new File([readFileSync('test/fixtures/people/agents.csv')], 'agents.csv', { type: 'text/csv' });
    await a.store.getState().importPeople(file);
    const count = a.store.getState().peopleList?.people.length ?? 0;
    expect(count).toBeGreaterThan(0);
    await until(() => b.store.getState().peopleList?.people.length === count);
    expect(b.store.getState().syncRevisions.people).toBe(1);
    await a.store.getState().removePeople();
    await until(() => b.store.getState().peopleList === null);
  });
});
