// @vitest-environment node
/**
 * Several files into one dataset, appending to a dataset, rollback of a failed or cancelled append, the same file
 * detected by content hash, and duplicate ids across files: through the real worker API on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { extraColumn, tableFromChunks } from '../../src/engine/events';
import { ColumnBuilder } from '../../src/import/column-builder';
import { unpackColumns } from '../../src/storage/chunk-codec';
import { commitAppend, discardUnfinished, loadTable, stageChunk } from '../../src/storage/datasets-repo';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';
import type { ImportReport, Result, WorkerApi } from '../../src/worker/types';

let seq = 0;
const dbs: TarifaDb[] = [];
const freshDb = (): TarifaDb => {
  const db = new TarifaDb(`tarifa-multi-test-${process.pid}-${++seq}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const setup = (): { db: TarifaDb; api: WorkerApi } => {
  const db = freshDb();
  let id = 0;
  return { db, api: createApi({ db, now: () => 1_767_225_600_000 + id, newId: () => `ds-${++id}` }) };
};
const noProgress = (): void => undefined;
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

const HEADER = 'timestamp,id,kind,contact,channel,agent';
/** January: 4 events, one bad timestamp on line 4. */
const JAN = [
  HEADER,
  '2025-01-05T10:00:00Z,m-1,message,+5511999990001,wa-main,ana',
  '2025-01-06T11:00:00Z,m-2,message,+5511999990002,wa-main,bruno',
  'yesterday,m-3,message,+5511999990003,wa-main,ana',
  '2025-01-20T15:00:00Z,m-4,message,+5511999990001,wa-main,ana',
].join('\n') + '\n';
/** February: 3 events, m-4 repeats January's last row (counted once), one bad timestamp on line 3. */
const FEB = [
  HEADER,
  '2025-01-20T15:00:00Z,m-4,message,+5511999990001,wa-main,ana',
  'never,m-5,message,+5511999990004,wa-main,carla',
  '2025-02-02T09:00:00Z,m-6,message,+5511999990004,wa-main,carla',
  '2025-02-10T09:00:00Z,m-7,call,+5511999990002,voice,bruno',
].join('\n') + '\n';
/** March: 2 events. */
const MAR = [
  HEADER,
  '2025-03-01T08:00:00Z,m-8,message,+5511999990005,wa-main,ana',
  '2025-03-02T08:00:00Z,m-9,message,+5511999990001,wa-main,ana',
].join('\n') + '\n';

const PLAN = {
  format: 'tarifa.plan/1', name: 'Per message', currency: 'USD', cycle: { anchorDay: 1, timeZone: 'UTC' },
  rounding: { decimals: 2, mode: 'half-up' },
  meters: { messages: { type: 'count', where: { kind: 'message' } } },
  charges: [{ id: 'msgs', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '0.25' }],
  minimumSpend: '0', cap: null, discountPercent: '0', taxPercent: '0',
};

const ok = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** Every stored row of the database, to compare a dataset before and after a failed append. */
const snapshot = async (db: TarifaDb) => ({
  datasets: await db.datasets.toArray(),
  chunks: (await db.chunks.toArray()).map((c) => [c.datasetId, c.index, c.columns.length]),
  rejects: await db.rejects.toArray(),
});

const events = async (db: TarifaDb, id: string) => {
  const table = await loadTable(db, id);
  if (!table) throw new Error('no table');
  const ids = Array.from(table.columns.strings.id, (c) => table.dicts.id[c]);
  const contacts = Array.from(table.columns.strings.contact, (c) => table.dicts.contact[c]);
  return { ids, contacts, length: table.columns.length };
};

