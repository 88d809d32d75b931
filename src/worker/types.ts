import type { BackupApi } from './backup';
import type { Knobs, Scenario, Simulation, TcoTerms } from '../engine/simulate';
import type { ConsumptionQuery, ConsumptionResult } from '../engine/consumption/types';
import type { Estimate } from '../engine/estimate/types';
import type { ImportProgress, RejectedRow } from '../import/types';
import type { Allocation, InvoiceLine } from '../engine/allocation';
import type { ImportedRateCard } from '../engine/rate-cards/build-charge';
import type { CustomPreset } from '../import/mapping/schema';
import type { FilePreview } from '../import/mapping/preview';
import type { ClientUsage, ContractCheck, Period } from '../engine/profitability/types';

/** Re-exported so the state and UI layers need only the worker's types. */
export type { Allocation, ConsumptionQuery, ConsumptionResult, Estimate, ImportProgress, InvoiceLine, RejectedRow };

/** Errors cross the worker boundary as values, never as thrown exceptions. */
export type Failure = {
  message: string;
  /**
   * 'cancelled' when the user cancelled; 'invalid-plan' with `issues`; 'bad-file' for an unreadable file;
   * 'invalid-range' for a custom range without both dates or ending before it starts; 'invalid-rules' with `issues`
   * (cost-centre rules, paths as in the rules file); 'invalid-amount' for an invoice total or line that is no amount;
   * 'passphrase' when an encrypted backup needs its passphrase or was given a wrong one; 'outdated' when another
   * tab upgraded the database to a newer version (this tab must reload).
   */
  code: 'cancelled' | 'bad-file' | 'invalid-plan' | 'invalid-preset' | 'invalid-rules' | 'invalid-contract' | 'invalid-template' | 'invalid-amount' | 'invalid-range' | 'not-found' | 'quota' | 'internal'
    | 'already-imported' | 'invalid-scenario' | 'passphrase' | 'outdated';
  issues?: PlanIssue[];
  /**
   * What `message` says as a code and its parameters, for the UI to say in the user's language (`msg.<code>`;
   * `file`: the file of a job of several it is about). `message` stays English, for the CLI and as a fallback.
   */
  detail?: { code: string; params?: Record<string, string | number>; file?: string };
  /** 'already-imported': every file of the job, each saying where it already is. */
  files?: FileReport[];
  line?: number;
};
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export type DatasetSummary = {
  id: string;
  name: string;
  createdAt: number;
  preset: string;
  timeZone: string;
  /** The files imported into it, in order, with their content hash and own counts (when recorded). */
  files: { name: string; size: number; sha256?: string; rowsRead?: number; imported?: number; rejected?: number; duplicates?: number }[];
  rowsRead: number;
  imported: number;
  rejected: number;
  duplicates: number;
  ignoredColumns: string[];
  minTimestamp: number;
  maxTimestamp: number;
  /** How contacts are stored: keyed pseudonyms (default) or as written (the user's choice in Settings). */
  contacts: 'pseudonymised' | 'raw';
};

/** One file of an import job: imported (with its own accounting; line numbers of its rejects are its own) or skipped. */
export type FileReport = {
  name: string;
  size: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256?: string;
  /** 'already-imported': the same bytes are already in the target (or, for a new dataset, in any dataset): skipped. */
  status: 'imported' | 'already-imported';
  alreadyIn?: { dataset: string; file: string };
  preset?: string;
  rowsRead: number;
  imported: number;
  rejected: number;
  duplicates: number;
  summaryRows: number;
};

/** What an import job did: the dataset as it now is, each file's outcome, and the job's totals. */
export type ImportReport = {
  dataset: DatasetSummary;
  /** True when the files were appended to an existing dataset. */
  appended: boolean;
  files: FileReport[];
  rowsRead: number;
  imported: number;
  rejected: number;
  duplicates: number;
  summaryRows: number;
};

/** A plan problem at a path such as `charges[2].tiers[1].upTo` (what parsePlan reports). */
export type PlanIssue = { path: string; message: string; code?: string; params?: Record<string, string> };

/** A plan the user saved: `json` is the plan as written (valid when saved). */
export type SavedPlan = {
  id: string;
  name: string;
  description: string;
  json: unknown;
  createdAt: number;
  updatedAt: number;
};

/** A decoded event for display ("sample events behind a line"). */
export type EventRecord = Record<string, string | number>;

/** A saved cost-centre rule set: `json` is the `tarifa.rules/1` file as written (valid when saved). */
export type SavedRules = { id: string; name: string; json: unknown; createdAt: number; updatedAt: number };

