import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { pickLocale } from '../state/app-slice';
import { DEFAULT_PLAN_FILE } from '../state/plans-slice';
import { createAppStore } from '../state/store';
import { createWorkerClient, proxyCallback } from '../worker/client';
import { App } from './app/App';
import { ServicesProvider } from './app/store-context';
import { InterruptedImports } from './features/backup/InterruptedImports';
import { WorkspaceGate } from './features/backup/WorkspaceGate';
import { findInterruptedImports, trackImports } from './features/backup/interrupted-imports';
import './styles.css';

// ?debug adds a hidden hook for tests and the bench (the worker API, and ending the worker as a crash would);
// &watchdog=ms shortens the crash watchdog. Nothing else changes: it exposes nothing the user's own console could not reach.
const search = new URLSearchParams(location.search);
const debug = search.has('debug');
const watchdogMs = Number(search.get('watchdog'));
// Comlink's Remote has the same promise-returning methods; callbacks cross the boundary through proxyCallback.
// `api` always reaches the live worker: the client restarts a crashed one.
const client = createWorkerClient(debug && watchdogMs > 0 ? { pingEveryMs: Math.max(50, watchdogMs / 8), deadAfterMs: watchdogMs } : {});
const { api } = client;
const LOCALE_KEY = 'tarifa.locale';
const fetchJson = async (path: string): Promise<unknown> => {
  const response = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
};

/** The example plans named in public/plans-index.json, in its order; a file that fails to load is left out. */
const fetchShippedPlans = async () => {
  const index = (await fetchJson('plans-index.json')) as { plans?: unknown };
  const files = Array.isArray(index.plans) ? index.plans.filter((f): f is string => typeof f === 'string') : [];
  const loaded = await Promise.all(files.map(async (file) => {
    try {
      return { file, json: await fetchJson(`plans/${file}`) };
    } catch {
      return null;
    }
  }));
  return loaded.filter((p) => p !== null);
};

const store = createAppStore({
  api,
  wrapCallback: (fn) => proxyCallback(fn),
  fetchDefaultPlan: () => fetchJson(`plans/${DEFAULT_PLAN_FILE}`),
  fetchShippedPlans,
  requestPersist: async () => (await navigator.storage?.persist?.()) ?? false,
  // A UI preference, not user data: localStorage is enough.
  initialLocale: pickLocale(navigator.languages, localStorage.getItem(LOCALE_KEY)),
  saveLocale: (locale) => localStorage.setItem(LOCALE_KEY, locale),
});

// The service worker waits for the user's yes before it takes over (never mid-import: see UpdatePrompt).
const updateSW = registerSW({
  onNeedRefresh: () => store.getState().setUpdateReady(true),
  onOfflineReady: () => store.getState().setOfflineReady(true),
});

client.onRestart((reason) => store.getState().noteEngineRestart(reason === 'gave-up'));
// Another tab's writes (relayed by this tab's worker): reload what this tab shows of them.
client.onChange((change) => void store.getState().applyRemoteChange(change));
if (debug) {
  (window as unknown as { tarifaDebug: unknown }).tarifaDebug = {
    api, proxy: proxyCallback, killEngine: () => client.killSilently(), crashEngine: () => client.crash(), restarts: () => client.restarts(),
  };
}

void store.getState().refreshDatasets();
// An import a closed tab cut short is told once at the next start (the worker has discarded its half dataset).
const interrupted = findInterruptedImports(localStorage, navigator.locks);
trackImports((listener) => void store.subscribe((s) => listener(s.job?.name ?? null)), localStorage, navigator.locks);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesProvider store={store} api={api}>
      {/* An encrypted workspace asks for its passphrase before the app shows (or reads) anything. */}
      <WorkspaceGate>
        <InterruptedImports found={interrupted} />
        <App applyUpdate={() => void updateSW(true)} />
      </WorkspaceGate>
    </ServicesProvider>
  </StrictMode>,
);
