import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { buildTable } from '../testing/table-builder';
import { estimatePlan } from './estimate';

const FROM = Date.parse('2026-01-01T00:00:00Z');
const SPAN = 200 * 86_400_000;

const eventArb = fc.record({
  timestamp: fc.integer({ min: FROM, max: FROM + SPAN }),
  country: fc.constantFrom('BR', 'IN', 'US', 'KE'),
  category: fc.constantFrom('marketing', 'utility'),
  contact: fc.constantFrom('a', 'b', 'c', 'd'),
  direction: fc.constantFrom('outbound', 'inbound'),
  template: fc.constantFrom('t', ''),
  // Quarters add exactly in binary, so float noise in merged quantities cannot decide the comparison.
  quantity: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 200 }).map((q) => q / 4)),
});

const RATES = { 'BR:marketing': '0.0625', 'IN:utility': '0.0014', 'north-america:marketing': '0.025', default: '0.0411' };

const planOf = (k: { anchorDay: number; timeZone: string; freeUnits: number; decimals: number }, rateCard: Record<string, unknown>): Plan => {
  const r = parsePlan({
    format: 'tarifa.plan/1',
    name: 'Random',
    currency: 'USD',
    cycle: { anchorDay: k.anchorDay, timeZone: k.timeZone },
    rounding: { decimals: k.decimals, mode: 'half-up' },
    meters: {
      pmp: { type: 'whatsapp-pmp' },
      msgs: { type: 'count', by: ['market', 'category'] },
      mau: { type: 'unique', of: ['contact'], by: ['market'] },
    },
    charges: [
      { id: 'meta', label: 'Meta', meter: 'pmp', model: 'rate-card', freeUnits: k.freeUnits, ...rateCard },
      { id: 'msgs', label: 'Messages', meter: 'msgs', model: 'rate-card', freeUnits: k.freeUnits, ...rateCard },
      { id: 'mau', label: 'MAU', meter: 'mau', model: 'rate-card', ...rateCard },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
};

const settingsArb = fc.record({
  anchorDay: fc.integer({ min: 1, max: 28 }),
  timeZone: fc.constantFrom('UTC', 'America/Sao_Paulo', 'Asia/Kolkata'),
  freeUnits: fc.integer({ min: 0, max: 3000 }),
  decimals: fc.integer({ min: 0, max: 4 }),
});

/** A card change somewhere in the data's span, as a date or a naive date-time. */
const changeArb = fc
  .tuple(fc.integer({ min: 1, max: SPAN / 60_000 - 1 }), fc.boolean())
  .map(([minutes, dateOnly]) => {
    const iso = new Date(FROM + minutes * 60_000).toISOString();
    return dateOnly ? iso.slice(0, 10) : iso.slice(0, 16);
  });

describe('dated rate cards (property)', () => {
  it('splitting a rate card across two identical cards prices exactly like one card', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), settingsArb, changeArb, (events, k, change) => {
        const table = buildTable(events);
        const one = estimatePlan(table, planOf(k, { rates: RATES }));
        const two = estimatePlan(table, planOf(k, { cards: [{ effectiveFrom: '2025-01-01', rates: RATES }, { effectiveFrom: change, rates: RATES }] }));
        const shape = (e: typeof one) => ({
          total: e.total,
          cycles: e.cycles.map((c) => ({
            start: c.start,
            total: c.total,
            lines: c.lines.map((l) => [l.charge, l.key, l.quantity, l.amount, l.explanation.rounding.raw, l.explanation.eventCount, l.explanation.sampleEvents]),
          })),
        });
        expect(shape(two)).toEqual(shape(one));
      }),
      { numRuns: 150 },
    );
  });
});
