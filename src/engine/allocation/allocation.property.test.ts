import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimatePlan } from '../estimate/estimate';
import { Dec } from '../money';
import { buildTable, type EventInput } from '../testing/table-builder';
import { allocateEstimate } from './allocate-estimate';
import { allocateInvoice } from './allocate-invoice';
import type { Allocation } from './types';
import { planOf, rulesOf } from './test-helpers';

const FROM = Date.parse('2025-01-01T00:00:00Z');
const eventArb = fc.record({
  timestamp: fc.integer({ min: FROM, max: FROM + 100 * 86_400_000 }),
  kind: fc.constantFrom('message', 'call'),
  contact: fc.constantFrom('a', 'b', 'c', 'd', ''),
  queue: fc.constantFrom('vendas', 'suporte', 'ops', 'x', ''),
  team: fc.constantFrom('t1', 't2', ''),
  country: fc.constantFrom('BR', 'US', ''),
  duration: fc.integer({ min: 0, max: 400 }),
  quantity: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 5, noNaN: true })),
});

const plan = planOf({
  cycle: { anchorDay: 10, timeZone: 'America/Sao_Paulo' },
  rounding: { decimals: 2, mode: 'half-even' },
  meters: {
    msgs: { type: 'count', where: { kind: 'message' } },
    users: { type: 'unique', of: ['contact'], by: ['country'] },
    secs: { type: 'call-time', increments: [60, 6], where: { kind: 'call' } },
  },
  charges: [
    { id: 'setup', label: 'Setup', model: 'flat', amount: '7.77', once: true },
    { id: 'base', label: 'Base', model: 'flat', amount: '3.33' },
    { id: 'msgs', label: 'Msgs', meter: 'msgs', model: 'graduated', tiers: [{ upTo: 100, unitPrice: '0.013', flatFee: '0.5' }, { upTo: null, unitPrice: '0.007' }] },
    { id: 'users', label: 'Users', meter: 'users', model: 'standard', unitPrice: '1.37', freeUnits: 1 },
    { id: 'secs', label: 'Voice', meter: 'secs', model: 'standard', unitPrice: '0.011', per: 60 },
    { id: 'seats', label: 'Seats', model: 'standard', quantity: 3, unitPrice: '0.99' },
  ],
  cap: { amount: '4', charges: ['msgs', 'secs'] },
  minimumSpend: '25',
  discountPercent: '12.5',
  taxPercent: '9.25',
});

const rulesArb = fc.record({
  centres: fc.integer({ min: 1, max: 4 }),
  multiCentre: fc.constantFrom('even', 'first', 'last', 'weighted'),
  shared: fc.oneof(
    fc.constant({ method: 'proportional' }),
    fc.constant({ method: 'even' }),
    fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5), fc.integer({ min: 1, max: 5 })).map((w) => ({ method: 'fixed', weights: { c0: w[0], c1: w[1], c2: w[2], c3: w[3] } })),
  ),
  unattributed: fc.constantFrom<Record<string, string>>({ method: 'proportional' }, { method: 'separate' }, { method: 'centre', centre: 'c0' }),
}).map(({ centres, shared, ...rest }) => {
  const ids = ['c0', 'c1', 'c2', 'c3'].slice(0, centres);
  const weights = shared.method === 'fixed' ? Object.fromEntries(ids.map((id) => [id, (shared as { weights: Record<string, number> }).weights[id]])) : null;
  return rulesOf({
    centres: ids.map((id) => ({ id })),
    rules: [
      { centre: ids[ids.length - 1], where: { team: 't2', queue: { not: 'x' } } },
      { centre: 'c0', where: { queue: ['vend*', 'ops'] } },
      { centre: ids[Math.min(1, ids.length - 1)], where: { queue: 'suporte' } },
    ],
    driver: 'users',
    shared: weights && Object.values(weights).some((w) => w > 0) ? { method: 'fixed', weights } : { method: 'even' },
    ...rest,
  });
});

const sumOf = (values: string[]) => values.reduce((s, v) => s.plus(v), new Dec(0));

const checkExact = (a: Allocation) => {
  expect(sumOf(a.centres.map((c) => c.amount)).eq(a.total)).toBe(true);
  for (const c of a.centres) expect(new Dec(c.amount).gte(0)).toBe(true);
  for (const cycle of a.cycles) {
    expect(sumOf(cycle.centres.map((c) => c.amount)).eq(cycle.total)).toBe(true);
    expect(sumOf(cycle.lines.map((l) => l.amount)).eq(cycle.total)).toBe(true);
    for (const c of cycle.centres) expect(new Dec(c.amount).gte(0)).toBe(true);
    for (const line of cycle.lines) {
      expect(sumOf(line.parts.map((p) => p.amount)).eq(line.amount)).toBe(true);
      if (new Dec(line.amount).gte(0)) for (const p of line.parts) expect(new Dec(p.amount).gte(0)).toBe(true);
    }
  }
};

describe('allocation invariants (property)', () => {
  it('estimate basis: parts add up exactly to lines, cycles and the total; no centre and no part of a charge is negative', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 60 }), rulesArb, (events: EventInput[], rules) => {
        const table = buildTable(events);
        const estimate = estimatePlan(table, plan);
        const a = allocateEstimate(table, plan, estimate, rules);
        expect(a.total).toBe(estimate.total);
        checkExact(a);
        // per-centre usage units of each usage line add up to the line's usage
        for (const [k, cycle] of a.cycles.entries()) {
          for (const line of cycle.lines.filter((l) => l.kind === 'usage')) {
            const usage = estimate.cycles[k].lines.find((l) => l.charge === line.charge && l.key === line.key)!.explanation.usage;
            expect(line.units).toBeCloseTo(usage, 6);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('invoice basis: any total splits exactly, never negative', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 0, maxLength: 40 }),
        rulesArb,
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        (events: EventInput[], rules, cents) => {
          const total = new Dec(cents.toString()).div(100).toFixed(2);
          const a = allocateInvoice(buildTable(events), plan, rules, total);
          expect(a.total).toBe(total);
          checkExact(a);
        },
      ),
      { numRuns: 150 },
    );
  });
});
