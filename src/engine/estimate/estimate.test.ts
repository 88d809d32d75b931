import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { buildTable, type EventInput } from '../testing/table-builder';
import { estimatePlan } from './estimate';

const loadPlan = (input: unknown): Plan => {
  const r = parsePlan(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
};
const seatPlan = loadPlan(JSON.parse(readFileSync(new URL('../../../public/plans/seat-plan.json', import.meta.url), 'utf8')));

const agents = (n: number, timestamp: string): EventInput[] =>
  Array.from({ length: n }, (_, i) => ({ timestamp, kind: 'call', agent: `agent-${i + 1}` }));

describe('estimatePlan with the seat plan', () => {
  // March: 7 agents, 24,310 messages; April: 3 agents, 9,000 messages.
  const table = buildTable([
    ...agents(7, '2025-03-02T09:00:00Z'),
    { timestamp: '2025-03-05T10:00:00Z', kind: 'message', agent: 'agent-1', quantity: 20000 },
    { timestamp: '2025-03-31T23:59:59Z', kind: 'message', quantity: 4310 },
    ...agents(3, '2025-04-01T00:00:00Z'),
    { timestamp: '2025-04-30T12:00:00Z', kind: 'message', quantity: 9000 },
  ]);
  const estimate = estimatePlan(table, seatPlan);

  it('prices each cycle by hand: 199 + 2 × 40 + 15 × 5 = 354.00, then 199.00', () => {
    expect(estimate.cycles.map((c) => [c.start, c.end, c.eventCount, c.total])).toEqual([
      ['2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', 9, '354.00'],
      ['2025-04-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z', 4, '199.00'],
    ]);
    expect(estimate.cycles[0].lines.map((l) => [l.charge, l.quantity, l.amount])).toEqual([
      ['base', 1, '199.00'],
      ['seats', 2, '80.00'],
      ['extra', 14310, '75.00'],
    ]);
    expect(estimate.cycles[1].lines.map((l) => l.amount)).toEqual(['199.00', '0.00', '0.00']);
    expect(estimate.total).toBe('553.00');
    expect(estimate).toMatchObject({ plan: 'Seat plan', currency: 'USD', timeZone: 'UTC' });
  });

  it('marks the first cycle partial (data starts on the 2nd), not the last (data reaches its last day)', () => {
    expect(estimate.cycles.map((c) => c.partial)).toEqual([true, false]);
    const running = estimatePlan(table, seatPlan, { now: Date.parse('2025-04-30T13:00:00Z') });
    expect(running.cycles.map((c) => c.partial)).toEqual([true, true]);
  });

  it('explains each line', () => {
    const extra = estimate.cycles[0].lines[2].explanation;
    expect(extra.text).toBe(
      '24,310 messages (kind = message); 10,000 free; 14,310 billable = 15 packages of 1,000 at 5.00 = 75.00',
    );
    expect(extra).toMatchObject({
      meter: 'messages',
      filter: 'kind = message',
      eventCount: 2,
      sampleEvents: [7, 8],
      usage: 24310,
      freeUnits: 10000,
      billableUnits: 14310,
      rounding: { raw: '75', rule: '2 decimals, half-up' },
    });
    const seats = estimate.cycles[0].lines[1].explanation;
    expect(seats.text).toBe('7 agents; 5 free; 2 billable = 2 × 40.00 = 80.00');
    expect(seats.eventCount).toBe(8);
    expect(seats.sampleEvents).toEqual([0, 1, 2, 3, 4]);
    expect(estimate.cycles[0].lines[0].explanation.text).toBe('Flat fee of 199.00 each cycle');
  });
});

const usagePlan = (over: Record<string, unknown> = {}, charges?: unknown[]): Plan =>
  loadPlan({
    format: 'tarifa.plan/1',
    name: 'Usage',
    currency: 'BRL',
    cycle: { anchorDay: 1, timeZone: 'UTC' },
    meters: {
      messages: { type: 'count', where: { kind: 'message' } },
      byCountry: { type: 'count', by: ['country'] },
    },
    charges: charges ?? [{ id: 'msg', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '0.005' }],
    ...over,
  });

const oneMonth = buildTable([{ timestamp: '2025-06-10T00:00:00Z', kind: 'message', quantity: 2345 }]);

describe('plan-level amounts', () => {
  it('rounds the line, lifts to the minimum spend, then discount and tax, each rounded', () => {
    const e = estimatePlan(oneMonth, usagePlan({ minimumSpend: '20', discountPercent: '12.5', taxPercent: '7.25' }));
    const c = e.cycles[0];
    // 2,345 × 0.005 = 11.725 -> 11.73; true-up 8.27 -> 20.00; discount 2.50; tax 7.25% of 17.50 = 1.26875 -> 1.27.
    expect(c.lines.map((l) => [l.charge, l.amount])).toEqual([
      ['msg', '11.73'],
      ['minimum-spend', '8.27'],
    ]);
    expect([c.subtotal, c.discount, c.tax, c.total, e.total]).toEqual(['20.00', '2.50', '1.27', '18.77', '18.77']);
    expect(c.lines[0].explanation.text).toBe(
      '2,345 messages (kind = message); 2,345 billable = 2,345 × 0.005 = 11.725, rounded to 11.73 (2 decimals, half-up)',
    );
    expect(c.lines[1].explanation.text).toBe('Subtotal 11.73 is below the minimum spend of 20.00: true-up of 8.27');
  });

  it('uses the plan rounding mode everywhere (half-even)', () => {
    const e = estimatePlan(oneMonth, usagePlan({ rounding: { decimals: 2, mode: 'half-even' }, discountPercent: '10', taxPercent: '15' }));
    const c = e.cycles[0];
    // 11.725 -> 11.72; discount 1.172 -> 1.17; tax 15% of 10.55 = 1.5825 -> 1.58; total 12.13.
    expect([c.lines[0].amount, c.subtotal, c.discount, c.tax, c.total]).toEqual(['11.72', '11.72', '1.17', '1.58', '12.13']);
  });

  it('adds no true-up line when the subtotal reaches the minimum', () => {
    const e = estimatePlan(oneMonth, usagePlan({ minimumSpend: '11.73' }));
    expect(e.cycles[0].lines.map((l) => l.charge)).toEqual(['msg']);
  });

  it('charges a once flat fee in the first cycle only, and prices fixed quantities', () => {
    const table = buildTable([
      { timestamp: '2025-06-10T00:00:00Z', kind: 'call' },
      { timestamp: '2025-08-10T00:00:00Z', kind: 'call' },
    ]);
    const plan = usagePlan({}, [
      { id: 'setup', label: 'Setup', model: 'flat', amount: '500', once: true },
      { id: 'numbers', label: 'Numbers', model: 'standard', quantity: 3, unitPrice: '12.5', freeUnits: 1 },
    ]);
    const e = estimatePlan(table, plan);
    // July has no events: not a cycle of this dataset.
    expect(e.cycles.map((c) => c.start.slice(0, 7))).toEqual(['2025-06', '2025-08']);
    expect(e.cycles.map((c) => c.lines.map((l) => `${l.charge}=${l.amount}`))).toEqual([
      ['setup=500.00', 'numbers=25.00'],
      ['numbers=25.00'],
    ]);
    expect(e.cycles[0].lines[0].explanation.text).toBe('One-time fee of 500.00 (first cycle of the estimate)');
    expect(e.cycles[0].lines[1].explanation.text).toBe('3 (fixed quantity); 1 free; 2 billable = 2 × 12.50 = 25.00');
    expect(e.total).toBe('550.00');
  });

  it('gives one line per key for a meter with `by`, and one zero line when no key was seen', () => {
    const table = buildTable([
      { timestamp: '2025-06-10T00:00:00Z', country: 'BR', quantity: 3 },
      { timestamp: '2025-06-11T00:00:00Z', country: 'IN', quantity: 1 },
      { timestamp: '2025-06-12T00:00:00Z', country: 'BR' },
    ]);
    const plan = usagePlan({}, [{ id: 'c', label: 'By country', meter: 'byCountry', model: 'standard', unitPrice: '1', freeUnits: 1 }]);
    const lines = estimatePlan(table, plan).cycles[0].lines;
    expect(lines.map((l) => [l.label, l.key, l.quantity, l.amount])).toEqual([
      ['By country (BR)', 'BR', 3, '3.00'],
      ['By country (IN)', 'IN', 0, '0.00'],
    ]);
    expect(lines[0].explanation.text).toBe('4 byCountry [BR]; 1 free; 3 billable = 3 × 1.00 = 3.00');
  });

  it('returns no cycles and a zero total for an empty table', () => {
    const e = estimatePlan(buildTable([]), usagePlan());
    expect(e.cycles).toEqual([]);
    expect(e.total).toBe('0.00');
  });
});
