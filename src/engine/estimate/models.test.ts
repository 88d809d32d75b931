import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { buildTable } from '../testing/table-builder';
import { estimatePlan, tryEstimatePlan } from './estimate';
import { isPricingError } from './pricing-error';

const plan = (over: Record<string, unknown>): Plan => {
  const r = parsePlan({ format: 'tarifa.plan/1', name: 'P', currency: 'USD', cycle: { anchorDay: 1, timeZone: 'UTC' }, meters: {}, charges: [], ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
};

const tpl = (timestamp: string, country: string, category: string) => ({ timestamp, contact: `c-${timestamp}`, channel: 'w', direction: 'outbound', template: 't', country, category });

describe('rate-card', () => {
  const table = buildTable([
    tpl('2025-08-01T10:00:00Z', 'BR', 'marketing'),
    tpl('2025-08-02T10:00:00Z', 'BR', 'marketing'),
    tpl('2025-08-03T10:00:00Z', 'US', 'utility'),
    tpl('2025-08-04T10:00:00Z', 'KE', 'utility'),
  ]);
  const card = (rates: Record<string, string>, freeUnits?: number) =>
    plan({ meters: { pmp: { type: 'whatsapp-pmp' } }, charges: [{ id: 'meta', label: 'Meta', meter: 'pmp', model: 'rate-card', rates, freeUnits }] });

  it('prices each key at its rate or the default', () => {
    const e = estimatePlan(table, card({ 'BR:marketing': '0.0625', 'north-america:utility': '0.0034', default: '0.01' }));
    expect(e.cycles[0].lines.map((l) => [l.key, l.quantity, l.amount])).toEqual([
      ['BR:marketing', 2, '0.13'],
      ['north-america:utility', 1, '0.00'],
      ['rest-of-africa:utility', 1, '0.01'],
    ]);
    expect(e.cycles[0].lines[2].explanation.text).toBe(
      '1 pmp [rest-of-africa:utility] (charged template messages); 1 billable = 1 × 0.01 (default rate) = 0.01',
    );
  });

  it('deducts free units first (per key)', () => {
    const e = estimatePlan(table, card({ default: '1' }, 5));
    expect(e.cycles[0].lines.map((l) => l.amount)).toEqual(['0.00', '0.00', '0.00']);
  });

  it('reports every key without a rate as a PricingError, or as a value with tryEstimatePlan', () => {
    const p = card({ 'BR:marketing': '0.0625' });
    let thrown: unknown;
    try {
      estimatePlan(table, p);
    } catch (e) {
      thrown = e;
    }
    expect(isPricingError(thrown)).toBe(true);
    const r = tryEstimatePlan(table, p);
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: 'charges[0].rates', message: "no rate for key 'north-america:utility' in rate card 'meta', and no 'default' rate", code: 'noRate', params: { key: 'north-america:utility', charge: 'meta' } },
        { path: 'charges[0].rates', message: "no rate for key 'rest-of-africa:utility' in rate card 'meta', and no 'default' rate", code: 'noRate', params: { key: 'rest-of-africa:utility', charge: 'meta' } },
      ],
    });
  });
});

describe('cap', () => {
  const table = buildTable([{ timestamp: '2025-08-05T00:00:00Z', kind: 'message', quantity: 3000 }]);
  const capped = (amount: string, tolerancePercent?: string) =>
    plan({
      meters: { msgs: { type: 'count' } },
      charges: [
        { id: 'base', label: 'Base', model: 'flat', amount: '10' },
        { id: 'msgs', label: 'Messages', meter: 'msgs', model: 'standard', unitPrice: '0.05' },
      ],
      cap: { amount, tolerancePercent, charges: ['msgs'] },
      minimumSpend: '0',
    });

  it('bills capped charges at the cap with a negative adjustment line and says if beyond tolerance', () => {
    const c = estimatePlan(table, capped('100', '20')).cycles[0];
    expect(c.lines.map((l) => [l.charge, l.amount])).toEqual([['base', '10.00'], ['msgs', '150.00'], ['cap', '-50.00']]);
    expect(c.total).toBe('110.00');
    expect(c.cap).toEqual({ charges: ['msgs'], amount: '100.00', charged: '150.00', excess: '50.00', applied: true, tolerancePercent: '20', beyondTolerance: true });
    expect(c.lines[2].explanation.text).toBe(
      'Capped charges (msgs) add up to 150.00, above the cap of 100.00: adjustment of -50.00 (50% above; tolerance 20%: beyond tolerance)',
    );
    expect(estimatePlan(table, capped('140', '10')).cycles[0].cap?.beyondTolerance).toBe(false);
  });

  it('adds no line under the cap', () => {
    const c = estimatePlan(table, capped('150')).cycles[0];
    expect(c.lines.map((l) => l.charge)).toEqual(['base', 'msgs']);
    expect(c.cap).toMatchObject({ applied: false, excess: '0.00', beyondTolerance: false, tolerancePercent: '0' });
  });
});

describe('projection', () => {
  const p = plan({
    meters: { msgs: { type: 'count' } },
    charges: [
      { id: 'base', label: 'Base', model: 'flat', amount: '10' },
      { id: 'msgs', label: 'Messages', meter: 'msgs', model: 'graduated', tiers: [{ upTo: 1000, unitPrice: '0' }, { upTo: null, unitPrice: '0.01' }] },
    ],
  });
  const table = buildTable([
    { timestamp: '2025-07-20T00:00:00Z', quantity: 5000 },
    { timestamp: '2025-08-05T00:00:00Z', quantity: 900 },
  ]);

  it('projects the running cycle to its end at the run-rate so far, priced with the plan', () => {
    // August: 10 of 31 days elapsed at Aug 11 00:00 -> 900 × 3.1 = 2,790 messages -> 1,790 × 0.01 = 17.90 + 10.
    const e = estimatePlan(table, p, { now: Date.parse('2025-08-11T00:00:00Z') });
    expect(e.cycles[0].projection).toBeUndefined();
    const pr = e.cycles[1].projection!;
    expect([pr.total, pr.elapsedFraction.toFixed(4), pr.lines.map((l) => l.amount)]).toEqual(['27.90', (10 / 31).toFixed(4), ['10.00', '17.90']]);
    expect(pr.text).toBe('10 of 31 days elapsed (32.3%): usage so far × 3.10, priced with the plan: projected total 27.90');
    expect(e.cycles[1].total).toBe('10.00');
    expect(estimatePlan(table, p).cycles[1].projection).toBeUndefined();
  });
});
