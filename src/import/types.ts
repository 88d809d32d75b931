import type { EventChunk } from '../engine/events';
import type { ColumnBuilder } from './column-builder';
import type { DateOrder } from './generic/lenient';
import type { CustomPreset } from './mapping/schema';
import type { PresetChoice } from './presets/types';
import type { EncodingChoice, TextEncoding } from './text-source';

export type { DateOrder } from './generic/lenient';
export type { PresetChoice, PresetName } from './presets/types';
export type { EncodingChoice, TextEncoding } from './text-source';

/** A row that did not become an event, kept so the user can see and download it. */
export type RejectedRow = {
  /** 1-based line number in the source file where the row starts. */
  line: number;
  /** Why, naming the field: "timestamp: cannot read '31/02/2025 10:00' as a date". */
  reason: string;
  /**
   * The raw row as it appeared in the file (re-quoted CSV), so the user can find and fix it. The one place an import
   * keeps a row's text as written, contact included, even when contacts are pseudonymised (see
   * ImportOptions.pseudonymKey): a caller that stores rejects stores these texts.
   */
  raw: string;
  /** The file the row is in, when a dataset holds several (line numbers are per file). */
  file?: string;
};

export type ImportOptions = {
  /**
   * Preset name, or 'auto' (default) to detect it from the header, the records' shape or the JSON keys; a file no
   * preset recognises (or two recognise equally) is an ImportError naming the presets tried and the headers found.
   */
  preset?: PresetChoice;
  /**
   * Order of day/month dates such as '03/04/2026'. Default: decided from the first rows (a first part over 12 means
   * 'dmy', a second part over 12 'mdy'); when nothing decides, the import fails asking for this option.
   */
  dateOrder?: DateOrder;
  /** Text encoding of a Blob or stream: 'auto' (default) reads UTF-8 unless the first 64 KB are not, then Windows-1252. */
  encoding?: EncodingChoice;
  /** Fill an empty `country` from a contact that looks like a phone number (default true). */
  deriveCountry?: boolean;
  /**
   * The workspace's pseudonymisation key: 32 random bytes (`randomPseudonymKey()`), created once per workspace and
   * kept with it (IndexedDB). When given, every contact is stored as its pseudonym, `c_` + base64url of the first
   * 128 bits of HMAC-SHA256(key, contact in one notation) (src/import/pseudonym.ts): equal contacts, in any of their
   * notations ('+55 11 98765-0001' = '+5511987650001', e-mails in any case), get equal pseudonyms across files and
   * imports under one key, so distinct-contact counts stay exact and datasets can be joined, but no emitted chunk
   * (and no summary) holds the number or address. The country is derived from the contact before it is hashed.
   * Rejected rows' `raw` text is the exception: it is the row as in the file.
   *
   * The app must always pass it, unless the user chose to keep raw identifiers (a setting, off by default). Absent:
   * contacts are stored as written (trimmed), as the CLI does by default (it reads the user's own files and prints
   * aggregates; `--pseudonymise` gives it a random key per run). A dataset continued through `dataset` must be
   * imported with the same key (or none) every time: a mismatch is an ImportError.
   */
  pseudonymKey?: Uint8Array;
  /** IANA zone in which naive timestamps are read (default 'UTC'). */
  timeZone: string;
  /**
   * The user's saved custom presets (src/import/mapping): with preset 'auto', a header that fits one of them is read
   * with it, before the built-in presets are tried.
   */
  customPresets?: readonly CustomPreset[];
  /** Read the file with this custom preset (no detection; `preset` is then ignored). */
  mapping?: CustomPreset;
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
  /** Jobs of several files: the file being read (0-based), how many there are, its name. Bytes and rows cover the whole job. */
  fileIndex?: number;
  fileCount?: number;
  fileName?: string;
};

/** Accounting of an import: rowsRead = imported + rejected + duplicates + summaryRows (header and preamble apart). */
export type ImportSummary = {
  /** The preset used (the detected one when the option was 'auto'). */
  preset: string;
  /** How sure the detection was, 0..1 (1 when the preset was given). */
  confidence: number;
  /** 'text' for a string source. */
  encoding: TextEncoding | 'text';
  /** CSV delimiter; '' for JSON. */
  delimiter: string;
  /** Day/month order used for dates such as 03/04/2026; null when the file had none. */
  dateOrder: DateOrder | null;
  /** Header cell (or position name of a headerless file) -> field, in column order. */
  mapping: { column: string; field: string }[];
  rowsRead: number;
  imported: number;
  rejected: number;
  duplicates: number;
  /** Trailing total rows ('Total', 'Subtotal' …, or empty-timestamp rows after the data): counted, not rejected. */
  summaryRows: number;
  /** Header columns that were not normalised fields, reported not silently dropped. */
  ignoredColumns: string[];
  /** How contacts were stored: 'pseudonymised' (a pseudonymKey was given) or 'raw' (as written). */
  contacts: 'pseudonymised' | 'raw';
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

/**
 * What a message says as a code and its parameters, so the UI can say it in the user's language (ui/i18n/parts/
 * messages.ts, key `msg.<code>`); the English message beside it stays for the CLI and as the fallback.
 */
export type MessageDetail = { code: string; params?: Record<string, string | number> };

/** A whole-file failure (empty file, no recognisable header): nothing is imported. */
export class ImportError extends Error {
  constructor(message: string, readonly line?: number, readonly field?: string, readonly detail?: MessageDetail) {
    super(message);
    this.name = 'ImportError';
  }
}
