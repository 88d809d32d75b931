import { describe, expect, it } from 'vitest';
import { buildTable, type EventInput } from '../testing/table-builder';
import { bucketByCycle, cycleBoundaries } from '../time/cycles';
import { keyCoder } from './key-coder';
import { measureMeter } from './measure';

const bigRows = (n: number): EventInput[] =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: '2025-03-10T00:00:00Z',
    contact: `c${i}`,
    channel: `ch${i}`,
    queue: `q${i}`,
    team: `t${i}`,
    agent: `a${i % 7}`,
  }));

describe('keyCoder', () => {
  it('labels mixed-radix keys; key 0 is all empty', () => {
    const t = buildTable([
      { timestamp: 0, country: 'BR', category: 'marketing' },
      { timestamp: 0, country: 'IN' },
      { timestamp: 0 },
    ]);
    const k = keyCoder(t, ['country', 'category']);
    expect([0, 1, 2].map((i) => k.label(k.keyOf(i)))).toEqual(['BR:marketing', 'IN:', ':']);
    expect(k.keyOf(2)).toBe(0);
    expect(k.space).toBe(3 * 2);
  });

  it('interns combinations when the key space exceeds safe integers', () => {
    const t = buildTable(bigRows(12_000));
    const k = keyCoder(t, ['contact', 'channel', 'queue', 'team', 'agent']);
    expect(k.space).toBe(Infinity);
    expect(k.label(k.keyOf(5))).toBe('c5:ch5:q5:t5:a5');
    expect(k.keyOf(5)).toBe(k.keyOf(5));
    expect(k.keyOf(5)).not.toBe(k.keyOf(6));
  });
});

describe('unique meter on large key spaces', () => {
  it('counts with Sets when the key space is over the bitset limit', () => {
    const rows = [...bigRows(4000), ...bigRows(4000)];
    const t = buildTable(rows);
    const ts = t.columns.timestamp;
    const b = cycleBoundaries(ts[0], ts[0], { anchorDay: 1, timeZone: 'UTC' });
    const cyc = bucketByCycle(ts, ts.length, b);
    const pairs = measureMeter(t, 'm', { type: 'unique', of: ['contact', 'channel'] }, cyc, 1);
    expect(pairs.cycles[0].total.quantity).toBe(4000);
    const all = measureMeter(t, 'm', { type: 'unique', of: ['contact', 'channel', 'queue', 'team', 'agent'], by: ['agent'] }, cyc, 1);
    expect(all.cycles[0].keys.map((k) => k.quantity).reduce((a, q) => a + q, 0)).toBe(4000);
    expect(all.cycles[0].keys.length).toBe(7);
  });
});
