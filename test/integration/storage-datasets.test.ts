// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { allocateColumns, STRING_FIELDS, type Dictionaries, type EventChunk } from '../../src/engine/events';
import { TarifaDb, type DatasetRow } from '../../src/storage/db';
import {
  allRejects, appendChunk, beginDataset, countRejects, discardDataset, discardUnfinished, finishDataset,
  listDatasets, loadTable, rejectsPage, type DatasetMeta,
} from '../../src/storage/datasets-repo';
import { isQuotaError, StorageQuotaError } from '../../src/storage/quota';
import { Dexie } from 'dexie';

let seq = 0;
const dbs: TarifaDb[] = [];
const freshDb = (): TarifaDb => {
  const db = new TarifaDb(`tarifa-storage-test-${process.pid}-${++seq}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const meta = (id: string, createdAt = 1_700_000_000_000): DatasetMeta => ({
  id, name: `Dataset ${id}`, createdAt, preset: 'generic', timeZone: 'UTC', files: [{ name: 'x.csv', size: 10 }],
});

const noAppend = (): Dictionaries => Object.fromEntries(STRING_FIELDS.map((f) => [f, [] as string[]])) as unknown as Dictionaries;

/** Chunk `index` of `length` events; contacts cycle through new names this chunk adds to the dictionary. */
const makeChunk = (index: number, length: number, firstCode: number, newContacts: string[]): EventChunk => {
  const columns = allocateColumns(length);
  for (let i = 0; i < length; i++) {
    columns.timestamp[i] = 1_700_000_000_000 + index * 1000 + i;
    columns.duration[i] = i % 2 === 0 ? Number.NaN : i * 1.5;
    columns.segments[i] = Number.NaN;
    columns.quantity[i] = 1;
    columns.price[i] = i * 1000;
    columns.strings.contact[i] = firstCode + (i % newContacts.length);
    columns.strings.kind[i] = 1;
  }
  const dictAppend = noAppend();
  if (index === 0) {
    for (const f of STRING_FIELDS) dictAppend[f].push('');
    dictAppend.kind.push('message');
  }
  dictAppend.contact.push(...newContacts);
  return { index, columns, dictAppend };
};

const totals = (imported: number, rejected = 0) => ({
  rowsRead: imported + rejected, imported, rejected, duplicates: 0, ignoredColumns: ['extra'], chunks: 3,
  minTimestamp: 1, maxTimestamp: 2,
});

describe('datasets repository', () => {
  it('round-trips typed arrays and dictionaries across 3 chunks, in index order', async () => {
    const db = freshDb();
    await beginDataset(db, meta('a'));
    const chunks = [makeChunk(0, 5, 1, ['+551', '+552']), makeChunk(1, 4, 3, ['+553']), makeChunk(2, 3, 4, ['+554', '+555'])];
    // Written out of order: loadTable must still join them by index.
    for (const c of [chunks[2], chunks[0], chunks[1]]) await appendChunk(db, 'a', c, []);
    await finishDataset(db, 'a', totals(12));

    const stored = await db.chunks.get(['a', 1]);
    expect(stored?.columns.timestamp).toBeInstanceOf(Float64Array);
    // Stored narrowed (chunk-codec.ts): every row of chunk 1 is '+553', so its contact column is the one code 3.
    expect(stored?.columns.strings.contact).toBe(3);

    const table = await loadTable(db, 'a');
    expect(table).toBeDefined();
    const { columns, dicts } = table!;
    expect(columns.length).toBe(12);
    expect(columns.timestamp).toBeInstanceOf(Float64Array);
    expect(columns.strings.contact).toBeInstanceOf(Uint32Array); // widened back for the engine
    expect(Array.from(columns.timestamp.subarray(5, 9))).toEqual([1_700_000_001_000, 1_700_000_001_001, 1_700_000_001_002, 1_700_000_001_003]);
    expect(Number.isNaN(columns.duration[0])).toBe(true);
    expect(columns.duration[1]).toBe(1.5);
    expect(dicts.contact).toEqual(['', '+551', '+552', '+553', '+554', '+555']);
    expect(dicts.kind).toEqual(['', 'message']);
    expect(dicts.agent).toEqual(['']);
    const contacts = Array.from(columns.strings.contact, (code) => dicts.contact[code]);
    expect(contacts).toEqual(['+551', '+552', '+551', '+552', '+551', '+553', '+553', '+553', '+553', '+554', '+555', '+554']);
  });

  it('lists only ready datasets, newest first, with their accounting', async () => {
    const db = freshDb();
    await beginDataset(db, meta('old', 1000));
    await beginDataset(db, meta('new', 3000));
    await beginDataset(db, meta('unfinished', 5000));
    await appendChunk(db, 'old', makeChunk(0, 2, 1, ['x']), []);
    await finishDataset(db, 'old', totals(2));
    await finishDataset(db, 'new', totals(0));
    const listed = await listDatasets(db);
    expect(listed.map((d: DatasetRow) => d.id)).toEqual(['new', 'old']);
    expect(listed[1]).toMatchObject({ status: 'ready', counts: { imported: 2, rowsRead: 2 }, ignoredColumns: ['extra'], chunkCount: 3 });
    expect(await loadTable(db, 'unfinished')).toBeUndefined();
    expect(await loadTable(db, 'missing')).toBeUndefined();
  });

  it('pages rejects across batches and counts them', async () => {
    const db = freshDb();
    await beginDataset(db, meta('r'));
    const rejects = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ line: from + i, reason: `timestamp: bad ${from + i}`, raw: `row ${from + i}` }));
    await appendChunk(db, 'r', makeChunk(0, 1, 1, ['a']), rejects(2, 3));
    await appendChunk(db, 'r', makeChunk(1, 1, 2, ['b']), []);
    await appendChunk(db, 'r', makeChunk(2, 1, 3, ['c']), rejects(10, 4));
    expect(await countRejects(db, 'r')).toBe(7);
    const page = await rejectsPage(db, 'r', 2, 3);
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => r.line)).toEqual([4, 10, 11]);
    expect((await rejectsPage(db, 'r', 6, 10)).rows.map((r) => r.line)).toEqual([13]);
    expect((await rejectsPage(db, 'r', 50, 10)).rows).toEqual([]);
    expect((await allRejects(db, 'r')).map((r) => r.line)).toEqual([2, 3, 4, 10, 11, 12, 13]);
  });

  it('appendChunk is atomic: a failing reject write leaves no chunk', async () => {
    const db = freshDb();
    await beginDataset(db, meta('t'));
    const put = db.rejects.put.bind(db.rejects);
    db.rejects.put = (() => Promise.reject(new Error('disk on fire'))) as unknown as typeof db.rejects.put;
    await expect(appendChunk(db, 't', makeChunk(0, 3, 1, ['a']), [{ line: 2, reason: 'x', raw: 'y' }])).rejects.toThrow('disk on fire');
    db.rejects.put = put;
    expect(await db.chunks.count()).toBe(0);
    expect(await db.rejects.count()).toBe(0);
    expect((await db.datasets.get('t'))?.chunkCount).toBe(0);
  });

  it('refuses chunks for a dataset that is not importing', async () => {
    const db = freshDb();
    await expect(appendChunk(db, 'ghost', makeChunk(0, 1, 1, ['a']), [])).rejects.toThrow(/not importing/);
    expect(await db.chunks.count()).toBe(0);
  });

  it('discardDataset removes the dataset, its chunks and its rejects, and nothing else', async () => {
    const db = freshDb();
    for (const id of ['keep', 'drop']) {
      await beginDataset(db, meta(id));
      await appendChunk(db, id, makeChunk(0, 2, 1, ['a']), [{ line: 3, reason: 'r', raw: 'x' }]);
      await appendChunk(db, id, makeChunk(1, 2, 2, ['b']), [{ line: 9, reason: 'r', raw: 'x' }]);
      await finishDataset(db, id, totals(4, 2));
    }
    await discardDataset(db, 'drop');
    expect(await db.datasets.toCollection().primaryKeys()).toEqual(['keep']);
    expect((await db.chunks.toArray()).map((c) => c.datasetId)).toEqual(['keep', 'keep']);
    expect((await db.rejects.toArray()).map((c) => c.datasetId)).toEqual(['keep', 'keep']);
    await discardDataset(db, 'missing');
  });

  it('discardUnfinished removes every importing dataset except the kept ones', async () => {
    const db = freshDb();
    for (const id of ['done', 'half', 'running']) {
      await beginDataset(db, meta(id));
      await appendChunk(db, id, makeChunk(0, 2, 1, ['a']), [{ line: 3, reason: 'r', raw: 'x' }]);
    }
    await finishDataset(db, 'done', totals(2, 1));
    const removed = await discardUnfinished(db, new Set(['running']));
    expect(removed).toEqual(['half']);
    expect((await db.datasets.toCollection().primaryKeys()).sort()).toEqual(['done', 'running']);
    expect((await db.chunks.toArray()).map((c) => c.datasetId).sort()).toEqual(['done', 'running']);
    expect((await db.rejects.toArray()).map((c) => c.datasetId).sort()).toEqual(['done', 'running']);
    expect(await discardUnfinished(db)).toEqual(['running']);
  });
});

describe('quota errors', () => {
  it('recognises a QuotaExceededError however it is wrapped', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(dom)).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full', dom))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', dom))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: dom } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('aborted'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('appendChunk turns a quota failure into StorageQuotaError and writes nothing', async () => {
    const db = freshDb();
    await beginDataset(db, meta('q'));
    db.chunks.put = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.chunks.put;
    await expect(appendChunk(db, 'q', makeChunk(0, 2, 1, ['a']), [])).rejects.toBeInstanceOf(StorageQuotaError);
    expect(await db.chunks.count()).toBe(0);
  });
});
