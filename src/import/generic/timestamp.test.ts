import { describe, expect, it } from 'vitest';
import { createZoneClock } from '../time-zone';
import { parseTimestamp } from './timestamp';

const utc = createZoneClock('UTC');
const sp = createZoneClock('America/Sao_Paulo');
const ny = createZoneClock('America/New_York');
const iso = (ms: number) => new Date(ms).toISOString();

describe('parseTimestamp', () => {
  it('reads ISO-8601 with Z or an offset', () => {
    expect(iso(parseTimestamp('2026-09-01T10:00:00Z', sp))).toBe('2026-09-01T10:00:00.000Z');
    expect(iso(parseTimestamp('2026-09-01T10:00:00-03:00', utc))).toBe('2026-09-01T13:00:00.000Z');
    expect(iso(parseTimestamp('2026-09-01 10:00:00+0530', utc))).toBe('2026-09-01T04:30:00.000Z');
    expect(iso(parseTimestamp('2026-09-01T10:00+02', utc))).toBe('2026-09-01T08:00:00.000Z');
    expect(iso(parseTimestamp('2026-09-01T10:00:00.123456Z', utc))).toBe('2026-09-01T10:00:00.123Z');
  });
  it('reads naive times in the import time zone', () => {
    expect(iso(parseTimestamp('2026-09-01T10:00:00', utc))).toBe('2026-09-01T10:00:00.000Z');
    expect(iso(parseTimestamp('2026-09-30 22:30:00', sp))).toBe('2026-10-01T01:30:00.000Z');
    expect(iso(parseTimestamp('2026-09-01', sp))).toBe('2026-09-01T03:00:00.000Z');
  });
  it('is DST-correct, also in gaps and overlaps', () => {
    expect(iso(parseTimestamp('2026-07-01 12:00', ny))).toBe('2026-07-01T16:00:00.000Z');
    expect(iso(parseTimestamp('2026-01-15 12:00', ny))).toBe('2026-01-15T17:00:00.000Z');
    // 2026-03-08 02:30 does not exist in New York: read with the offset before the change (EST), i.e. 03:30 EDT.
    expect(iso(parseTimestamp('2026-03-08 02:30', ny))).toBe('2026-03-08T07:30:00.000Z');
    // 2026-11-01 01:30 happens twice: the earlier instant (EDT).
    expect(iso(parseTimestamp('2026-11-01 01:30', ny))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(parseTimestamp('2026-11-01 03:00', ny))).toBe('2026-11-01T08:00:00.000Z');
  });
  it('reads epoch seconds and milliseconds (>= 1e11 is ms)', () => {
    expect(iso(parseTimestamp('1788350400', utc))).toBe('2026-09-02T12:00:00.000Z');
    expect(iso(parseTimestamp('1788436800000', utc))).toBe('2026-09-03T12:00:00.000Z');
    expect(parseTimestamp('99999999999', utc)).toBe(99_999_999_999_000);
    expect(parseTimestamp('100000000000', utc)).toBe(100_000_000_000);
  });
  it('rejects what it cannot read', () => {
    for (const bad of ['', '31/02/2026 10:00', '2026-02-30', '2026-13-01', '2026-09-01T25:00', '2026-09-01T10:00:00+3',
      '2026-09-01T10:00:00Q', '-1788350400', '1788350400.5', 'yesterday', '2026-09-01X10:00']) {
      expect(parseTimestamp(bad, utc), bad).toBeNaN();
    }
  });
});
