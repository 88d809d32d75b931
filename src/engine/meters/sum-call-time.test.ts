import { describe, expect, it } from 'vitest';
import { measureRows, quantities } from '../testing/measure-rows';
import { billableSeconds } from './call-time';

const MAR = '2025-03-10T00:00:00Z';
const APR = '2025-04-10T00:00:00Z';

describe('sum meter', () => {
  it('sums a numeric field per cycle; empty values add nothing but the event counts', () => {
    const u = measureRows(
      [
        { timestamp: MAR, kind: 'message', segments: 2 },
        { timestamp: MAR, kind: 'message', segments: 3 },
        { timestamp: MAR, kind: 'message' },
        { timestamp: APR, kind: 'call', segments: 9 },
      ],
      { type: 'sum', field: 'segments', where: { kind: 'message' } },
    );
    expect(quantities(u)).toEqual([[['', 5]], [['', 0]]]);
    expect(u.cycles[0].total.eventCount).toBe(3);
  });

  it('sums vendor prices in currency units (stored as micro-units), by key', () => {
    const u = measureRows(
      [
        { timestamp: MAR, country: 'BR', price: 0.0625 },
        { timestamp: MAR, country: 'BR', price: 0.0075 },
        { timestamp: MAR, country: 'US', price: 0.025 },
      ],
      { type: 'sum', field: 'price', by: ['market'] },
    );
    expect(quantities(u)).toEqual([[['BR', 0.07], ['north-america', 0.025]]]);
  });
});

describe('call-time meter', () => {
  it('bills first, then the rest rounded up to multiples of next; 0 s, negative and empty bill nothing', () => {
    expect([80, 60, 61, 1, 0, -5, NaN, 120.5].map((d) => billableSeconds(d, 60, 60))).toEqual([120, 60, 120, 60, 0, 0, 0, 180]);
    expect([80, 1, 0.2].map((d) => billableSeconds(d, 60, 1))).toEqual([80, 60, 60]);
    expect([80, 0.2].map((d) => billableSeconds(d, 1, 1))).toEqual([80, 1]);
    expect([30, 31, 59].map((d) => billableSeconds(d, 30, 6))).toEqual([30, 36, 60]);
  });

  it('Twilio: a call of 1 min 20 s is 2 minutes; a 0 s call bills nothing', () => {
    const u = measureRows(
      [
        { timestamp: MAR, kind: 'call', duration: 80 },
        { timestamp: MAR, kind: 'call', duration: 0 },
        { timestamp: MAR, kind: 'call' },
      ],
      { type: 'call-time', increments: [60, 60], where: { kind: 'call' } },
    );
    expect(quantities(u)).toEqual([[['', 120]]]);
    expect(u.cycles[0].total.eventCount).toBe(3);
  });
});
