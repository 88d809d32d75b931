import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { buildTable } from '../testing/table-builder';
import { estimatePlan, tryEstimatePlan } from './estimate';

const plan = (over: Record<string, unknown>): Plan => {
  const r = parsePlan({ format: 'tarifa.plan/1', name: 'P', currency: 'USD', cycle: { anchorDay: 1, timeZone: 'America/Sao_Paulo' }, meters: {}, charges: [], ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
};

const JUL = { effectiveFrom: '2026-07-01', rates: { 'BR:marketing': '0.0625', 'IN:utility': '0.0014' } };
const OCT = { effectiveFrom: '2026-10-01', rates: { 'BR:marketing': '0.0700' } };

const pmpPlan = (cards: unknown[], more: Record<string, unknown> = {}, anchorDay = 1) =>
  plan({
    cycle: { anchorDay, timeZone: 'America/Sao_Paulo' },
    meters: { pmp: { type: 'whatsapp-pmp' } },
    charges: [{ id: 'meta', label: 'Meta', meter: 'pmp', model: 'rate-card', cards, ...more }],
  });

const tpl = (timestamp: string, country = 'BR', category = 'marketing') =>
  ({ timestamp, contact: `c-${timestamp}`, channel: 'w', direction: 'outbound', template: 't', country, category });

describe('dated rate cards', () => {
  it('prices an event at 00:00 local of the effective date with the new card, one millisecond before with the old', () => {
    const table = buildTable([tpl('2026-09-30T23:59:59.999-03:00'), tpl('2026-10-01T00:00:00.000-03:00')]);
    const e = estimatePlan(table, pmpPlan([JUL, OCT]));
    expect(e.cycles.map((c) => c.lines.map((l) => [l.key, l.quantity, l.amount]))).toEqual([
      [['BR:marketing', 1, '0.06']],
      [['BR:marketing', 1, '0.07']],
    ]);
    expect(e.cycles[1].lines[0].explanation.steps).toEqual([
      { description: '1 × 0.07 (card from 2026-10-01)', units: 1, price: '0.0700', amount: '0.07' },
    ]);
  });

  it('splits a cycle that straddles a card change and says which card priced which units', () => {
    const count = plan({
      cycle: { anchorDay: 15, timeZone: 'America/Sao_Paulo' },
      meters: { msgs: { type: 'count', by: ['market', 'category'] }, all: { type: 'count' } },
      charges: [
        { id: 'meta', label: 'Meta', meter: 'msgs', model: 'rate-card', cards: [JUL, OCT] },
        { id: 'fee', label: 'Platform', meter: 'msgs', model: 'standard', unitPrice: '0.001' },
      ],
    });
    const table = buildTable([
      { ...tpl('2026-09-20T10:00:00-03:00'), quantity: 3000 },
      { ...tpl('2026-09-30T23:59:59-03:00'), quantity: 120 },
      { ...tpl('2026-10-01T00:00:00-03:00'), quantity: 400 },
      { ...tpl('2026-10-10T12:00:00-03:00'), quantity: 10 },
    ]);
    const e = estimatePlan(table, count);
    expect(e.cycles).toHaveLength(1);
    const [meta, fee] = e.cycles[0].lines;
    expect([meta.key, meta.quantity, meta.amount]).toEqual(['BR:marketing', 3530, '223.70']);
    expect(meta.explanation.text).toBe(
      '3,530 msgs [BR:marketing]; 3,530 billable = 3,120 × 0.0625 (card from 2026-07-01) + 410 × 0.07 (card from 2026-10-01) = 223.70',
    );
    expect(meta.explanation.eventCount).toBe(4);
    expect(meta.explanation.sampleEvents).toEqual([0, 1, 2, 3]);
    // Another charge on the same meter sees the whole cycle, as without cards.
    expect([fee.key, fee.quantity, fee.amount]).toEqual(['BR:marketing', 3530, '3.53']);
  });

  it('deducts free units from the earliest units first', () => {
    const table = buildTable([tpl('2026-09-30T10:00:00-03:00'), tpl('2026-10-01T10:00:00-03:00'), tpl('2026-10-02T10:00:00-03:00')]);
    const e = estimatePlan(table, pmpPlan([JUL, OCT], { freeUnits: 2 }, 15));
    const line = e.cycles[0].lines[0];
    expect([line.quantity, line.amount]).toEqual([1, '0.07']);
    expect(line.explanation.text).toBe('3 pmp [BR:marketing] (charged template messages); 2 free; 1 billable = 1 × 0.07 (card from 2026-10-01) = 0.07');
  });

  it('reports a key a card lacks (n/a) at that card, or prices it at the card default', () => {
    const table = buildTable([tpl('2026-09-20T10:00:00-03:00', 'IN', 'utility'), tpl('2026-10-20T10:00:00-03:00', 'IN', 'utility')]);
    expect(tryEstimatePlan(table, pmpPlan([JUL, OCT]))).toMatchObject({
      ok: false,
      issues: [
        {
          path: 'charges[0].cards[1].rates', message: "no rate for key 'IN:utility' in the card from 2026-10-01 of rate card 'meta', and no 'default' rate",
          code: 'noRateInCard', params: { key: 'IN:utility', from: '2026-10-01', charge: 'meta' },
        },
      ],
    });
    const withDefault = estimatePlan(table, pmpPlan([JUL, { ...OCT, default: '0.002' }]));
    expect(withDefault.cycles.map((c) => c.lines[0].explanation.steps[0].description)).toEqual([
      '1 × 0.0014 (card from 2026-07-01)',
      '1 × 0.002 (default rate, card from 2026-10-01)',
    ]);
    const ratesDefault = estimatePlan(table, pmpPlan([JUL, { ...OCT, rates: { ...OCT.rates, default: '0.003' } }]));
    expect(ratesDefault.cycles[1].lines[0].amount).toBe('0.00');
    expect(ratesDefault.cycles[1].lines[0].explanation.rounding.raw).toBe('0.003');
  });

  it('reports units before the first card', () => {
    const table = buildTable([tpl('2026-06-30T23:00:00-03:00'), tpl('2026-07-01T01:00:00-03:00')]);
    expect(tryEstimatePlan(table, pmpPlan([JUL, OCT]))).toMatchObject({
      ok: false,
      issues: [
        {
          path: 'charges[0].cards[0].effectiveFrom',
          message: "key 'BR:marketing' has units before the first card of rate card 'meta' (2026-07-01): no card is in force then",
          code: 'rateBeforeFirstCard', params: { key: 'BR:marketing', charge: 'meta', from: '2026-07-01' },
        },
      ],
    });
  });

  it('reads a date-time effectiveFrom in the plan zone, or at its offset', () => {
    const table = buildTable([tpl('2026-10-01T11:59:00-03:00'), tpl('2026-10-01T12:00:00-03:00')]);
    const noon = estimatePlan(table, pmpPlan([JUL, { ...OCT, effectiveFrom: '2026-10-01T12:00' }], {}, 15));
    expect(noon.cycles[0].lines[0].explanation.steps.map((s) => s.description)).toEqual([
      '1 × 0.0625 (card from 2026-07-01)',
      '1 × 0.07 (card from 2026-10-01T12:00)',
    ]);
    const utc = estimatePlan(table, pmpPlan([JUL, { ...OCT, effectiveFrom: '2026-10-01T15:00:00Z' }], {}, 15));
    expect(utc.cycles[0].lines[0].explanation.steps.map((s) => s.units)).toEqual([1, 1]);
  });

  it('prices a unique meter with the card in force at the cycle start (a distinct unit has no single time)', () => {
    const p = plan({
      cycle: { anchorDay: 15, timeZone: 'America/Sao_Paulo' },
      meters: { mau: { type: 'unique', of: ['contact'], by: ['market'] } },
      charges: [{ id: 'mau', label: 'MAU', meter: 'mau', model: 'rate-card', cards: [{ effectiveFrom: '2026-07-01', rates: { BR: '1' } }, { effectiveFrom: '2026-10-01', rates: { BR: '2' } }] }],
    });
    const table = buildTable([
      { timestamp: '2026-09-20T10:00:00-03:00', contact: 'a', country: 'BR' },
      { timestamp: '2026-10-02T10:00:00-03:00', contact: 'a', country: 'BR' },
      { timestamp: '2026-10-20T10:00:00-03:00', contact: 'b', country: 'BR' },
    ]);
    expect(estimatePlan(table, p).cycles.map((c) => [c.lines[0].quantity, c.lines[0].amount])).toEqual([[1, '1.00'], [1, '2.00']]);
  });

  it('projects a running cycle with dated cards', () => {
    const table = buildTable([tpl('2026-09-20T10:00:00-03:00'), tpl('2026-10-02T10:00:00-03:00')]);
    const e = estimatePlan(table, pmpPlan([JUL, OCT], {}, 15), { now: Date.parse('2026-10-05T00:00:00-03:00') });
    expect(e.cycles[0].projection?.lines[0].explanation.steps.map((s) => s.description.replace(/^[\d.,]+/, 'n'))).toEqual([
      'n × 0.0625 (card from 2026-07-01)',
      'n × 0.07 (card from 2026-10-01)',
    ]);
  });
});
