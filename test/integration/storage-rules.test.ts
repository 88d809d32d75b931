// @vitest-environment node
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDbNames } from '../helpers/fresh-db-names';
import { SCHEMA_V1, SCHEMA_V2, TarifaDb, type DatasetRow, type PlanRow, type RulesRow } from '../../src/storage/db';
import { getDataset } from '../../src/storage/datasets-repo';
import { getPlan, listPlans } from '../../src/storage/plans-repo';
import { deleteRules, getRules, listRules, putRules } from '../../src/storage/rules-repo';
import { getSetting } from '../../src/storage/settings-repo';

const freshName = freshDbNames('tarifa-rules-test');

const dataset: DatasetRow = {
  id: 'ds-1', status: 'ready', name: 'January', createdAt: 1_700_000_000_000, preset: 'generic', timeZone: 'UTC',
  files: [{ name: 'jan.csv', size: 120 }], counts: { rowsRead: 3, imported: 3, rejected: 0, duplicates: 0 },
  minTimestamp: 1, maxTimestamp: 2, ignoredColumns: [], chunkCount: 1,
};
const plan: PlanRow = { id: 'p1', name: 'Mine', description: '', json: { format: 'tarifa.plan/1', name: 'Mine' }, createdAt: 5, updatedAt: 5 };
const rules = (id: string, name: string, updatedAt = 10): RulesRow => ({
  id, name, json: { format: 'tarifa.rules/1', name, centres: [], rules: [] }, createdAt: updatedAt, updatedAt,
});

describe('schema upgrade V2 -> V3', () => {
  it("keeps a V2 database's datasets, chunks, rejects, settings and plans and adds an empty rules table", async () => {
    const name = freshName();
    // A database as the plans release wrote it: V1 then V2 schema.
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('datasets').add(dataset);
    await v2.table('chunks').add({ datasetId: 'ds-1', index: 0, columns: { timestamp: new Float64Array([1, 2]) }, dictAppend: {} });
    await v2.table('rejects').add({ datasetId: 'ds-1', index: 0, rows: [{ line: 4, reason: 'timestamp: empty', raw: ',x' }] });
    await v2.table('settings').add({ key: 'alert', value: { mode: 'percent', value: 80 } });
    await v2.table('plans').add(plan);
    v2.close();

    const db = new TarifaDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3); // later schemas (V4) keep V3 as it is
    expect(await getDataset(db, 'ds-1')).toEqual(dataset);
    expect((await db.chunks.get(['ds-1', 0]))?.columns.timestamp).toEqual(new Float64Array([1, 2]));
    expect((await db.rejects.get(['ds-1', 0]))?.rows[0].line).toBe(4);
    expect(await getSetting(db, 'alert')).toEqual({ mode: 'percent', value: 80 });
    expect(await getPlan(db, 'p1')).toEqual(plan);
    expect((await listPlans(db)).map((p) => p.id)).toEqual(['p1']);
    expect(await listRules(db)).toEqual([]);

    await putRules(db, rules('r1', 'By queue'));
    expect((await listRules(db)).map((r) => r.id)).toEqual(['r1']);
    db.close();
  });
});

describe('rules repository', () => {
  it('lists by name, replaces keeping createdAt, and deletes', async () => {
    const db = new TarifaDb(freshName());
    await putRules(db, rules('b', 'teams', 1));
    await putRules(db, rules('a', 'Queues', 2));
    expect((await listRules(db)).map((r) => r.name)).toEqual(['Queues', 'teams']);
    const replaced = await putRules(db, { ...rules('b', 'Teams 2', 50), createdAt: 50 });
    expect(replaced).toMatchObject({ id: 'b', name: 'Teams 2', createdAt: 1, updatedAt: 50 });
    expect(await getRules(db, 'b')).toEqual(replaced);
    await deleteRules(db, 'a');
    await deleteRules(db, 'missing');
    expect((await listRules(db)).map((r) => r.id)).toEqual(['b']);
    db.close();
  });
});
