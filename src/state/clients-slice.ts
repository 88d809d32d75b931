/**
 * Clients (issue #6, profitability half): how clients are defined, the periods, the saved contracts and the result of
 * checking them; offer templates the user edited; follow-up tasks. Results come from the worker; nothing is computed here.
 */
import type { StateCreator } from 'zustand/vanilla';
import type {
  ClientsDefinition, Failure, FieldValues, PlanIssue, ProfitQuery, ProfitResult, SavedDoc, SavedRules, Task,
} from '../worker/types';
import type { StoreDeps } from './deps';
import type { AppState } from './store';

export type ClientsPeriod = ProfitQuery['period'];

/** The offer being drafted: a contract's check and one of its periods. */
export type OfferTarget = { contractId: string; period: number };

export type ClientsNotice = { kind: 'contract-saved' | 'contract-deleted' | 'contract-imported' | 'offer-sent' | 'template-saved' | 'template-reset'; name: string };

export type ClientsSlice = {
  clientsDef: ClientsDefinition;
  clientsPeriod: ClientsPeriod;
  /** Price per minute for the cost of clients without a contract ('' = none). */
  clientsPrice: string;
  clientValues: FieldValues | null;
  clientRuleSets: SavedRules[];
  contracts: SavedDoc[];
  profit: ProfitResult | null;
  profitError: Failure | null;
  profitRunning: boolean;
  offerTarget: OfferTarget | null;
  offerTemplates: SavedDoc[];
  tasks: Task[];
  clientsNotice: ClientsNotice | null;
  /** Loads rule sets, contracts, templates, tasks and the clients' names, then checks. */
  openClients(): Promise<void>;
  setClientsDef(def: ClientsDefinition): Promise<void>;
  setClientsPeriod(period: ClientsPeriod): Promise<void>;
  setClientsPrice(price: string): Promise<void>;
  runProfitability(): Promise<void>;
  /** Saves a contract (under `id` to replace it); returns its issues, empty when saved. */
  saveContract(json: unknown, id?: string): Promise<PlanIssue[]>;
  deleteContract(id: string): Promise<void>;
  /** A contract file's text: validated and saved as a new contract; returns its issues, empty when saved. */
  importContractFile(fileName: string, text: string): Promise<PlanIssue[]>;
  draftOffer(target: OfferTarget | null): void;
  saveOfferTemplate(json: unknown): Promise<PlanIssue[]>;
  resetOfferTemplate(id: string): Promise<void>;
  /** Records the offer as sent: a follow-up task due 7 days later in `timeZone`. */
  markOfferSent(title: string, timeZone: string, ref: Record<string, unknown>): Promise<Task | null>;
  /** Adds a task due now, e.g. a period beyond tolerance (a cost cap exceeded) to look into. */
  addTask(title: string, ref: Record<string, unknown>): Promise<void>;
  setTaskStatus(id: string, status: 'open' | 'done'): Promise<void>;
  deleteTask(id: string): Promise<void>;
};

const SAMPLE_FIELD = 'queue';

