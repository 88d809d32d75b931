import { describe, expect, it } from 'vitest';
import type { Meter } from '../plan/types';
import { buildTable, type EventInput } from '../testing/table-builder';
import { bucketByCycle, cycleBoundaries } from '../time/cycles';
import { measureMeter } from './measure';

const rule = { anchorDay: 1, timeZone: 'UTC' };
const measure = (rows: EventInput[], meter: Meter) => {
  const table = buildTable(rows);
  const ts = table.columns.timestamp;
  const b = cycleBoundaries(Math.min(...ts), Math.max(...ts), rule);
  return measureMeter(table, 'm', meter, bucketByCycle(ts, ts.length, b), b.length - 1);
};

const MAR = '2025-03-10T00:00:00Z';
const APR = '2025-04-10T00:00:00Z';

describe('count meter', () => {
  it('sums quantity of matching events per cycle, with samples', () => {
    const u = measure(
      [
        { timestamp: MAR, kind: 'message' },
        { timestamp: MAR, kind: 'message', quantity: 2.5 },
        { timestamp: MAR, kind: 'call' },
        { timestamp: APR, kind: 'message', quantity: 0.1 },
        { timestamp: APR, kind: 'message', quantity: 0.2 },
      ],
      { type: 'count', where: { kind: 'message' } },
    );
    expect(u.filter).toBe('kind = message');
    expect(u.cycles.map((c) => c.total.quantity)).toEqual([3.5, 0.1 + 0.2]);
    expect(u.cycles.map((c) => c.total.eventCount)).toEqual([2, 2]);
    expect(u.cycles[0].total.sampleEvents).toEqual([0, 1]);
    expect(u.cycles[1].total.sampleEvents).toEqual([3, 4]);
  });

  it('keeps at most 5 sample events, in table order', () => {
    const rows = Array.from({ length: 8 }, () => ({ timestamp: MAR }));
    expect(measure(rows, { type: 'count' }).cycles[0].total.sampleEvents).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives one quantity per `by` key, keys joined with ":" and sorted; empty cycles have no keys', () => {
    const u = measure(
      [
        { timestamp: MAR, country: 'BR', category: 'marketing' },
        { timestamp: MAR, country: 'BR', category: 'utility' },
        { timestamp: MAR, country: 'BR', category: 'marketing', quantity: 3 },
        { timestamp: MAR, country: 'IN', category: 'marketing' },
        { timestamp: '2025-05-02T00:00:00Z', country: 'IN', category: 'utility' },
      ],
      { type: 'count', by: ['country', 'category'] },
    );
    expect(u.cycles[0].keys.map((k) => [k.key, k.quantity, k.eventCount])).toEqual([
      ['BR:marketing', 4, 2],
      ['BR:utility', 1, 1],
      ['IN:marketing', 1, 1],
    ]);
    expect(u.cycles[0].total.quantity).toBe(6);
    expect(u.cycles[1].keys).toEqual([]);
    expect(u.cycles[1].total.quantity).toBe(0);
    expect(u.cycles[2].keys.map((k) => k.key)).toEqual(['IN:utility']);
  });
});

describe('unique meter', () => {
  const rows: EventInput[] = [
    { timestamp: MAR, contact: 'a', channel: 'wa1', agent: 'x' },
    { timestamp: MAR, contact: 'a', channel: 'wa1', agent: 'x' },
    { timestamp: MAR, contact: 'a', channel: 'wa2', agent: 'y' },
    { timestamp: MAR, contact: 'b', channel: 'wa1' },
    { timestamp: MAR, channel: 'wa1' },
    { timestamp: APR, contact: 'a', channel: 'wa1', agent: 'x' },
  ];

  it('counts distinct values within each cycle; all-empty values are not counted', () => {
    const u = measure(rows, { type: 'unique', of: ['contact'] });
    expect(u.cycles.map((c) => c.total.quantity)).toEqual([2, 1]);
    expect(u.cycles[0].total.eventCount).toBe(4);
    const agents = measure(rows, { type: 'unique', of: ['agent'] });
    expect(agents.cycles.map((c) => c.total.quantity)).toEqual([2, 1]);
  });

  it('counts distinct combinations (contact × channel, as Genesys bills conversations)', () => {
    const u = measure(rows, { type: 'unique', of: ['contact', 'channel'] });
    // a:wa1, a:wa2, b:wa1, and ':wa1' (contact empty but channel not: a combination with one value)
    expect(u.cycles.map((c) => c.total.quantity)).toEqual([4, 1]);
  });

  it('with `by`, counts distinct values per key', () => {
    const u = measure(rows, { type: 'unique', of: ['contact'], by: ['channel'], where: { agent: { not: '' } } });
    expect(u.cycles[0].keys.map((k) => [k.key, k.quantity])).toEqual([
      ['wa1', 1],
      ['wa2', 1],
    ]);
    expect(u.cycles[0].total.quantity).toBe(2);
  });
});
