import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, ROUNDING_MODES } from '../money';
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { buildTable } from '../testing/table-builder';
import { estimatePlan } from './estimate';

const FROM = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 400 * 86_400_000;

const eventArb = fc.record({
  timestamp: fc.integer({ min: FROM, max: FROM + SPAN }),
  kind: fc.constantFrom('message', 'call'),
  agent: fc.constantFrom('', 'ana', 'bo', 'cy', 'di', 'ed', 'fu', 'gil'),
  country: fc.constantFrom('BR', 'IN', ''),
  quantity: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 50, noNaN: true })),
});

const decimalArb = (maxInt: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 9999 })).map(([i, f]) => `${i}.${f}`);

const planArb = fc
  .record({
    anchorDay: fc.integer({ min: 1, max: 28 }),
    timeZone: fc.constantFrom('UTC', 'America/Sao_Paulo', 'Europe/Berlin', 'Asia/Kolkata'),
    decimals: fc.integer({ min: 0, max: 4 }),
    mode: fc.constantFrom(...ROUNDING_MODES),
    minimumSpend: decimalArb(500),
    discountPercent: decimalArb(99),
    taxPercent: decimalArb(30),
    unitPrice: decimalArb(3),
    freeUnits: fc.integer({ min: 0, max: 3000 }),
  })
  .map((k): Plan => {
    const r = parsePlan({
      format: 'tarifa.plan/1',
      name: 'Random',
      currency: 'USD',
      cycle: { anchorDay: k.anchorDay, timeZone: k.timeZone },
      rounding: { decimals: k.decimals, mode: k.mode },
      meters: {
        messages: { type: 'count', where: { kind: 'message' } },
        agents: { type: 'unique', of: ['agent'] },
        byCountry: { type: 'count', by: ['country'], where: { kind: { not: 'call' } } },
      },
      charges: [
        { id: 'base', label: 'Base', model: 'flat', amount: '19.99' },
        { id: 'setup', label: 'Setup', model: 'flat', amount: '100', once: true },
        { id: 'seats', label: 'Seats', meter: 'agents', model: 'standard', unitPrice: k.unitPrice, freeUnits: 2 },
        { id: 'msgs', label: 'Messages', meter: 'messages', model: 'package', packageSize: 1000, packagePrice: '5', freeUnits: k.freeUnits },
        { id: 'cty', label: 'Country', meter: 'byCountry', model: 'standard', unitPrice: '0.0625', per: 3 },
      ],
      minimumSpend: k.minimumSpend,
      discountPercent: k.discountPercent,
      taxPercent: k.taxPercent,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.plan;
  });

describe('estimate invariants (property)', () => {
  it('total = sum of cycle totals; cycle total = subtotal − discount + tax; subtotal = sum of lines ≥ minimum', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), planArb, (events, plan) => {
        const table = buildTable(events);
        const e = estimatePlan(table, plan);
        const d = plan.rounding.decimals;
        const shape = new RegExp(`^-?\\d+${d > 0 ? `\\.\\d{${d}}` : ''}$`);
        let sum = new Dec(0);
        let events_ = 0;
        for (const c of e.cycles) {
          for (const a of [c.subtotal, c.discount, c.tax, c.total, ...c.lines.map((l) => l.amount)]) expect(a).toMatch(shape);
          const lines = c.lines.reduce((s, l) => s.plus(l.amount), new Dec(0));
          expect(lines.eq(c.subtotal)).toBe(true);
          expect(new Dec(c.subtotal).gte(new Dec(plan.minimumSpend).round(d, 0))).toBe(true);
          expect(new Dec(c.subtotal).minus(c.discount).plus(c.tax).eq(c.total)).toBe(true);
          expect(c.eventCount).toBeGreaterThan(0);
          expect(c.startMs).toBeLessThan(c.endMs);
          sum = sum.plus(c.total);
          events_ += c.eventCount;
        }
        expect(sum.eq(e.total)).toBe(true);
        expect(events_).toBe(events.length);
        expect(e.cycles.filter((c) => c.lines.some((l) => l.charge === 'setup')).length).toBe(e.cycles.length > 0 ? 1 : 0);
        for (let k = 1; k < e.cycles.length; k++) expect(e.cycles[k - 1].endMs).toBeLessThanOrEqual(e.cycles[k].startMs);
      }),
      { numRuns: 150 },
    );
  });
});