export const createClientsSlice = (deps: StoreDeps): StateCreator<AppState, [], [], ClientsSlice> => (set, get) => {
  let version = 0;

  const loadValues = async () => {
    const { selectedId, clientsDef } = get();
    if (!selectedId || clientsDef.kind !== 'field') {
      set({ clientValues: null });
      return;
    }
    const r = await deps.api.rulesValues(selectedId, clientsDef.field);
    if (get().selectedId === selectedId && get().clientsDef === clientsDef) set({ clientValues: r.ok ? r.value : null });
  };

  const refreshTasks = async () => set({ tasks: await deps.api.listTasks() });

  return {
    clientsDef: { kind: 'field', field: SAMPLE_FIELD },
    clientsPeriod: { kind: 'month' },
    clientsPrice: '',
    clientValues: null,
    clientRuleSets: [],
    contracts: [],
    profit: null,
    profitError: null,
    profitRunning: false,
    offerTarget: null,
    offerTemplates: [],
    tasks: [],
    clientsNotice: null,

    async openClients() {
      const [clientRuleSets, contracts, offerTemplates, tasks] = await Promise.all([
        deps.api.listRules(), deps.api.listContracts(), deps.api.listTemplates(), deps.api.listTasks(),
      ]);
      set({ clientRuleSets, contracts, offerTemplates, tasks });
      await Promise.all([loadValues(), get().runProfitability()]);
    },

    async setClientsDef(def) {
      set({ clientsDef: def, clientValues: null, offerTarget: null });
      await Promise.all([loadValues(), get().runProfitability()]);
    },

    async setClientsPeriod(period) {
      set({ clientsPeriod: period, offerTarget: null });
      await get().runProfitability();
    },

    async setClientsPrice(price) {
      set({ clientsPrice: price });
      await get().runProfitability();
    },

    async runProfitability() {
      const { selectedId, datasets, clientsDef, clientsPeriod, clientsPrice } = get();
      const dataset = datasets.find((d) => d.id === selectedId);
      if (!dataset) return;
      const mine = ++version;
      set({ profitRunning: true });
      const price = clientsPrice.trim();
      const r = await deps.api.profitability(dataset.id, {
        clients: clientsDef, period: clientsPeriod, timeZone: dataset.timeZone, ...(price ? { referencePricePerMinute: price } : {}),
      });
      if (mine !== version) return;
      set(r.ok ? { profit: r.value, profitError: null, profitRunning: false } : { profit: null, profitError: r.error, profitRunning: false });
    },

    async saveContract(json, id) {
      const r = await deps.api.saveContract(json, id);
      if (!r.ok) return r.error.issues ?? [{ path: '', message: r.error.message }];
      set({ contracts: await deps.api.listContracts(), clientsNotice: { kind: 'contract-saved', name: r.value.name } });
      await get().runProfitability();
      return [];
    },

    async deleteContract(id) {
      const name = get().contracts.find((c) => c.id === id)?.name ?? '';
      await deps.api.deleteContract(id);
      if (get().offerTarget?.contractId === id) set({ offerTarget: null });
      set({ contracts: await deps.api.listContracts(), clientsNotice: { kind: 'contract-deleted', name } });
      await get().runProfitability();
    },

    async importContractFile(fileName, text) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        return [{ path: fileName, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }];
      }
      const r = await deps.api.saveContract(json);
      if (!r.ok) return (r.error.issues ?? [{ path: '', message: r.error.message }]).map((i) => ({ ...i, path: `${fileName}: ${i.path}` }));
      set({ contracts: await deps.api.listContracts(), clientsNotice: { kind: 'contract-imported', name: r.value.name } });
      await get().runProfitability();
      return [];
    },

    draftOffer(target) {
      set({ offerTarget: target });
    },

    async saveOfferTemplate(json) {
      const r = await deps.api.saveTemplate(json);
      if (!r.ok) return r.error.issues ?? [{ path: '', message: r.error.message }];
      set({ offerTemplates: await deps.api.listTemplates(), clientsNotice: { kind: 'template-saved', name: r.value.name } });
      return [];
    },

    async resetOfferTemplate(id) {
      await deps.api.deleteTemplate(id);
      set({ offerTemplates: await deps.api.listTemplates(), clientsNotice: { kind: 'template-reset', name: id } });
    },

    async markOfferSent(title, timeZone, ref) {
      const r = await deps.api.markOfferSent({ title, timeZone, ref });
      if (!r.ok) {
        set({ profitError: r.error });
        return null;
      }
      await refreshTasks();
      set({ clientsNotice: { kind: 'offer-sent', name: title } });
      return r.value;
    },

    async addTask(title, ref) {
      const r = await deps.api.addTask({ title, ref });
      if (!r.ok) set({ profitError: r.error });
      await refreshTasks();
    },

    async setTaskStatus(id, status) {
      await deps.api.setTaskStatus(id, status);
      await refreshTasks();
    },

    async deleteTask(id) {
      await deps.api.deleteTask(id);
      await refreshTasks();
    },
  };
};
