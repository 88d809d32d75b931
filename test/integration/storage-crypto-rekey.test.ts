// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ENCRYPTION_SETTING, installSealing, WorkspaceLockedError } from '../../src/storage/crypto-workspace';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';

/** Issue #8: changing the workspace passphrase, turning encryption off, and other tabs writing meanwhile. */
let seq = 0;
const opened: TarifaDb[] = [];
const names: string[] = [];
const newName = () => {
  const name = `tarifa-rekey-test-${process.pid}-${++seq}`;
  names.push(name);
  return name;
};
const connect = (name: string, sealed = true) => {
  const db = new TarifaDb(name);
  opened.push(db);
  return { db, sealing: sealed ? installSealing(db) : null };
};
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await new TarifaDb(name).delete();
});

const PLAN = JSON.parse(readFileSync('test/fixtures/seat-plan.json', 'utf8')) as Record<string, unknown>;
const NOW = () => 1_767_225_600_000;
const noProgress = () => undefined;
const IT = 1000;

const populated = async () => {
  const name = newName();
  const { db, sealing } = connect(name);
  const api = createApi({ db, now: NOW });
  const sample = await api.loadSample('s', noProgress);
  if (!sample.ok) throw new Error(sample.error.message);
  await api.importFile(new File([readFileSync('test/fixtures/generic-broken-rows.csv')], 'broken.csv'), { timeZone: 'UTC' }, 'b', noProgress);
  await api.savePlan({ ...PLAN, description: 'secret description of the plan' });
  return { name, db, sealing: sealing!, api, datasetId: sample.value.id };
};

const rawRows = async (name: string) => {
  const { db } = connect(name, false);
  const out = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
  db.close();
  return out as Record<string, Record<string, unknown>[]>;
};

/** Every row of every table as the app reads it (through the seal), the encryption parameters left out. */
const plainRows = async (db: TarifaDb) => {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) {
    out[t.name] = (await t.toArray()).filter((r) => !(t.name === 'settings' && (r as { key?: unknown }).key === ENCRYPTION_SETTING));
  }
  return out;
};

const expectAllSealed = (raw: Record<string, Record<string, unknown>[]>) => {
  let n = 0;
  for (const [table, rows] of Object.entries(raw)) {
    for (const row of rows) {
      if (table === 'settings' && row.key === ENCRYPTION_SETTING) continue;
      expect(row, `${table} row sealed`).toHaveProperty('$sealed');
      n++;
    }
  }
  expect(n).toBeGreaterThan(5);
};

/** Makes IDBCursor.update throw on its nth call in `store` (a failing write mid-way), until restored. */
const failNthUpdate = (store: string, nth: number) => {
  const proto = (globalThis as unknown as { IDBCursor: { prototype: { update: (v: unknown) => unknown } } }).IDBCursor.prototype;
  const original = proto.update;
  let calls = 0;
  proto.update = function (this: { source: { name: string } }, value: unknown) {
    if (this.source.name === store && ++calls === nth) throw new DOMException('Simulated disk failure', 'UnknownError');
    return original.call(this, value);
  };
  return () => { proto.update = original; };
};

