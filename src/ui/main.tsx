import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { pickLocale } from '../state/app-slice';
import { createAppStore } from '../state/store';
import { createWorkerClient, proxyCallback } from '../worker/client';
import { App } from './app/App';
import { ServicesProvider } from './app/store-context';
import './styles.css';

// Comlink's Remote has the same promise-returning methods; callbacks cross the boundary through proxyCallback.
const { api } = createWorkerClient();
const LOCALE_KEY = 'tarifa.locale';

const store = createAppStore({
  api,
  wrapCallback: (fn) => proxyCallback(fn),
  fetchDefaultPlan: async () => (await fetch(`${import.meta.env.BASE_URL}plans/seat-plan.json`)).json(),
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

void store.getState().refreshDatasets();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesProvider store={store} api={api}>
      <App applyUpdate={() => void updateSW(true)} />
    </ServicesProvider>
  </StrictMode>,
);
