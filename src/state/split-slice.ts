import type { StateCreator } from 'zustand/vanilla';
import type { Allocation, Failure, FieldValues, InvoiceLine, SavedRules, SplitBasis } from '../worker/types';
import type { AppState } from './store';
import type { StoreDeps } from './deps';
import { centreIdFor, emptyModel, modelOfRules, parseAmount, rulesOfModel, type SplitModel } from './split-model';

export type InvoiceLineDraft = { label: string; amount: string; charge: string };

/** The basis as typed: the invoice total and lines are text until they parse as amounts. */
export type SplitBasisDraft = { kind: 'estimate' | 'invoice'; total: string; lines: InvoiceLineDraft[] };

export type SplitNotice = { kind: 'saved' | 'imported' | 'deleted'; name: string };

export type SplitSlice = {
  splitModel: SplitModel;
  /** The saved rule set being edited (save replaces it), if any. */
  splitRulesId: string | null;
  splitValues: FieldValues | null;
  /** The dataset's imported columns rules can match (`col:<header>`), as last read with the values. */
  splitExtraFields: string[];
  splitBasis: SplitBasisDraft;
  allocation: Allocation | null;
  splitError: Failure | null;
  splitting: boolean;
  savedRules: SavedRules[];
  splitNotice: SplitNotice | null;
  /** Loads the values of the chosen field and the saved rule sets, then splits. */
  openSplit(): Promise<void>;
  /** Shows another field's values; rules on the other fields stay. */
  setSplitField(field: string): Promise<void>;
  /** Assigns a value of the shown field ('' = the empty value) to a centre ('' = no centre). */
  assignValue(value: string, centre: string): void;
  /** Adds a rule on several fields at once (all conditions must hold); tried before the single-field rules. */
  addCombinedRule(centre: string, where: Record<string, string>): void;
  removeCombinedRule(index: number): void;
  addCentre(label: string): void;
  renameCentre(id: string, label: string): void;
  removeCentre(id: string): void;
  addPattern(pattern: string, centre: string): void;
  removePattern(index: number): void;
  updateSplitModel(patch: Partial<Pick<SplitModel, 'name' | 'driver' | 'multiCentre' | 'shared' | 'unattributed' | 'unattributedCentre'>>): void;
  setSplitBasis(patch: Partial<SplitBasisDraft>): void;
  /** The invoice amounts as typed, checked: null when they are fine (or the basis is the estimate). */
  runSplit(): Promise<void>;
  saveSplitRules(): Promise<void>;
  loadSavedRules(id: string): void;
  deleteSavedRules(id: string): Promise<void>;
  importRulesFile(fileName: string, text: string): Promise<void>;
  /** The rule set as a `tarifa.rules/1` document. */
  splitRulesJson(): Record<string, unknown>;
};

/** How long the page waits after a change before re-splitting in the worker. */
export const SPLIT_DELAY_MS = 200;

/** The basis as the worker takes it, or which amount is not one. */
export const basisOf = (b: SplitBasisDraft): { ok: true; basis: SplitBasis } | { ok: false; field: 'total' | number } => {
  if (b.kind === 'estimate') return { ok: true, basis: { kind: 'estimate' } };
  const total = parseAmount(b.total);
  if (total === null) return { ok: false, field: 'total' };
  const lines: InvoiceLine[] = [];
  for (let i = 0; i < b.lines.length; i++) {
    const l = b.lines[i];
    if (l.label.trim() === '' && l.amount.trim() === '') continue;
    const amount = parseAmount(l.amount);
    if (amount === null) return { ok: false, field: i };
    lines.push({ label: l.label.trim() || `#${i + 1}`, amount, ...(l.charge ? { charge: l.charge } : {}) });
  }
  return { ok: true, basis: { kind: 'invoice', total, ...(lines.length ? { lines } : {}) } };
};

const meterNames = (plan: unknown): string[] => {
  const meters = typeof plan === 'object' && plan !== null ? (plan as { meters?: unknown }).meters : undefined;
  return typeof meters === 'object' && meters !== null ? Object.keys(meters) : [];
};

/** The driver kept when the plan has that meter, else the plan's first meter. */
const driverFor = (plan: unknown, driver: string | null): string | null => {
  const meters = meterNames(plan);
  return driver !== null && meters.includes(driver) ? driver : (meters[0] ?? null);
};

