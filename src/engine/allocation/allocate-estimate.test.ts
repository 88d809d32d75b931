import { describe, expect, it } from 'vitest';
import { estimatePlan } from '../estimate/estimate';
import { buildTable } from '../testing/table-builder';
import { allocateEstimate } from './allocate-estimate';
import { planOf, repeat, rulesOf, TWO_CENTRES } from './test-helpers';

const amounts = (a: { centres: { id: string; amount: string }[] }) => a.centres.map((c) => [c.id, c.amount]);

describe('allocateEstimate: the Blip case', () => {
  // 1,000 conversations at R$1.20 = R$1,200: sales 300, support 600, 100 reached no queue.
  const plan = planOf({
    meters: { conversations: { type: 'count', where: { kind: 'conversation' } } },
    charges: [{ id: 'conv', label: 'Conversations', meter: 'conversations', model: 'standard', unitPrice: '1.2' }],
  });
  const table = buildTable([
    ...repeat(300, { kind: 'conversation', queue: 'vendas' }),
    ...repeat(600, { kind: 'conversation', queue: 'suporte' }),
    ...repeat(100, { kind: 'conversation' }),
  ]);
  const estimate = estimatePlan(table, plan);

  it('spreads the 100 unattributed proportionally: R$400.00 and R$800.00', () => {
    const a = allocateEstimate(table, plan, estimate, rulesOf(TWO_CENTRES));
    expect(estimate.total).toBe('1200.00');
    expect(amounts(a)).toEqual([['sales', '400.00'], ['support', '800.00']]);
    expect(a.centres.map((c) => c.ratio)).toEqual(['0.333333', '0.666667']);
    const line = a.cycles[0].lines[0];
    expect(line).toMatchObject({ kind: 'usage', meter: 'conversations', units: 1000, unattributedUnits: 100 });
    expect(line.parts.map((p) => [p.units, p.amount])).toEqual([[300, '400.00'], [600, '800.00']]);
    expect(line.parts[0].sampleEvents).toEqual([0, 1, 2, 3, 4]);
    expect(a.unattributedEvents).toEqual({ count: 100, sampleEvents: [900, 901, 902, 903, 904] });
  });

  it('keeps them separate (R$120.00 unattributed) or gives them to one centre', () => {
    const sep = allocateEstimate(table, plan, estimate, rulesOf({ ...TWO_CENTRES, unattributed: { method: 'separate' } }));
    expect(amounts(sep)).toEqual([['sales', '360.00'], ['support', '720.00'], ['unattributed', '120.00']]);
    const one = allocateEstimate(table, plan, estimate, rulesOf({ ...TWO_CENTRES, unattributed: { method: 'centre', centre: 'sales' } }));
    expect(amounts(one)).toEqual([['sales', '480.00'], ['support', '720.00']]);
  });
});
