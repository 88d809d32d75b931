// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../storage/db';
import { createApi } from './api';

let seq = 0;
const dbs: TarifaDb[] = [];
const setup = () => {
  const db = new TarifaDb(`tarifa-worker-split-${process.pid}-${++seq}`);
  dbs.push(db);
  let id = 0;
  return { db, api: createApi({ db, now: () => Date.parse('2026-12-01T00:00:00Z'), newId: () => `id-${++id}` }) };
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const seatPlan = (): Record<string, unknown> => JSON.parse(readFileSync('public/plans/seat-plan.json', 'utf8'));
const rules = {
  format: 'tarifa.rules/1',
  centres: [{ id: 'sales', label: 'Sales' }, { id: 'support', label: 'Support' }],
  rules: [{ centre: 'sales', where: { queue: 'Sales' } }, { centre: 'support', where: { queue: 'Support' } }],
  driver: 'messages',
};
const cents = (amounts: string[]) => amounts.reduce((s, a) => s + Math.round(Number(a) * 100), 0);

const withSample = async () => {
  const { api, db } = setup();
  const loaded = await api.loadSample('job', () => {});
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { api, db, id: loaded.value.id };
};

describe('worker split calls', () => {
  it('rulesValues: the queue values with event counts, most frequent first', async () => {
    const { api, id } = await withSample();
    const r = await api.rulesValues(id, 'queue');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.values.map((v) => v.value).sort()).toEqual(['', 'Sales', 'Support']);
    expect(r.value.values.reduce((s, v) => s + v.count, 0)).toBe(r.value.total);
    expect(r.value.others).toEqual({ values: 0, count: 0 });
    const top1 = await api.rulesValues(id, 'queue', 1);
    expect(top1.ok && top1.value.others.values).toBe(2);
    expect((await api.rulesValues(id, 'contact')).ok).toBe(false);
    expect(await api.rulesValues('missing', 'queue')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('split: the estimate and an invoice total, each adding up to the cent', async () => {
    const { api, id } = await withSample();
    const est = await api.split(id, seatPlan(), rules, { kind: 'estimate' });
    if (!est.ok) throw new Error(est.error.message);
    expect(est.value.total).toBe('953.00');
    expect(est.value.centres.map((c) => c.id)).toEqual(['sales', 'support']);
    expect(cents(est.value.centres.map((c) => c.amount))).toBe(95_300);
    const inv = await api.split(id, seatPlan(), { ...rules, unattributed: { method: 'separate' } }, {
      kind: 'invoice', total: '1000.01', lines: [{ label: 'Extra messages', amount: '80', charge: 'extra' }],
    });
    if (!inv.ok) throw new Error(inv.error.message);
    expect(inv.value.centres.map((c) => c.id)).toEqual(['sales', 'support', 'unattributed']);
    expect(cents(inv.value.centres.map((c) => c.amount))).toBe(100_001);
    expect(inv.value.variance?.[0]).toMatchObject({ label: 'Extra messages', invoice: '80.00', estimate: '155.00' });
  });

  it('split: invalid rules, rules that do not fit the plan and bad amounts are failures, not throws', async () => {
    const { api, id } = await withSample();
    const bad = await api.split(id, seatPlan(), { ...rules, rules: [{ centre: 'ops' }] }, { kind: 'estimate' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-rules', issues: [{ path: 'rules[0].centre' }] } });
    const noDriver = await api.split(id, seatPlan(), { ...rules, driver: 'conversations' }, { kind: 'estimate' });
    expect(noDriver).toMatchObject({ ok: false, error: { code: 'invalid-rules', issues: [{ path: 'driver' }] } });
    const amount = await api.split(id, seatPlan(), rules, { kind: 'invoice', total: '12,00' });
    expect(amount).toMatchObject({ ok: false, error: { code: 'invalid-amount' } });
    expect(await api.split(id, { nope: 1 }, rules, { kind: 'estimate' })).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
  });

  it('rules CRUD: save validates first, list by name, get, delete', async () => {
    const { api } = setup();
    expect(await api.saveRules({ ...rules, centres: [] })).toMatchObject({ ok: false, error: { code: 'invalid-rules' } });
    const saved = await api.saveRules({ ...rules, name: 'By queue' });
    expect(saved).toMatchObject({ ok: true, value: { id: 'id-1', name: 'By queue' } });
    expect((await api.listRules()).map((r) => r.name)).toEqual(['By queue']);
    expect(await api.getRules('id-1')).toMatchObject({ ok: true, value: { json: { ...rules, name: 'By queue' } } });
    expect(await api.validateRules(rules, seatPlan())).toEqual([]);
    expect(await api.validateRules({ ...rules, driver: 'x' }, seatPlan())).toMatchObject([{ path: 'driver' }]);
    await api.deleteRules('id-1');
    expect(await api.listRules()).toEqual([]);
  });
});
