import type { StateCreator } from 'zustand/vanilla';
import type { ImportProgress, RejectedRow } from '../worker/types';
import type { DatasetSummary, Failure, Result } from '../worker/types';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

export type Job = { id: string; name: string; totalBytes: number; progress: ImportProgress | null };
export type LastImport = { dataset: DatasetSummary; rejects: { total: number; rows: RejectedRow[] } };

export type JobSlice = {
  job: Job | null;
  jobError: Failure | null;
  lastImport: LastImport | null;
  /** True once navigator.storage.persist() was asked this session. */
  persistAsked: boolean;
  importFile(file: File, timeZone: string): Promise<void>;
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

  const run = async (name: string, totalBytes: number, start: (jobId: string, onProgress: (p: ImportProgress) => void) => Promise<Result<DatasetSummary>>) => {
    if (get().job) return;
    const id = newJobId();
    set({ job: { id, name, totalBytes, progress: null }, jobError: null, lastImport: null });
    const onProgress = wrap((p: ImportProgress) => {
      const job = get().job;
      if (job?.id === id) set({ job: { ...job, progress: p } });
    });
    let result: Result<DatasetSummary>;
    try {
      result = await start(id, onProgress);
    } catch (e) {
      result = { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
    if (!result.ok) {
      set({ job: null, jobError: result.error });
      return;
    }
    const rejects = result.value.rejected > 0 ? await deps.api.rejects(result.value.id, 0, REJECTS_SHOWN) : { total: 0, rows: [] };
    // Select the new dataset and refresh the list before the summary appears, so the two never disagree.
    set({ selectedId: result.value.id, estimate: null, estimateError: null });
    await get().refreshDatasets();
    set({ job: null, lastImport: { dataset: result.value, rejects } });
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
    importFile: (file, timeZone) =>
      run(file.name, file.size, (jobId, onProgress) => deps.api.importFile(file, { timeZone, name: file.name }, jobId, onProgress)),
    loadSample: () => run('sample data', 0, (jobId, onProgress) => deps.api.loadSample(jobId, onProgress)),
    async cancelJob() {
      const job = get().job;
      if (job) await deps.api.cancel(job.id);
    },
    dismissJobResult: () => set({ jobError: null, lastImport: null }),
  };
};
