/**
 * The Simulate page's state: which plans are compared, the what-if knobs, TCO terms and ROI inputs (together a
 * scenario), the latest simulation from the worker, and the saved scenarios. Re-pricing is latest-wins: a result for
 * a request that a newer one replaced is dropped (the worker also skips overtaken calls: 'cancelled').
 */
import type { StateCreator } from 'zustand/vanilla';
import { NEUTRAL_KNOBS, type Knobs } from '../engine/simulate/knobs';
import { newScenario, parseScenario, SCENARIO_FORMAT, type Scenario, type ScenarioRoi } from '../engine/simulate/scenario';
import type { TcoTerms } from '../engine/simulate/tco';
import type { Failure, PlanIssue, SavedScenario, SimulationResult } from '../worker/types';
import { planChoiceOf } from './plans-slice';
import type { StoreDeps } from './deps';
import type { AppState } from './store';

/** Shipped plans compared until the user picks others (both in USD and both price the sample). */
export const DEFAULT_SIM_PLANS = ['shipped:seat-plan.json', 'shipped:whatsapp-per-message.json'];

export type SimNotice = { kind: 'saved' | 'deleted' | 'imported' | 'duplicated'; name: string };

export type SimulateSlice = {
  simPlanKeys: string[];
  simKnobs: Knobs;
  simMonths: number;
  simTerms: Record<string, TcoTerms>;
  simRoi: ScenarioRoi;
  simResult: SimulationResult | null;
  /** The plan keys of `simResult`, in its order (keys that named no known plan are left out). */
  simResultKeys: string[];
  /** Plan keys of the scenario that name no known plan (a deleted plan, or another browser's saved plan). */
  simMissingPlans: string[];
  simError: Failure | null;
  simRunning: boolean;
  /** The saved scenario being edited (null: not saved yet) and its name. */
  simScenarioId: string | null;
  simScenarioName: string;
  simScenarios: SavedScenario[];
  simNotice: SimNotice | null;
  simImportIssues: PlanIssue[];
  simTogglePlan(key: string): void;
  simSetKnobs(patch: Partial<Knobs>): void;
  simSetMonths(months: number): void;
  simSetTerms(key: string, terms: TcoTerms): void;
  simSetRoi(patch: Partial<ScenarioRoi>): void;
  simSetName(name: string): void;
  runSimulation(): Promise<void>;
  /** The current plans, knobs, terms and ROI inputs as a `tarifa.scenario/1` document. */
  simScenario(): Scenario;
  loadScenarios(): Promise<void>;
  saveScenario(): Promise<void>;
  duplicateScenario(id: string): Promise<void>;
  deleteScenario(id: string): Promise<void>;
  openScenario(id: string): void;
  /** Validates a scenario file; a valid one is opened (not yet saved), an invalid one lists its issues by path. */
  importScenario(fileName: string, text: string): void;
  newSimScenario(): void;
};

const DEFAULT_ROI: ScenarioRoi = { agents: 5, monthlySalary: '2000', efficiencyGainPercent: '25' };

