import type { StateCreator } from 'zustand/vanilla';
import type { Change, SyncTopic } from '../worker/tab-sync';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

/** Per topic, how many changes from other tabs arrived: a component that reads outside the store re-reads on a bump. */
export type SyncRevisions = Record<Exclude<SyncTopic, 'all'>, number>;

export type RobustSlice = {
  /** The worker was restarted after a crash ('restarted'), or kept crashing and was not ('gave-up'); shown once. */
  engineNotice: 'restarted' | 'gave-up' | null;
  syncRevisions: SyncRevisions;
  /** Another tab upgraded the database to a newer version: this tab can no longer use it and must reload. */
  tabOutdated: boolean;
  noteEngineRestart(gaveUp: boolean): void;
  dismissEngineNotice(): void;
  /** Another tab changed these: reload what this tab shows of them. */
  applyRemoteChange(change: Change): Promise<void>;
};

const TOPICS = ['datasets', 'plans', 'rules', 'presets', 'settings', 'scenarios', 'clients', 'people'] as const;

export const createRobustSlice = (deps: StoreDeps): StateCreator<AppState, [], [], RobustSlice> => (set, get) => ({
  engineNotice: null,
  tabOutdated: false,
  syncRevisions: { datasets: 0, plans: 0, rules: 0, presets: 0, settings: 0, scenarios: 0, clients: 0, people: 0 },
  noteEngineRestart(gaveUp) {
    // One notice however many calls the crash failed; a give-up replaces a restart notice.
    if (gaveUp) set({ engineNotice: 'gave-up' });
    else if (get().engineNotice === null) set({ engineNotice: 'restarted' });
    // The new worker discarded whatever import the crash cut short: the list may have changed.
    void get().refreshDatasets().catch(() => undefined);
  },
  dismissEngineNotice: () => set({ engineNotice: null }),
  async applyRemoteChange(change) {
    if (change.outdated) set({ tabOutdated: true });
    const all = change.topics.includes('all');
    const has = (t: SyncTopic) => all || change.topics.includes(t);
    const revisions = { ...get().syncRevisions };
    for (const t of TOPICS) if (has(t)) revisions[t]++;
    set({ syncRevisions: revisions });
    const work: Promise<unknown>[] = [];
    if (has('datasets')) {
      work.push((async () => {
        const before = get().selectedId;
        await get().refreshDatasets();
        const { selectedId, lastImport } = get();
        const changed = change.datasetIds?.includes(before ?? '') === true || all;
        // The dataset on screen went (or its events changed): nothing computed from it stays.
        if (selectedId !== before || changed) {
          set({ estimate: null, estimateError: null, consumption: null, consumptionError: null, allocation: null });
        }
        if (lastImport && !get().datasets.some((d) => d.id === lastImport.dataset.id)) set({ lastImport: null });
      })());
    }
    if (has('plans')) work.push(get().refreshSavedPlans());
    if (has('rules')) work.push(deps.api.listRules().then((savedRules) => set({ savedRules, clientRuleSets: savedRules })));
    if (has('presets')) work.push(get().loadPresets());
    if (has('scenarios')) work.push(get().loadScenarios());
    if (has('clients')) {
      work.push(Promise.all([deps.api.listContracts(), deps.api.listTemplates(), deps.api.listTasks()])
        .then(([contracts, offerTemplates, tasks]) => set({ contracts, offerTemplates, tasks })));
    }
    if (has('people')) work.push(get().loadPeople());
    await Promise.all(work.map((p) => p.catch(() => undefined)));
  },
});
