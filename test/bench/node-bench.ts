/**
 * Node reference points on the same file: raw PapaParse streaming (baseline) and importCsv into a sink that stores
 * nothing (parse + normalise). Both read the file through the same fs stream settings.
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { importCsv, PIECE_SIZE } from '../../src/import/import-csv';
import type { ImportSink } from '../../src/import/types';
import { tableFromChunks, type EventChunk } from '../../src/engine/events';
import { sampleNode } from './memory';
import { PAPA_BASELINE_CONFIG } from './papa-config';
import { sampleCoverage, timeEstimates, type BenchPlan } from './estimate-bench';

const stream = (path: string) => createReadStream(path, { encoding: 'utf8', highWaterMark: PIECE_SIZE });

export type NodeRun = { ms: number; rows: number; chunks: number; peakRssMB: number };

export const nodeRawPapa = async (path: string): Promise<NodeRun> => {
  const memory = sampleNode();
  let rows = 0;
  let chunks = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    // chunkSize only applies to File input; for a stream, the stream's highWaterMark sets the piece size.
    const { chunkSize: _chunkSize, ...config } = PAPA_BASELINE_CONFIG;
    Papa.parse<string[]>(stream(path) as unknown as File, {
      ...config,
      chunk: (results) => {
        rows += results.data.length;
        chunks++;
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });
  const ms = performance.now() - t0;
  return { ms, rows, chunks, peakRssMB: memory.stop() };
};

export const nodeImportNoStore = async (path: string, timeZone: string): Promise<NodeRun & { imported: number; rejected: number }> => {
  const memory = sampleNode();
  let chunks = 0;
  const sink: ImportSink = {
    chunk: async () => {
      chunks++;
    },
  };
  const t0 = performance.now();
  const summary = await importCsv(stream(path), { preset: 'generic', timeZone }, sink);
  const ms = performance.now() - t0;
  return { ms, rows: summary.rowsRead, imported: summary.imported, rejected: summary.rejected, chunks, peakRssMB: memory.stop() };
};

/**
 * Estimate timings in Node: the same file imported by importCsv (as the CLI would, contacts as written) into a sink
 * that keeps the chunks, joined into one table (tableFromChunks, as the worker's loadTable does), then the floor and
 * each plan timed on that in-memory table (estimate-bench.ts). Building the table is reported, not part of the ratios.
 */
export const nodeEstimates = async (path: string, timeZone: string, plans: readonly BenchPlan[], repeat: number) => {
  const memory = sampleNode();
  const t0 = performance.now();
  let chunks: EventChunk[] = [];
  await importCsv(stream(path), { preset: 'generic', timeZone }, {
    chunk: async (chunk) => {
      chunks.push(chunk);
    },
  });
  const table = tableFromChunks(chunks);
  chunks = [];
  const buildMs = performance.now() - t0;
  const timings = timeEstimates(table, plans, repeat);
  const coverage = sampleCoverage(table);
  return { ...timings, buildMs, coverage, peakRssMB: memory.stop() };
};
