import type { StateCreator } from 'zustand/vanilla';
import type { Estimate } from '../engine/estimate/types';
import type { Failure } from '../worker/types';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

export type PlanChoice = { name: string; source: 'default' | 'file'; json: unknown };

export type EstimateSlice = {
  plan: PlanChoice | null;
  estimate: Estimate | null;
  estimateError: Failure | null;
  estimating: boolean;
  loadDefaultPlan(): Promise<void>;
  setPlanFromText(fileName: string, text: string): void;
  /** Drops a plan file the user picked and goes back to the shipped default. */
  chooseDefaultPlan(): Promise<void>;
  runEstimate(): Promise<void>;
};

export const createEstimateSlice = (deps: StoreDeps): StateCreator<AppState, [], [], EstimateSlice> => (set, get) => ({
  plan: null,
  estimate: null,
  estimateError: null,
  estimating: false,
  async loadDefaultPlan() {
    if (get().plan) return;
    const json = await deps.fetchDefaultPlan();
    const name = typeof json === 'object' && json && 'name' in json ? String(json.name) : 'Default plan';
    set({ plan: { name, source: 'default', json } });
  },
  setPlanFromText(fileName, text) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      set({ estimate: null, estimateError: { code: 'invalid-plan', message: `${fileName} is not valid JSON`, issues: [{ path: '(file)', message: e instanceof Error ? e.message : String(e) }] } });
      return;
    }
    set({ plan: { name: fileName, source: 'file', json }, estimate: null, estimateError: null });
  },
  async chooseDefaultPlan() {
    set({ plan: null, estimate: null, estimateError: null });
    await get().loadDefaultPlan();
  },
  async runEstimate() {
    const { selectedId, plan } = get();
    if (!selectedId || !plan) return;
    set({ estimating: true });
    const result = await deps.api.estimate(selectedId, plan.json);
    // A newer selection may have arrived while pricing; only keep results for what is still selected.
    if (get().selectedId !== selectedId || get().plan !== plan) return;
    set(result.ok
      ? { estimating: false, estimate: result.value, estimateError: null }
      : { estimating: false, estimate: null, estimateError: result.error });
  },
});
