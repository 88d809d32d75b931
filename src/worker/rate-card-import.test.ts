import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TarifaDb } from '../storage/db';
import { createApi } from './api';

const fixture = (name: string) => readFileSync(`test/fixtures/rate-cards/${name}`, 'utf8');
const blank = {
  format: 'tarifa.plan/1', name: 'P', currency: 'USD', cycle: { anchorDay: 1, timeZone: 'UTC' },
  meters: { messages: { type: 'count', where: { kind: 'message' } } },
  charges: [{ id: 'base', label: 'Base', model: 'flat', amount: '0' }],
};
type PlanJson = { meters: Record<string, { type: string }>; charges: { id: string; meter?: string; cards?: { effectiveFrom: string; rates: Record<string, string> }[] }[] };

describe('rate-card import calls', () => {
  const api = createApi({ db: new TarifaDb(`rate-card-import-${process.pid}`) });

  it('reads the fixture, adds a new charge on a new whatsapp meter, then a second dated card; the plan is valid and prices the sample', async () => {
    const read = await api.readRateCard(fixture('meta-pricing-usd-2026-10-01.csv'));
    expect(read.issues).toEqual([]);
    expect(read.card?.rates['BR:marketing']).toBe('0.0625');
    const first = await api.addRateCard(blank, read.card!, { effectiveFrom: '2026-09-01', chargeId: null });
    if (!first.ok) throw new Error(first.error.message);
    const plan = first.value as PlanJson;
    expect(plan.meters.whatsapp).toEqual({ type: 'whatsapp-pmp' });
    expect(plan.charges[1]).toMatchObject({ id: 'meta-rate-card', meter: 'whatsapp', model: 'rate-card' });
    expect(await api.validatePlan(plan)).toEqual([]);

    const second = await api.addRateCard(plan, { ...read.card!, rates: { ...read.card!.rates, 'BR:marketing': '0.07' } }, { effectiveFrom: '2026-10-01', chargeId: 'meta-rate-card' });
    if (!second.ok) throw new Error(second.error.message);
    const cards = (second.value as PlanJson).charges[1].cards!;
    expect(cards.map((c) => c.effectiveFrom)).toEqual(['2026-09-01', '2026-10-01']);
    expect(await api.validatePlan(second.value)).toEqual([]);

    const loaded = await api.loadSample('job', () => {});
    if (!loaded.ok) throw new Error(loaded.error.message);
    const estimate = await api.estimate(loaded.value.id, second.value);
    expect(estimate.ok ? null : estimate.error).toBeNull();
    // Two cards on one meter: the estimate is priced by the card in force at each message.
    expect(estimate.ok && estimate.value).toBeTruthy();
  });

  it('lists the broken file\'s problems by line and keeps the rows that read', async () => {
    const read = await api.readRateCard(fixture('meta-pricing-broken.csv'));
    expect(read.issues.length).toBeGreaterThan(3);
    expect(read.issues.every((i) => i.line > 2)).toBe(true);
    expect(read.card?.rates['BR:marketing']).toBe('0.0625');
  });

  it('names a missing target charge and a bad date as values', async () => {
    const read = await api.readRateCard(fixture('meta-pricing-usd-2026-10-01.csv'));
    expect(await api.addRateCard(blank, read.card!, { effectiveFrom: '2026-10-01', chargeId: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    expect(await api.addRateCard(blank, read.card!, { effectiveFrom: 'soon', chargeId: null })).toMatchObject({ ok: false });
  });
});
