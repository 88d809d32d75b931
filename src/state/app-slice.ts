import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

export const PAGES = ['data', 'dashboard', 'estimate', 'split', 'simulate', 'clients', 'plans', 'settings', 'about'] as const;
export type Page = (typeof PAGES)[number];

export const LOCALES = ['en', 'pt-BR', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** The user's saved choice if any, else the first browser language we speak (pt-PT reads pt-BR, es-AR reads es). */
export const pickLocale = (browserLanguages: readonly string[], saved?: string | null): Locale => {
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  for (const tag of browserLanguages) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang === 'pt') return 'pt-BR';
    if (lang === 'es') return 'es';
    if (lang === 'en') return 'en';
  }
  return 'en';
};

export type AppSlice = {
  page: Page;
  locale: Locale;
  /** A new service worker is waiting; applied only when the user agrees and no job runs. */
  updateReady: boolean;
  offlineReady: boolean;
  navigate(page: Page): void;
  setLocale(locale: Locale): void;
  setUpdateReady(ready: boolean): void;
  setOfflineReady(ready: boolean): void;
};

export const isPage = (s: string): s is Page => (PAGES as readonly string[]).includes(s);

export const createAppSlice = (deps: StoreDeps): StateCreator<AppState, [], [], AppSlice> => (set) => ({
  page: 'data',
  locale: deps.initialLocale ?? 'en',
  updateReady: false,
  offlineReady: false,
  navigate: (page) => set({ page }),
  setLocale: (locale) => {
    set({ locale });
    deps.saveLocale?.(locale);
  },
  setUpdateReady: (updateReady) => set({ updateReady }),
  setOfflineReady: (offlineReady) => set({ offlineReady }),
});
