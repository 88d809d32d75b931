/**
 * Bench worker: the same code the app's engine worker runs (createApi over a real IndexedDB via TarifaDb), plus the
 * two reference points it is measured against: raw PapaParse over the same File, and importCsv into a sink that
 * stores nothing (parse + normalise). Every call returns plain numbers; timing is performance.now() in the worker.
 */
import * as Comlink from 'comlink';
import Papa from 'papaparse';
import { csvRecords } from '../../../src/import/csv-records';
import { importCsv, PIECE_SIZE } from '../../../src/import/import-csv';
import { textPieces } from '../../../src/import/text-source';
import type { ImportSink } from '../../../src/import/types';
import { appendChunk, beginDataset, discardDataset, finishDataset, loadTable } from '../../../src/storage/datasets-repo';
import { TarifaDb } from '../../../src/storage/db';
import { createApi } from '../../../src/worker/api';
import { sampleCoverage, timeEstimates, type BenchPlan } from '../estimate-bench';
import { PAPA_BASELINE_CONFIG } from '../papa-config';

const DB_NAME = 'tarifa-bench';

type HeapInfo = { usedMB: number; totalMB: number; limitMB: number };
const MB = 1024 * 1024;

/** Chromium's non-standard performance.memory (precise with --enable-precise-memory-info); absent in some contexts. */
const heapNow = (): HeapInfo | null => {
  const m = (performance as unknown as { memory?: { usedJSHeapSize: number; totalJSHeapSize: number; jsHeapSizeLimit: number } }).memory;
  return m ? { usedMB: m.usedJSHeapSize / MB, totalMB: m.totalJSHeapSize / MB, limitMB: m.jsHeapSizeLimit / MB } : null;
};

/** Peak worker JS heap while `run` runs (sampled every 100 ms; timers fire between parser chunks). */
const withHeapPeak = async <T>(run: () => Promise<T>): Promise<{ value: T; heapPeakMB: number | null }> => {
  let peak = heapNow()?.usedMB ?? null;
  const sample = () => {
    const h = heapNow();
    if (h && (peak === null || h.usedMB > peak)) peak = h.usedMB;
  };
  const timer = setInterval(sample, 100);
  try {
    const value = await run();
    sample();
    return { value, heapPeakMB: peak };
  } finally {
    clearInterval(timer);
  }
};

let db: TarifaDb | undefined;
let api: ReturnType<typeof createApi> | undefined;