export const createSimulateSlice = (deps: StoreDeps): StateCreator<AppState, [], [], SimulateSlice> => (set, get) => {
  let sequence = 0;
  const apply = (s: Scenario, id: string | null) => set({
    simPlanKeys: s.plans, simKnobs: s.knobs, simMonths: s.tco.months, simTerms: s.tco.terms, simRoi: s.roi,
    simScenarioId: id, simScenarioName: s.name, simImportIssues: [],
  });
  return {
    simPlanKeys: DEFAULT_SIM_PLANS,
    simKnobs: NEUTRAL_KNOBS,
    simMonths: 24,
    simTerms: {},
    simRoi: DEFAULT_ROI,
    simResult: null,
    simResultKeys: [],
    simMissingPlans: [],
    simError: null,
    simRunning: false,
    simScenarioId: null,
    // Unnamed until the user names it; the page saves an unnamed scenario under 'Scenario' in the user's language.
    simScenarioName: '',
    simScenarios: [],
    simNotice: null,
    simImportIssues: [],

    simTogglePlan(key) {
      const keys = get().simPlanKeys;
      set({ simPlanKeys: keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key] });
    },
    simSetKnobs(patch) {
      set({ simKnobs: { ...get().simKnobs, ...patch } });
    },
    simSetMonths(months) {
      set({ simMonths: months });
    },
    simSetTerms(key, terms) {
      set({ simTerms: { ...get().simTerms, [key]: terms } });
    },
    simSetRoi(patch) {
      set({ simRoi: { ...get().simRoi, ...patch } });
    },
    simSetName(name) {
      set({ simScenarioName: name });
    },

    async runSimulation() {
      const state = get();
      const dataset = state.datasets.find((d) => d.id === state.selectedId);
      if (!dataset) return;
      const plans = state.simPlanKeys.flatMap((key) => {
        const choice = planChoiceOf(state, key);
        return choice ? [{ key, name: choice.name, json: choice.json }] : [];
      });
      const ticket = ++sequence;
      const known = state.shippedPlans.length > 0 || state.savedPlans.length > 0;
      const missing = known ? state.simPlanKeys.filter((key) => !plans.some((p) => p.key === key)) : [];
      if (missing.join('\n') !== state.simMissingPlans.join('\n')) set({ simMissingPlans: missing });
      if (plans.length === 0) {
        set({ simResult: null, simError: null, simRunning: false });
        return;
      }
      set({ simRunning: true });
      const result = await deps.api.simulate(dataset.id, {
        plans, knobs: state.simKnobs, timeZone: dataset.timeZone, tco: { months: state.simMonths, terms: state.simTerms },
      });
      if (ticket !== sequence) return; // a newer request is on its way
      if (!result.ok && result.error.code === 'cancelled') return;
      set(result.ok ? { simResult: result.value, simResultKeys: plans.map((p) => p.key), simError: null, simRunning: false } : { simError: result.error, simRunning: false });
    },

    simScenario() {
      const s = get();
      return { format: SCENARIO_FORMAT, name: s.simScenarioName.trim() || 'Scenario', plans: s.simPlanKeys, knobs: s.simKnobs,
        tco: { months: s.simMonths, terms: s.simTerms }, roi: s.simRoi };
    },

    async loadScenarios() {
      set({ simScenarios: await deps.api.listScenarios() });
    },

    async saveScenario() {
      const r = await deps.api.saveScenario(get().simScenario(), get().simScenarioId ?? undefined);
      if (!r.ok) {
        set({ simError: r.error });
        return;
      }
      set({ simScenarioId: r.value.id, simScenarioName: r.value.name, simNotice: { kind: 'saved', name: r.value.name } });
      await get().loadScenarios();
    },

    async duplicateScenario(id) {
      const source = get().simScenarios.find((s) => s.id === id);
      if (!source) return;
      const r = await deps.api.saveScenario({ ...source.json, name: `${source.name} (copy)` });
      if (!r.ok) {
        set({ simError: r.error });
        return;
      }
      apply(r.value.json, r.value.id);
      set({ simNotice: { kind: 'duplicated', name: r.value.name } });
      await get().loadScenarios();
    },

    async deleteScenario(id) {
      const name = get().simScenarios.find((s) => s.id === id)?.name ?? '';
      await deps.api.deleteScenario(id);
      if (get().simScenarioId === id) set({ simScenarioId: null });
      set({ simNotice: { kind: 'deleted', name } });
      await get().loadScenarios();
    },

    openScenario(id) {
      const s = get().simScenarios.find((x) => x.id === id);
      if (s) apply(s.json, s.id);
    },

    importScenario(fileName, text) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        set({ simImportIssues: [{ path: '(json)', message: `${fileName} is not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] });
        return;
      }
      const r = parseScenario(json);
      if (!r.ok) {
        set({ simImportIssues: r.issues.map((i) => ({ ...i, path: i.path || '(scenario)' })) });
        return;
      }
      apply(r.scenario, null);
      set({ simNotice: { kind: 'imported', name: r.scenario.name } });
    },

    newSimScenario() {
      apply(newScenario('', DEFAULT_SIM_PLANS, NEUTRAL_KNOBS), null);
      set({ simMonths: 24, simRoi: DEFAULT_ROI, simNotice: null });
    },
  };
};
