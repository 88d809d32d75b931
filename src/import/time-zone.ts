/**
 * Wall-clock time in an IANA zone to UTC, without a date library per row.
 *
 * Offsets are looked up with one Intl.DateTimeFormat per zone and cached per 15-minute bucket of local time (zone
 * transitions happen on quarter hours), so a million naive timestamps cost a million Map lookups, not a million
 * Intl calls.
 */

const BUCKET_MS = 15 * 60_000;

/** Throws RangeError for an unknown zone. */
const offsetFormatter = (timeZone: string): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  });

export type ZoneClock = {
  readonly timeZone: string;
  /** The zone's offset from UTC, in ms, at a UTC instant. */
  offsetAt(utcMs: number): number;
  /**
   * The UTC instant of a wall-clock time (given as if it were UTC ms). In a spring-forward gap the time is read with
   * the offset before the change (so 02:30 in a skipped hour lands after the change); in a fall-back overlap the
   * earlier of the two instants is chosen, as luxon does.
   */
  localToUtc(localMs: number): number;
};

/** Builds a clock for an IANA zone; throws RangeError naming the zone when it is unknown. */
export const createZoneClock = (timeZone: string): ZoneClock => {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return { timeZone, offsetAt: () => 0, localToUtc: (ms) => ms };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = offsetFormatter(timeZone);
  } catch {
    throw new RangeError(`unknown time zone '${timeZone}'`);
  }
  const offsetCache = new Map<number, number>();
  const localCache = new Map<number, number>();

  const computeOffset = (utcMs: number): number => {
    const p = format.formatToParts(new Date(utcMs));
    const get = (type: string) => Number(p.find((x) => x.type === type)?.value);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
  };

  const offsetAt = (utcMs: number): number => {
    const key = Math.floor(utcMs / BUCKET_MS);
    let o = offsetCache.get(key);
    if (o === undefined) {
      o = computeOffset(key * BUCKET_MS);
      if (offsetCache.size > 200_000) offsetCache.clear();
      offsetCache.set(key, o);
    }
    return o;
  };

  // luxon's fixOffset, once per local bucket: the chosen offset is the same for every time inside a bucket.
  const offsetForLocal = (localMs: number): number => {
    const o = offsetAt(localMs);
    let guess = localMs - o;
    const o2 = offsetAt(guess);
    if (o === o2) return o;
    guess -= o2 - o;
    const o3 = offsetAt(guess);
    if (o2 === o3) return o2;
    return Math.min(o2, o3);
  };

  const localToUtc = (localMs: number): number => {
    const key = Math.floor(localMs / BUCKET_MS);
    let o = localCache.get(key);
    if (o === undefined) {
      o = offsetForLocal(key * BUCKET_MS);
      if (localCache.size > 200_000) localCache.clear();
      localCache.set(key, o);
    }
    return localMs - o;
  };

  return { timeZone, offsetAt, localToUtc };
};
