/**
 * Billing cycles: each starts on `anchorDay` (1-28) at 00:00 in an IANA zone and runs to the next anchor.
 * Boundaries are computed once per range with luxon (DST-correct: local midnight, whatever the UTC offset); events are
 * then bucketed by binary search over epoch milliseconds. Never call luxon or Intl per event.
 * Where local midnight does not exist (a DST change at 00:00, e.g. Sao Paulo before 2019) the cycle starts at the
 * first instant of that local day (01:00), which is luxon's forward shift.
 */
import { DateTime } from 'luxon';

export type CycleRule = { anchorDay: number; timeZone: string };

const anchorOf = (year: number, month: number, rule: CycleRule): DateTime =>
  DateTime.fromObject({ year, month, day: rule.anchorDay }, { zone: rule.timeZone });

/** Start (epoch ms) of the cycle containing `ts`. */
export const cycleStartOf = (ts: number, rule: CycleRule): number => {
  const local = DateTime.fromMillis(ts, { zone: rule.timeZone });
  if (!local.isValid) throw new Error(`invalid time zone '${rule.timeZone}'`);
  let { year, month } = local;
  let anchor = anchorOf(year, month, rule);
  if (anchor.toMillis() > ts) {
    month -= 1;
    if (month < 1) {
      month = 12;
      year -= 1;
    }
    anchor = anchorOf(year, month, rule);
  }
  return anchor.toMillis();
};

/**
 * Sorted cycle boundaries covering [minTs, maxTs]: b[0] <= minTs, b[last] > maxTs, and cycle k is [b[k], b[k+1]).
 * Returns [] when minTs > maxTs (no events).
 */
export const cycleBoundaries = (minTs: number, maxTs: number, rule: CycleRule): number[] => {
  if (!(minTs <= maxTs)) return [];
  const first = DateTime.fromMillis(cycleStartOf(minTs, rule), { zone: rule.timeZone });
  const out = [first.toMillis()];
  let year = first.year;
  let month = first.month;
  while (out[out.length - 1] <= maxTs) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    out.push(anchorOf(year, month, rule).toMillis());
  }
  return out;
};

/** Index k of the cycle [b[k], b[k+1]) holding ts, or -1 when ts is outside the boundaries. */
export const cycleIndexOf = (boundaries: ArrayLike<number>, ts: number): number => {
  const n = boundaries.length;
  if (n < 2 || !(ts >= boundaries[0]) || ts >= boundaries[n - 1]) return -1;
  let lo = 0;
  let hi = n - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (boundaries[mid] <= ts) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/**
 * Cycle index of every event, in one pass (binary search per event, no time-zone work).
 * Events outside the boundaries get -1.
 */
export const bucketByCycle = (timestamps: Float64Array, length: number, boundaries: readonly number[]): Int32Array => {
  const b = Float64Array.from(boundaries);
  const out = new Int32Array(length);
  // Fast path: a single cycle, or consecutive events in the same cycle (typical for sorted exports).
  let k = -1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < length; i++) {
    const ts = timestamps[i];
    if (!(ts >= lo && ts < hi)) {
      k = cycleIndexOf(b, ts);
      lo = k >= 0 ? b[k] : Infinity;
      hi = k >= 0 ? b[k + 1] : -Infinity;
    }
    out[i] = k;
  }
  return out;
};

/** Start (epoch ms) of the local day `days` after/before the local day of `ts` (negative = before). */
export const addLocalDays = (ts: number, days: number, timeZone: string): number =>
  DateTime.fromMillis(ts, { zone: timeZone }).startOf('day').plus({ days }).toMillis();

export const toIsoUtc = (ts: number): string => new Date(ts).toISOString();
