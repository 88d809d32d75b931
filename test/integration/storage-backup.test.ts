// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupFormatError, restoreBackup, writeBackup, type BackupProgress } from '../../src/storage/backup';
import { TarifaDb } from '../../src/storage/db';
import { putDoc } from '../../src/storage/docs-repo';
import { StorageQuotaError } from '../../src/storage/quota';
import { createApi } from '../../src/worker/api';

let seq = 0;
const dbs: TarifaDb[] = [];
const freshDb = (): TarifaDb => {
  const db = new TarifaDb(`tarifa-backup-test-${process.pid}-${++seq}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const PLAN = JSON.parse(readFileSync('test/fixtures/seat-plan.json', 'utf8')) as unknown;
const noProgress = () => undefined;
const NOW = () => 1_767_225_600_000;

/** A workspace with the sample (chunks), a file with rejects, a plan, documents, a task, people and settings. */
const populated = async () => {
  const db = freshDb();
  let n = 0;
  const api = createApi({ db, now: NOW, newId: () => `id-${seq}-${++n}` });
  const sample = await api.loadSample('j1', noProgress);
  expect(sample.ok).toBe(true);
  const broken = await api.importFile(new File([readFileSync('test/fixtures/generic-broken-rows.csv')], 'broken.csv'), { timeZone: 'UTC' }, 'j2', noProgress);
  expect(broken.ok && broken.value.rejected).toBeGreaterThan(0);
  expect((await api.savePlan(PLAN)).ok).toBe(true);
  await putDoc(db, 'scenarios', { id: 'sc1', name: 'What if', json: { knobs: [1, 2], $: 'user dollar key' }, createdAt: 1, updatedAt: 2 });
  await putDoc(db, 'templates', { id: 't1', name: 'Offer', json: { price: '10.00' }, createdAt: 1, updatedAt: 2 });
  await db.tasks.put({ id: 'task1', title: 'Follow up', due: 5, status: 'open', ref: { kind: 'offer' }, createdAt: 1, updatedAt: 1 });
  await db.people.put({ id: 'p1', name: 'agents.csv', people: [{ name: 'Ana', email: 'ana@x', role: 'agent', channels: ['wa'] }], createdAt: 1, updatedAt: 1 });
  await api.setKeepRawIdentifiers(false);
  return { db, api, datasetId: sample.ok ? sample.value.id : '' };
};

/** Every row of every table, in key order: two equal snapshots are two equal workspaces. */
const snapshot = async (db: TarifaDb) =>
  Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));

const file = (blob: Blob) => new File([blob], 'workspace.tarifa-backup');
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('workspace backup', () => {
  it('restores every table, typed arrays included, into an empty workspace, and prices identically', async () => {
    const { db, api, datasetId } = await populated();
    const progress: BackupProgress[] = [];
    const backup = await writeBackup(db, { appVersion: '0.1.0', onProgress: (p) => progress.push(p) });
    expect(backup.datasets).toBe(2);
    expect(backup.rows.chunks).toBe(await db.chunks.count());
    expect(progress.at(-1)).toMatchObject({ phase: 'backup' });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);

    const target = freshDb();
    const result = await restoreBackup(target, file(backup.blob), { mode: 'replace' });
    expect(result).toMatchObject({ mode: 'replace', datasets: 2, skipped: 0 });
    expect(await snapshot(target)).toEqual(await snapshot(db));
    const chunk = (await target.chunks.toArray())[0];
    expect(chunk.columns.timestamp).toBeInstanceOf(Float64Array);

    const restoredApi = createApi({ db: target, now: NOW });
    const [before, after] = await Promise.all([api.estimate(datasetId, PLAN), restoredApi.estimate(datasetId, PLAN)]);
    expect(after).toEqual(before);
  });

  it('leaves an unfinished import out of the backup', async () => {
    const { db } = await populated();
    await db.datasets.put({ ...(await db.datasets.toArray())[0], id: 'half', status: 'importing' });
    await db.chunks.put({ ...(await db.chunks.toArray())[0], datasetId: 'half' });
    const backup = await writeBackup(db, { appVersion: '0.1.0' });
    const target = freshDb();
    await restoreBackup(target, file(backup.blob), { mode: 'replace' });
    expect(await target.datasets.get('half')).toBeUndefined();
    expect(await target.chunks.where('datasetId').equals('half').count().catch(() => 0)).toBe(0);
  });

  it('leaves the chunks and rejects an append has staged but not committed out of the backup', async () => {
    const { db, datasetId } = await populated();
    const dataset = (await db.datasets.get(datasetId))!;
    const before = await db.chunks.where('[datasetId+index]').between([datasetId, 0], [datasetId, Infinity]).count();
    expect(before).toBe(dataset.chunkCount);
    // An append in progress writes its chunks (and their rejects) past chunkCount until its commit.
    const first = (await db.chunks.get([datasetId, 0]))!;
    await db.chunks.put({ ...first, index: dataset.chunkCount });
    await db.rejects.put({ datasetId, index: dataset.chunkCount, rows: [{ line: 9, reason: 'staged', raw: 'x' }] });
    const backup = await writeBackup(db, { appVersion: '0.1.0' });
    const target = freshDb();
    await restoreBackup(target, file(backup.blob), { mode: 'replace' });
    expect((await target.datasets.get(datasetId))?.chunkCount).toBe(dataset.chunkCount);
    expect(await target.chunks.where('[datasetId+index]').between([datasetId, 0], [datasetId, Infinity]).count()).toBe(dataset.chunkCount);
    expect(await target.rejects.get([datasetId, dataset.chunkCount])).toBeUndefined();
  });

  it('replace into the same workspace gives back exactly the backed-up state (colliding ids are staged aside)', async () => {
    const { db, api } = await populated();
    const expected = await snapshot(db);
    const backup = await writeBackup(db, { appVersion: '0.1.0' });
    // Changes after the backup: one dataset gone, a plan and a new dataset added, a setting changed.
    const [first] = await api.listDatasets();
    await api.deleteDataset(first.id);
    await api.savePlan({ ...(PLAN as object), name: 'Another' });
    await api.importFile(new File([readFileSync('test/fixtures/generic-small.csv')], 'small.csv'), { timeZone: 'UTC' }, 'j3', noProgress);
    await api.setKeepRawIdentifiers(true);
    await restoreBackup(db, file(backup.blob), { mode: 'replace', newId: () => 'tmp' });
    expect(await snapshot(db)).toEqual(expected);
  });

  it('merge adds what is missing and keeps the workspace\'s own rows and settings', async () => {
    const { db } = await populated();
    const backup = await writeBackup(db, { appVersion: '0.1.0' });
    const target = freshDb();
    await target.settings.put({ key: 'pseudonymKey', value: new Uint8Array(32).fill(1) });
    await putDoc(target, 'scenarios', { id: 'sc1', name: 'Mine', json: {}, createdAt: 1, updatedAt: 1 });
    await putDoc(target, 'scenarios', { id: 'sc2', name: 'Also mine', json: {}, createdAt: 1, updatedAt: 1 });
    const result = await restoreBackup(target, file(backup.blob), { mode: 'merge' });
    expect(result).toMatchObject({ datasets: 2, skipped: 0 });
    expect((await target.scenarios.toArray()).map((s) => s.name).sort()).toEqual(['Also mine', 'Mine']);
    expect(await target.settings.get('pseudonymKey')).toEqual({ key: 'pseudonymKey', value: new Uint8Array(32).fill(1) });
    expect(await target.chunks.count()).toBe(await db.chunks.count());
    expect(await target.templates.count()).toBe(1);
    const again = await restoreBackup(target, file(backup.blob), { mode: 'merge' });
    expect(again).toMatchObject({ datasets: 0, skipped: 2 });
    expect(await target.chunks.count()).toBe(await db.chunks.count());
  });

  it('encrypts with a passphrase: the file holds no plaintext; wrong or missing passphrase is refused before any write', async () => {
    const { db } = await populated();
    const backup = await writeBackup(db, { appVersion: '0.1.0', passphrase: 'open sesame', iterations: 1000 });
    expect(backup.encrypted).toBe(true);
    const text = new TextDecoder('latin1').decode(await bytesOf(backup.blob));
    expect(text).toContain('PBKDF2-SHA256');
    for (const secret of ['What if', 'Follow up', 'agents.csv', 'timestamp', 'Sample: shared', 'pseudonymKey']) expect(text).not.toContain(secret);

    const target = freshDb();
    await expect(restoreBackup(target, file(backup.blob), { mode: 'replace' })).rejects.toMatchObject({ code: 'passphrase-required' });
    await expect(restoreBackup(target, file(backup.blob), { mode: 'replace', passphrase: 'open sesamE' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await target.datasets.count()).toBe(0);
    await restoreBackup(target, file(backup.blob), { mode: 'replace', passphrase: 'open sesame' });
    expect(await snapshot(target)).toEqual(await snapshot(db));
  });

  it('refuses a foreign, truncated or corrupt file with a clear error and writes nothing', async () => {
    const { db } = await populated();
    const plain = await bytesOf((await writeBackup(db, { appVersion: '0.1.0' })).blob);
    const sealed = await bytesOf((await writeBackup(db, { appVersion: '0.1.0', passphrase: 'pw', iterations: 1000 })).blob);
    const target = freshDb();
    await putDoc(target, 'templates', { id: 'keep', name: 'Keep me', json: {}, createdAt: 1, updatedAt: 1 });
    const before = await snapshot(target);
    const attempt = async (bytes: Uint8Array, passphrase?: string) => {
      const error = await restoreBackup(target, new File([bytes as Uint8Array<ArrayBuffer>], 'x'), { mode: 'replace', passphrase }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(BackupFormatError);
      expect(await snapshot(target)).toEqual(before);
      return error as BackupFormatError;
    };
    expect((await attempt(new TextEncoder().encode('timestamp,kind\n2025-01-01,message\n'))).code).toBe('foreign');
    expect((await attempt(new Uint8Array(0))).code).toBe('foreign');
    expect((await attempt(plain.subarray(0, Math.floor(plain.length / 2)))).code).toBe('truncated');
    expect((await attempt(plain.subarray(0, plain.length - 10))).code).toBe('truncated');
    for (const at of [Math.floor(plain.length / 3), Math.floor(plain.length * 0.9), plain.length - 5]) {
      const flipped = plain.slice();
      flipped[at] ^= 0x20;
      const error = await attempt(flipped);
      expect(['corrupt', 'truncated']).toContain(error.code);
      expect(error.message).toMatch(/damaged|incomplete/);
    }
    const flippedSealed = sealed.slice();
    flippedSealed[Math.floor(sealed.length / 2)] ^= 1;
    expect((await attempt(flippedSealed, 'pw')).code).toBe('corrupt');
    const extra = new Uint8Array(plain.length + 3);
    extra.set(plain);
    expect((await attempt(extra)).code).toBe('corrupt');
    const newer = plain.slice();
    newer[8] = 9;
    expect((await attempt(newer)).code).toBe('newer');
  });

  it('storage full while restoring: a clean StorageQuotaError and the workspace as it was', async () => {
    const { db } = await populated();
    const backup = await writeBackup(db, { appVersion: '0.1.0' });
    const target = freshDb();
    // At Dexie's lowest layer (DBCore), as IndexedDB itself would: the second write of chunks exceeds the quota.
    let calls = 0;
    target.use({
      stack: 'dbcore', name: 'quota-full', create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'chunks' ? table : {
            ...table,
            mutate: (req) => (req.type !== 'delete' && req.type !== 'deleteRange' && ++calls > 1 ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)),
          };
        },
      }),
    });
    await putDoc(target, 'templates', { id: 'keep', name: 'Keep me', json: {}, createdAt: 1, updatedAt: 1 });
    const before = await snapshot(target);
    await expect(restoreBackup(target, file(backup.blob), { mode: 'replace' })).rejects.toBeInstanceOf(StorageQuotaError);
    expect(calls).toBe(2);
    expect(await snapshot(target)).toEqual(before);
  });

  it('cancelled mid-restore: nothing written', async () => {
    const { db } = await populated();
    const backup = await writeBackup(db, { appVersion: '0.1.0' });
    const target = freshDb();
    const controller = new AbortController();
    const error = await restoreBackup(target, file(backup.blob), {
      mode: 'replace', signal: controller.signal,
      onProgress: (p) => { if (p.phase === 'restore' && p.done > 0) controller.abort(); },
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(await target.datasets.count()).toBe(0);
    expect(await target.chunks.count()).toBe(0);
    expect(await target.settings.count()).toBe(0);
  });
});
