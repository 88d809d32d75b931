import { describe, expect, it } from 'vitest';
import { buildTable } from '../testing/table-builder';
import { allocateInvoice } from './allocate-invoice';
import { allocationCsvRows, splitDocument } from './export';
import { planOf, repeat, rulesOf, TWO_CENTRES } from './test-helpers';

// The Blip case: conversations counted per distinct contact; sales 300, support 600, 100 reached no queue.
const plan = planOf({
  meters: { conversations: { type: 'unique', of: ['contact'] } },
  charges: [{ id: 'conv', label: 'Conversations', meter: 'conversations', model: 'standard', unitPrice: '1.2' }],
});
const contacts = (n: number, prefix: string, queue?: string) =>
  Array.from({ length: n }, (_, i) => ({ ...repeat(1, queue ? { queue } : {})[0], contact: `${prefix}${i}` }));
const table = buildTable([...contacts(300, 's', 'vendas'), ...contacts(600, 'p', 'suporte'), ...contacts(100, 'x')]);
const rules = rulesOf({ ...TWO_CENTRES, driver: 'conversations' });

describe('allocateInvoice: the Blip seed case', () => {
  it('splits R$1,200 by conversations: 300 and 600, the 100 unattributed spread proportionally -> 400.00 and 800.00', () => {
    const a = allocateInvoice(table, plan, rules, '1200');
    expect(splitDocument(a)).toEqual({
      currency: 'BRL',
      total: '1200.00',
      basis: 'invoice',
      centres: [
        { id: 'sales', label: 'Sales', amount: '400.00', ratio: '0.333333' },
        { id: 'support', label: 'Support', amount: '800.00', ratio: '0.666667' },
      ],
    });
    expect(a.driver).toEqual({ meter: 'conversations', quantity: 1000, unattributedQuantity: 100 });
    expect(a.centres.map((c) => [c.driverQuantity, c.eventCount])).toEqual([[300, 300], [600, 600]]);
    expect(a.unattributedEvents.count).toBe(100);
    expect(a.cycles[0].lines[0].method).toBe('by conversations; 100 unattributed spread in proportion');
  });

  it('keeps the unattributed separate, or gives them to a centre', () => {
    const sep = allocateInvoice(table, plan, { ...rules, unattributed: { method: 'separate' } }, '1200.00');
    expect(splitDocument(sep).centres.map((c) => [c.id, c.amount, c.ratio])).toEqual([
      ['sales', '360.00', '0.300000'],
      ['support', '720.00', '0.600000'],
      ['unattributed', '120.00', '0.100000'],
    ]);
    expect(sep.centres[2]).toMatchObject({ unattributed: true, driverQuantity: 100, eventCount: 100 });
    const one = allocateInvoice(table, plan, { ...rules, unattributed: { method: 'centre', centre: 'support' } }, '1200');
    expect(one.centres.map((c) => c.amount)).toEqual(['360.00', '840.00']);
  });

  it('splits invoice lines each to the cent, adds the rest as "Not itemised", and compares lines with the estimate', () => {
    const a = allocateInvoice(table, plan, rules, '1300', {
      lines: [
        { label: 'Conversas', amount: '1250.00', charge: 'conv' },
        { label: 'Taxa', amount: '40' },
      ],
    });
    expect(a.cycles[0].lines.map((l) => [l.label, l.amount, l.parts.map((p) => p.amount)])).toEqual([
      ['Conversas', '1250.00', ['416.67', '833.33']],
      ['Taxa', '40.00', ['13.33', '26.67']],
      ['Not itemised', '10.00', ['3.33', '6.67']],
    ]);
    expect(a.centres.map((c) => c.amount)).toEqual(['433.33', '866.67']);
    expect(a.variance).toEqual([
      { label: 'Conversas', charge: 'conv', invoice: '1250.00', estimate: '1200.00', variance: '50.00', variancePercent: '4.17' },
      { label: 'Taxa', invoice: '40.00', estimate: null, variance: null, variancePercent: null },
    ]);
  });

  it('restricts events to a range, and refuses rules without a driver', () => {
    const later = buildTable([...contacts(3, 'a', 'vendas'), { timestamp: '2025-04-02T00:00:00Z', contact: 'z', queue: 'suporte' }]);
    const march = allocateInvoice(later, plan, rules, '90', { toMs: Date.parse('2025-04-01T00:00:00Z') });
    expect(march.centres.map((c) => c.amount)).toEqual(['90.00', '0.00']);
    expect(march.cycles.map((c) => [c.start, c.end])).toEqual([['2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z']]);
    const { driver: _, ...noDriver } = rules;
    expect(() => allocateInvoice(table, plan, noDriver, '1')).toThrow(/driver: is required/);
    expect(() => allocateInvoice(table, plan, rules, '1,200')).toThrow(/not a decimal string/);
  });

  it('exports one CSV row per centre and line with ratio, driver and driver quantity', () => {
    expect(allocationCsvRows(allocateInvoice(table, plan, rules, '1200'))).toEqual([
      ['cycle_start', 'cycle_end', 'centre', 'centre_label', 'charge', 'line', 'key', 'kind', 'amount', 'ratio', 'driver', 'driver_quantity', 'method'],
      ['2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', 'sales', 'Sales', 'invoice', 'Invoice total', '', 'invoice', '400.00', '0.333333', 'conversations', '300', 'by conversations; 100 unattributed spread in proportion'],
      ['2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', 'support', 'Support', 'invoice', 'Invoice total', '', 'invoice', '800.00', '0.666667', 'conversations', '600', 'by conversations; 100 unattributed spread in proportion'],
    ]);
  });
});
