/**
 * The Tarifa IndexedDB database (Dexie). Events are stored column by column, one row per ~64k-event chunk, as
 * structured clones of their typed arrays: never one object per event (see shared/notes/toolchain.md, measured ~50x).
 *
 * Schema history: one constant per version, never edited once shipped. A later change adds `SCHEMA_V2` with a dated
 * comment and a `.upgrade()` in the constructor, plus an upgrade test that seeds V1 and asserts the new rows.
 */
import { Dexie, type Table } from 'dexie';
import type { Dictionaries } from '../engine/events';
import type { StoredColumns } from './chunk-codec';

export const DEFAULT_DB_NAME = 'tarifa';

/** 2026-11-22: first schema. Datasets (metadata), columnar event chunks, per-chunk reject batches, settings. */
export const SCHEMA_V1 = {
  datasets: 'id, status, createdAt',
  chunks: '[datasetId+index]',
  rejects: '[datasetId+index]',
  settings: 'key',
} as const;

/**
 * 2026-12-04: plans the user saves (issue #4). Adds `plans` (id, name for sorting, updatedAt); V1 tables unchanged.
 * Nothing to migrate: the upgrade only creates the empty table (see `upgradeToV2`).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  plans: 'id, name, updatedAt',
} as const;

/**
 * 2026-12-11: cost-centre rule sets the user saves (issue #5). Adds `rules` (id, name for sorting, updatedAt);
 * V2 tables unchanged. Nothing to migrate: the upgrade only creates the empty table (see `upgradeToV3`).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  rules: 'id, name, updatedAt',
} as const;

/**
 * 2026-11-22: one version for the tables of issues #3, #6, #7 and #8 (added together so that parallel work does not
 * race for version numbers). Adds `presets` (saved custom import mappings), `scenarios` (simulation plan sets and
 * knobs), `contracts` (client contracts for profitability checks), `templates` (offer templates), `tasks` (follow-ups,
 * by due date) and `people` (users/agents files, by dataset). V3 tables unchanged; the upgrade only creates empty tables.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  presets: 'id, name, updatedAt',
  scenarios: 'id, name, updatedAt',
  contracts: 'id, name, updatedAt',
  templates: 'id, name, updatedAt',
  tasks: 'id, due, status',
  people: 'id, updatedAt',
} as const;

export type DatasetStatus = 'importing' | 'ready';

/** Accounting of a finished import (all zero while importing). */
export type DatasetCounts = {
  rowsRead: number;
  imported: number;
  rejected: number;
  duplicates: number;
};

/**
 * One file a dataset was imported from. `sha256` (the file's content hash, hex: SHA-256 of its bytes, or for a file
 * over 8 MiB of its 8 MiB slices' SHA-256s; see src/import/file-hash.ts) detects the same file imported twice; `counts` is that file's own accounting. Both are absent on files imported before they
 * were recorded.
 */
export type DatasetFile = { name: string; size: number; sha256?: string; counts?: DatasetCounts & { summaryRows?: number }; preset?: string };

export type DatasetRow = {
  /** 'pseudonymised' (keyed hash, the default) or 'raw'; absent on datasets imported before it was recorded. */
  contacts?: 'pseudonymised' | 'raw';
  id: string;
  status: DatasetStatus;
  name: string;
  createdAt: number;
  preset: string;
  timeZone: string;
  files: DatasetFile[];
  counts: DatasetCounts;
  /** Epoch ms; NaN until the import finishes. */
  minTimestamp: number;
  maxTimestamp: number;
  ignoredColumns: string[];
  /** Chunks written so far (while importing) or in total (when ready). */
  chunkCount: number;
};

/** One stored chunk: an EventChunk's columns (narrowed, see chunk-codec.ts) and dictionary additions. */
export type ChunkRow = {
  datasetId: string;
  index: number;
  columns: StoredColumns;
  dictAppend: Dictionaries;
};

/** A row that did not become an event (same shape as import's RejectedRow; storage may not import src/import). */
export type StoredReject = { line: number; reason: string; raw: string; /** The file the line is in (datasets of several files). */ file?: string };

/** The rejects found while building chunk `index`. Only non-empty batches are stored. */
export type RejectBatchRow = {
  datasetId: string;
  index: number;
  rows: StoredReject[];
};

export type SettingRow = { key: string; value: unknown };

/**
 * A plan the user saved: the plan JSON exactly as written (validated by parsePlan before it is stored, defaults not
 * filled in, so an export gives back what the user wrote). `name` and `description` are copied out for listing.
 */
export type PlanRow = {
  id: string;
  name: string;
  description: string;
  json: unknown;
  createdAt: number;
  updatedAt: number;
};

/** A cost-centre rule set the user saved: the `tarifa.rules/1` JSON as written (validated by parseRules first). */
export type RulesRow = {
  id: string;
  name: string;
  json: unknown;
  createdAt: number;
  updatedAt: number;
};

/**
 * A named document the user saved in one of the V4 tables (custom preset, scenario, contract, offer template): the
 * JSON as written, validated by its parser before it is stored.
 */
export type NamedDocRow = {
  id: string;
  name: string;
  json: unknown;
  createdAt: number;
  updatedAt: number;
};

/** A follow-up task (e.g. "offer sent to client X: follow up"), due at `due` (epoch ms). */
export type TaskRow = {
  id: string;
  title: string;
  due: number;
  status: 'open' | 'done';
  /** What the task is about (e.g. { kind: 'offer', contractId, period }); free-form, shown by the UI. */
  ref?: unknown;
  createdAt: number;
  updatedAt: number;
};

/** A users/agents list the user imported (name, e-mail, role, channels), kept as parsed rows. */
export type PeopleRow = {
  id: string;
  name: string;
  people: { name: string; email: string; role: string; channels: string[]; agent?: string }[];
  createdAt: number;
  updatedAt: number;
};

/** V1 -> V2: no existing row changes shape; the new `plans` table starts empty. Kept as a named step for the record. */
const upgradeToV2 = async (): Promise<void> => {};

/** V2 -> V3: no existing row changes shape; the new `rules` table starts empty. */
const upgradeToV3 = async (): Promise<void> => {};

/** V3 -> V4: no existing row changes shape; the six new tables start empty. */
const upgradeToV4 = async (): Promise<void> => {};

export class TarifaDb extends Dexie {
  datasets!: Table<DatasetRow, string>;
  chunks!: Table<ChunkRow, [string, number]>;
  rejects!: Table<RejectBatchRow, [string, number]>;
  settings!: Table<SettingRow, string>;
  plans!: Table<PlanRow, string>;
  rules!: Table<RulesRow, string>;
  presets!: Table<NamedDocRow, string>;
  scenarios!: Table<NamedDocRow, string>;
  contracts!: Table<NamedDocRow, string>;
  templates!: Table<NamedDocRow, string>;
  tasks!: Table<TaskRow, string>;
  people!: Table<PeopleRow, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // 2026-12-04: V2 adds the plans table; datasets, chunks, rejects and settings are kept as they are.
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    // 2026-12-11: V3 adds the rules table (cost-centre rule sets); every V2 table is kept as it is.
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    // 2026-11-22: V4 adds presets, scenarios, contracts, templates, tasks and people; every V3 table is kept.
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
  }
}
