// @vitest-environment node
import 'fake-indexeddb/auto';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { allocateColumns, emptyDictionaries } from '../../src/engine/events';
import type { ImportProgress } from '../../src/import/types';
import { appendChunk, beginDataset } from '../../src/storage/datasets-repo';
import { TarifaDb } from '../../src/storage/db';
import { proxyCallback } from '../../src/worker/client';
import type { WorkerApi } from '../../src/worker/types';
import { startWorkerApi } from '../../src/worker/worker-start';

let seq = 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The API served over a MessageChannel through Comlink, as engine.worker.ts serves it over the worker's port. */
const serve = (db: TarifaDb): Comlink.Remote<WorkerApi> => {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(startWorkerApi({ db, newId: () => `ds-${++seq}` }), port1 as unknown as Comlink.Endpoint);
  const remote = Comlink.wrap<WorkerApi>(port2 as unknown as Comlink.Endpoint);
  cleanups.push(() => {
    remote[Comlink.releaseProxy]();
    port1.close();
    port2.close();
  });
  return remote;
};

const freshDb = (): TarifaDb => {
  const db = new TarifaDb(`tarifa-comlink-test-${process.pid}-${++seq}`);
  cleanups.push(() => db.delete());
  return db;
};

describe('worker api over Comlink', () => {
  it('discards a half-written import at start, before serving any call', async () => {
    const db = freshDb();
    await beginDataset(db, { id: 'half', name: 'half', createdAt: 1, preset: 'generic', timeZone: 'UTC', files: [] });
    const columns = allocateColumns(1);
    await appendChunk(db, 'half', { index: 0, columns, dictAppend: emptyDictionaries() }, [{ line: 2, reason: 'x', raw: 'y' }]);
    const remote = serve(db);
    expect(await remote.listDatasets()).toEqual([]);
    expect(await db.datasets.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.rejects.count()).toBe(0);
  });

  it('imports with a proxied progress callback and returns plain values', async () => {
    const db = freshDb();
    const remote = serve(db);
    const lines = ['timestamp,kind,contact'];
    for (let i = 0; i < 20_000; i++) lines.push(`2025-02-01T00:00:${String(i % 60).padStart(2, '0')}Z,message,+5511${i}`);
    lines.push('bad,message,+55');
    const progress: ImportProgress[] = [];
    const result = await remote.importFile(new File([lines.join('\n')], 'feb.csv'), { timeZone: 'UTC', name: 'February' }, 'job-1',
      proxyCallback((p: ImportProgress) => {
        progress.push(p);
      }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ name: 'February', imported: 20_000, rejected: 1 });
    expect(progress.at(-1)).toMatchObject({ rowsRead: 20_001 });
    expect(await remote.rejects(result.value.id, 0, 5)).toEqual({ total: 1, rows: [expect.objectContaining({ line: 20_002 })] });
    const [event] = await remote.events(result.value.id, [19_999]);
    expect(event).toMatchObject({ timestamp: '2025-02-01T00:00:19.000Z' });
    expect(event.contact).toMatch(/^c_/); // stored as a keyed pseudonym, not the number
  });
});
