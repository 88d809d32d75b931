import type { StateCreator } from 'zustand/vanilla';
import type { DatasetSummary } from '../worker/types';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

export type DatasetsSlice = {
  datasets: DatasetSummary[];
  selectedId: string | null;
  refreshDatasets(): Promise<void>;
  selectDataset(id: string): void;
  deleteDataset(id: string): Promise<void>;
};

export const createDatasetsSlice = (deps: StoreDeps): StateCreator<AppState, [], [], DatasetsSlice> => (set, get) => ({
  datasets: [],
  selectedId: null,
  async refreshDatasets() {
    const datasets = await deps.api.listDatasets();
    const selected = get().selectedId;
    const keep = datasets.some((d) => d.id === selected);
    set({ datasets, selectedId: keep ? selected : (datasets[0]?.id ?? null) });
  },
  selectDataset(id) {
    if (get().selectedId === id) return;
    set({ selectedId: id, estimate: null, estimateError: null, consumption: null, consumptionError: null });
  },
  async deleteDataset(id) {
    await deps.api.deleteDataset(id);
    if (get().lastImport?.dataset.id === id) set({ lastImport: null });
    if (get().selectedId === id) set({ selectedId: null, estimate: null, consumption: null });
    await get().refreshDatasets();
  },
});
