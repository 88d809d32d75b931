import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../money';
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { buildTable, type EventInput } from '../testing/table-builder';
import { estimatePlan } from './estimate';

const FROM = Date.parse('2025-01-01T00:00:00Z');
const eventArb = fc.record({
  timestamp: fc.integer({ min: FROM, max: FROM + 200 * 86_400_000 }),
  kind: fc.constantFrom('message', 'call'),
  contact: fc.constantFrom('a', 'b', 'c', ''),
  channel: fc.constantFrom('w', 'x'),
  country: fc.constantFrom('BR', 'US', 'KE', ''),
  duration: fc.integer({ min: 0, max: 400 }),
  segments: fc.integer({ min: 1, max: 4 }),
  quantity: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.double({ min: 0, max: 20, noNaN: true })),
});

const plan = ((): Plan => {
  const r = parsePlan({
    format: 'tarifa.plan/1',
    name: 'Mixed',
    currency: 'USD',
    cycle: { anchorDay: 15, timeZone: 'Europe/Berlin' },
    rounding: { decimals: 2, mode: 'half-even' },
    meters: {
      msgs: { type: 'count', where: { kind: 'message', hour: [8, 20] } },
      users: { type: 'unique', of: ['contact', 'channel'] },
      secs: { type: 'call-time', increments: [60, 6], where: { kind: 'call' } },
      segs: { type: 'sum', field: 'segments', by: ['market'] },
    },
    charges: [
      { id: 'setup', label: 'Setup', model: 'flat', amount: '50', once: true },
      { id: 'msgs', label: 'Msgs', meter: 'msgs', model: 'graduated', tiers: [{ upTo: 1000, unitPrice: '0.003', flatFee: '1' }, { upTo: null, unitPrice: '0.0017', flatFee: '2.5' }] },
      { id: 'users', label: 'Users', meter: 'users', model: 'volume', freeUnits: 1, tiers: [{ upTo: 3, unitPrice: '1.5' }, { upTo: null, unitPrice: '1.1', flatFee: '0.33' }] },
      { id: 'secs', label: 'Voice', meter: 'secs', model: 'standard', unitPrice: '0.013', per: 60 },
      { id: 'segs', label: 'SMS', meter: 'segs', model: 'rate-card', rates: { BR: '0.0625', 'north-america': '0.0079', default: '0.05' } },
    ],
    cap: { amount: '20', tolerancePercent: '10', charges: ['msgs', 'segs'] },
    minimumSpend: '5',
    discountPercent: '3.5',
    taxPercent: '7.7',
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
})();

const strip = (lines: { charge: string; key?: string; quantity: number; amount: string }[]) =>
  lines.filter((l) => l.charge !== 'setup' && l.charge !== 'minimum-spend').map((l) => [l.charge, l.key, l.quantity, l.amount]);

describe('estimate invariants with every model (property)', () => {
  // The once setup fee and the minimum-spend true-up depend on which cycle comes first, so they are left out.
  it('billing each cycle on its own gives the lines of billing the whole; money adds up exactly', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 50 }), (events: EventInput[]) => {
        const whole = estimatePlan(buildTable(events), plan);
        let sum = new Dec(0);
        for (const c of whole.cycles) {
          const part = events.filter((e) => Number(e.timestamp) >= c.startMs && Number(e.timestamp) < c.endMs);
          const alone = estimatePlan(buildTable(part), plan).cycles;
          expect(alone.length).toBe(1);
          expect(strip(alone[0].lines)).toEqual(strip(c.lines));
          const lines = c.lines.reduce((s, l) => s.plus(l.amount), new Dec(0));
          expect(lines.eq(c.subtotal)).toBe(true);
          expect(new Dec(c.subtotal).minus(c.discount).plus(c.tax).eq(c.total)).toBe(true);
          sum = sum.plus(c.total);
        }
        expect(sum.eq(whole.total)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
