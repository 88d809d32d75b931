/**
 * Streams a usage file into normalised event chunks: text pieces -> PapaParse records -> preset row writer ->
 * ColumnBuilder -> `sink.chunk`. Each sink call is awaited before the next chunk is handed over (so the next chunk
 * is parsed while one is stored) and before importCsv settles, so memory is bounded by the piece and chunk sizes.
 *
 * Accounting: `rowsRead` counts data records (the header and blank lines are not counted);
 * rowsRead = imported + rejected + duplicates. Rejects reach the sink with the chunk they belong to (the final chunk
 * is flushed even when it holds only rejects). Whole-file problems throw ImportError; an aborted signal rejects with
 * a DOMException named 'AbortError'.
 */
import Papa from 'papaparse';
import { ColumnBuilder, DEFAULT_CHUNK_SIZE } from './column-builder';
import { csvRecords } from './csv-records';
import { readGenericHeader } from './generic/header';
import { createGenericRowWriter } from './generic/row-writer';
import type { RowWriter } from './generic/row-writer';
import { sourceSize } from './text-source';
import type { CsvSource } from './text-source';
import { createZoneClock } from './time-zone';
import type { ZoneClock } from './time-zone';
import { ImportError } from './types';
import type { ImportOptions, ImportSink, ImportSummary } from './types';

/** Characters of text parsed at a time. */
export const PIECE_SIZE = 256 * 1024;
const PROGRESS_INTERVAL_MS = 200;
const RAW_LIMIT = 2000;

/**
 * Lets tasks queued on this thread run (IndexedDB delivers each step of a transaction as a task). Awaiting a piece
 * the file reader already holds resolves as a microtask, so without this a chunk's write would stall until the
 * parser next waits for the disk. setImmediate in Node; a MessageChannel message elsewhere (setTimeout is clamped).
 */
const yieldToTasks: () => Promise<void> = typeof setImmediate === 'function'
  ? () => new Promise((resolve) => setImmediate(resolve))
  : (() => {
    const channel = new MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () => new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
  })();

const abortError = (): DOMException => new DOMException('The import was cancelled.', 'AbortError');

const isBlank = (row: readonly string[]): boolean =>
  row.length === 1 && (row[0] === '' || row[0].replace(/^\uFEFF/, '').trim() === '');

const rawRow = (row: readonly string[]): string => {
  const raw = Papa.unparse([row as string[]], { newline: '\n' });
  return raw.length > RAW_LIMIT ? `${raw.slice(0, RAW_LIMIT)}…` : raw;
};

export const importCsv = async (
  source: Blob | NodeJS.ReadableStream | string,
  options: ImportOptions,
  sink: ImportSink,
  signal?: AbortSignal,
): Promise<ImportSummary> => {
  if (options.preset !== 'generic') throw new ImportError(`unknown preset '${String(options.preset)}'`);
  let clock: ZoneClock;
  try {
    clock = createZoneClock(options.timeZone || 'UTC');
  } catch (e) {
    throw new ImportError((e as Error).message);
  }
  if (signal?.aborted) throw abortError();
  const started = performance.now();
  const builder = options.dataset ?? new ColumnBuilder(options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const firstChunk = builder.nextChunkIndex;
  const totalBytes = options.totalBytes ?? sourceSize(source as CsvSource) ?? 0;
  let rowsRead = 0;
  let imported = 0;
  let rejected = 0;
  let duplicates = 0;
  let minTimestamp = Infinity;
  let maxTimestamp = -Infinity;
  let charsRead = 0;
  let ignoredColumns: string[] = [];
  let write: RowWriter | null = null;
  let lastProgress = started;
  let reserved = false;
  let hasIds = false;

  const progress = (force: boolean): void => {
    if (!sink.progress) return;
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    sink.progress({
      bytesRead: charsRead, totalBytes, rowsRead, rowsImported: imported, rowsRejected: rejected,
      elapsedMs: Math.round(now - started),
    });
  };
  /** The sink call of the last chunk handed over, while it may still be running. */
  let storing: Promise<void> | null = null;
  /** Waits for the chunk being stored; its failure becomes the import's. */
  const stored = async (): Promise<void> => {
    const p = storing;
    storing = null;
    if (p) await p;
    if (signal?.aborted) throw abortError();
  };
  /** Waits for the chunk being stored, ignoring its outcome (the import already failed). */
  const stoppedStoring = async (): Promise<void> => {
    const p = storing;
    storing = null;
    if (p) await p.catch(() => undefined);
  };
  /**
   * Hands the builder's chunk to the sink once the previous one is stored, and returns without waiting for this one:
   * the next chunk is parsed while this one is written (IndexedDB works mostly off this thread). At most one chunk
   * is in flight, so memory stays bounded by two chunks and a slow sink still holds the parser back.
   */
  const flush = async (): Promise<void> => {
    await stored();
    const { chunk, rejects } = builder.flush();
    const p = sink.chunk(chunk, rejects);
    p.catch(() => undefined); // observed by the next stored()
    storing = p;
  };

  const records = csvRecords(source as CsvSource, PIECE_SIZE);
  try {
    try {
      for await (const batch of records) {
        if (signal?.aborted) throw abortError();
        const { rows, lines, errors, firstLine } = batch;
        charsRead = batch.charsRead;
        for (let k = 0; k < rows.length; k++) {
          const row = rows[k];
          if (isBlank(row)) continue;
          const line = lines ? lines[k] : firstLine + k;
          if (write === null) {
            const header = readGenericHeader(row, line);
            ignoredColumns = header.ignoredColumns;
            hasIds = header.index.id >= 0;
            write = createGenericRowWriter(header, clock, builder);
            continue;
          }
          rowsRead++;
          const quoteError = errors?.get(k);
          const outcome = quoteError ? { reason: `row: ${quoteError.toLowerCase()}` } : write(row);
          if (outcome === 'imported') {
            imported++;
            const ts = builder.columns.timestamp[builder.length];
            if (ts < minTimestamp) minTimestamp = ts;
            if (ts > maxTimestamp) maxTimestamp = ts;
            if (builder.commit()) await flush();
          } else if (outcome === 'duplicate') {
            duplicates++;
          } else {
            rejected++;
            builder.reject({ line, reason: outcome.reason, raw: rawRow(row) });
          }
        }
        progress(false);
        if (!reserved && hasIds && totalBytes > 0 && rowsRead > 0 && charsRead < totalBytes) {
          // Size the duplicate-id table once from the rows per character so far, instead of rehashing as it fills.
          reserved = true;
          builder.reserveIds(((totalBytes - charsRead) * rowsRead) / charsRead);
        }
        if (storing !== null) await yieldToTasks();
      }
    } finally {
      await records.return(undefined);
    }
    if (signal?.aborted) throw abortError();
    if (write === null) throw new ImportError('the file is empty');
    if (builder.pending) await flush();
    await stored();
  } catch (error) {
    // Never return while a sink call still runs (the caller may discard what it stored).
    await stoppedStoring();
    throw error;
  }
  progress(true);
  return {
    preset: options.preset,
    rowsRead, imported, rejected, duplicates, ignoredColumns,
    chunks: builder.nextChunkIndex - firstChunk,
    minTimestamp: imported > 0 ? minTimestamp : NaN,
    maxTimestamp: imported > 0 ? maxTimestamp : NaN,
    bytes: totalBytes || charsRead,
  };
};
