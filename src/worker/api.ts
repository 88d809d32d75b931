/**
 * The worker's API as a plain object of functions built from its dependencies: engine.worker.ts exposes it through
 * Comlink, tests call it in-process. Every call resolves; failures are Result values, never thrown errors.
 */
import { consumption } from '../engine/consumption/consumption';
import { estimatePlan } from '../engine/estimate/estimate';
import { parsePlan } from '../engine/plan/validate';
import { sampleCsvText } from '../import/sample';
import { allRejects, discardDataset, getDataset, listDatasets, rejectsPage } from '../storage/datasets-repo';
import type { TarifaDb } from '../storage/db';
import { toDatasetSummary } from './dataset-summary';
import { decodeEvents } from './event-records';
import { createPlanCalls, invalidPlan } from './plans';
import { createMappingCalls } from './mapping';
import { createSplitCalls } from './split';
import { createSimulateCalls } from './simulate';
import { createClientsCalls } from './clients';
import { createRateCardCalls } from './rate-card-import';
import { createBackupCalls, notEnoughRoom, STORED_PER_FILE_BYTE } from './backup';
import { toFailure } from './failure';
import { runImport, type ImportJob } from './import-job';
import { rejectsToCsv } from './rejects-csv';
import { readPrivacySettings, writeKeepRawIdentifiers } from './privacy';
import { readAllowanceAlert, writeAllowanceAlert } from './preferences';
import { createPeopleCalls } from './people';
import { readStorageInfo } from './storage-info';
import { createTableCache, type TableCache } from './table-cache';
import type { ConsumptionQuery, DatasetSummary, Result, WorkerApi } from './types';

export type ApiDeps = {
  db: TarifaDb;
  now?: () => number;
  newId?: () => string;
  /** The datasets held in memory (default: a new cache); worker-start shares it with tab sync to drop what other tabs change. */
  tables?: TableCache;
  /** Written into backups (the app's version, from package.json in builds). */
  appVersion?: string;
};

export const SAMPLE_DATASET_NAME = 'Sample: shared WhatsApp number (Sales + Support)';
export const SAMPLE_TIME_ZONE = 'America/Sao_Paulo';
export const SAMPLE_FILE_NAME = 'tarifa-sample.csv';

/** Ids arrive from another thread: anything but a non-empty string names no dataset (and must not reach Dexie). */
const isId = (id: unknown): id is string => typeof id === 'string' && id.length > 0;

const PRESETS: readonly string[] = ['today', 'week', 'month', 'cycle', 'custom'];
const GROUPINGS: readonly string[] = ['day', 'week', 'month'];
const isQuery = (q: unknown): q is ConsumptionQuery => {
  if (typeof q !== 'object' || q === null) return false;
  const { preset, grouping, timeZone } = q as Record<string, unknown>;
  return PRESETS.includes(preset as string) && GROUPINGS.includes(grouping as string) && typeof timeZone === 'string';
};

