import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../../state/store';
import type { WorkerApi } from '../../worker/types';

type Services = { store: AppStore; api: WorkerApi };
const ServicesContext = createContext<Services | null>(null);

export const ServicesProvider = ({ store, api, children }: Services & { children: ReactNode }) => (
  <ServicesContext.Provider value={{ store, api }}>{children}</ServicesContext.Provider>
);

const useServices = (): Services => {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesProvider is missing');
  return s;
};

/** Subscribes a component to one slice of the app state. */
export const useAppStore = <T,>(selector: (s: AppState) => T): T => useStore(useServices().store, selector);

/** The worker API, for one-off reads that are not app state (sample events, rejects download). */
export const useWorkerApi = (): WorkerApi => useServices().api;
