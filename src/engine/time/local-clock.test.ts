import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localClock } from './local-clock';

const clockOf = (isos: (string | number)[], zone: string) => {
  const ts = Float64Array.from(isos.map((x) => (typeof x === 'number' ? x : Date.parse(x))));
  const c = localClock(ts, ts.length, zone);
  return [...ts].map((_, i) => [c.hour[i], c.weekday[i]]);
};

describe('local hour and weekday', () => {
  it('follows DST change days (Berlin: 23-hour and 25-hour days)', () => {
    expect(
      clockOf(['2025-03-30T00:30:00Z', '2025-03-30T01:30:00Z', '2025-03-30T21:59:59Z', '2025-03-30T22:00:00Z'], 'Europe/Berlin'),
    ).toEqual([[1, 7], [3, 7], [23, 7], [0, 1]]);
    // 2025-10-26: 02:00-03:00 local happens twice.
    expect(clockOf(['2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z', '2025-10-26T02:30:00Z'], 'Europe/Berlin')).toEqual([
      [2, 7], [2, 7], [3, 7],
    ]);
  });

  it('handles negative and half-hour offsets and empty timestamps', () => {
    expect(clockOf(['2025-01-06T03:00:00Z', '2025-01-06T18:29:00Z', NaN], 'America/New_York')).toEqual([
      [22, 7], [13, 1], [255, 0],
    ]);
    expect(clockOf(['2025-01-06T18:29:00Z', '2025-01-06T18:30:00Z'], 'Asia/Kolkata')).toEqual([[23, 1], [0, 2]]);
  });

  it('agrees with luxon for any instant and zone (property)', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2030-01-01') }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...zones),
        (stamps, zone) => {
          const got = clockOf(stamps, zone);
          const want = stamps.map((t) => {
            const d = DateTime.fromMillis(t, { zone });
            return [d.hour, d.weekday];
          });
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });
});
