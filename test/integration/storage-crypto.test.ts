// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../../src/storage/backup';
import { ENCRYPTION_SETTING, installSealing, WorkspaceLockedError } from '../../src/storage/crypto-workspace';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';

let seq = 0;
const opened: TarifaDb[] = [];
const names: string[] = [];
const newName = () => {
  const name = `tarifa-crypto-test-${process.pid}-${++seq}`;
  names.push(name);
  return name;
};
/** A connection as the worker opens it (sealing installed), or raw: what is really on disk. */
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

describe('workspace encryption at rest', () => {
  it('seals every existing row; the app reads the same data; the disk holds no readable content', async () => {
    const { name, sealing, api, datasetId } = await populated();
    const before = await api.estimate(datasetId, PLAN);
    const rejectsBefore = await api.rejectsCsv((await api.listDatasets()).find((d) => d.name === 'broken.csv')!.id);
    expect(await sealing.status()).toEqual({ encrypted: false, unlocked: true });
    await sealing.enable('correct horse', 1000);
    expect(await sealing.status()).toEqual({ encrypted: true, unlocked: true });

    const raw = await rawRows(name);
    for (const [table, rows] of Object.entries(raw)) {
      for (const row of rows) {
        if (table === 'settings' && row.key === ENCRYPTION_SETTING) continue;
        expect(row, `${table} row sealed`).toHaveProperty('$sealed');
      }
    }
    expect(raw.chunks[0]).not.toHaveProperty('columns');
    expect(Object.keys(raw.chunks[0]).sort()).toEqual(['$sealed', 'datasetId', 'index']);
    expect(raw.settings.find((r) => r.key === 'pseudonymKey')).not.toHaveProperty('value');
    expect(Object.keys(raw.datasets[0]).sort()).toEqual(['$sealed', 'createdAt', 'id', 'status']);
    expect(JSON.stringify(raw.plans)).not.toContain('secret description');

    // A fresh API on the same connection (tables not cached) reads through the seal.
    const again = createApi({ db: opened[0], now: NOW });
    expect(await again.estimate(datasetId, PLAN)).toEqual(before);
    expect(await again.rejectsCsv((await again.listDatasets()).find((d) => d.name === 'broken.csv')!.id)).toBe(rejectsBefore);
  });

  it('after a restart the workspace is locked: reads and writes refuse, a wrong passphrase is refused, the right one opens it', async () => {
    const { name, db, sealing, api, datasetId } = await populated();
    const before = await api.estimate(datasetId, PLAN);
    await sealing.enable('correct horse', 1000);
    db.close();

    const restarted = connect(name);
    const locked = createApi({ db: restarted.db, now: NOW });
    expect(await restarted.sealing!.status()).toEqual({ encrypted: true, unlocked: false });
    await expect(locked.listDatasets()).rejects.toBeInstanceOf(WorkspaceLockedError);
    const countBefore = await restarted.db.plans.count();
    const save = await locked.savePlan({ ...PLAN, name: 'Written while locked' });
    expect(save.ok).toBe(false);
    expect(await restarted.db.plans.count()).toBe(countBefore);
    await expect(restarted.sealing!.unlock('correct horsE')).rejects.toThrow('Wrong passphrase.');
    expect(await restarted.sealing!.status()).toEqual({ encrypted: true, unlocked: false });
    await restarted.sealing!.unlock('correct horse');
    expect(await restarted.sealing!.status()).toEqual({ encrypted: true, unlocked: true });
    expect(await locked.estimate(datasetId, PLAN)).toEqual(before);
    // New writes are sealed too.
    await locked.savePlan({ ...PLAN, name: 'After unlock', description: 'another secret' });
    expect(JSON.stringify((await rawRows(name)).plans)).not.toContain('another secret');
  });

  it('a changed byte on disk is an error, never wrong data', async () => {
    const { name, sealing } = await populated();
    await sealing.enable('pw', 1000);
    const { db: raw } = connect(name, false);
    const row = (await raw.plans.toArray())[0] as unknown as { id: string; $sealed: Uint8Array };
    row.$sealed[row.$sealed.length - 1] ^= 1;
    await raw.plans.put(row as never);
    raw.close();
    const api = createApi({ db: opened[0] });
    await expect(api.listPlans()).rejects.toThrow(/passphrase is wrong, or the encrypted data was changed/);
  });

  it('an encryption cut short (tab closed) is finished at the next unlock', async () => {
    const { name, db, sealing } = await populated();
    await sealing.enable('pw', 1000);
    db.close();
    // Simulate the cut: one row still plain, the parameters not marked complete.
    const { db: raw } = connect(name, false);
    await raw.templates.put({ id: 'plain', name: 'Plain', json: { body: 'plain text body' }, createdAt: 1, updatedAt: 1 });
    const setting = (await raw.settings.get(ENCRYPTION_SETTING))!;
    await raw.settings.put({ key: ENCRYPTION_SETTING, value: { ...(setting.value as object), complete: false } });
    raw.close();
    const { sealing: next } = connect(name);
    await next!.unlock('pw');
    const disk = await rawRows(name);
    expect(disk.templates[0]).toHaveProperty('$sealed');
    expect((disk.settings.find((r) => r.key === ENCRYPTION_SETTING)!.value as { complete: boolean }).complete).toBe(true);
  });

  it('backups carry content, not the workspace key: encrypted -> plain workspace and back', async () => {
    const { db, sealing, api, datasetId } = await populated();
    const before = await api.estimate(datasetId, PLAN);
    await sealing.enable('workspace pass', 1000);
    const backup = await writeBackup(db, { appVersion: 't' });

    const plainName = newName();
    const plain = connect(plainName);
    await restoreBackup(plain.db, new File([backup.blob], 'b'), { mode: 'replace' });
    expect(await plain.sealing!.status()).toEqual({ encrypted: false, unlocked: true });
    expect(await createApi({ db: plain.db, now: NOW }).estimate(datasetId, PLAN)).toEqual(before);
    expect((await rawRows(plainName)).chunks[0]).toHaveProperty('columns');

    const otherName = newName();
    const other = connect(otherName);
    await other.sealing!.enable('other pass', 1000);
    await restoreBackup(other.db, new File([(await writeBackup(plain.db, { appVersion: 't' })).blob], 'b'), { mode: 'replace' });
    expect(await other.sealing!.status()).toEqual({ encrypted: true, unlocked: true });
    expect((await rawRows(otherName)).chunks[0]).toHaveProperty('$sealed');
    expect(await createApi({ db: other.db, now: NOW }).estimate(datasetId, PLAN)).toEqual(before);
  });
});