export const createSplitSlice = (deps: StoreDeps): StateCreator<AppState, [], [], SplitSlice> => (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let version = 0;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void get().runSplit(), SPLIT_DELAY_MS);
  };
  const changeModel = (m: SplitModel) => {
    set({ splitModel: m, splitNotice: null });
    schedule();
  };
  const loadValues = async () => {
    const { selectedId, splitModel } = get();
    if (!selectedId) return;
    const r = await deps.api.rulesValues(selectedId, splitModel.field);
    if (get().selectedId === selectedId && get().splitModel.field === splitModel.field) {
      set(r.ok ? { splitValues: r.value, splitExtraFields: r.value.extraFields } : { splitValues: null });
    }
  };

  return {
    splitModel: emptyModel(),
    splitRulesId: null,
    splitValues: null,
    splitExtraFields: [],
    splitBasis: { kind: 'estimate', total: '', lines: [] },
    allocation: null,
    splitError: null,
    splitting: false,
    savedRules: [],
    splitNotice: null,

    async openSplit() {
      await get().loadDefaultPlan();
      const m = get().splitModel;
      const driver = driverFor(get().plan?.json, m.driver);
      if (driver !== m.driver) set({ splitModel: { ...m, driver } });
      await Promise.all([loadValues(), deps.api.listRules().then((savedRules) => set({ savedRules }))]);
      await get().runSplit();
    },

    async setSplitField(field) {
      const m = get().splitModel;
      if (m.field === field) return;
      set({ splitModel: { ...m, field }, splitValues: null });
      await loadValues();
    },

    assignValue(value, centre) {
      const m = get().splitModel;
      const of = { ...m.assignments[m.field] };
      if (centre) of[value] = centre;
      else delete of[value];
      changeModel({ ...m, assignments: { ...m.assignments, [m.field]: of } });
    },

    addCombinedRule(centre, where) {
      const m = get().splitModel;
      const conditions = Object.fromEntries(Object.entries(where).filter(([f]) => f.trim() !== ''));
      if (!centre || Object.keys(conditions).length === 0) return;
      changeModel({ ...m, combined: [...m.combined, { centre, where: conditions }] });
    },

    removeCombinedRule(index) {
      const m = get().splitModel;
      changeModel({ ...m, combined: m.combined.filter((_, i) => i !== index) });
    },

    addCentre(label) {
      const m = get().splitModel;
      const text = label.trim();
      if (!text) return;
      changeModel({ ...m, centres: [...m.centres, { id: centreIdFor(text, m.centres.map((c) => c.id)), label: text }] });
    },

    renameCentre(id, label) {
      const m = get().splitModel;
      changeModel({ ...m, centres: m.centres.map((c) => (c.id === id ? { ...c, label } : c)) });
    },

    removeCentre(id) {
      const m = get().splitModel;
      changeModel({
        ...m,
        centres: m.centres.filter((c) => c.id !== id),
        assignments: Object.fromEntries(Object.entries(m.assignments)
          .map(([field, of]) => [field, Object.fromEntries(Object.entries(of).filter(([, c]) => c !== id))])),
        patterns: m.patterns.filter((p) => p.centre !== id),
        combined: m.combined.filter((r) => r.centre !== id),
        unattributedCentre: m.unattributedCentre === id ? null : m.unattributedCentre,
      });
    },

    addPattern(pattern, centre) {
      const m = get().splitModel;
      if (!pattern.trim() || !centre) return;
      changeModel({ ...m, patterns: [...m.patterns, { field: m.field, pattern: pattern.trim(), centre }] });
    },

    removePattern(index) {
      const m = get().splitModel;
      changeModel({ ...m, patterns: m.patterns.filter((_, i) => i !== index) });
    },

    updateSplitModel(patch) {
      changeModel({ ...get().splitModel, ...patch });
    },

    setSplitBasis(patch) {
      set({ splitBasis: { ...get().splitBasis, ...patch } });
      schedule();
    },

    async runSplit() {
      clearTimeout(timer);
      const { selectedId, plan, splitModel, splitBasis } = get();
      if (!selectedId || !plan) return;
      const mine = ++version;
      if (splitModel.centres.length === 0) {
        set({ allocation: null, splitError: null, splitting: false });
        return;
      }
      const basis = basisOf(splitBasis);
      if (!basis.ok) {
        // The page shows the field's own message; nothing is split until the amount is one.
        set({ allocation: null, splitError: null, splitting: false });
        return;
      }
      set({ splitting: true });
      const result = await deps.api.split(selectedId, plan.json, rulesOfModel(splitModel), basis.basis);
      if (mine !== version) return;
      set(result.ok
        ? { splitting: false, allocation: result.value, splitError: null }
        : { splitting: false, allocation: null, splitError: result.error });
    },

    async saveSplitRules() {
      const result = await deps.api.saveRules(get().splitRulesJson(), get().splitRulesId ?? undefined);
      if (!result.ok) {
        set({ splitError: result.error });
        return;
      }
      set({ splitRulesId: result.value.id, splitNotice: { kind: 'saved', name: result.value.name }, savedRules: await deps.api.listRules() });
    },

    loadSavedRules(id) {
      const saved = get().savedRules.find((r) => r.id === id);
      const model = saved && modelOfRules(saved.json);
      if (!saved || !model) return;
      set({ splitRulesId: id, splitNotice: null, splitValues: null });
      changeModel({ ...model, driver: driverFor(get().plan?.json, model.driver) });
      void loadValues();
    },

    async deleteSavedRules(id) {
      const name = get().savedRules.find((r) => r.id === id)?.name ?? '';
      await deps.api.deleteRules(id);
      if (get().splitRulesId === id) set({ splitRulesId: null });
      set({ savedRules: await deps.api.listRules(), splitNotice: { kind: 'deleted', name } });
    },

    async importRulesFile(fileName, text) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        set({ splitError: { code: 'invalid-rules', message: `${fileName}: not valid JSON`, issues: [{ path: '(json)', message: e instanceof Error ? e.message : String(e) }] } });
        return;
      }
      const issues = await deps.api.validateRules(json);
      if (issues.length > 0) {
        set({ splitError: { code: 'invalid-rules', message: fileName, issues } });
        return;
      }
      const model = modelOfRules(json);
      if (!model) {
        set({ splitError: { code: 'invalid-rules', message: fileName, issues: [{ path: 'shared', message: 'fixed weights cannot be edited here; split with these rules from the command line' }] } });
        return;
      }
      const saved = await deps.api.saveRules(json);
      if (saved.ok) {
        set({ savedRules: await deps.api.listRules() });
        get().loadSavedRules(saved.value.id);
        set({ splitNotice: { kind: 'imported', name: saved.value.name } });
      } else set({ splitError: saved.error });
    },

    splitRulesJson: () => rulesOfModel(get().splitModel),
  };
};
