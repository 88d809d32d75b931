import type { EventChunk } from '../engine/events';
import type { ColumnBuilder } from './column-builder';

/** A row that did not become an event, kept so the user can see and download it. */
export type RejectedRow = {
  /** 1-based line number in the source file where the row starts. */
  line: number;
  /** Why, naming the field: "timestamp: cannot read '31/02/2025 10:00' as a date". */
  reason: string;
  /** The raw row as it appeared in the file (re-quoted CSV). */
  raw: string;
};

export type ImportOptions = {
  /** Preset name; only 'generic' so far. */
  preset: 'generic';
  /** IANA zone in which naive timestamps are read (default 'UTC'). */
  timeZone: string;
  /** Events per stored chunk (default 65536). */
  chunkSize?: number;
  /** Size of the source for progress, when the source cannot tell (a Node stream); Blob and string know theirs. */
  totalBytes?: number;
  /**
   * Continue a dataset: several files imported through one builder share its dictionaries, chunk numbering and
   * duplicate-id detection (the builder's chunkSize wins). Not cloneable: create it where the import runs.
   */
  dataset?: ColumnBuilder;
};

export type ImportProgress = {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  elapsedMs: number;
};

/** Accounting of an import: rowsRead = imported + rejected + duplicates (+ header). */
export type ImportSummary = {
  preset: string;
  rowsRead: number;
  imported: number;
  rejected: number;
  duplicates: number;
  /** Header columns that were not normalised fields, reported not silently dropped. */
  ignoredColumns: string[];
  chunks: number;
  minTimestamp: number;
  maxTimestamp: number;
  bytes: number;
};

/**
 * Where an import streams to. The importer parses the next chunk while a `chunk` call runs, but awaits the call
 * before it hands over the next chunk and before it settles: at most one call at a time, so a slow sink (IndexedDB)
 * pauses the parser (one chunk later) instead of buffering the file in memory. A call's failure fails the import.
 */
export type ImportSink = {
  chunk(chunk: EventChunk, rejects: RejectedRow[]): Promise<void>;
  progress?(p: ImportProgress): void;
};

/** A whole-file failure (empty file, no recognisable header): nothing is imported. */
export class ImportError extends Error {
  constructor(message: string, readonly line?: number, readonly field?: string) {
    super(message);
    this.name = 'ImportError';
  }
}
