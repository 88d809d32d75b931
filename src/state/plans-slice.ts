import type { StateCreator } from 'zustand/vanilla';
import type { Failure, ImportedRateCard, PlanIssue, RateCardTarget, SavedPlan } from '../worker/types';
import type { PlanChoice } from './estimate-slice';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

/** The shipped plan priced until the user picks another (public/plans/<file>, also named in public/plans-index.json). */
export const DEFAULT_PLAN_FILE = 'seat-plan.json';

/** An example plan shipped in public/plans. */
export type ShippedPlan = { file: string; name: string; description: string; json: unknown };

/** The plan being edited: the JSON text is the one source; the form reads and rewrites it. */
export type PlanDraft = {
  /** The saved plan this replaces on save; null for a new plan (a duplicate, an import, a blank one). */
  savedId: string | null;
  text: string;
  /** Bumped on every change; issues are current when `checkedVersion` equals it. */
  version: number;
};

export type PlansNotice = { kind: 'saved' | 'imported' | 'deleted'; name: string };

export type PlansSlice = {
  shippedPlans: ShippedPlan[];
  savedPlans: SavedPlan[];
  plansError: Failure | null;
  plansNotice: PlansNotice | null;
  draft: PlanDraft | null;
  draftIssues: PlanIssue[];
  draftCheckedVersion: number;
  savingDraft: boolean;
  /** Loads the shipped examples (once) and the saved plans. */
  loadPlans(): Promise<void>;
  refreshSavedPlans(): Promise<void>;
  /** Opens a copy of an example in the editor, named `name` (default "<name> (copy)"). */
  duplicateShippedPlan(file: string, name?: string): void;
  editSavedPlan(id: string): void;
  newPlan(): void;
  setDraftText(text: string): void;
  /** Adds an imported rate card to the draft (a dated card of a rate-card charge, or a new charge); the failure, if any. */
  addRateCardToDraft(card: ImportedRateCard, target: RateCardTarget): Promise<Failure | null>;
  /** Checks the draft now (JSON syntax here, the plan in the worker). */
  validateDraft(): Promise<void>;
  saveDraft(): Promise<SavedPlan | null>;
  closeDraft(): void;
  deleteSavedPlan(id: string): Promise<void>;
  /** A valid plan file is saved at once; an invalid one opens in the editor with its issues. */
  importPlanFile(fileName: string, text: string): Promise<void>;
  applyShippedPlan(file: string): void;
  applySavedPlan(id: string): void;
  dismissPlansNotice(): void;
};

/** How long the editor waits after a keystroke before checking the plan. */
export const VALIDATE_DELAY_MS = 250;

const field = (json: unknown, key: string): string => {
  const v = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
};

/** The estimate's choice for a plan key (`shipped:<file>`, `saved:<id>`), if that plan is known. */
export const planChoiceOf = (s: Pick<PlansSlice, 'shippedPlans' | 'savedPlans'>, key: string): PlanChoice | null => {
  if (key.startsWith('shipped:')) {
    const file = key.slice('shipped:'.length);
    const p = s.shippedPlans.find((x) => x.file === file);
    return p ? { name: p.name, source: file === DEFAULT_PLAN_FILE ? 'default' : 'shipped', key, json: p.json } : null;
  }
  if (key.startsWith('saved:')) {
    const id = key.slice('saved:'.length);
    const p = s.savedPlans.find((x) => x.id === id);
    return p ? { name: p.name, source: 'saved', key, json: p.json } : null;
  }
  return null;
};

export const toShippedPlan = (file: string, json: unknown): ShippedPlan => ({
  file, json, name: field(json, 'name') || file, description: field(json, 'description'),
});

export const planText = (json: unknown): string => `${JSON.stringify(json, null, 2)}\n`;

/** JSON.parse as a value: the plan object, or the syntax error as an issue with its line and column. */
export const parseDraftText = (text: string): { ok: true; json: unknown } | { ok: false; issue: PlanIssue } => {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    let where = '';
    if (at && !/line \d+/.test(message)) {
      const before = text.slice(0, Number(at[1])).split('\n');
      where = ` (line ${before.length} column ${before[before.length - 1].length + 1})`;
    }
    return { ok: false, issue: { path: '(json)', message: `not valid JSON: ${message}${where}` } };
  }
};

/** A small valid plan to start from. */
export const BLANK_PLAN = {
  format: 'tarifa.plan/1',
  name: 'New plan',
  currency: 'USD',
  cycle: { anchorDay: 1, timeZone: 'UTC' },
  rounding: { decimals: 2, mode: 'half-up' },
  meters: { messages: { type: 'count', where: { kind: 'message' } } },
  charges: [
    { id: 'base', label: 'Base fee', model: 'flat', amount: '0' },
    { id: 'messages', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '0' },
  ],
};

