/**
 * What the mapping screen shows, read with the import's own reader (encoding, delimiter, quoting, line numbers):
 * - `readFilePreview`: the first records of a file, its header, and whether a preset (a saved one first) reads it;
 * - `previewMappedImport`: the real import (importCsv with the custom preset) over the start of the file, so the
 *   events and row errors shown are exactly those the import will produce for those rows.
 */
import type { EventChunk } from '../../engine/events';
import { guessDateOrder } from '../generic/lenient';
import { importCsv } from '../import-csv';
import { openSource } from '../import-source';
import { detectCsvPreset } from '../presets/detect';
import type { Detected } from '../presets/types';
import type { CsvSource } from '../text-source';
import { ImportError } from '../types';
import type { ImportSummary, RejectedRow } from '../types';
import { detectCustomPreset } from './apply';
import type { CustomPreset } from './schema';
import { MAPPED_VALUE_FIELDS, defaultValue, distinctValues, suggestColumns, suggestDateFormat, suggestDecimalMark } from './suggest';
import type { GenericColumn } from '../generic/header';
import type { DateFormat, DecimalMark } from './schema';

/** Characters read for the preview of records. */
const PREVIEW_CHARS = 64 * 1024;
/** Records kept for the preview (the first ones shown, all used for value suggestions). */
export const PREVIEW_RECORDS = 200;
/** Bytes (or characters) of the file the mapped preview imports. */
export const PREVIEW_BYTES = 256 * 1024;
/** Records before the header looked at when choosing it. */
const HEADER_WINDOW = 10;

export type FilePreview = {
  encoding: string;
  delimiter: string;
  /** The header record (cells as written, BOM and spaces trimmed) and its line. */
  header: string[];
  headerLine: number;
  /** Data records after the header, with their lines. */
  rows: { line: number; cells: string[] }[];
  /** The preset that reads the file as it is (a saved preset's name, or a built-in's); null when none does. */
  detected: string | null;
  /** True when `detected` is one of the saved custom presets. */
  detectedCustom: boolean;
  /**
   * Per header column: its distinct values in the preview rows (most frequent first, at most 30) and how each reads
   * without a value map for the fields with a value vocabulary ('' when it does not read: an unknown direction).
   */
  columnValues: { values: string[]; reads: Partial<Record<string, string[]>> }[];
  /** First guesses for the screen. */
  suggestion: {
    columns: Partial<Record<GenericColumn, string>>;
    /** Distinct values (most frequent first) of the suggested columns of fields with a value vocabulary. */
    values: Partial<Record<string, string[]>>;
    dateFormat: DateFormat;
    decimalMark: DecimalMark;
  };
};

const modalWidth = (rows: readonly string[][]): number => {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  let n = 0;
  for (const [w, c] of counts) if (c > n || (c === n && w > best)) [best, n] = [w, c];
  return best;
};

const isBlank = (row: readonly string[]): boolean => row.every((c) => c.trim() === '');