/** What a split divides: the estimate of the plan, or the vendor's invoice total (optionally its lines). */
export type SplitBasis = { kind: 'estimate' } | { kind: 'invoice'; total: string; lines?: InvoiceLine[] };

/** Distinct values of a text field with event counts, most frequent first; the rest summed in `others`. */
export type FieldValues = {
  field: string;
  total: number;
  values: { value: string; count: number }[];
  others: { values: number; count: number };
  /** The dataset's extra columns as fields (`col:<header>`, kept at import), which rules may match too. */
  extraFields: string[];
};

/** A rate-card file read: the card (rows with problems left out; null when nothing is readable) and the problems. */
export type RateCardRead = { card: ImportedRateCard | null; issues: { line: number; column: string | null; message: string }[] };
/** Where an imported card goes: a rate-card charge of the plan by id, or null for a new one on a whatsapp-pmp meter. */
export type RateCardTarget = { effectiveFrom: string; chargeId: string | null };
export type { ImportedRateCard };

export type { CustomPreset, FilePreview };
/** A saved custom preset (`tarifa.preset/1`, valid when saved), kept in the `presets` table. */
export type SavedPreset = { id: string; name: string; json: CustomPreset; createdAt: number; updatedAt: number };
/** A mapping tried on the start of a file: its first events and row errors, and the accounting of the rows read. */
export type MappingPreview = {
  events: EventRecord[];
  rejects: RejectedRow[];
  counts: { rowsRead: number; imported: number; rejected: number; duplicates: number; summaryRows: number };
  /** Only the start of the file was read. */
  partial: boolean;
  encoding: string;
  delimiter: string;
};

export type StorageInfo = { usage: number; quota: number; persisted: boolean };

/** When an allowance raises an alert: at a percentage used, or when at most `value` units remain. */
export type AllowanceAlert = { mode: 'percent' | 'remaining'; value: number };

/** A user/agent of the workspace's people list; `agent` is the id the events' agent field carries, when known. */
export type Person = { name: string; email: string; role: string; channels: string[]; agent?: string };
export type PeopleList = { name: string; people: Person[]; updatedAt: number };
/** A line of a people file that was refused, and why (naming the column). */
export type PersonReject = { line: number; reason: string };
export type PeopleImport = { list: PeopleList; rejects: PersonReject[] };
/** Agents with at least one event per billing cycle (active seats), cycles without any left out. */
export type SeatCycles = { timeZone: string; cycles: { start: number; end: number; agents: string[] }[] };

/**
 * The worker's surface: a few chunky calls. Progress arrives through one proxied callback per job, throttled by the
 * worker (a few updates a second), never one message per row. Long jobs take a caller-chosen `jobId` for `cancel`.
 */
