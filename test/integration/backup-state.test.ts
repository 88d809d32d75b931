// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';
import { createAppStore, selectors } from '../../src/state/store';

const dbs: TarifaDb[] = [];
let seq = 0;
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const setup = () => {
  const db = new TarifaDb(`tarifa-backup-slice-${process.pid}-${++seq}`);
  dbs.push(db);
  const api = createApi({ db });
  return { db, store: createAppStore({ api, fetchDefaultPlan: async () => ({}) }) };
};

describe('backup slice', () => {
  it('backs up (busy meanwhile), deletes everything, restores the file: the datasets come back in the store', async () => {
    const { store } = setup();
    await store.getState().loadSample();
    const before = store.getState().datasets;
    expect(before).toHaveLength(1);

    const pending = store.getState().createBackup();
    expect(selectors.isBusy(store.getState())).toBe(true);
    const file = await pending;
    expect(file).not.toBeNull();
    expect(selectors.isBusy(store.getState())).toBe(false);
    expect(store.getState().lastBackup).toMatchObject({ datasets: 1, encrypted: false, fileName: file!.fileName });

    expect(await store.getState().deleteAllData()).toBe(true);
    expect(store.getState().datasets).toEqual([]);

    expect(await store.getState().restoreBackup(new File([file!.blob], file!.fileName), 'replace')).toBe(true);
    expect(store.getState().lastRestore).toMatchObject({ mode: 'replace', datasets: 1 });
    expect(store.getState().datasets).toEqual(before);
  });

  it('a wrong file is a dataJobError and changes nothing; a second job does not start while one runs', async () => {
    const { store } = setup();
    await store.getState().loadSample();
    expect(await store.getState().restoreBackup(new File(['timestamp\n1\n'], 'x.csv'), 'replace')).toBe(false);
    expect(store.getState().dataJobError).toEqual({ code: 'bad-file', message: 'This is not a Tarifa backup file.', detail: { code: 'backup.foreign' } });
    expect(store.getState().datasets).toHaveLength(1);
    const first = store.getState().createBackup();
    expect(await store.getState().createBackup()).toBeNull();
    expect(await first).not.toBeNull();
  });
});