export const createApi = (deps: ApiDeps): WorkerApi => {
  const ctx = { db: deps.db, now: deps.now ?? Date.now, newId: deps.newId ?? (() => crypto.randomUUID()) };
  const jobs = new Map<string, AbortController>();
  const tables = deps.tables ?? createTableCache(deps.db);

  const startJob = (jobId: string, job: ImportJob, onProgress: Parameters<WorkerApi['importFile']>[3]) => {
    // Registered before the first await, so a cancel that follows the call (messages arrive in order) finds it.
    const controller = new AbortController();
    jobs.get(jobId)?.abort();
    jobs.set(jobId, controller);
    // A file that cannot fit in the free storage is refused before anything is written (issue #8).
    const bytes = job.sources.reduce((n, s) => n + s.source.size, 0);
    const room = readStorageInfo().then((info) => notEnoughRoom(bytes * STORED_PER_FILE_BYTE, info, 'import'), () => null);
    return room.then((full) => (full ? { ok: false as const, error: full } : runImport(ctx, job, controller.signal, onProgress))).finally(() => {
      if (jobs.get(jobId) === controller) jobs.delete(jobId);
      // An append changed the dataset: the next read loads it afresh (a failed one changed nothing, evicting is harmless).
      if (job.datasetId !== undefined) tables.evict(job.datasetId);
    });
  };
  /** The one-dataset result of a job, for the single-file calls. */
  const single = (r: Awaited<ReturnType<typeof runImport>>): Result<DatasetSummary> => (r.ok ? { ok: true, value: r.value.dataset } : r);

  return {
    importFile(file, options, jobId, onProgress) {
      const fileName = file.name || 'untitled.csv';
      const name = options.name?.trim() || fileName;
      // The one-file call imports even a file already imported (as it always did); importFiles detects it.
      return startJob(jobId, { sources: [{ source: file, name: fileName }], name, timeZone: options.timeZone, force: true }, onProgress).then(single);
    },

    importFiles(files, options, jobId, onProgress) {
      const list = Array.isArray(files) ? files : [];
      const sources = list.map((f) => ({ source: f as Blob, name: f.name || 'untitled.csv' }));
      const name = options.name?.trim() || (sources.length === 1 ? sources[0].name : sources.map((s) => s.name).join(', '));
      const datasetId = isId(options.datasetId) ? options.datasetId : undefined;
      return startJob(jobId, { sources, name, timeZone: options.timeZone, datasetId, force: options.force === true }, onProgress);
    },

    loadSample(jobId, onProgress) {
      // Generated inside the job so a failure in the generator is reported, not thrown.
      let source: Blob;
      try {
        source = new Blob([sampleCsvText()], { type: 'text/csv' });
      } catch (error) {
        return Promise.resolve({ ok: false, error: toFailure(error) });
      }
      return startJob(jobId, { sources: [{ source, name: SAMPLE_FILE_NAME }], name: SAMPLE_DATASET_NAME, timeZone: SAMPLE_TIME_ZONE, force: true }, onProgress).then(single);
    },

    async cancel(jobId) {
      jobs.get(jobId)?.abort();
    },

    async listDatasets() {
      return (await listDatasets(deps.db)).map(toDatasetSummary);
    },

    async deleteDataset(id) {
      if (!isId(id)) return;
      tables.evict(id);
      await discardDataset(deps.db, id);
      tables.evict(id);
    },

    async rejects(datasetId, offset, limit) {
      if (!isId(datasetId)) return { total: 0, rows: [] };
      return rejectsPage(deps.db, datasetId, offset, limit);
    },

    async rejectsCsv(datasetId) {
      if (!isId(datasetId)) return rejectsToCsv([]);
      const dataset = await getDataset(deps.db, datasetId);
      return rejectsToCsv(await allRejects(deps.db, datasetId), (dataset?.files.length ?? 0) > 1);
    },

    async estimate(datasetId, plan) {
      try {
        const parsed = parsePlan(plan);
        if (!parsed.ok) return invalidPlan(parsed.issues);
        const table = isId(datasetId) ? await tables.get(datasetId) : undefined;
        if (!table) return { ok: false, error: { code: 'not-found', message: 'This dataset no longer exists.' } };
        return { ok: true, value: estimatePlan(table, parsed.plan, { now: ctx.now() }) };
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },

    async consumption(datasetId, query) {
      try {
        if (!isQuery(query)) return { ok: false, error: { code: 'invalid-range', message: 'The range or grouping is not one the dashboard knows.' } };
        const table = isId(datasetId) ? await tables.get(datasetId) : undefined;
        if (!table) return { ok: false, error: { code: 'not-found', message: 'This dataset no longer exists.' } };
        const value = consumption(table, query, ctx.now());
        if (!value) return { ok: false, error: { code: 'invalid-range', message: 'Choose a start and an end date, the end not before the start.' } };
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },

    async events(datasetId, indices) {
      const table = isId(datasetId) ? await tables.get(datasetId) : undefined;
      return table && Array.isArray(indices) ? decodeEvents(table, indices) : [];
    },

    storageInfo: readStorageInfo,

    privacySettings: () => readPrivacySettings(ctx.db),
    setKeepRawIdentifiers: (keep) => writeKeepRawIdentifiers(ctx.db, keep === true),
    allowanceAlert: () => readAllowanceAlert(ctx.db),
    setAllowanceAlert: (alert) => writeAllowanceAlert(ctx.db, alert),

    ...createPlanCalls(ctx),

    ...createMappingCalls(ctx),

    ...createSplitCalls({ ...ctx, tables }),

    ...createPeopleCalls({ ...ctx, tables }),

    ...createSimulateCalls({ ...ctx, tables }),

    ...createClientsCalls({ ...ctx, tables }),

    ...createRateCardCalls(),

    ...createBackupCalls({ ...ctx, appVersion: deps.appVersion ?? 'unknown', jobs, tables }),
  };
};
