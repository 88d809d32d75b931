import { describe, expect, it } from 'vitest';
import { estimatePlan } from '../estimate/estimate';
import { Dec } from '../money';
import { buildTable } from '../testing/table-builder';
import { allocateEstimate } from './allocate-estimate';
import { allocationCsvRows, splitDocument } from './export';
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

describe('allocateEstimate: WhatsApp and keyed lines', () => {
  // PMP: sales sends 2 marketing templates to BR; support sends a utility template inside a CSW (free) and one outside
  // (charged); a marketing template with no queue is unattributed (kept separate).
  const plan = planOf({
    currency: 'USD',
    rounding: { decimals: 4, mode: 'half-up' },
    meters: { wa: { type: 'whatsapp-pmp' } },
    charges: [{ id: 'wa', label: 'WhatsApp', meter: 'wa', model: 'rate-card', rates: { 'BR:marketing': '0.0625', 'BR:utility': '0.0068' } }],
  });
  const msg = (h: number, fields: Record<string, string>) => ({
    timestamp: Date.parse('2025-08-10T00:00:00Z') + h * 3_600_000,
    contact: '+5511999990000',
    channel: 'wa',
    country: 'BR',
    direction: 'outbound',
    ...fields,
  });
  const table = buildTable([
    msg(0, { template: 'promo', category: 'marketing', queue: 'vendas' }),
    msg(1, { direction: 'inbound', queue: 'suporte' }),
    msg(2, { template: 'status', category: 'utility', queue: 'suporte' }),
    msg(3, { template: 'promo', category: 'marketing', queue: 'vendas' }),
    msg(30, { template: 'status', category: 'utility', queue: 'suporte' }),
    msg(31, { template: 'promo', category: 'marketing' }),
  ]);
  const estimate = estimatePlan(table, plan);
  const a = allocateEstimate(table, plan, estimate, rulesOf({ ...TWO_CENTRES, unattributed: { method: 'separate' } }));

  it('gives each charged message to the centre of its event, key by key', () => {
    expect(a.cycles[0].lines.map((l) => [l.key, l.amount, l.parts.map((p) => [p.units, p.amount])])).toEqual([
      ['BR:marketing', '0.1875', [[2, '0.1250'], [0, '0.0000'], [1, '0.0625']]],
      ['BR:utility', '0.0068', [[0, '0.0000'], [1, '0.0068'], [0, '0.0000']]],
    ]);
    expect(a.cycles[0].lines[0].parts.map((p) => p.sampleEvents)).toEqual([[0, 3], [], [5]]);
    expect(a.centres.map((c) => [c.id, c.amount])).toEqual([['sales', '0.1250'], ['support', '0.0068'], ['unattributed', '0.0625']]);
  });

  it('adds up: parts to lines, centres to cycles and to the total, and the CSV has one row per line and centre', () => {
    for (const cycle of a.cycles) {
      for (const line of cycle.lines) expect(line.parts.reduce((s, p) => s.plus(p.amount), new Dec(0)).eq(line.amount)).toBe(true);
      expect(cycle.centres.reduce((s, c) => s.plus(c.amount), new Dec(0)).eq(cycle.total)).toBe(true);
    }
    expect(a.centres.reduce((s, c) => s.plus(c.amount), new Dec(0)).eq(estimate.total)).toBe(true);
    expect(a.total).toBe(estimate.total);
    const rows = allocationCsvRows(a);
    expect(rows).toHaveLength(1 + 2 * 3);
    expect(rows[1].slice(2, 12)).toEqual(['sales', 'Sales', 'wa', 'WhatsApp (BR:marketing)', 'BR:marketing', 'usage', '0.1250', '0.666667', 'wa', '2']);
    expect(splitDocument(a)).toEqual({
      currency: 'USD',
      total: '0.1943',
      basis: 'estimate',
      centres: [
        { id: 'sales', label: 'Sales', amount: '0.1250', ratio: '0.643335' },
        { id: 'support', label: 'Support', amount: '0.0068', ratio: '0.034997' },
        { id: 'unattributed', label: 'Unattributed', amount: '0.0625', ratio: '0.321668' },
      ],
    });
  });
});
