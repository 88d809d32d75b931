import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import type { ReactNode } from 'react';
import { configure, render } from '@testing-library/react';
import { createAppStore, type AppStore } from '../../src/state/store';
import { TarifaDb } from '../../src/storage/db';
import { App } from '../../src/ui/app/App';
import { ServicesProvider } from '../../src/ui/app/store-context';
import { createApi } from '../../src/worker/api';
import type { WorkerApi } from '../../src/worker/types';

// The in-process app does real IndexedDB and pricing work: on a loaded 2-core machine testing-library's default of 1 s
// for findBy*/waitFor is too short. This is a hang guard, not a speed check (speed is measured in `npm run bench`).
configure({ asyncUtilTimeout: 10_000 });

let n = 0;

/**
 * The whole app in-process: real worker API (called directly instead of through a Worker), real Dexie on
 * fake-indexeddb, real engine. Only the Worker thread itself is absent.
 */
export const renderApp = (options: { applyUpdate?: () => void } = {}) =>
  renderWithServices(<App applyUpdate={options.applyUpdate ?? (() => {})} />);

/** Any part of the UI with the same real services around it. */
export const renderWithServices = (ui: ReactNode) => {
  const db = new TarifaDb(`tarifa-ui-test-${process.pid}-${n++}`);
  const api: WorkerApi = createApi({ db });
  const store: AppStore = createAppStore({
    api,
    fetchDefaultPlan: async () => JSON.parse(readFileSync('public/plans/seat-plan.json', 'utf8')),
    fetchShippedPlans: async () => {
      const index = JSON.parse(readFileSync('public/plans-index.json', 'utf8')) as { plans: string[] };
      return index.plans.map((file) => ({ file, json: JSON.parse(readFileSync(`public/plans/${file}`, 'utf8')) }));
    },
  });
  const view = render(<ServicesProvider store={store} api={api}>{ui}</ServicesProvider>);
  return { ...view, store, api, db };
};

export const fixtureFile = (name: string, type = 'text/csv'): File =>
  new File([readFileSync(`test/fixtures/${name}`)], name, { type });
