// @vitest-environment node
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDbNames } from '../helpers/fresh-db-names';
import { SCHEMA_V1, TarifaDb, type DatasetRow, type PlanRow } from '../../src/storage/db';
import { getDataset, listDatasets } from '../../src/storage/datasets-repo';
import { deletePlan, getPlan, listPlans, putPlan } from '../../src/storage/plans-repo';
import { getSetting } from '../../src/storage/settings-repo';

const freshName = freshDbNames('tarifa-plans-test');

const dataset: DatasetRow = {
  id: 'ds-1', status: 'ready', name: 'January', createdAt: 1_700_000_000_000, preset: 'generic', timeZone: 'UTC',
  files: [{ name: 'jan.csv', size: 120 }], counts: { rowsRead: 3, imported: 3, rejected: 0, duplicates: 0 },
  minTimestamp: 1, maxTimestamp: 2, ignoredColumns: [], chunkCount: 1,
};

const plan = (id: string, name: string, updatedAt = 10): PlanRow => ({
  id, name, description: '', json: { format: 'tarifa.plan/1', name }, createdAt: updatedAt, updatedAt,
});

describe('schema upgrade V1 -> V2', () => {
  it('keeps a V1 database\'s datasets, chunks, rejects and settings and adds an empty plans table', async () => {
    const name = freshName();
    // A database as the first release wrote it: V1 schema only.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('datasets').add(dataset);
    await v1.table('chunks').add({ datasetId: 'ds-1', index: 0, columns: { timestamp: new Float64Array([1, 2]) }, dictAppend: {} });
    await v1.table('rejects').add({ datasetId: 'ds-1', index: 0, rows: [{ line: 4, reason: 'timestamp: empty', raw: ',x' }] });
    await v1.table('settings').add({ key: 'alert', value: { mode: 'percent', value: 80 } });
    v1.close();

    const db = new TarifaDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2); // later schemas (V3: rules) keep V2 as it is
    expect(await getDataset(db, 'ds-1')).toEqual(dataset);
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['ds-1']);
    const chunk = await db.chunks.get(['ds-1', 0]);
    expect(chunk?.columns.timestamp).toEqual(new Float64Array([1, 2]));
    expect((await db.rejects.get(['ds-1', 0]))?.rows[0].line).toBe(4);
    expect(await getSetting(db, 'alert')).toEqual({ mode: 'percent', value: 80 });
    expect(await listPlans(db)).toEqual([]);

    // The new table works on the upgraded database.
    await putPlan(db, plan('p1', 'Mine'));
    expect((await listPlans(db)).map((p) => p.id)).toEqual(['p1']);
    db.close();
  });
});

describe('plans repository', () => {
  it('lists by name, replaces keeping createdAt, and deletes', async () => {
    const db = new TarifaDb(freshName());
    await putPlan(db, plan('b', 'beta', 1));
    await putPlan(db, plan('a', 'Alpha', 2));
    expect((await listPlans(db)).map((p) => p.name)).toEqual(['Alpha', 'beta']);

    const replaced = await putPlan(db, { ...plan('b', 'Beta 2', 50), createdAt: 50 });
    expect(replaced).toMatchObject({ id: 'b', name: 'Beta 2', createdAt: 1, updatedAt: 50 });
    expect(await getPlan(db, 'b')).toEqual(replaced);

    await deletePlan(db, 'a');
    await deletePlan(db, 'missing');
    expect((await listPlans(db)).map((p) => p.id)).toEqual(['b']);
    db.close();
  });
});
