/**
 * Streams a usage file into normalised event chunks: text pieces -> PapaParse records (or a JSON export's rows) ->
 * preset detection on the first records -> the preset's row mapping in the one row writer -> ColumnBuilder ->
 * `sink.chunk`. Each sink call is awaited before the next chunk is handed over (so the next chunk
 * is parsed while one is stored) and before importCsv settles, so memory is bounded by the piece and chunk sizes.
 *
 * Accounting: `rowsRead` counts data records (the header, preamble lines before it and blank lines are not counted);
 * rowsRead = imported + rejected + duplicates + summaryRows. Rejects reach the sink with the chunk they belong to (the final chunk
 * is flushed even when it holds only rejects). Whole-file problems throw ImportError; an aborted signal rejects with
 * a DOMException named 'AbortError'.
 *
 * Privacy: with `options.pseudonymKey` contacts leave only as pseudonyms (pseudonym.ts); a `body` column is read
 * only to count segments. Rejected rows' `raw` text is the one place a row leaves as written.
 */
import Papa from 'papaparse';
import { ColumnBuilder, DEFAULT_CHUNK_SIZE } from './column-builder';
import { guessDateOrder } from './generic/lenient';
import type { DateOrder } from './generic/lenient';
import { createGenericRowWriter } from './generic/row-writer';
import type { RowWriter } from './generic/row-writer';
import { openSource } from './import-source';
import { createPseudonymiser } from './pseudonym';
import type { Pseudonymise } from './pseudonym';
import { customDetected, detectCustomPreset, presetMismatch } from './mapping/apply';
import { detectCsvPreset, mappingFor, unknownFormat } from './presets/detect';
import { CSV_PRESETS } from './presets/specs';
import { isPresetChoice, PRESET_NAMES } from './presets/types';
import type { Detected, RowMapping } from './presets/types';
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

/** Records before the header that are taken for a preamble ("Report of September") before giving up. */
const MAX_PREAMBLE = 10;
/** Data rows scanned for the day/month order. */
const DATE_SAMPLE = 1000;
/** First cell of a summary row: Total, Totals, Totais, Totales, Subtotal, Sub-total, Grand total. */
const SUMMARY = /^(sub-?\s?|grand\s)?tota(l|ls|is|les)\b/i;

