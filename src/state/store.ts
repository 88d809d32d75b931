import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAppSlice, type AppSlice } from './app-slice';
import { createBackupSlice, type BackupSlice } from './backup-slice';
import { createDashboardSlice, type DashboardSlice } from './dashboard-slice';
import { createDatasetsSlice, type DatasetsSlice } from './datasets-slice';
import { createEstimateSlice, type EstimateSlice } from './estimate-slice';
import { createJobSlice, type JobSlice } from './job-slice';
import { createMappingSlice, type MappingSlice } from './mapping-slice';
import { createPlansSlice, type PlansSlice } from './plans-slice';
import { createRobustSlice, type RobustSlice } from './robust-slice';
import { createSplitSlice, type SplitSlice } from './split-slice';
import { createSimulateSlice, type SimulateSlice } from './simulate-slice';
import { createClientsSlice, type ClientsSlice } from './clients-slice';
import type { StoreDeps } from './deps';

/** Jobs, selections and results; never row data (that stays in the worker). */
export type AppState = AppSlice & DatasetsSlice & JobSlice & EstimateSlice & DashboardSlice & PlansSlice & SplitSlice & ClientsSlice
  & RobustSlice & SimulateSlice & MappingSlice & BackupSlice;
export type AppStore = StoreApi<AppState>;

export const createAppStore = (deps: StoreDeps): AppStore =>
  createStore<AppState>()((...a) => ({
    ...createAppSlice(deps)(...a),
    ...createDatasetsSlice(deps)(...a),
    ...createJobSlice(deps)(...a),
    ...createEstimateSlice(deps)(...a),
    ...createDashboardSlice(deps)(...a),
    ...createPlansSlice(deps)(...a),
    ...createSplitSlice(deps)(...a),
    ...createSimulateSlice(deps)(...a),
    ...createClientsSlice(deps)(...a),
    ...createRobustSlice(deps)(...a),
    ...createMappingSlice(deps)(...a),
    ...createBackupSlice(deps)(...a),
  }));

/** Named selectors, so components subscribe to exactly what they render. */
export const selectors = {
  selectedDataset: (s: AppState) => s.datasets.find((d) => d.id === s.selectedId) ?? null,
  isBusy: (s: AppState) => s.job !== null || s.dataJob !== null,
};