export type WorkerApi = BackupApi & {
  importFile(
    file: File,
    options: { timeZone: string; name?: string },
    jobId: string,
    onProgress: (p: ImportProgress) => void,
  ): Promise<Result<DatasetSummary>>;
  /**
   * Several files into one new dataset (`datasetId` absent) or appended to a ready dataset (its preset and time zone
   * are used): one job, one progress over all the files, one cancel that keeps nothing. Files already imported (same
   * SHA-256) are skipped and reported unless `force`; when every file is, Failure 'already-imported' with `files`.
   */
  importFiles(
    files: File[],
    options: { timeZone: string; name?: string; datasetId?: string; force?: boolean },
    jobId: string,
    onProgress: (p: ImportProgress) => void,
  ): Promise<Result<ImportReport>>;
  /** Generates the deterministic sample dataset (two months of WhatsApp on a shared number, plus calls) and imports it. */
  loadSample(jobId: string, onProgress: (p: ImportProgress) => void): Promise<Result<DatasetSummary>>;
  cancel(jobId: string): Promise<void>;
  listDatasets(): Promise<DatasetSummary[]>;
  deleteDataset(id: string): Promise<void>;
  rejects(datasetId: string, offset: number, limit: number): Promise<{ total: number; rows: RejectedRow[] }>;
  /** All rejects as CSV text: line,reason,raw. */
  rejectsCsv(datasetId: string): Promise<string>;
  /** Validates the plan and prices the dataset (held in worker memory after first load). */
  estimate(datasetId: string, plan: unknown): Promise<Result<Estimate>>;
  /**
   * Consumption by day, week or month over a preset or custom range, with the previous period, channels and agents.
   * Runs on the dataset held in worker memory (IndexedDB is read once, on first use).
   */
  consumption(datasetId: string, query: ConsumptionQuery): Promise<Result<ConsumptionResult>>;
  events(datasetId: string, indices: number[]): Promise<EventRecord[]>;
  /** The plan's problems, in document order; empty when it is valid (the editor calls this as the user types). */
  validatePlan(plan: unknown): Promise<PlanIssue[]>;
  /** The user's saved plans, by name. */
  listPlans(): Promise<SavedPlan[]>;
  getPlan(id: string): Promise<Result<SavedPlan>>;
  /**
   * Validates, then stores the plan as written: under `id` when given (replacing it), else under a new id. An invalid
   * plan is not stored: Failure 'invalid-plan' with its issues.
   */
  savePlan(plan: unknown, id?: string): Promise<Result<SavedPlan>>;
  deletePlan(id: string): Promise<void>;
  storageInfo(): Promise<StorageInfo>;
  /** Privacy: keep raw contact identifiers instead of keyed pseudonyms (off by default; applies to later imports). */
  privacySettings(): Promise<{ keepRawIdentifiers: boolean }>;
  setKeepRawIdentifiers(keep: boolean): Promise<void>;
  /** The dashboard's allowance alert threshold as the user last set it (null: never set, the default applies). */
  allowanceAlert(): Promise<AllowanceAlert | null>;
  setAllowanceAlert(alert: AllowanceAlert): Promise<Result<void>>;
  /**
   * Reads a users/agents CSV (name, e-mail, role, channels, agent id; Portuguese and Spanish headers too) and stores it
   * as the workspace's people list, replacing the previous one; refused lines come back with their reasons. A file
   * with no name or e-mail column, or no readable person: Failure 'bad-file'.
   */
  importPeople(file: Blob, name: string): Promise<Result<PeopleImport>>;
  /** The workspace's people list (null when none was imported). */
  people(): Promise<PeopleList | null>;
  deletePeople(): Promise<void>;
  /** The agents active (with events) in each billing cycle of the dataset. */
  activeSeats(datasetId: string, cycle: { anchorDay: number; timeZone: string }): Promise<Result<SeatCycles>>;
  /** The values of a text field (queue, team, agent, bot, channel, template, cost_centre, category, kind…) with event counts, top N. */
  rulesValues(datasetId: string, field: string, top?: number): Promise<Result<FieldValues>>;
  /**
   * Splits the estimate (or an invoice total) over the rules' cost centres. Invalid rules, or rules that do not fit
   * the plan: Failure 'invalid-rules' with issues; an invoice amount that is no decimal: 'invalid-amount'.
   */
  split(datasetId: string, plan: unknown, rules: unknown, basis: SplitBasis): Promise<Result<Allocation>>;
  /** The rules' problems (and, with a plan, whether they fit it); empty when valid. */
  validateRules(rules: unknown, plan?: unknown): Promise<PlanIssue[]>;
  listRules(): Promise<SavedRules[]>;
  getRules(id: string): Promise<Result<SavedRules>>;
  /** Validates, then stores the rules as written (under `id` when given). Invalid: Failure 'invalid-rules'. */
  saveRules(rules: unknown, id?: string): Promise<Result<SavedRules>>;
  deleteRules(id: string): Promise<void>;
  /** The first records of a file, read as the import reads it, whether a preset (a saved one first) reads it, and guesses. */
  inspectFile(file: Blob): Promise<Result<FilePreview>>;
  /** Imports the start of the file with a custom preset, in memory; an invalid preset: Failure 'invalid-preset'. */
  previewMapping(file: Blob, preset: unknown, timeZone: string): Promise<Result<MappingPreview>>;
  /** The custom preset's problems by path; empty when it is valid. */
  validatePreset(preset: unknown): Promise<PlanIssue[]>;
  listPresets(): Promise<SavedPreset[]>;
  /** Validates, then stores (under `id` when given); a name another saved preset has is an issue at `name`. */
  savePreset(preset: unknown, id?: string): Promise<Result<SavedPreset>>;
  renamePreset(id: string, name: string): Promise<Result<SavedPreset>>;
  deletePreset(id: string): Promise<void>;
  /** A preset file's text: validated and saved as a new preset (a taken name gets a number). */
  importPresetFile(text: string): Promise<Result<SavedPreset>>;
  /** Reads a Meta rate-card CSV as published (src/import/rate-cards/meta-csv.ts): the card and its issues by line. */
  readRateCard(text: string): Promise<RateCardRead>;
  /** The plan with the card added as a dated card of the target charge (not validated: the editor does that). */
  addRateCard(plan: unknown, card: ImportedRateCard, target: RateCardTarget): Promise<Result<unknown>>;
  /**
   * Clients (issue #6): voice work per client and period (handled minutes, handled inbound calls) and each saved
   * contract checked against it. Bad query: 'invalid-range' / 'invalid-amount'; rules with problems: 'invalid-rules'.
   */
  profitability(datasetId: string, query: ProfitQuery): Promise<Result<ProfitResult>>;
  /** A `tarifa.contract/1` document's problems by path; empty when valid. */
  validateContract(contract: unknown): Promise<PlanIssue[]>;
  listContracts(): Promise<SavedDoc[]>;
  /** Validates, then stores the contract as written (under `id` when given). Invalid: Failure 'invalid-contract'. */
  saveContract(contract: unknown, id?: string): Promise<Result<SavedDoc>>;
  deleteContract(id: string): Promise<void>;
  /** Offer templates the user edited (`tarifa.template/1`, id `kind.locale`); the defaults live in code. */
  listTemplates(): Promise<SavedDoc[]>;
  saveTemplate(template: unknown): Promise<Result<SavedDoc>>;
  /** Deleting an edited template brings the default back. */
  deleteTemplate(id: string): Promise<void>;
  /** Follow-up tasks, open ones first, by due date. */
  listTasks(): Promise<Task[]>;
  /** Records an offer as sent now: a follow-up task due 7 days later (same local time in `timeZone`). */
  markOfferSent(offer: { title: string; timeZone: string; ref?: Record<string, unknown> }): Promise<Result<Task>>;
  /** Adds an open task due at `due` (default: now), e.g. a period beyond tolerance to look into. */
  addTask(task: { title: string; due?: number; ref?: Record<string, unknown> }): Promise<Result<Task>>;
  setTaskStatus(id: string, status: 'open' | 'done'): Promise<Result<Task>>;
  deleteTask(id: string): Promise<void>;
  /**
   * Simulation (issue #6): the plans compared on the dataset after the what-if knobs, each against the cheapest by
   * line, the multiplier curve and (with `tco`) the TCO projection. Runs on the dataset in worker memory; a call
   * overtaken by a newer one returns 'cancelled'. Bad knobs: 'invalid-scenario' with issues by path.
   */
  simulate(datasetId: string, request: SimulateRequest): Promise<Result<SimulationResult>>;
  /** The scenario's problems by path (`knobs.spikes[0].month`); empty when valid. */
  validateScenario(scenario: unknown): Promise<PlanIssue[]>;
  listScenarios(): Promise<SavedScenario[]>;
  /** Validates, then stores the scenario (under `id` when given). Invalid: Failure 'invalid-scenario'. */
  saveScenario(scenario: unknown, id?: string): Promise<Result<SavedScenario>>;
  deleteScenario(id: string): Promise<void>;
};