export const createPlansSlice = (deps: StoreDeps): StateCreator<AppState, [], [], PlansSlice> => (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shippedLoaded = false;

  const openDraft = (savedId: string | null, text: string) => {
    clearTimeout(timer);
    const version = (get().draft?.version ?? 0) + 1;
    set({ draft: { savedId, text, version }, draftIssues: [], draftCheckedVersion: 0, plansNotice: null, plansError: null });
    void get().validateDraft();
  };


  return {
    shippedPlans: [],
    savedPlans: [],
    plansError: null,
    plansNotice: null,
    draft: null,
    draftIssues: [],
    draftCheckedVersion: 0,
    savingDraft: false,

    async loadPlans() {
      if (!shippedLoaded && deps.fetchShippedPlans) {
        shippedLoaded = true;
        try {
          set({ shippedPlans: (await deps.fetchShippedPlans()).map((p) => toShippedPlan(p.file, p.json)) });
        } catch {
          shippedLoaded = false; // offline before the first visit cached them: try again next time
        }
      }
      await get().refreshSavedPlans();
    },

    async refreshSavedPlans() {
      set({ savedPlans: await deps.api.listPlans() });
    },

    duplicateShippedPlan(file, name) {
      const shipped = get().shippedPlans.find((p) => p.file === file);
      if (!shipped || typeof shipped.json !== 'object' || shipped.json === null) return;
      openDraft(null, planText({ ...shipped.json, name: name ?? `${shipped.name} (copy)` }));
    },

    editSavedPlan(id) {
      const saved = get().savedPlans.find((p) => p.id === id);
      if (saved) openDraft(saved.id, planText(saved.json));
    },

    newPlan() {
      openDraft(null, planText(BLANK_PLAN));
    },

    setDraftText(text) {
      const draft = get().draft;
      if (!draft || draft.text === text) return;
      set({ draft: { ...draft, text, version: draft.version + 1 } });
      clearTimeout(timer);
      timer = setTimeout(() => void get().validateDraft(), VALIDATE_DELAY_MS);
    },

    async addRateCardToDraft(card, target) {
      const draft = get().draft;
      if (!draft) return null;
      const parsed = parseDraftText(draft.text);
      if (!parsed.ok) return { code: 'invalid-plan', message: parsed.issue.message, issues: [parsed.issue] };
      const result = await deps.api.addRateCard(parsed.json, card, target);
      if (!result.ok) return result.error;
      // The draft changed meanwhile: the card goes into the text on screen, so try again from there.
      if (get().draft?.version !== draft.version) return get().addRateCardToDraft(card, target);
      get().setDraftText(planText(result.value));
      clearTimeout(timer);
      await get().validateDraft();
      return null;
    },

    async validateDraft() {
      const draft = get().draft;
      if (!draft) return;
      const parsed = parseDraftText(draft.text);
      const issues = parsed.ok ? await deps.api.validatePlan(parsed.json) : [parsed.issue];
      // A newer keystroke has its own check coming: keep only the answer for the text on screen.
      if (get().draft?.version !== draft.version) return;
      set({ draftIssues: issues, draftCheckedVersion: draft.version });
    },

    async saveDraft() {
      const draft = get().draft;
      if (!draft || get().savingDraft) return null;
      const parsed = parseDraftText(draft.text);
      if (!parsed.ok) {
        set({ draftIssues: [parsed.issue], draftCheckedVersion: draft.version });
        return null;
      }
      set({ savingDraft: true });
      const result = await deps.api.savePlan(parsed.json, draft.savedId ?? undefined);
      set({ savingDraft: false });
      if (!result.ok) {
        if (result.error.issues && get().draft?.version === draft.version) set({ draftIssues: result.error.issues, draftCheckedVersion: draft.version });
        else set({ plansError: result.error });
        return null;
      }
      const saved = result.value;
      if (get().draft?.version === draft.version) set({ draft: { ...draft, savedId: saved.id } });
      set({ plansNotice: { kind: 'saved', name: saved.name }, plansError: null });
      // The estimate re-prices a saved plan that is in use.
      await get().refreshSavedPlans();
      if (get().plan?.key === `saved:${saved.id}`) get().selectPlan(`saved:${saved.id}`);
      return saved;
    },

    closeDraft() {
      clearTimeout(timer);
      set({ draft: null, draftIssues: [], draftCheckedVersion: 0 });
    },

    async deleteSavedPlan(id) {
      const name = get().savedPlans.find((p) => p.id === id)?.name ?? '';
      await deps.api.deletePlan(id);
      if (get().draft?.savedId === id) get().closeDraft();
      if (get().plan?.key === `saved:${id}`) await get().chooseDefaultPlan();
      set({ plansNotice: { kind: 'deleted', name } });
      await get().refreshSavedPlans();
    },

    async importPlanFile(fileName, text) {
      const parsed = parseDraftText(text);
      if (!parsed.ok) {
        set({ plansError: { code: 'invalid-plan', message: `${fileName}: ${parsed.issue.message}`, issues: [parsed.issue] }, plansNotice: null });
        return;
      }
      const result = await deps.api.savePlan(parsed.json);
      if (result.ok) {
        set({ plansNotice: { kind: 'imported', name: result.value.name }, plansError: null });
        await get().refreshSavedPlans();
      } else if (result.error.code === 'invalid-plan') {
        openDraft(null, text);
      } else {
        set({ plansError: result.error, plansNotice: null });
      }
    },

    applyShippedPlan(file) {
      if (get().selectPlan(`shipped:${file}`)) get().navigate('estimate');
    },

    applySavedPlan(id) {
      if (get().selectPlan(`saved:${id}`)) get().navigate('estimate');
    },

    dismissPlansNotice: () => set({ plansNotice: null, plansError: null }),
  };
};
