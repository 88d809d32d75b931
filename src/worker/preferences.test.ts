import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../storage/db';
import { createApi } from './api';

let n = 0;
const dbs: TarifaDb[] = [];
const openDb = (name = `tarifa-preferences-${process.pid}-${n++}`) => {
  const db = new TarifaDb(name);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('allowance alert threshold', () => {
  it('is unset at first, and read back after a restart (a new API on the same database)', async () => {
    const db = openDb();
    const api = createApi({ db });
    expect(await api.allowanceAlert()).toBeNull();
    expect(await api.setAllowanceAlert({ mode: 'remaining', value: 250 })).toEqual({ ok: true, value: undefined });
    db.close();
    const again = openDb(db.name);
    expect(await createApi({ db: again }).allowanceAlert()).toEqual({ mode: 'remaining', value: 250 });
  });

  it('refuses a malformed threshold and keeps the stored one', async () => {
    const api = createApi({ db: openDb() });
    await api.setAllowanceAlert({ mode: 'percent', value: 90 });
    for (const bad of [{ mode: 'percent', value: -1 }, { mode: 'ratio', value: 5 }, { mode: 'percent', value: Number.NaN }, null]) {
      const result = await api.setAllowanceAlert(bad as never);
      expect(result.ok).toBe(false);
    }
    expect(await api.allowanceAlert()).toEqual({ mode: 'percent', value: 90 });
  });

  it('reads a stored value of the wrong shape as unset', async () => {
    const db = openDb();
    await db.settings.put({ key: 'allowanceAlert', value: { mode: 'percent', value: '80' } });
    expect(await createApi({ db }).allowanceAlert()).toBeNull();
  });
});
