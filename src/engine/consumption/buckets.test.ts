import { describe, expect, it } from 'vitest';
import { bucketBoundaries, referenceInstant, resolveRange } from './buckets';

const ms = (iso: string) => Date.parse(iso);
const iso = (list: number[]) => list.map((t) => new Date(t).toISOString());
const HOUR = 3_600_000;

describe('bucket boundaries', () => {
  it('Europe/Berlin days across the last Sunday of March: that day is 23 hours long', () => {
    const b = bucketBoundaries(ms('2025-03-29T23:00:00Z'), ms('2025-04-01T22:00:00Z'), 'day', 'Europe/Berlin');
    expect(iso(b)).toEqual(['2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z', '2025-03-31T22:00:00.000Z', '2025-04-01T22:00:00.000Z']);
    expect(b[1] - b[0]).toBe(23 * HOUR);
    expect(b[2] - b[1]).toBe(24 * HOUR);
  });

  it('Europe/Berlin, last Sunday of October: that day is 25 hours long', () => {
    const b = bucketBoundaries(ms('2025-10-25T22:00:00Z'), ms('2025-10-27T23:00:00Z'), 'day', 'Europe/Berlin');
    expect(iso(b)).toEqual(['2025-10-25T22:00:00.000Z', '2025-10-26T23:00:00.000Z', '2025-10-27T23:00:00.000Z']);
    expect(b[1] - b[0]).toBe(25 * HOUR);
  });

  it('America/Sao_Paulo 2018: the day DST began at midnight starts at 01:00 and lasts 23 hours', () => {
    const b = bucketBoundaries(ms('2018-11-03T03:00:00Z'), ms('2018-11-05T02:00:00Z'), 'day', 'America/Sao_Paulo');
    expect(iso(b)).toEqual(['2018-11-03T03:00:00.000Z', '2018-11-04T03:00:00.000Z', '2018-11-05T02:00:00.000Z']);
    expect(b[2] - b[1]).toBe(23 * HOUR);
  });

  it('weeks start on Monday; the first and last buckets are clipped to the range', () => {
    // Wed 1 Oct 2025 .. Sat 1 Nov 2025 (UTC)
    const b = bucketBoundaries(ms('2025-10-01T00:00:00Z'), ms('2025-11-01T00:00:00Z'), 'week', 'UTC');
    expect(iso(b)).toEqual([
      '2025-10-01T00:00:00.000Z', '2025-10-06T00:00:00.000Z', '2025-10-13T00:00:00.000Z', '2025-10-20T00:00:00.000Z',
      '2025-10-27T00:00:00.000Z', '2025-11-01T00:00:00.000Z',
    ]);
  });

  it('months at local midnight of the 1st, whatever their length', () => {
    const b = bucketBoundaries(ms('2025-01-15T03:00:00Z'), ms('2025-04-01T03:00:00Z'), 'month', 'America/Sao_Paulo');
    expect(iso(b)).toEqual(['2025-01-15T03:00:00.000Z', '2025-02-01T03:00:00.000Z', '2025-03-01T03:00:00.000Z', '2025-04-01T03:00:00.000Z']);
  });

  it('an empty or reversed range has no buckets', () => {
    expect(bucketBoundaries(5, 5, 'day', 'UTC')).toEqual([]);
    expect(bucketBoundaries(6, 5, 'day', 'UTC')).toEqual([]);
  });
});

describe('ranges', () => {
  const zone = 'America/Sao_Paulo';
  const ref = ms('2026-10-31T20:00:00Z'); // Saturday 31 Oct 2026, 17:00 in Sao Paulo

  it('today, this week (Monday first), this month, in the zone', () => {
    expect(resolveRange({ preset: 'today', grouping: 'day', timeZone: zone }, ref)).toEqual({ from: ms('2026-10-31T03:00:00Z'), to: ms('2026-11-01T03:00:00Z') });
    expect(resolveRange({ preset: 'week', grouping: 'day', timeZone: zone }, ref)).toEqual({ from: ms('2026-10-26T03:00:00Z'), to: ms('2026-11-02T03:00:00Z') });
    expect(resolveRange({ preset: 'month', grouping: 'day', timeZone: zone }, ref)).toEqual({ from: ms('2026-10-01T03:00:00Z'), to: ms('2026-11-01T03:00:00Z') });
  });

  it('the billing cycle follows the plan rule', () => {
    const r = resolveRange({ preset: 'cycle', grouping: 'day', timeZone: zone, cycle: { anchorDay: 15, timeZone: 'UTC' } }, ref);
    expect(r).toEqual({ from: ms('2026-10-15T00:00:00Z'), to: ms('2026-11-15T00:00:00Z') });
  });

  it('custom local dates include the last day; reversed or missing dates give null', () => {
    expect(resolveRange({ preset: 'custom', grouping: 'day', timeZone: zone, from: '2026-09-01', to: '2026-09-30' }, ref))
      .toEqual({ from: ms('2026-09-01T03:00:00Z'), to: ms('2026-10-01T03:00:00Z') });
    expect(resolveRange({ preset: 'custom', grouping: 'day', timeZone: zone, from: '2026-09-30', to: '2026-09-01' }, ref)).toBeNull();
    expect(resolveRange({ preset: 'custom', grouping: 'day', timeZone: zone, from: '2026-09-01' }, ref)).toBeNull();
  });

  it('"today" is the last event\'s day when all the data is in the past', () => {
    const now = ms('2026-11-22T12:00:00Z');
    expect(referenceInstant(now, ref, zone)).toEqual({ at: ref, source: 'data' });
    expect(referenceInstant(now, ms('2026-11-22T11:00:00Z'), zone)).toEqual({ at: now, source: 'now' });
    expect(referenceInstant(now, NaN, zone)).toEqual({ at: now, source: 'now' });
  });
});
