// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { NEUTRAL_KNOBS, newScenario } from '../engine/simulate';
import { TarifaDb } from '../storage/db';
import { createApi } from './api';
import type { SimulateRequest } from './types';

let seq = 0;
const dbs: TarifaDb[] = [];
const setup = () => {
  const db = new TarifaDb(`tarifa-worker-simulate-${process.pid}-${++seq}`);
  dbs.push(db);
  let id = 0;
  return { db, api: createApi({ db, now: () => Date.parse('2026-12-01T00:00:00Z'), newId: () => `id-${++id}` }) };
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const shipped = (file: string) => ({ key: `shipped:${file}`, name: file, json: JSON.parse(readFileSync(`public/plans/${file}`, 'utf8')) as unknown });
const withSample = async () => {
  const { api, db } = setup();
  const loaded = await api.loadSample('job', () => {});
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { api, db, id: loaded.value.id };
};
const request = (knobs = NEUTRAL_KNOBS): SimulateRequest => ({
  plans: [shipped('seat-plan.json'), shipped('genesys-per-conversation.json')],
  knobs,
  timeZone: 'America/Sao_Paulo',
  tco: { months: 12, terms: { 'shipped:seat-plan.json': { setupFee: '500', prepayDiscountPercent: '10', perNumberFee: '10' } } },
});

describe('worker simulate calls', () => {
  it('compares plans on the sample, equal to their estimates at neutral knobs, and re-prices on growth from memory', async () => {
    const { api, db, id } = await withSample();
    const base = await api.simulate(id, request());
    if (!base.ok) throw new Error(base.error.message);
    const seat = await api.estimate(id, shipped('seat-plan.json').json);
    if (!seat.ok) throw new Error(seat.error.message);
    expect(base.value.comparison.plans[0].total).toBe(seat.value.total);
    expect(base.value.comparison.plans).toHaveLength(2);
    expect(base.value.curve?.points).toHaveLength(49);
    expect(base.value.tco?.[0].months).toHaveLength(12);
    expect(base.value.tco?.[0].months[0].oneTime).toBe('500.00');

    // The stored events are gone: a knob change still prices, from the table in worker memory.
    await db.chunks.clear();
    const grown = await api.simulate(id, request({ ...NEUTRAL_KNOBS, growthPercent: '50' }));
    if (!grown.ok) throw new Error(grown.error.message);
    expect(grown.value.events.simulated).toBeGreaterThan(grown.value.events.measured);
    const before = base.value.comparison.plans.map((p) => Number(p.total));
    const after = grown.value.comparison.plans.map((p) => Number(p.total));
    expect(after[1]).toBeGreaterThan(before[1]); // more conversations cost more
    expect(after[0]).toBeGreaterThanOrEqual(before[0]);
  });

  it('latest wins: a call overtaken by a newer one is cancelled without pricing', async () => {
    const { api, id } = await withSample();
    const [first, second] = await Promise.all([api.simulate(id, request()), api.simulate(id, request({ ...NEUTRAL_KNOBS, scale: '2' }))]);
    expect(first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(second.ok).toBe(true);
  });

  it('names bad knobs and bad plans by path', async () => {
    const { api, id } = await withSample();
    const bad = await api.simulate(id, request({ ...NEUTRAL_KNOBS, spikes: [{ month: 'October', percent: '300' }] }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-scenario', issues: [{ path: 'knobs.spikes[0].month' }] } });
    const badPlan = await api.simulate(id, { ...request(), plans: [{ key: 'x', name: 'Broken', json: { format: 'tarifa.plan/1' } }] });
    expect(badPlan.ok).toBe(false);
    if (!badPlan.ok) expect(badPlan.error.issues?.[0].path).toMatch(/^plans\[0\] \(Broken\)\./);
  });

  it('saves, lists, duplicates by saving a copy, and deletes scenarios; refuses invalid ones', async () => {
    const { api } = setup();
    const s = newScenario('Campaign', ['shipped:seat-plan.json'], { ...NEUTRAL_KNOBS, spikes: [{ month: '2026-11', percent: '300' }] });
    const saved = await api.saveScenario(s);
    if (!saved.ok) throw new Error(saved.error.message);
    const copy = await api.saveScenario({ ...saved.value.json, name: 'Campaign (copy)' });
    expect(copy.ok).toBe(true);
    expect((await api.listScenarios()).map((x) => x.name)).toEqual(['Campaign', 'Campaign (copy)']);
    await api.deleteScenario(saved.value.id);
    expect((await api.listScenarios()).map((x) => x.name)).toEqual(['Campaign (copy)']);
    const bad = await api.saveScenario({ ...s, tco: { months: 60, terms: {} } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-scenario', issues: [{ path: 'tco.months' }] } });
    expect(await api.validateScenario({ ...s, name: '' })).toEqual([expect.objectContaining({ path: 'name' })]);
  });
});

describe('worker simulate: currencies', () => {
  it('refuses to compare plans of different currencies, naming them', async () => {
    const { api, id } = await withSample();
    const r = await api.simulate(id, { ...request(), plans: [shipped('seat-plan.json'), shipped('blip-active-users.json')] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-scenario', issues: [{ path: 'plans[1].currency' }] } });
  });
});