describe('several files into one dataset', () => {
  it('imports the files in one job: per-file and total accounting, cross-file duplicates once, rejects with their file', async () => {
    const { db, api } = setup();
    const progress: { fileIndex?: number; bytesRead: number; totalBytes: number }[] = [];
    const report = ok(await api.importFiles(
      [new File([JAN], 'jan.csv'), new File([FEB], 'feb.csv')], { timeZone: 'UTC', name: 'Q1' }, 'job-1', (p) => progress.push(p),
    ));
    expect(report.appended).toBe(false);
    expect(report.files).toEqual([
      { name: 'jan.csv', size: JAN.length, sha256: sha(JAN), status: 'imported', preset: 'generic', rowsRead: 4, imported: 3, rejected: 1, duplicates: 0, summaryRows: 0 },
      { name: 'feb.csv', size: FEB.length, sha256: sha(FEB), status: 'imported', preset: 'generic', rowsRead: 4, imported: 2, rejected: 1, duplicates: 1, summaryRows: 0 },
    ]);
    expect(report).toMatchObject({ rowsRead: 8, imported: 5, rejected: 2, duplicates: 1 });
    expect(report.dataset).toMatchObject({
      name: 'Q1', rowsRead: 8, imported: 5, rejected: 2, duplicates: 1, preset: 'generic',
      files: [
        { name: 'jan.csv', sha256: sha(JAN), rowsRead: 4, imported: 3, rejected: 1, duplicates: 0 },
        { name: 'feb.csv', sha256: sha(FEB), rowsRead: 4, imported: 2, rejected: 1, duplicates: 1 },
      ],
      minTimestamp: Date.UTC(2025, 0, 5, 10), maxTimestamp: Date.UTC(2025, 1, 10, 9),
    });
    // One progress over the job: bytes of both files, the last report in the second file.
    expect(progress.every((p) => p.totalBytes === JAN.length + FEB.length)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ fileIndex: 1, bytesRead: JAN.length + FEB.length });

    const { ids, contacts } = await events(db, report.dataset.id);
    expect(ids).toEqual(['m-1', 'm-2', 'm-4', 'm-6', 'm-7']);
    // One pseudonym per contact across the files.
    expect(new Set(contacts).size).toBe(3);
    expect(contacts[0]).toBe(contacts[2]);
    expect(contacts.every((c) => c.startsWith('c_'))).toBe(true);

    // Line numbers are per file, with the file named.
    const rejects = await api.rejects(report.dataset.id, 0, 10);
    expect(rejects.rows.map((r) => [r.file, r.line])).toEqual([['jan.csv', 4], ['feb.csv', 3]]);
    const csv = (await api.rejectsCsv(report.dataset.id)).split('\r\n');
    expect(csv[0]).toBe('file,line,reason,raw');
    expect(csv[1]).toMatch(/^jan\.csv,4,timestamp: /);
    expect(csv[2]).toMatch(/^feb\.csv,3,timestamp: /);

    const estimate = ok(await api.estimate(report.dataset.id, PLAN));
    expect(estimate.total).toBe('1.00'); // 4 messages at 0.25
  });

  it('a bad second file fails the whole job and keeps nothing', async () => {
    const { db, api } = setup();
    const r = await api.importFiles([new File([JAN], 'jan.csv'), new File(['not,a,usage\nfile,at,all\n'], 'junk.csv')], { timeZone: 'UTC' }, 'job-1', noProgress);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad-file');
    expect(r.error.message).toMatch(/^junk\.csv: /);
    expect(await db.datasets.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.rejects.count()).toBe(0);
  });
});

