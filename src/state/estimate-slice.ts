import type { StateCreator } from 'zustand/vanilla';
import type { Estimate } from '../engine/estimate/types';
import type { Failure } from '../worker/types';
import type { AppState } from './store';
import type { StoreDeps } from './deps';
import { DEFAULT_PLAN_FILE, planChoiceOf } from './plans-slice';

/**
 * The plan being priced. `key` names it among the choices: `shipped:<file>` (the default is the shipped
 * DEFAULT_PLAN_FILE), `saved:<id>`, or `file:<name>` for a file picked on the Estimate page (not stored).
 */
export type PlanChoice = { name: string; source: 'default' | 'shipped' | 'saved' | 'file'; key: string; json: unknown };

export type EstimateSlice = {
  plan: PlanChoice | null;
  estimate: Estimate | null;
  estimateError: Failure | null;
  estimating: boolean;
  loadDefaultPlan(): Promise<void>;
  setPlanFromText(fileName: string, text: string): void;
  /** Drops a plan file the user picked and goes back to the shipped default. */
  chooseDefaultPlan(): Promise<void>;
  /** Prices a shipped or saved plan by key; false when no such plan is known. */
  selectPlan(key: string): boolean;
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
    if (get().plan) return; // chosen meanwhile
    set({ plan: { name, source: 'default', key: `shipped:${DEFAULT_PLAN_FILE}`, json } });
  },
  setPlanFromText(fileName, text) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      set({ estimate: null, estimateError: { code: 'invalid-plan', message: `${fileName} is not valid JSON`, issues: [{ path: '(file)', message: e instanceof Error ? e.message : String(e) }] } });
      return;
    }
    set({ plan: { name: fileName, source: 'file', key: `file:${fileName}`, json }, estimate: null, estimateError: null });
  },
  async chooseDefaultPlan() {
    if (get().selectPlan(`shipped:${DEFAULT_PLAN_FILE}`)) return;
    set({ plan: null, estimate: null, estimateError: null });
    await get().loadDefaultPlan();
  },
  selectPlan(key) {
    const plan = planChoiceOf(get(), key);
    if (!plan) return false;
    if (get().plan?.key !== key || get().plan?.json !== plan.json) set({ plan, estimate: null, estimateError: null });
    return true;
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