describe('changing the workspace passphrase', () => {
  it('re-seals every row: the old passphrase is refused, the new one opens it, every row reads the same', async () => {
    const { name, db, sealing, api, datasetId } = await populated();
    const estimate = await api.estimate(datasetId, PLAN);
    await sealing.enable('old passphrase', IT);
    const before = await plainRows(db);
    const rawBefore = await rawRows(name);
    const progress: { done: number; total: number }[] = [];
    await sealing.changePassphrase('old passphrase', 'new passphrase', { iterations: IT, onProgress: (p) => progress.push(p) });
    expect(await sealing.status()).toEqual({ encrypted: true, unlocked: true });
    expect(await plainRows(db)).toEqual(before);
    const rawAfter = await rawRows(name);
    expectAllSealed(rawAfter);
    // Really re-sealed: no sealed part kept from before.
    expect(rawAfter.plans[0].$sealed).not.toEqual(rawBefore.plans[0].$sealed);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(progress.at(-1)!.total).toBeGreaterThan(5);
    db.close();

    const restarted = connect(name);
    await expect(restarted.sealing!.unlock('old passphrase')).rejects.toThrow('Wrong passphrase.');
    await restarted.sealing!.unlock('new passphrase');
    expect(await plainRows(restarted.db)).toEqual(before);
    expect(await createApi({ db: restarted.db, now: NOW }).estimate(datasetId, PLAN)).toEqual(estimate);
  });

  it('a wrong current passphrase is refused and changes nothing', async () => {
    const { name, sealing } = await populated();
    await sealing.enable('old passphrase', IT);
    const raw = await rawRows(name);
    await expect(sealing.changePassphrase('not it', 'new passphrase', { iterations: IT })).rejects.toThrow('Wrong passphrase.');
    await expect(sealing.disable('not it')).rejects.toThrow('Wrong passphrase.');
    expect(await rawRows(name)).toEqual(raw);
  });

  it('a write failing mid-way leaves the workspace as it was, readable with the old passphrase', async () => {
    const { name, db, sealing } = await populated();
    await sealing.enable('old passphrase', IT);
    const before = await plainRows(db);
    const raw = await rawRows(name);
    const restore = failNthUpdate('chunks', 2);
    try {
      await expect(sealing.changePassphrase('old passphrase', 'new passphrase', { iterations: IT })).rejects.toThrow('Simulated disk failure');
    } finally {
      restore();
    }
    expect(await rawRows(name)).toEqual(raw);
    expect(await plainRows(db)).toEqual(before);
    db.close();
    const restarted = connect(name);
    await expect(restarted.sealing!.unlock('new passphrase')).rejects.toThrow('Wrong passphrase.');
    await restarted.sealing!.unlock('old passphrase');
    expect(await plainRows(restarted.db)).toEqual(before);
  });

  it('a cancel mid-way changes nothing', async () => {
    const { name, sealing } = await populated();
    await sealing.enable('old passphrase', IT);
    const raw = await rawRows(name);
    const controller = new AbortController();
    const job = sealing.changePassphrase('old passphrase', 'new passphrase', {
      iterations: IT, signal: controller.signal, onProgress: (p) => { if (p.done > 0) controller.abort(); },
    });
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(await rawRows(name)).toEqual(raw);
  });
});

describe('the worker calls', () => {
  it('say a wrong current passphrase and a cancel as such, change nothing, and a later change works', async () => {
    const { name, api } = await populated();
    expect(await api.setWorkspacePassphrase('first passphrase')).toEqual({ ok: true, value: null });
    const raw = await rawRows(name);
    expect(await api.changeWorkspacePassphrase('wrong passphrase', 'second passphrase', 'j1', noProgress))
      .toEqual({ ok: false, error: { code: 'passphrase', message: 'The current passphrase is wrong; nothing was changed.' } });
    expect(await api.changeWorkspacePassphrase('first passphrase', 'short', 'j2', noProgress)).toMatchObject({ ok: false, error: { code: 'passphrase' } });
    expect(await api.decryptWorkspace('wrong passphrase', 'j3', noProgress)).toMatchObject({ ok: false, error: { code: 'passphrase' } });
    // Cancelled while the keys are derived (before any row is touched) or while rows are rewritten: nothing changes.
    const cancelled = api.changeWorkspacePassphrase('first passphrase', 'second passphrase', 'j4', noProgress);
    await api.cancel('j4');
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await rawRows(name)).toEqual(raw);

    const progress: { done: number; total: number }[] = [];
    expect(await api.changeWorkspacePassphrase('first passphrase', 'second passphrase', 'j5', (p) => progress.push(p))).toEqual({ ok: true, value: null });
    expect(progress.at(-1)).toEqual({ done: progress.at(-1)!.total, total: expect.any(Number) });
    expect(await api.decryptWorkspace('second passphrase', 'j6', noProgress)).toEqual({ ok: true, value: null });
    expect(await api.workspaceLock()).toEqual({ encrypted: false, unlocked: true });
  });
});