describe('appending files to a dataset', () => {
  it('appends with the dataset dictionaries and ids: duplicates against earlier files, estimate sees the new events', async () => {
    const { db, api } = setup();
    const first = ok(await api.importFiles([new File([JAN], 'jan.csv')], { timeZone: 'UTC', name: 'Year' }, 'job-1', noProgress));
    const id = first.dataset.id;
    expect(ok(await api.estimate(id, PLAN)).total).toBe('0.75'); // loads the table into the cache
    const report: ImportReport = ok(await api.importFiles(
      [new File([FEB], 'feb.csv'), new File([MAR], 'mar.csv')], { timeZone: 'America/Sao_Paulo', datasetId: id }, 'job-2', noProgress,
    ));
    expect(report.appended).toBe(true);
    expect(report.files.map((f) => [f.name, f.status, f.imported, f.duplicates])).toEqual([['feb.csv', 'imported', 2, 1], ['mar.csv', 'imported', 2, 0]]);
    expect(report.dataset).toMatchObject({
      id, name: 'Year', timeZone: 'UTC', rowsRead: 10, imported: 7, rejected: 2, duplicates: 1,
      files: [{ name: 'jan.csv' }, { name: 'feb.csv' }, { name: 'mar.csv' }],
      minTimestamp: Date.UTC(2025, 0, 5, 10), maxTimestamp: Date.UTC(2025, 2, 2, 8),
    });
    expect((await api.listDatasets()).map((d) => d.id)).toEqual([id]);
    const { ids, contacts } = await events(db, id);
    expect(ids).toEqual(['m-1', 'm-2', 'm-4', 'm-6', 'm-7', 'm-8', 'm-9']);
    expect(new Set(contacts).size).toBe(4); // 0001 in January and March is one contact
    expect(contacts[6]).toBe(contacts[0]);
    // The worker's cached table was replaced: 6 messages now.
    expect(ok(await api.estimate(id, PLAN)).total).toBe('1.50');
    const rejects = await api.rejects(id, 0, 10);
    expect(rejects.rows.map((r) => [r.file, r.line])).toEqual([['jan.csv', 4], ['feb.csv', 3]]);
  });

  it('keeps the codes of extra columns (col:<header>) across an append', async () => {
    const { db, api } = setup();
    const rows = (month: number, depts: string[]) => ['timestamp,kind,Department', ...Array.from({ length: 300 }, (_, i) =>
      `2025-${String(month).padStart(2, '0')}-01T00:${String(i % 60).padStart(2, '0')}:00Z,message,${depts[i % depts.length]}`)].join('\n') + '\n';
    const id = ok(await api.importFiles([new File([rows(1, ['Finance', 'Legal', 'Ops'])], 'a.csv')], { timeZone: 'UTC' }, 'job-1', noProgress)).dataset.id;
    ok(await api.importFiles([new File([rows(2, ['Ops', 'Sales', 'Finance'])], 'b.csv')], { timeZone: 'UTC', datasetId: id }, 'job-2', noProgress));
    const table = await loadTable(db, id);
    const col = table && extraColumn(table, 'col:Department');
    if (!col) throw new Error('no Department column');
    const values = Array.from(col.codes, (c) => col.dict[c]);
    expect(values.slice(0, 3)).toEqual(['Finance', 'Legal', 'Ops']);
    expect(values.slice(300, 303)).toEqual(['Ops', 'Sales', 'Finance']);
    expect(new Set(col.dict)).toEqual(new Set(['', 'Finance', 'Legal', 'Ops', 'Sales']));
    expect(col.dict.length).toBe(5);
  });

  it('loads a dataset of several chunks one chunk at a time into the same table as joining them all', async () => {
    const { db, api } = setup();
    const withDept = ['timestamp,id,kind,Department', ...Array.from({ length: 300 }, (_, i) => `2025-04-01T00:00:${String(i % 60).padStart(2, '0')}Z,d-${i},message,${['A', 'B'][i % 2]}`)].join('\n') + '\n';
    const id = ok(await api.importFiles([new File([JAN], 'jan.csv'), new File([withDept], 'apr.csv')], { timeZone: 'UTC' }, 'job-1', noProgress)).dataset.id;
    ok(await api.importFiles([new File([MAR], 'mar.csv')], { timeZone: 'UTC', datasetId: id }, 'job-2', noProgress));
    const rows = await db.chunks.where('datasetId').equals(id).toArray();
    expect(rows.length).toBe(3);
    const joined = tableFromChunks(rows.map((r) => ({ index: r.index, columns: unpackColumns(r.columns), dictAppend: r.dictAppend })));
    // Stored narrow: Department and kind fit a byte; bot, team… are empty everywhere (a constant 0).
    expect(rows[1].columns.extra?.Department).toBeInstanceOf(Uint8Array);
    expect(rows[0].columns.strings.bot).toBe(0);
    expect(joined.columns.extra?.Department).toBeDefined();
    expect(await loadTable(db, id)).toEqual(joined);
    // A count that does not match the chunks (an old or damaged row) still loads every chunk.
    await db.datasets.update(id, { counts: { rowsRead: 0, imported: 5, rejected: 0, duplicates: 0 } });
    expect(await loadTable(db, id)).toEqual(joined);
  });

  it('a failed append (bad second file) leaves the dataset exactly as before', async () => {
    const { db, api } = setup();
    const id = ok(await api.importFiles([new File([JAN], 'jan.csv')], { timeZone: 'UTC' }, 'job-1', noProgress)).dataset.id;
    const before = await snapshot(db);
    const r = await api.importFiles([new File([FEB], 'feb.csv'), new File(['{"not": "usage"}'], 'junk.json')], { timeZone: 'UTC', datasetId: id }, 'job-2', noProgress);
    expect(r.ok).toBe(false);
    expect(await snapshot(db)).toEqual(before);
    expect(ok(await api.estimate(id, PLAN)).total).toBe('0.75');
    // And the dataset still takes the file afterwards (nothing of the failed append is in the way).
    const again = ok(await api.importFiles([new File([FEB], 'feb.csv')], { timeZone: 'UTC', datasetId: id }, 'job-3', noProgress));
    expect(again.dataset.imported).toBe(5);
  });

  it('a cancelled append after chunks were staged leaves the dataset exactly as before', async () => {
    const { db, api } = setup();
    const id = ok(await api.importFiles([new File([JAN], 'jan.csv')], { timeZone: 'UTC' }, 'job-1', noProgress)).dataset.id;
    const before = await snapshot(db);
    const lines = [HEADER];
    for (let i = 0; i < 200_000; i++) lines.push(`2025-04-01T00:00:00Z,big-${i},message,+55119${String(i % 5000).padStart(8, '0')},wa-main,ana`);
    const big = new File([lines.join('\n') + '\n'], 'big.csv');
    let stagedSeen = false;
    const run = api.importFiles([big], { timeZone: 'UTC', datasetId: id }, 'job-2', (p) => {
      if (p.rowsImported > 70_000 && !stagedSeen) {
        stagedSeen = true;
        void api.cancel('job-2');
      }
    });
    const r = await run;
    expect(stagedSeen).toBe(true);
    expect(r.ok ? 'ok' : r.error.code).toBe('cancelled');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a commit against a dataset that changed meanwhile is refused and changes nothing', async () => {
    const { db, api } = setup();
    const id = ok(await api.importFiles([new File([JAN], 'jan.csv')], { timeZone: 'UTC' }, 'job-1', noProgress)).dataset.id;
    const before = await snapshot(db);
    const totals = { rowsRead: 1, imported: 1, rejected: 0, duplicates: 0, files: [], ignoredColumns: [], chunks: 1, minTimestamp: 0, maxTimestamp: 0 };
    await expect(commitAppend(db, id, 0, totals)).rejects.toThrow(/changed while files were appended/);
    await expect(commitAppend(db, 'gone', 1, totals)).rejects.toThrow(/changed while files were appended/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('staged chunks a closed tab left behind are invisible, and removed at start-up', async () => {
    const { db, api } = setup();
    const id = ok(await api.importFiles([new File([JAN], 'jan.csv')], { timeZone: 'UTC' }, 'job-1', noProgress)).dataset.id;
    const before = await snapshot(db);
    const builder = new ColumnBuilder(4);
    builder.nextChunkIndex = 1;
    const i = builder.length;
    builder.columns.timestamp[i] = Date.UTC(2025, 5, 1);
    builder.commit();
    builder.reject({ line: 9, reason: 'x', raw: 'y' });
    const { chunk, rejects } = builder.flush();
    await stageChunk(db, id, chunk, rejects);
    expect((await events(db, id)).length).toBe(3);
    expect((await api.rejects(id, 0, 10)).total).toBe(1);
    expect(await discardUnfinished(db)).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('the same file twice, by content hash', () => {
  it('skips a file already in any dataset for a new dataset, whatever its name; force imports it anyway', async () => {
    const { db, api } = setup();
    ok(await api.importFiles([new File([JAN], 'jan.csv')], { timeZone: 'UTC', name: 'Year' }, 'job-1', noProgress));
    const r = await api.importFiles([new File([JAN], 'january-copy.csv')], { timeZone: 'UTC' }, 'job-2', noProgress);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('already-imported');
    expect(r.error.message).toContain("january-copy.csv (in 'Year' as jan.csv)");
    expect(r.error.files?.[0]).toMatchObject({ status: 'already-imported', sha256: sha(JAN), alreadyIn: { dataset: 'Year', file: 'jan.csv' } });
    expect(await db.datasets.count()).toBe(1);
    const forced = ok(await api.importFiles([new File([JAN], 'january-copy.csv')], { timeZone: 'UTC', force: true }, 'job-3', noProgress));
    expect(forced.dataset.imported).toBe(3);
  });

  it('skips the known file of an append and imports the others; a file twice in one job is imported once', async () => {
    const { api } = setup();
    const id = ok(await api.importFiles([new File([JAN], 'jan.csv')], { timeZone: 'UTC' }, 'job-1', noProgress)).dataset.id;
    const report = ok(await api.importFiles(
      [new File([JAN], 'jan-again.csv'), new File([FEB], 'feb.csv'), new File([FEB], 'feb (1).csv')], { timeZone: 'UTC', datasetId: id }, 'job-2', noProgress,
    ));
    expect(report.files.map((f) => [f.name, f.status, f.alreadyIn?.file ?? null])).toEqual([
      ['jan-again.csv', 'already-imported', 'jan.csv'], ['feb.csv', 'imported', null], ['feb (1).csv', 'already-imported', 'feb.csv'],
    ]);
    expect(report.dataset.files.map((f) => f.name)).toEqual(['jan.csv', 'feb.csv']);
    expect(report.dataset.imported).toBe(5);
    // Appending only known files changes nothing and says so.
    const none = await api.importFiles([new File([FEB], 'feb.csv')], { timeZone: 'UTC', datasetId: id }, 'job-3', noProgress);
    expect(none.ok ? 'ok' : none.error.code).toBe('already-imported');
  });
});
