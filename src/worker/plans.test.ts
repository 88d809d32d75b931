// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../storage/db';
import { createApi } from './api';

let seq = 0;
const dbs: TarifaDb[] = [];
const setup = () => {
  const db = new TarifaDb(`tarifa-worker-plans-${process.pid}-${++seq}`);
  dbs.push(db);
  let id = 0;
  let clock = 1_000;
  return { db, api: createApi({ db, now: () => (clock += 10), newId: () => `plan-${++id}` }) };
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const seatPlan = (): Record<string, unknown> => JSON.parse(readFileSync('public/plans/seat-plan.json', 'utf8'));

describe('worker plans calls', () => {
  it('validatePlan lists issues by path, none for a valid plan', async () => {
    const { api } = setup();
    expect(await api.validatePlan(seatPlan())).toEqual([]);
    const bad = seatPlan();
    (bad.charges as Record<string, unknown>[])[1].unitPrice = '-4';
    expect(await api.validatePlan(bad)).toEqual([{ path: 'charges[1].unitPrice', message: 'must not be negative', code: 'notNegative' }]);
    expect(await api.validatePlan('nope')).toEqual([{ path: '', message: 'a plan must be a JSON object', code: 'notObject', params: { what: 'plan' } }]);
  });

  it('savePlan refuses an invalid plan with its issues and stores nothing', async () => {
    const { api, db } = setup();
    const bad = JSON.parse(readFileSync('test/fixtures/bad-plan.json', 'utf8'));
    const result = await api.savePlan(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-plan');
    expect(result.error.issues?.map((i) => i.path)).toEqual(['charges[1].unitPrice']);
    expect(await db.plans.count()).toBe(0);
  });

  it('save, list, get, replace and delete round trip, keeping the JSON as written', async () => {
    const { api } = setup();
    const plan = seatPlan();
    const saved = await api.savePlan(plan);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value).toMatchObject({ id: 'plan-1', name: 'Seat plan', description: expect.stringMatching(/^Basic/) });
    expect(saved.value.json).toEqual(plan);

    const list = await api.listPlans();
    expect(list.map((p) => p.id)).toEqual(['plan-1']);

    const renamed = { ...plan, name: 'Seat plan (ours)' };
    delete (renamed as Record<string, unknown>).minimumSpend; // defaults are not filled in on save
    const replaced = await api.savePlan(renamed, 'plan-1');
    expect(replaced.ok && replaced.value).toMatchObject({ id: 'plan-1', name: 'Seat plan (ours)', createdAt: saved.value.createdAt });
    const got = await api.getPlan('plan-1');
    expect(got.ok && got.value.json).toEqual(renamed);

    await api.deletePlan('plan-1');
    expect(await api.listPlans()).toEqual([]);
    const gone = await api.getPlan('plan-1');
    expect(!gone.ok && gone.error.code).toBe('not-found');
  });
});
