/**
 * Ranges and bucket boundaries in an IANA zone, computed once per query with luxon (DST-correct: a day bucket is 23
 * or 25 hours on a change day); events are then bucketed by binary search. Weeks start on Monday (ISO).
 */
import { DateTime } from 'luxon';
import { cycleBoundaries } from '../time/cycles';
import type { ConsumptionQuery, Grouping } from './types';

const UNIT: Record<Grouping, 'day' | 'week' | 'month'> = { day: 'day', week: 'week', month: 'month' };
const UNITS: Record<Grouping, 'days' | 'weeks' | 'months'> = { day: 'days', week: 'weeks', month: 'months' };
/** Upper bound on buckets per query (ten years of days), so a mistyped custom range cannot exhaust memory. */
export const MAX_BUCKETS = 3700;

const zoned = (ms: number, timeZone: string): DateTime => {
  const dt = DateTime.fromMillis(ms, { zone: timeZone });
  if (!dt.isValid) throw new Error(`invalid time zone '${timeZone}'`);
  return dt;
};

/** Boundaries of [from, to) grouped by local day, week or month: b[0] = from, b[last] = to, inner ones at period starts. */
export const bucketBoundaries = (from: number, to: number, grouping: Grouping, timeZone: string): number[] => {
  if (!(from < to)) return [];
  const start = zoned(from, timeZone).startOf(UNIT[grouping]);
  const out = [from];
  for (let k = 1; ; k++) {
    // Each boundary from the aligned start (not step by step), so no drift across DST changes or month lengths.
    const b = start.plus({ [UNITS[grouping]]: k }).toMillis();
    if (b >= to) break;
    if (out.length >= MAX_BUCKETS) throw new Error(`more than ${MAX_BUCKETS} buckets: choose a shorter range or a longer grouping`);
    out.push(b);
  }
  out.push(to);
  return out;
};

const parseLocalDate = (text: string | undefined, timeZone: string): DateTime | null => {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const dt = DateTime.fromISO(text, { zone: timeZone });
  return dt.isValid ? dt.startOf('day') : null;
};

/**
 * Resolves a preset to [from, to) around `reference`: today, this week (Monday first), this month, the billing cycle,
 * or custom local dates (both included). Returns null for an incomplete or reversed custom range.
 */
export const resolveRange = (query: ConsumptionQuery, reference: number): { from: number; to: number } | null => {
  const { timeZone } = query;
  const ref = zoned(reference, timeZone);
  const period = (unit: 'day' | 'week' | 'month') => {
    const s = ref.startOf(unit);
    return { from: s.toMillis(), to: s.plus({ [`${unit}s`]: 1 }).toMillis() };
  };
  switch (query.preset) {
    case 'today': return period('day');
    case 'week': return period('week');
    case 'month': return period('month');
    case 'cycle': {
      const b = cycleBoundaries(reference, reference, query.cycle ?? { anchorDay: 1, timeZone });
      return { from: b[0], to: b[1] };
    }
    case 'custom': {
      const from = parseLocalDate(query.from, timeZone);
      const to = parseLocalDate(query.to, timeZone);
      if (!from || !to || to < from) return null;
      return { from: from.toMillis(), to: to.plus({ days: 1 }).toMillis() };
    }
  }
};

/**
 * 'Today' is now, unless all the data is from before today (a past export): then the day of the last event, so a
 * sample or an old file still shows something.
 */
export const referenceInstant = (now: number, lastEvent: number, timeZone: string): { at: number; source: 'now' | 'data' } => {
  if (Number.isFinite(lastEvent) && lastEvent < zoned(now, timeZone).startOf('day').toMillis()) return { at: lastEvent, source: 'data' };
  return { at: now, source: 'now' };
};