/** The first records of a file and first guesses; throws ImportError for an empty or JSON file no preset reads. */
export const readFilePreview = async (source: CsvSource, customPresets: readonly CustomPreset[] = []): Promise<FilePreview> => {
  const opened = await openSource(source, PREVIEW_CHARS, 'auto', 'auto');
  const records: { line: number; cells: string[] }[] = [];
  try {
    for await (const batch of opened.batches) {
      batch.rows.forEach((cells, k) => {
        if (records.length < PREVIEW_RECORDS + HEADER_WINDOW && !isBlank(cells)) {
          records.push({ line: batch.lines ? batch.lines[k] : batch.firstLine + k, cells });
        }
      });
      if (records.length >= PREVIEW_RECORDS + HEADER_WINDOW) break;
    }
  } finally {
    await opened.batches.return(undefined);
  }
  if (records.length === 0) throw new ImportError('the file is empty', undefined, undefined, { code: 'empty' });
  const empty = { columns: {}, values: {}, dateFormat: 'auto' as const, decimalMark: 'auto' as const };
  if (opened.jsonPreset !== null) {
    return {
      encoding: opened.info.encoding, delimiter: '', header: records[0].cells, headerLine: 0, rows: [],
      detected: opened.jsonPreset, detectedCustom: false, columnValues: [], suggestion: empty,
    };
  }
  let detected: string | null = null;
  let detectedCustom = false;
  let headerAt = -1;
  for (let k = 0; k < Math.min(HEADER_WINDOW, records.length) && detected === null; k++) {
    const cells = records[k].cells;
    const custom = detectCustomPreset(customPresets, cells);
    let builtIn: Detected | null;
    try {
      builtIn = custom ? null : detectCsvPreset(cells, records[k].line);
    } catch {
      builtIn = null; // two presets fit equally: the import would stop and ask; the screen is the answer
    }
    const d = custom ?? builtIn;
    if (d !== null) {
      detected = d.preset;
      detectedCustom = custom !== null;
      headerAt = d.header ? k : k - 1;
    }
  }
  if (headerAt < 0) {
    // The header: the first record as wide as most records (preamble lines are usually narrower).
    const width = modalWidth(records.slice(0, HEADER_WINDOW + 20).map((r) => r.cells));
    headerAt = Math.max(0, records.findIndex((r) => r.cells.length === width));
  }
  const header = headerAt >= 0 ? records[headerAt].cells.map((c) => c.replace(/^\uFEFF/, '').trim()) : [];
  const rows = records.slice(headerAt + 1, headerAt + 1 + PREVIEW_RECORDS);
  const columns = suggestColumns(header);
  const values: Partial<Record<string, string[]>> = {};
  for (const f of MAPPED_VALUE_FIELDS) {
    const col = columns[f] === undefined ? -1 : header.indexOf(columns[f]!);
    if (col >= 0) values[f] = distinctValues(rows.map((r) => r.cells), col);
  }
  const tsCol = columns.timestamp === undefined ? -1 : header.indexOf(columns.timestamp);
  const dates = tsCol < 0 ? [] : rows.map((r) => r.cells[tsCol] ?? '');
  const delimiter = opened.dialect()?.delimiter ?? '';
  const columnValues = header.map((_, col) => {
    const distinct = distinctValues(rows.map((r) => r.cells), col);
    return { values: distinct, reads: Object.fromEntries(MAPPED_VALUE_FIELDS.map((f) => [f, distinct.map((v) => defaultValue(f, v))])) };
  });
  return {
    encoding: opened.info.encoding, delimiter, header, headerLine: records[headerAt]?.line ?? 0, rows, detected, detectedCustom, columnValues,
    suggestion: {
      columns, values,
      dateFormat: guessDateOrder(dates) === 'ambiguous' ? 'auto' : suggestDateFormat(dates),
      decimalMark: suggestDecimalMark(delimiter),
    },
  };
};

export type MappedPreview = {
  summary: ImportSummary;
  chunks: EventChunk[];
  rejects: RejectedRow[];
  /** True when only the start of the file was read (the counts are of that part). */
  partial: boolean;
};

/** The start of a source, cut after its last line break within `limit` bytes (or characters). */
export const sourceStart = async (source: CsvSource, limit: number): Promise<{ part: CsvSource; partial: boolean }> => {
  if (typeof source === 'string') {
    if (source.length <= limit) return { part: source, partial: false };
    const cut = source.lastIndexOf('\n', limit);
    return { part: source.slice(0, cut > 0 ? cut + 1 : limit), partial: true };
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    if (source.size <= limit) return { part: source, partial: false };
    const bytes = new Uint8Array(await source.slice(0, limit).arrayBuffer());
    const cut = bytes.lastIndexOf(10); // '\n' is one byte in UTF-8 and Windows-1252 and never part of another character
    return { part: source.slice(0, cut > 0 ? cut + 1 : limit), partial: true };
  }
  throw new ImportError('the preview reads a file or a text');
};

/**
 * Imports the start of the file with the custom preset into memory (nothing stored): the events, the rejects with
 * their lines and reasons, and the accounting, as the real import gives them for those rows. Throws ImportError
 * when the file does not fit the preset (a missing column, dates whose day/month order cannot be told).
 */
export const previewMappedImport = async (
  source: CsvSource, preset: CustomPreset, timeZone: string, limit = PREVIEW_BYTES,
): Promise<MappedPreview> => {
  const { part, partial } = await sourceStart(source, limit);
  const chunks: EventChunk[] = [];
  const rejects: RejectedRow[] = [];
  const summary = await importCsv(part, { mapping: preset, timeZone }, {
    chunk: async (chunk, rows) => {
      chunks.push(chunk);
      rejects.push(...rows);
    },
  });
  return { summary, chunks, rejects, partial };
};