const sameKey = (a: Uint8Array | null, b: Uint8Array | null): boolean =>
  a === null || b === null ? a === b : a.length === b.length && a.every((v, i) => v === b[i]);

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
  const choice = options.preset ?? 'auto';
  if (!isPresetChoice(choice)) {
    throw new ImportError(`unknown preset '${String(choice)}' (available: auto, ${PRESET_NAMES.join(', ')})`, undefined, undefined,
      { code: 'unknown-preset', params: { preset: String(choice), available: `auto, ${PRESET_NAMES.join(', ')}` } });
  }
  let clock: ZoneClock;
  try {
    clock = createZoneClock(options.timeZone || 'UTC');
  } catch (e) {
    throw new ImportError((e as Error).message);
  }
  const key = options.pseudonymKey ?? null;
  let pseudonymise: Pseudonymise | undefined;
  try {
    pseudonymise = key === null ? undefined : createPseudonymiser(key);
  } catch (e) {
    throw new ImportError((e as Error).message);
  }
  if (signal?.aborted) throw abortError();
  const started = performance.now();
  const builder = options.dataset ?? new ColumnBuilder(options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  if (builder.pseudonymKey === undefined) builder.pseudonymKey = key === null ? null : key.slice();
  else if (!sameKey(builder.pseudonymKey, key)) {
    throw new ImportError(builder.pseudonymKey === null
      ? 'this dataset keeps contacts as written: it cannot take a file imported with a pseudonymisation key'
      : 'this dataset\'s contacts are pseudonymised with another key (or this import has none): contacts would not match',
    undefined, undefined, { code: builder.pseudonymKey === null ? 'contacts-raw' : 'contacts-key' });
  }
  const firstChunk = builder.nextChunkIndex;
  const totalBytes = options.totalBytes ?? sourceSize(source as CsvSource) ?? 0;
  let rowsRead = 0;
  let imported = 0;
  let rejected = 0;
  let duplicates = 0;
  let minTimestamp = Infinity;
  let maxTimestamp = -Infinity;
  let charsRead = 0;
  let summaryRows = 0;
  let ignoredColumns: string[] = [];
  let write: RowWriter | null = null;
  let detected: Detected | null = null;
  let mapping: RowMapping | null = null;
  let dateOrder: DateOrder | null = null;
  let firstRecord: { row: string[]; line: number } | null = null;
  let preamble = 0;
  /** Rejects with an empty timestamp not yet followed by data: trailing summary rows if nothing follows. */
  let trailing: { line: number; reason: string; raw: string }[] = [];
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

  const custom = options.mapping;
  const opened = await openSource(source as CsvSource, PIECE_SIZE, custom ? 'generic' : choice, options.encoding ?? 'auto');
  const records = opened.batches;
  const tried = choice === 'auto' ? CSV_PRESETS : [choice];
  const json = opened.jsonPreset !== null;
  const label = (line: number, reason: string) => (json ? `data point ${line}: ${reason}` : reason);
  const notRecognised = (row: readonly string[], line: number): ImportError =>
    (custom ? presetMismatch(custom, row, line) : unknownFormat(tried, row, line));

  /** Sets up the writer for the detected preset; `rows` from `from` on are the first data rows (date order sample). */
  const start = (d: Detected, rows: readonly string[][], from: number): void => {
    detected = d;
    mapping = d.mapping;
    ignoredColumns = d.mapping.ignoredColumns;
    hasIds = d.mapping.index.id >= 0;
    const tsCol = d.mapping.index.timestamp;
    const reading = d.reading ?? {};
    if (reading.timeZone !== undefined && reading.timeZone !== clock.timeZone) {
      try {
        clock = createZoneClock(reading.timeZone);
      } catch (e) {
        throw new ImportError(`preset '${d.preset}': ${(e as Error).message}`, undefined, 'timeZone');
      }
    }
    dateOrder = options.dateOrder ?? reading.dateOrder ?? null;
    if (dateOrder === null && tsCol >= 0) {
      const sample = rows.slice(from, from + DATE_SAMPLE).map((r) => r[tsCol] ?? '');
      const guess = guessDateOrder(sample);
      if (guess === 'ambiguous') {
        const example = sample.find((v) => /^\d{1,2}[/.-]\d{1,2}[/.-]/.test(v.trim())) ?? '';
        throw new ImportError(`timestamp: cannot tell whether dates such as '${example.trim()}' are day/month or month/day; `
          + "set the dateOrder option ('dmy' or 'mdy')", undefined, 'timestamp', { code: 'date-order', params: { example: example.trim() } });
      }
      dateOrder = guess;
    }
    write = createGenericRowWriter(d.mapping, clock, builder, {
      dateOrder: dateOrder ?? undefined,
      decimalComma: reading.decimalComma ?? opened.dialect()?.delimiter === ';',
      deriveCountry: options.deriveCountry,
      pseudonymise,
    });
  };
  const flushTrailing = (): void => {
    for (const r of trailing) builder.reject(r);
    rejected += trailing.length;
    trailing = [];
  };

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
            firstRecord ??= { row, line };
            const d = opened.jsonPreset !== null ? mappingFor(opened.jsonPreset, row)
              : custom ? customDetected(custom, row)
                : choice === 'auto' ? detectCustomPreset(options.customPresets ?? [], row) ?? detectCsvPreset(row, line)
                  : mappingFor(choice, row);
            if (d === null) {
              if (++preamble >= MAX_PREAMBLE || json) throw notRecognised(firstRecord.row, firstRecord.line);
              continue;
            }
            start(d, rows, d.header ? k + 1 : k);
            if (d.header) continue;
          }
          rowsRead++;
          const quoteError = errors?.get(k);
          const outcome = quoteError ? { reason: `row: ${quoteError.toLowerCase()}` } : write!(row);
          if (typeof outcome === 'object') {
            const first = (row[0] ?? '').trim();
            if (SUMMARY.test(first)) {
              summaryRows++;
              continue;
            }
            const ts = mapping!.index.timestamp;
            if (!json && !quoteError && (row[ts] ?? '').trim() === '' && mapping!.timestampFallback === undefined) {
              trailing.push({ line, reason: label(line, outcome.reason), raw: rawRow(row) });
              continue;
            }
          }
          if (trailing.length > 0) flushTrailing();
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
            builder.reject({ line, reason: label(line, outcome.reason), raw: rawRow(row) });
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
    if (write === null) {
      if (firstRecord !== null) throw notRecognised(firstRecord.row, firstRecord.line);
      throw new ImportError('the file is empty', undefined, undefined, { code: 'empty' });
    }
    summaryRows += trailing.length;
    trailing = [];
    if (builder.pending) await flush();
    await stored();
  } catch (error) {
    // Never return while a sink call still runs (the caller may discard what it stored).
    await stoppedStoring();
    throw error;
  }
  progress(true);
  const used = detected as Detected | null;
  return {
    preset: used?.preset ?? String(choice),
    confidence: choice === 'auto' && !custom ? used?.confidence ?? 0 : 1,
    encoding: opened.info.encoding,
    delimiter: opened.dialect()?.delimiter ?? '',
    dateOrder,
    mapping: used?.mapping.fields ?? [],
    rowsRead, imported, rejected, duplicates, summaryRows,
    // Extra columns dropped for their values (ColumnBuilder.droppedExtras) were not used after all.
    ignoredColumns: [...ignoredColumns, ...builder.droppedExtras.map((e) => e.name).filter((n) => used?.mapping.extraColumns?.some((x) => x.name === n) && !ignoredColumns.includes(n))],
    contacts: pseudonymise === undefined ? 'raw' : 'pseudonymised',
    chunks: builder.nextChunkIndex - firstChunk,
    minTimestamp: imported > 0 ? minTimestamp : NaN,
    maxTimestamp: imported > 0 ? maxTimestamp : NaN,
    bytes: totalBytes || charsRead,
  };
};
