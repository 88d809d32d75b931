// @vitest-environment node
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDbNames } from '../helpers/fresh-db-names';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, TarifaDb, type DatasetRow, type NamedDocRow } from '../../src/storage/db';
import { getDataset } from '../../src/storage/datasets-repo';
import { deleteDoc, getDoc, listDocs, putDoc } from '../../src/storage/docs-repo';
import { getPlan } from '../../src/storage/plans-repo';
import { getRules } from '../../src/storage/rules-repo';
import { getSetting } from '../../src/storage/settings-repo';

const freshName = freshDbNames('tarifa-v4-test');

const dataset: DatasetRow = {
  id: 'ds-1', status: 'ready', name: 'January', createdAt: 1_700_000_000_000, preset: 'generic', timeZone: 'UTC',
  files: [{ name: 'jan.csv', size: 120 }], counts: { rowsRead: 3, imported: 3, rejected: 0, duplicates: 0 },
  minTimestamp: 1, maxTimestamp: 2, ignoredColumns: [], chunkCount: 1,
};
const doc = (id: string, name: string, updatedAt = 10): NamedDocRow => ({ id, name, json: { name }, createdAt: updatedAt, updatedAt });

describe('schema upgrade to V4', () => {
  for (const from of [1, 2, 3] as const) {
    it(`keeps a V${from} database's rows and adds the six empty V4 tables`, async () => {
      const name = freshName();
      const old = new Dexie(name);
      old.version(1).stores(SCHEMA_V1);
      if (from >= 2) old.version(2).stores(SCHEMA_V2);
      if (from >= 3) old.version(3).stores(SCHEMA_V3);
      await old.table('datasets').add(dataset);
      await old.table('chunks').add({ datasetId: 'ds-1', index: 0, columns: { timestamp: new Float64Array([1, 2]) }, dictAppend: {} });
      await old.table('settings').add({ key: 'locale', value: 'pt-BR' });
      if (from >= 2) await old.table('plans').add({ id: 'p1', name: 'Mine', description: '', json: {}, createdAt: 1, updatedAt: 1 });
      if (from >= 3) await old.table('rules').add({ id: 'r1', name: 'Queues', json: {}, createdAt: 1, updatedAt: 1 });
      old.close();

      const db = new TarifaDb(name);
      await db.open();
      expect(db.verno).toBe(4);
      expect(await getDataset(db, 'ds-1')).toEqual(dataset);
      expect((await db.chunks.get(['ds-1', 0]))?.columns.timestamp).toEqual(new Float64Array([1, 2]));
      expect(await getSetting(db, 'locale')).toBe('pt-BR');
      if (from >= 2) expect((await getPlan(db, 'p1'))?.name).toBe('Mine');
      if (from >= 3) expect((await getRules(db, 'r1'))?.name).toBe('Queues');
      for (const table of ['presets', 'scenarios', 'contracts', 'templates', 'tasks', 'people'] as const) {
        expect(await db[table].count()).toBe(0);
      }
      db.close();
    });
  }
});

describe('named-document repository', () => {
  it('lists by name, replaces keeping createdAt, deletes, and keeps tables apart', async () => {
    const db = new TarifaDb(freshName());
    await putDoc(db, 'scenarios', doc('b', 'growth', 1));
    await putDoc(db, 'scenarios', doc('a', 'Campaign', 2));
    await putDoc(db, 'presets', doc('x', 'BSP export', 3));
    expect((await listDocs(db, 'scenarios')).map((r) => r.name)).toEqual(['Campaign', 'growth']);
    expect((await listDocs(db, 'presets')).map((r) => r.id)).toEqual(['x']);
    const replaced = await putDoc(db, 'scenarios', { ...doc('b', 'Growth 2', 50), createdAt: 50 });
    expect(replaced).toMatchObject({ id: 'b', name: 'Growth 2', createdAt: 1, updatedAt: 50 });
    expect(await getDoc(db, 'scenarios', 'b')).toEqual(replaced);
    await deleteDoc(db, 'scenarios', 'a');
    await deleteDoc(db, 'scenarios', 'missing');
    expect((await listDocs(db, 'scenarios')).map((r) => r.id)).toEqual(['b']);
    db.close();
  });
});
