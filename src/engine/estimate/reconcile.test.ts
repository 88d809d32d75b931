import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { buildTable } from '../testing/table-builder';
import { estimatePlan } from './estimate';

const plan = (over: Record<string, unknown>): Plan => {
  const r = parsePlan({ format: 'tarifa.plan/1', name: 'P', currency: 'USD', cycle: { anchorDay: 1, timeZone: 'UTC' }, meters: {}, charges: [], ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
};

describe('reconciliation with vendor prices', () => {
  const sms = plan({
    meters: { sms: { type: 'count', where: { kind: 'message' }, by: ['country'] }, agents: { type: 'unique', of: ['agent'] } },
    charges: [
      { id: 'base', label: 'Base', model: 'flat', amount: '10' },
      { id: 'sms', label: 'SMS', meter: 'sms', model: 'standard', unitPrice: '0.0079' },
      { id: 'seats', label: 'Seats', meter: 'agents', model: 'standard', unitPrice: '1' },
    ],
  });

  it('sums the prices of the events behind each line and of the whole cycle, exactly (micro-units)', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in micro-units it is 300000.
    const table = buildTable([
      { timestamp: '2025-03-01T10:00:00Z', kind: 'message', country: 'BR', price: 0.1 },
      { timestamp: '2025-03-01T11:00:00Z', kind: 'message', country: 'BR', price: 0.2 },
      { timestamp: '2025-03-01T12:00:00Z', kind: 'message', country: 'US' },
      { timestamp: '2025-03-02T12:00:00Z', kind: 'call', agent: 'a', price: 0.0075 },
      { timestamp: '2025-03-02T13:00:00Z', kind: 'call', agent: 'b', price: 0.0075 },
      { timestamp: '2025-04-02T13:00:00Z', kind: 'call', agent: 'b' },
    ]);
    const e = estimatePlan(table, sms);
    const [march, april] = e.cycles;
    expect(march.lines.map((l) => [l.charge, l.key, l.amount, l.vendorAmount])).toEqual([
      ['base', undefined, '10.00', undefined],
      ['sms', 'BR', '0.02', '0.30'],
      ['sms', 'US', '0.01', undefined],
      ['seats', undefined, '2.00', '0.02'],
    ]);
    expect([march.vendorTotal, march.vendorEvents]).toEqual(['0.32', 4]);
    // 10 + 0.02 + 0.01 + 2 = 12.03 estimated, against 0.32 the vendor priced.
    expect([march.total, march.vendorDifference]).toEqual(['12.03', '11.71']);
    expect(april.vendorTotal).toBeUndefined();
    expect(april.vendorDifference).toBeUndefined();
    expect(april.vendorEvents).toBeUndefined();
    expect(april.lines.every((l) => l.vendorAmount === undefined)).toBe(true);
  });

  it('rounds the vendor sum with the plan rounding', () => {
    const p = plan({ ...{ rounding: { decimals: 2, mode: 'up' } }, meters: { m: { type: 'count' } }, charges: [{ id: 'c', label: 'C', meter: 'm', model: 'standard', unitPrice: '0' }] });
    const table = buildTable([{ timestamp: '2025-03-01T10:00:00Z', price: 0.0001 }]);
    const e = estimatePlan(table, p);
    expect(e.cycles[0].lines[0].vendorAmount).toBe('0.01');
    expect(e.cycles[0].vendorTotal).toBe('0.01');
  });

  it('changes nothing when no event carries a price', () => {
    const table = buildTable([{ timestamp: '2025-03-01T10:00:00Z', kind: 'message', country: 'BR' }]);
    const e = estimatePlan(table, sms);
    expect(JSON.stringify(e)).not.toContain('vendor');
  });

  it('counts only the charged WhatsApp messages', () => {
    const wa = plan({ meters: { pmp: { type: 'whatsapp-pmp' } }, charges: [{ id: 'meta', label: 'Meta', meter: 'pmp', model: 'rate-card', rates: { default: '0.0625' } }] });
    const msg = (timestamp: string, category: string, price: number, direction = 'outbound', template = 't') =>
      ({ timestamp, kind: 'message', contact: 'c1', channel: 'w', direction, template, country: 'BR', category, price });
    const table = buildTable([
      msg('2025-08-01T10:00:00Z', 'marketing', 0.0625),
      msg('2025-08-01T10:05:00Z', 'utility', 0.5, 'inbound', ''),
    ]);
    const e = estimatePlan(table, wa);
    expect(e.cycles[0].lines.map((l) => [l.key, l.quantity, l.vendorAmount])).toEqual([['BR:marketing', 1, '0.06']]);
    expect(e.cycles[0].vendorTotal).toBe('0.56');
  });
});
