// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';
import { createAppStore } from '../../src/state/store';

const dbs: TarifaDb[] = [];
afterEach(async () => { for (const db of dbs.splice(0)) await db.delete(); });

const setup = async () => {
  const db = new TarifaDb(`tarifa-sim-slice-${process.pid}-${dbs.length}`);
  dbs.push(db);
  const api = createApi({ db });
  const store = createAppStore({
    api,
    fetchDefaultPlan: async () => JSON.parse(readFileSync('public/plans/seat-plan.json', 'utf8')),
    fetchShippedPlans: async () => ['seat-plan.json', 'genesys-per-conversation.json'].map((file) => ({ file, json: JSON.parse(readFileSync(`public/plans/${file}`, 'utf8')) })),
  });
  const csv = ['timestamp,kind,contact,channel,agent', ...Array.from({ length: 40 }, (_, i) => `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,message,+55119${String(i).padStart(6, '0')},+5511400,ana`)].join('\n');
  const r = await api.importFile(new File([csv], 'march.csv', { type: 'text/csv' }), { timeZone: 'UTC' }, 'job', () => {});
  if (!r.ok) throw new Error(r.error.message);
  await store.getState().refreshDatasets();
  await store.getState().loadPlans();
  store.setState({ simPlanKeys: ['shipped:seat-plan.json', 'shipped:genesys-per-conversation.json'] });
  return store;
};

describe('simulate slice', () => {
  it('keeps the result of the latest request when knobs move faster than pricing', async () => {
    const store = await setup();
    const s = store.getState();
    s.simSetKnobs({ scale: '2' });
    const first = s.runSimulation();
    store.getState().simSetKnobs({ scale: '3' });
    const second = store.getState().runSimulation();
    await Promise.all([first, second]);
    const result = store.getState().simResult;
    // 40 conversations × 3 × 0.10 (Genesys); the scale-2 answer (8.00) never shows.
    expect(result?.comparison.plans.map((p) => p.total)).toEqual(['199.00', '12.00']);
    expect(store.getState().simRunning).toBe(false);
    expect(store.getState().simResultKeys).toEqual(['shipped:seat-plan.json', 'shipped:genesys-per-conversation.json']);
  });

  it('exports the current scenario as a valid document and opens it again', async () => {
    const store = await setup();
    store.getState().simSetKnobs({ growthPercent: '15', spikes: [{ month: '2025-04', percent: '300' }] });
    store.getState().simSetTerms('shipped:seat-plan.json', { setupFee: '500', prepayDiscountPercent: '10', perNumberFee: '5' });
    store.getState().simSetName('Growth');
    store.getState().simSetMonths(12);
    const doc = store.getState().simScenario();
    expect(doc.tco.months).toBe(12);
    store.getState().newSimScenario();
    expect(store.getState().simKnobs.growthPercent).toBe('0');
    store.getState().importScenario('growth.json', JSON.stringify(doc));
    expect(store.getState().simImportIssues).toEqual([]);
    expect(store.getState().simKnobs).toEqual(doc.knobs);
    expect(store.getState().simTerms['shipped:seat-plan.json'].setupFee).toBe('500');
    expect(store.getState().simScenarioName).toBe('Growth');
    expect(store.getState().simMonths).toBe(12);
  });
});
