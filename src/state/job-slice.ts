import type { StateCreator } from 'zustand/vanilla';
import type { ImportProgress, RejectedRow } from '../worker/types';
import type { DatasetSummary, Failure, ImportReport, Result } from '../worker/types';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

export type Job = { id: string; name: string; totalBytes: number; progress: ImportProgress | null };
/** `report`: what each file of the job did (absent for the sample). */
export type LastImport = { dataset: DatasetSummary; rejects: { total: number; rows: RejectedRow[] }; report?: ImportReport };
/** What a job was asked to import, kept while its 'already-imported' failure shows, so "Import anyway" can rerun it. */
export type JobInput = { files: File[]; timeZone: string; datasetId?: string };

export type JobSlice = {
  job: Job | null;
  jobError: Failure | null;
  lastImport: LastImport | null;
  /** True once navigator.storage.persist() was asked this session. */
  persistAsked: boolean;
  /** The files of the last job that failed with 'already-imported' (null otherwise). */
  jobInput: JobInput | null;
  importFile(file: File, timeZone: string): Promise<void>;
  /**
   * Several files into one new dataset, or appended to `datasetId` (its own time zone is used): one job. A file whose
   * content is already there is skipped (and reported) unless `force`.
   */
  importFiles(files: File[], timeZone: string, options?: { datasetId?: string; force?: boolean }): Promise<void>;
  /** Reruns the job that failed with 'already-imported', importing its files all the same. */
  importAnyway(): Promise<void>;
  loadSample(): Promise<void>;
  cancelJob(): Promise<void>;
  dismissJobResult(): void;
};

/** How many rejected rows the summary lists; the download has them all. */
export const REJECTS_SHOWN = 50;

let counter = 0;
const defaultJobId = () => `job-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const createJobSlice = (deps: StoreDeps): StateCreator<AppState, [], [], JobSlice> => (set, get) => {
  const wrap = deps.wrapCallback ?? (<F,>(f: F) => f);
  const newJobId = deps.newJobId ?? defaultJobId;

  const run = async (
    name: string, totalBytes: number,
    start: (jobId: string, onProgress: (p: ImportProgress) => void) => Promise<Result<DatasetSummary | ImportReport>>,
    input: JobInput | null = null,
  ) => {
    if (get().job) return;
    const id = newJobId();
    set({ job: { id, name, totalBytes, progress: null }, jobError: null, lastImport: null, jobInput: null });
    const onProgress = wrap((p: ImportProgress) => {
      const job = get().job;
      if (job?.id === id) set({ job: { ...job, progress: p } });
    });
    let result: Result<DatasetSummary | ImportReport>;
    try {
      result = await start(id, onProgress);
    } catch (e) {
      result = { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
    if (!result.ok) {
      set({ job: null, jobError: result.error, jobInput: result.error.code === 'already-imported' ? input : null });
      return;
    }
    const report = 'dataset' in result.value ? result.value : undefined;
    const dataset = report ? report.dataset : (result.value as DatasetSummary);
    const rejects = dataset.rejected > 0 ? await deps.api.rejects(dataset.id, 0, REJECTS_SHOWN) : { total: 0, rows: [] };
    // Select the new dataset and refresh the list before the summary appears, so the two never disagree.
    set({ selectedId: dataset.id, estimate: null, estimateError: null });
    await get().refreshDatasets();
    set({ job: null, lastImport: { dataset, rejects, ...(report ? { report } : {}) } });
    if (!get().persistAsked && deps.requestPersist) {
      set({ persistAsked: true });
      await deps.requestPersist().catch(() => false);
    }
  };

  return {
    job: null,
    jobError: null,
    lastImport: null,
    persistAsked: false,
    jobInput: null,
    importFile: (file, timeZone) => get().importFiles([file], timeZone),
    importFiles(files, timeZone, options = {}) {
      if (files.length === 0) return Promise.resolve();
      const target = options.datasetId === undefined ? undefined : get().datasets.find((d) => d.id === options.datasetId);
      const name = target?.name ?? (files.length === 1 ? files[0].name : files.map((f) => f.name).join(', '));
      const total = files.reduce((n, f) => n + f.size, 0);
      const input: JobInput = { files, timeZone, ...(options.datasetId !== undefined ? { datasetId: options.datasetId } : {}) };
      return run(name, total, (jobId, onProgress) =>
        deps.api.importFiles(files, { timeZone, datasetId: options.datasetId, force: options.force === true }, jobId, onProgress), input);
    },
    importAnyway() {
      const input = get().jobInput;
      if (!input) return Promise.resolve();
      return get().importFiles(input.files, input.timeZone, { datasetId: input.datasetId, force: true });
    },
    loadSample: () => run('sample data', 0, (jobId, onProgress) => deps.api.loadSample(jobId, onProgress)),
    async cancelJob() {
      const job = get().job;
      if (job) await deps.api.cancel(job.id);
    },
    dismissJobResult: () => set({ jobError: null, lastImport: null, jobInput: null }),
  };
};
