import type { StateCreator } from 'zustand/vanilla';
import type { AllowanceAlert, ConsumptionQuery, ConsumptionResult, Failure, PeopleList, PersonReject, SeatCycles } from '../worker/types';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

export type RangePreset = ConsumptionQuery['preset'];
export type Grouping = ConsumptionQuery['grouping'];
export const RANGE_PRESETS: readonly RangePreset[] = ['today', 'week', 'month', 'cycle', 'custom'];
export const GROUPINGS: readonly Grouping[] = ['day', 'week', 'month'];

export type { AllowanceAlert };

export type DashboardSlice = {
  rangePreset: RangePreset;
  grouping: Grouping;
  /** Custom range as local dates YYYY-MM-DD, both included. */
  customFrom: string;
  customTo: string;
  consumption: ConsumptionResult | null;
  consumptionError: Failure | null;
  consumptionLoading: boolean;
  allowanceAlert: AllowanceAlert;
  setRangePreset(preset: RangePreset): void;
  setCustomRange(from: string, to: string): void;
  setGrouping(grouping: Grouping): void;
  /** Sets the threshold and stores it in the workspace's settings (kept across reloads). */
  setAllowanceAlert(alert: AllowanceAlert): void;
  /** Reads the stored threshold, once per store; a threshold set meanwhile by the user wins. */
  loadAllowanceAlert(): Promise<void>;
  /** The workspace's users/agents list (null: none imported; agents then come from the events). */
  peopleList: PeopleList | null;
  /** Lines refused by the last people import, and its failure. */
  peopleRejects: PersonReject[];
  peopleError: Failure | null;
  peopleBusy: boolean;
  /** Active seats per billing cycle of the selected dataset (the plan's cycle, else calendar months). */
  seats: SeatCycles | null;
  loadPeople(): Promise<void>;
  importPeople(file: File): Promise<void>;
  removePeople(): Promise<void>;
  runSeats(): Promise<void>;
  runConsumption(): Promise<void>;
};

/** The plan's billing cycle, when the plan JSON has a well-formed one (the worker validates plans; this only reads). */
const cycleOf = (plan: unknown): ConsumptionQuery['cycle'] => {
  const cycle = typeof plan === 'object' && plan !== null ? (plan as { cycle?: unknown }).cycle : undefined;
  if (typeof cycle !== 'object' || cycle === null) return undefined;
  const { anchorDay, timeZone } = cycle as Record<string, unknown>;
  return typeof anchorDay === 'number' && typeof timeZone === 'string' ? { anchorDay, timeZone } : undefined;
};

export const createDashboardSlice = (deps: StoreDeps): StateCreator<AppState, [], [], DashboardSlice> => (set, get) => {
  let request = 0;
  let alertLoad: Promise<void> | null = null;
  let alertTouched = false;
  return {
    rangePreset: 'month',
    grouping: 'day',
    customFrom: '',
    customTo: '',
    consumption: null,
    consumptionError: null,
    consumptionLoading: false,
    allowanceAlert: { mode: 'percent', value: 80 },
    peopleList: null,
    peopleRejects: [],
    peopleError: null,
    peopleBusy: false,
    seats: null,
    async loadPeople() {
      set({ peopleList: await deps.api.people() });
    },
    async importPeople(file) {
      set({ peopleBusy: true, peopleError: null, peopleRejects: [] });
      const result = await deps.api.importPeople(file, file.name);
      set(result.ok
        ? { peopleBusy: false, peopleList: result.value.list, peopleRejects: result.value.rejects }
        : { peopleBusy: false, peopleError: result.error });
      void get().runSeats();
    },
    async removePeople() {
      await deps.api.deletePeople();
      set({ peopleList: null, peopleRejects: [], peopleError: null });
    },
    async runSeats() {
      const { selectedId, datasets, plan } = get();
      const dataset = datasets.find((d) => d.id === selectedId);
      if (!dataset) {
        set({ seats: null });
        return;
      }
      const result = await deps.api.activeSeats(dataset.id, cycleOf(plan?.json) ?? { anchorDay: 1, timeZone: dataset.timeZone });
      if (get().selectedId === dataset.id) set({ seats: result.ok ? result.value : null });
    },
    setRangePreset(rangePreset) {
      const current = get().consumption;
      // Going to 'custom' starts from the range on screen, so the date fields are never empty.
      if (rangePreset === 'custom' && current && !get().customFrom) {
        const day = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: current.timeZone });
        set({ customFrom: day(current.from), customTo: day(current.to - 1) });
      }
      set({ rangePreset });
      void get().runConsumption();
    },
    setCustomRange(customFrom, customTo) {
      set({ customFrom, customTo, rangePreset: 'custom' });
      void get().runConsumption();
    },
    setGrouping(grouping) {
      set({ grouping });
      void get().runConsumption();
    },
    setAllowanceAlert(allowanceAlert) {
      if (!Number.isFinite(allowanceAlert.value) || allowanceAlert.value < 0) return;
      alertTouched = true;
      set({ allowanceAlert });
      // A failed write (quota) leaves the threshold in force for this session; there is nothing to show for it.
      void deps.api.setAllowanceAlert(allowanceAlert).catch(() => undefined);
    },
    loadAllowanceAlert() {
      alertLoad ??= deps.api.allowanceAlert().then(
        (stored) => { if (stored && !alertTouched) set({ allowanceAlert: stored }); },
        () => undefined,
      );
      return alertLoad;
    },
    async runConsumption() {
      const { selectedId, datasets, rangePreset, grouping, customFrom, customTo, plan } = get();
      const dataset = datasets.find((d) => d.id === selectedId);
      if (!dataset) {
        set({ consumption: null, consumptionError: null, consumptionLoading: false });
        return;
      }
      const query: ConsumptionQuery = { preset: rangePreset, grouping, timeZone: dataset.timeZone };
      if (rangePreset === 'custom') Object.assign(query, { from: customFrom, to: customTo });
      const cycle = cycleOf(plan?.json);
      if (cycle) query.cycle = cycle;
      const mine = ++request;
      set({ consumptionLoading: true });
      let result: Awaited<ReturnType<typeof deps.api.consumption>>;
      try {
        result = await deps.api.consumption(dataset.id, query);
      } catch (e) {
        result = { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
      }
      // Only the latest request's answer is kept (a quick series of clicks answers out of order otherwise).
      if (mine !== request) return;
      set(result.ok
        ? { consumption: result.value, consumptionError: null, consumptionLoading: false }
        : { consumptionError: result.error, consumptionLoading: false });
    },
  };
};
