import { describe, expect, it } from 'vitest';
import { addLocalDays, bucketByCycle, cycleBoundaries, cycleIndexOf, cycleStartOf } from './cycles';

const ms = (iso: string) => Date.parse(iso);
const iso = (list: number[]) => list.map((t) => new Date(t).toISOString());

describe('cycle boundaries', () => {
  it('UTC, anchor day 1: calendar months covering the range', () => {
    const b = cycleBoundaries(ms('2025-03-02T10:00:00Z'), ms('2025-04-10T00:00:00Z'), { anchorDay: 1, timeZone: 'UTC' });
    expect(iso(b)).toEqual(['2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z']);
  });

  it('a range ending exactly on a boundary gets the next cycle too (cycles are half-open)', () => {
    const b = cycleBoundaries(ms('2025-03-01T00:00:00Z'), ms('2025-04-01T00:00:00Z'), { anchorDay: 1, timeZone: 'UTC' });
    expect(iso(b)).toEqual(['2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z']);
  });

  it('America/Sao_Paulo, anchor day 15: local midnight is 03:00 UTC, across a year end', () => {
    const rule = { anchorDay: 15, timeZone: 'America/Sao_Paulo' };
    const b = cycleBoundaries(ms('2025-01-10T12:00:00Z'), ms('2025-01-20T00:00:00Z'), rule);
    expect(iso(b)).toEqual(['2024-12-15T03:00:00.000Z', '2025-01-15T03:00:00.000Z', '2025-02-15T03:00:00.000Z']);
    // 23:59:59 local on the 14th is still the previous cycle.
    expect(cycleStartOf(ms('2025-01-15T02:59:59Z'), rule)).toBe(ms('2024-12-15T03:00:00Z'));
    expect(cycleStartOf(ms('2025-01-15T03:00:00Z'), rule)).toBe(ms('2025-01-15T03:00:00Z'));
  });

  it('Sao Paulo 2018: where local midnight did not exist (DST began at 00:00) the cycle starts at 01:00', () => {
    const b = cycleBoundaries(ms('2018-11-10T12:00:00Z'), ms('2018-11-10T12:00:00Z'), { anchorDay: 4, timeZone: 'America/Sao_Paulo' });
    // 2018-11-04 00:00 did not exist in Sao Paulo (clocks went from 00:00 -03 to 01:00 -02) = 03:00 UTC;
    // summer time (-02) still held on 4 December, so that anchor is 02:00 UTC.
    expect(iso(b)).toEqual(['2018-11-04T03:00:00.000Z', '2018-12-04T02:00:00.000Z']);
  });

  it('Europe/Berlin across the last Sundays of March and October: boundaries at local midnight', () => {
    const rule = { anchorDay: 1, timeZone: 'Europe/Berlin' };
    const spring = cycleBoundaries(ms('2025-03-15T00:00:00Z'), ms('2025-04-15T00:00:00Z'), rule);
    expect(iso(spring)).toEqual(['2025-02-28T23:00:00.000Z', '2025-03-31T22:00:00.000Z', '2025-04-30T22:00:00.000Z']);
    const autumn = cycleBoundaries(ms('2025-10-15T00:00:00Z'), ms('2025-10-15T00:00:00Z'), rule);
    expect(iso(autumn)).toEqual(['2025-09-30T22:00:00.000Z', '2025-10-31T23:00:00.000Z']);
    // anchor 26: the cycle starting on the day of the October change (26 Oct 2025) starts at 00:00 CEST.
    const oct = cycleBoundaries(ms('2025-10-27T00:00:00Z'), ms('2025-10-27T00:00:00Z'), { anchorDay: 26, timeZone: 'Europe/Berlin' });
    expect(iso(oct)).toEqual(['2025-10-25T22:00:00.000Z', '2025-11-25T23:00:00.000Z']);
  });

  it('is empty when there is no range', () => {
    expect(cycleBoundaries(Infinity, -Infinity, { anchorDay: 1, timeZone: 'UTC' })).toEqual([]);
  });

  it('local days: the start of the next and of the previous local day', () => {
    expect(addLocalDays(ms('2025-03-29T23:00:00Z'), 1, 'Europe/Berlin')).toBe(ms('2025-03-30T22:00:00Z'));
    expect(addLocalDays(ms('2025-04-01T03:00:00Z'), -1, 'America/Sao_Paulo')).toBe(ms('2025-03-31T03:00:00Z'));
  });
});

describe('bucketing', () => {
  it('finds the cycle by binary search; outside is -1', () => {
    const b = [0, 10, 20, 30];
    expect([-1, 0, 9.9, 10, 29, 30].map((t) => cycleIndexOf(b, t))).toEqual([-1, 0, 0, 1, 2, -1]);
    expect(cycleIndexOf([0], 0)).toBe(-1);
    expect(cycleIndexOf(b, NaN)).toBe(-1);
  });

  it('buckets unsorted events', () => {
    const ts = Float64Array.from([25, 5, 15, 5, 30, NaN, 0]);
    expect([...bucketByCycle(ts, ts.length, [0, 10, 20, 30])]).toEqual([2, 0, 1, 0, -1, -1, 0]);
  });
});
