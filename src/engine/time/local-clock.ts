/**
 * Local hour (0-23) and ISO weekday (1 = Monday … 7) of every event in an IANA zone, without luxon or Intl per event.
 *
 * The zone's UTC offset is piecewise constant. It is sampled once per day over the events' range (plus a day each
 * side); where two samples differ, the exact change instant is found by bisection. Each event then needs its offset
 * segment (the previous event's segment is tried first, else a binary search) and plain arithmetic on
 * `ts + offset`: hour = floor(local / 1 h) mod 24; weekday from the local day number (1970-01-01 was a Thursday).
 * This stays right on DST change days (23- and 25-hour days) and for zones with half-hour offsets.
 */
import { IANAZone } from 'luxon';

const HOUR = 3_600_000;
const DAY = 86_400_000;

export type OffsetSegments = {
  /** Segment k starts at starts[k] (starts[0] = -Infinity) and has offset offsets[k] (ms). */
  starts: Float64Array;
  offsets: Float64Array;
};

export const offsetSegments = (minTs: number, maxTs: number, timeZone: string): OffsetSegments => {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new Error(`invalid time zone '${timeZone}'`);
  const offsetAt = (ts: number): number => zone.offset(ts) * 60_000;
  const starts = [-Infinity];
  const offsets = [offsetAt(Number.isFinite(minTs) ? minTs - DAY : 0)];
  if (Number.isFinite(minTs) && Number.isFinite(maxTs) && minTs <= maxTs) {
    let prevTs = minTs - DAY;
    let prev = offsets[0];
    for (let t = minTs; ; t += DAY) {
      const at = Math.min(t, maxTs + DAY);
      const off = offsetAt(at);
      if (off !== prev) {
        // Bisect (prevTs, at] for the first instant with the new offset.
        let lo = prevTs;
        let hi = at;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (offsetAt(mid) === prev) lo = mid;
          else hi = mid;
        }
        starts.push(hi);
        offsets.push(off);
        prev = off;
      }
      prevTs = at;
      if (at >= maxTs + DAY) break;
    }
  }
  return { starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) };
};

const segmentOf = (seg: OffsetSegments, ts: number): number => {
  let lo = 0;
  let hi = seg.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (seg.starts[mid] <= ts) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

export type LocalClock = {
  /** Local hour 0-23; 255 for an event without a finite timestamp. */
  hour: Uint8Array;
  /** ISO weekday 1-7; 0 for an event without a finite timestamp. */
  weekday: Uint8Array;
};

export const localClock = (timestamps: Float64Array, length: number, timeZone: string): LocalClock => {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < length; i++) {
    const t = timestamps[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const seg = offsetSegments(min, max, timeZone);
  const hour = new Uint8Array(length);
  const weekday = new Uint8Array(length);
  const last = seg.starts.length - 1;
  let k = 0;
  for (let i = 0; i < length; i++) {
    const ts = timestamps[i];
    if (!Number.isFinite(ts)) {
      hour[i] = 255;
      weekday[i] = 0;
      continue;
    }
    if (!(seg.starts[k] <= ts && (k === last || ts < seg.starts[k + 1]))) k = segmentOf(seg, ts);
    const local = ts + seg.offsets[k];
    const h = Math.floor(local / HOUR) % 24;
    hour[i] = h < 0 ? h + 24 : h;
    const d = (Math.floor(local / DAY) + 3) % 7;
    weekday[i] = (d < 0 ? d + 7 : d) + 1;
  }
  return { hour, weekday };
};
