import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';

export const PAGES = ['data', 'estimate', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export type AppSlice = {
  page: Page;
  locale: 'en';
  /** A new service worker is waiting; applied only when the user agrees and no job runs. */
  updateReady: boolean;
  offlineReady: boolean;
  navigate(page: Page): void;
  setUpdateReady(ready: boolean): void;
  setOfflineReady(ready: boolean): void;
};

export const isPage = (s: string): s is Page => (PAGES as readonly string[]).includes(s);

export const createAppSlice: StateCreator<AppState, [], [], AppSlice> = (set) => ({
  page: 'data',
  locale: 'en',
  updateReady: false,
  offlineReady: false,
  navigate: (page) => set({ page }),
  setUpdateReady: (updateReady) => set({ updateReady }),
  setOfflineReady: (offlineReady) => set({ offlineReady }),
});