/** How clients are defined: the values of a text field, or the centres of a saved rule set. */
export type ClientsDefinition = { kind: 'field'; field: string } | { kind: 'rules'; rulesId: string };

/** A profitability query: clients, periods (calendar months or billing cycles) in a time zone. */
export type ProfitQuery = {
  clients: ClientsDefinition;
  period: { kind: 'month' } | { kind: 'cycle'; anchorDay: number };
  timeZone: string;
  /** Optional price per minute to show each client's cost without a contract (decimal string). */
  referencePricePerMinute?: string;
};

/** A client's figures per period: handled minutes (2 decimals), calls, cost at the query's reference price (or null). */
export type ClientFigures = ClientUsage & { figures: { minutes: string; calls: number; cost: string | null }[] };

export type ProfitResult = {
  timeZone: string;
  periods: Period[];
  clients: ClientFigures[];
  /** One per saved contract, in name order. */
  checks: (ContractCheck & { contractId: string })[];
  /** Saved contracts that no longer validate (not checked). */
  skipped: { contractId: string; name: string; issues: PlanIssue[] }[];
};

export type { ClientUsage, ContractCheck, Period };

/** A saved named document (contract, offer template): `json` as written (valid when saved). */
export type SavedDoc = { id: string; name: string; json: unknown; createdAt: number; updatedAt: number };

/** A follow-up task: due at `due` (epoch ms); `ref` says what it is about (e.g. the offer's contract and period). */
export type Task = { id: string; title: string; due: number; status: 'open' | 'done'; ref?: unknown; createdAt: number; updatedAt: number };

/** What `simulate` prices: plans (by key, with their JSON), knobs, the dataset's time zone, optional TCO terms by plan key. */
export type SimulateRequest = {
  plans: { key: string; name: string; json: unknown }[];
  knobs: Knobs;
  timeZone: string;
  /** false: no multiplier curve (faster). */
  curve?: boolean;
  tco?: { months: number; terms: Record<string, TcoTerms> };
};
export type SimulationResult = Simulation & { ms: number };
/** A saved scenario (`json` is the validated `tarifa.scenario/1` document). */
export type SavedScenario = { id: string; name: string; json: Scenario; createdAt: number; updatedAt: number };
export type { Knobs, Scenario, Simulation, TcoTerms };