const worker = {
  /** Starts from an empty database, so every run measures the same work. */
  async ready(): Promise<{ heap: HeapInfo | null }> {
    db?.close();
    await new TarifaDb(DB_NAME).delete();
    db = new TarifaDb(DB_NAME);
    await db.open();
    api = createApi({ db });
    return { heap: heapNow() };
  },

  /**
   * Baseline: PapaParse over the File, arrays mode, a chunk callback that only counts rows.
   * `chunkSize` overrides the baseline's (importCsv's piece size); 0 = Papa's own default for files (10 MB).
   */
  async rawPapa(file: File, chunkSize?: number) {
    const t0 = performance.now();
    let rows = 0;
    let chunks = 0;
    const { chunkSize: baseChunk, ...config } = PAPA_BASELINE_CONFIG;
    const size = chunkSize === undefined ? baseChunk : chunkSize === 0 ? Papa.LocalChunkSize : chunkSize;
    const { heapPeakMB } = await withHeapPeak(() => new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(file, {
        ...config,
        chunkSize: size,
        chunk: (results) => {
          rows += results.data.length;
          chunks++;
        },
        complete: () => resolve(),
        error: (error) => reject(error),
      });
    }));
    return { ms: performance.now() - t0, rows, chunks, chunkSize: size, heapPeakMB };
  },

  /** Stage 1 of importCsv alone: read the File in pieces and decode UTF-8 (src/import/text-source.ts). */
  async decodeOnly(file: File) {
    const t0 = performance.now();
    let chars = 0;
    for await (const piece of textPieces(file, PIECE_SIZE)) chars += piece.length;
    return { ms: performance.now() - t0, chars };
  },

  /** Stages 1+2: decoded pieces through Papa.Parser with line accounting (src/import/csv-records.ts), rows dropped. */
  async recordsOnly(file: File) {
    const t0 = performance.now();
    let rows = 0;
    for await (const batch of csvRecords(file, PIECE_SIZE)) rows += batch.rows.length;
    return { ms: performance.now() - t0, rows };
  },

  /**
   * importFile's pipeline rebuilt from the same parts (beginDataset, importCsv, appendChunk per chunk, finishDataset)
   * with the storage calls timed. importCsv parses the next chunk while one is stored, so their sum is time in flight,
   * overlapping parsing, not time the import waited.
   * `withoutIds`: the chunk is written with an empty `dictAppend.id`, to price the per-event id strings.
   */
  async importTimed(file: File, timeZone: string, withoutIds: boolean) {
    if (!db) throw new Error('call ready() first');
    const d = db;
    const id = `timed-${withoutIds ? 'noid' : 'full'}-${Date.now()}`;
    const t0 = performance.now();
    await beginDataset(d, { id, name: id, createdAt: Date.now(), preset: 'generic', timeZone, files: [{ name: file.name, size: file.size }] });
    let storeMs = 0;
    let storeMaxMs = 0;
    let idStrings = 0;
    const sink: ImportSink = {
      chunk: async (chunk, rejects) => {
        idStrings += chunk.dictAppend.id.length;
        const written = withoutIds ? { ...chunk, dictAppend: { ...chunk.dictAppend, id: [] } } : chunk;
        const s0 = performance.now();
        await appendChunk(d, id, written, rejects);
        const s = performance.now() - s0;
        storeMs += s;
        storeMaxMs = Math.max(storeMaxMs, s);
      },
    };
    const summary = await importCsv(file, { preset: 'generic', timeZone }, sink);
    const f0 = performance.now();
    await finishDataset(d, id, summary);
    storeMs += performance.now() - f0;
    const ms = performance.now() - t0;
    await discardDataset(d, id);
    return { ms, storeMs, storeMaxMs, chunks: summary.chunks, imported: summary.imported, idStrings };
  },

  /** Parse + normalise, storing nothing: importCsv into a sink that drops each chunk. */
  async importNoStore(file: File, timeZone: string) {
    let chunks = 0;
    const sink: ImportSink = {
      chunk: async () => {
        chunks++;
      },
    };
    const t0 = performance.now();
    const { value: summary, heapPeakMB } = await withHeapPeak(() => importCsv(file, { preset: 'generic', timeZone }, sink));
    return { ms: performance.now() - t0, imported: summary.imported, rejected: summary.rejected, rowsRead: summary.rowsRead, chunks, heapPeakMB };
  },

  /** The app's import: createApi(...).importFile = parse + normalise + store in IndexedDB. */
  async importTarifa(file: File, timeZone: string) {
    if (!api || !db) throw new Error('call ready() first');
    const a = api;
    let progressCalls = 0;
    const t0 = performance.now();
    const { value: result, heapPeakMB } = await withHeapPeak(() => a.importFile(file, { timeZone }, 'bench', () => {
      progressCalls++;
    }));
    const ms = performance.now() - t0;
    if (!result.ok) return { ok: false as const, ms, error: result.error.message, code: result.error.code };
    const row = await db.datasets.get(result.value.id);
    return {
      ok: true as const,
      ms,
      datasetId: result.value.id,
      rowsRead: result.value.rowsRead,
      imported: result.value.imported,
      rejected: result.value.rejected,
      duplicates: result.value.duplicates,
      chunks: row?.chunkCount ?? -1,
      progressCalls,
      heapPeakMB,
    };
  },

  /** Prices the stored dataset (first call loads it from IndexedDB; later calls reuse worker memory). */
  async estimate(datasetId: string, plan: unknown) {
    if (!api) throw new Error('call ready() first');
    const a = api;
    const t0 = performance.now();
    const { value: result, heapPeakMB } = await withHeapPeak(() => a.estimate(datasetId, plan));
    const ms = performance.now() - t0;
    if (!result.ok) return { ok: false as const, ms, error: `${result.error.code}: ${result.error.message}`, heapPeakMB };
    return { ok: true as const, ms, summary: summariseEstimate(result.value), heapPeakMB };
  },

  /**
   * Warm estimate timings on the stored dataset (estimate-bench.ts): the table is loaded from IndexedDB first (the
   * load is reported, not timed into anything), then the floor and each plan run on it in memory, best of `repeat`.
   * The api is recreated first so the table the api cached for `estimate` is dropped: one copy in memory at a time.
   */
  async estimatePlans(datasetId: string, plans: BenchPlan[], repeat: number) {
    if (!db) throw new Error('call ready() first');
    const d = db;
    api = createApi({ db: d });
    const { value, heapPeakMB } = await withHeapPeak(async () => {
      const t0 = performance.now();
      const table = await loadTable(d, datasetId);
      const loadMs = performance.now() - t0;
      if (!table) return null;
      return { loadMs, ...timeEstimates(table, plans, repeat), coverage: sampleCoverage(table) };
    });
    if (!value) return { ok: false as const, error: `dataset ${datasetId} not found`, heapPeakMB };
    return { ok: true as const, ...value, heapPeakMB };
  },

  heap: heapNow,
};

/** A short, shape-tolerant description of an estimate (the bench only needs to show it priced something). */
const summariseEstimate = (estimate: unknown): string => {
  const e = estimate as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['currency', 'total', 'grandTotal']) {
    if (typeof e[key] === 'string' || typeof e[key] === 'number') parts.push(`${key}=${String(e[key])}`);
  }
  if (Array.isArray(e.cycles)) parts.push(`cycles=${e.cycles.length}`);
  return parts.join(' ') || Object.keys(e).slice(0, 6).join(',');
};

export type BenchWorker = typeof worker;
Comlink.expose(worker);