describe('turning encryption off', () => {
  it('writes every row back plain, identical to before encryption', async () => {
    const { name, db, sealing } = await populated();
    const plainDisk = await rawRows(name);
    await sealing.enable('a passphrase', IT);
    await expect(sealing.disable('wrong one')).rejects.toThrow('Wrong passphrase.');
    await sealing.disable('a passphrase');
    expect(await sealing.status()).toEqual({ encrypted: false, unlocked: true });
    expect(await rawRows(name)).toEqual(plainDisk);
    db.close();
    const restarted = connect(name);
    expect(await restarted.sealing!.status()).toEqual({ encrypted: false, unlocked: true });
    expect(await plainRows(restarted.db)).toEqual(Object.fromEntries(Object.entries(plainDisk)));
  });
});

describe('another tab writing around an encryption change', () => {
  it('a tab that has not unlocked cannot write plain rows into a workspace encrypted meanwhile', async () => {
    const { name, sealing } = await populated();
    // Tab B opened the workspace while it was still plain.
    const tabB = connect(name);
    const apiB = createApi({ db: tabB.db, now: NOW });
    expect(await tabB.sealing!.status()).toEqual({ encrypted: false, unlocked: true });
    await sealing.enable('a passphrase', IT);
    // B has not heard of it: its write is refused (it must unlock first) instead of landing unsealed.
    const countBefore = (await rawRows(name)).plans.length;
    const saved = await apiB.savePlan({ ...PLAN, name: 'From tab B', description: 'tab B secret' });
    expect(saved.ok).toBe(false);
    await expect(tabB.db.templates.put({ id: 't', name: 'T', json: { body: 'tab B body' }, createdAt: 1, updatedAt: 1 })).rejects.toBeInstanceOf(WorkspaceLockedError);
    expect((await rawRows(name)).plans.length).toBe(countBefore);
    expect(await tabB.sealing!.status()).toEqual({ encrypted: true, unlocked: false });
    await tabB.sealing!.unlock('a passphrase');
    await tabB.db.templates.put({ id: 't', name: 'T', json: { body: 'tab B body' }, createdAt: 1, updatedAt: 1 });
    const raw = await rawRows(name);
    expectAllSealed(raw);
    expect(JSON.stringify(raw.templates)).not.toContain('tab B body');
  });

  it('a tab holding the old key cannot seal rows under it after the passphrase changed; after encryption is off it writes plain', async () => {
    const { name, sealing } = await populated();
    await sealing.enable('old passphrase', IT);
    const tabB = connect(name);
    await tabB.sealing!.unlock('old passphrase');
    await sealing.changePassphrase('old passphrase', 'new passphrase', { iterations: IT });
    const row = { id: 't', name: 'T', json: { body: 'tab B body' }, createdAt: 1, updatedAt: 1 };
    // Reading rows re-sealed under the new key says "locked", not "wrong passphrase or changed data".
    await expect(tabB.db.plans.toArray()).rejects.toBeInstanceOf(WorkspaceLockedError);
    await expect(tabB.db.templates.put(row)).rejects.toBeInstanceOf(WorkspaceLockedError);
    await tabB.sealing!.unlock('new passphrase');
    expect((await tabB.db.plans.toArray()).length).toBeGreaterThan(0);
    await tabB.db.templates.put(row);
    expect(await opened[0].templates.get('t')).toEqual(row);

    await sealing.disable('new passphrase');
    await tabB.db.templates.put({ ...row, name: 'T2' });
    const raw = await rawRows(name);
    expect(raw.templates.find((r) => r.id === 't')).toEqual({ ...row, name: 'T2' });
    expect(await tabB.sealing!.status()).toEqual({ encrypted: false, unlocked: true });
  });

  it('writes queued in the same worker while the passphrase changes land under the new key', async () => {
    const { name, db, sealing, api } = await populated();
    await sealing.enable('old passphrase', IT);
    const change = sealing.changePassphrase('old passphrase', 'new passphrase', { iterations: IT });
    const saves = Array.from({ length: 5 }, (_, i) => api.savePlan({ ...PLAN, name: `During ${i}` }));
    await change;
    expect((await Promise.all(saves)).every((r) => r.ok)).toBe(true);
    db.close();
    const restarted = connect(name);
    await restarted.sealing!.unlock('new passphrase');
    const plans = await createApi({ db: restarted.db, now: NOW }).listPlans();
    expect(plans.filter((p) => p.name.startsWith('During'))).toHaveLength(5);
  });
});
