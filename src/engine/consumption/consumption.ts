/**
 * The consumption dashboard's numbers: one pass over the events buckets each one in the range (binary search over
 * boundaries computed once in the zone) and counts the period just before for the comparison.
 */
import type { EventTable } from '../events';
import { cycleIndexOf } from '../time/cycles';
import { AgentAccumulator } from './agents';
import { BucketAccumulator } from './accumulator';
import { bucketBoundaries, referenceInstant, resolveRange } from './buckets';
import { directionClasses, kindClasses } from './classify';
import { PairSums } from './distinct';
import {
  KIND_CLASSES, METRICS, type ChannelActivity, type ConsumptionQuery, type ConsumptionResult, type Grouping, type Metric, type Totals,
} from './types';

export type RangeQuery = { from: number; to: number; grouping: Grouping; timeZone: string };
type RangeResult = Omit<ConsumptionResult, 'preset' | 'reference' | 'referenceSource' | 'dataFrom' | 'dataTo'>;

/** Percent change from `before` to `now`; null when there was nothing before. */
export const percentChange = (now: number, before: number): number | null => (before === 0 ? null : ((now - before) / before) * 100);

/** Consumption over [from, to) by bucket, with the previous period of the same length. */
export const consumptionOver = (table: EventTable, q: RangeQuery): RangeResult => {
  const boundaries = Float64Array.from(bucketBoundaries(q.from, q.to, q.grouping, q.timeZone));
  const nBuckets = Math.max(0, boundaries.length - 1);
  const classes = { kind: kindClasses(table.dicts), direction: directionClasses(table.dicts) };
  const current = new BucketAccumulator(table, nBuckets, classes);
  const previous = new BucketAccumulator(table, 1, classes);
  const agents = new AgentAccumulator(table, classes);
  const nClasses = KIND_CLASSES.length;
  const channelSums = new PairSums(table.dicts.channel.length, nClasses * 3);
  const prevFrom = q.from - (q.to - q.from);
  const { timestamp, strings } = table.columns;

  let k = -1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < table.columns.length; i++) {
    const ts = timestamp[i];
    if (ts >= q.from && ts < q.to) {
      // Fast path: consecutive events in the same bucket (sorted exports) skip the search.
      if (!(ts >= lo && ts < hi)) {
        k = cycleIndexOf(boundaries, ts);
        lo = boundaries[k];
        hi = boundaries[k + 1];
      }
      current.add(i, k);
      agents.add(i);
      const qv = table.columns.quantity[i];
      channelSums.add(strings.channel[i], classes.kind[strings.kind[i]] * 3 + classes.direction[strings.direction[i]], Number.isFinite(qv) ? qv : 1);
    } else if (ts >= prevFrom && ts < q.from) {
      previous.add(i, 0);
    }
  }

  const series = current.series();
  const totals = current.totals();
  const before = previous.totals();
  const change = Object.fromEntries(METRICS.map((m) => [m, percentChange(totals[m], before[m])])) as Record<Metric, number | null>;
  const categoryCodes: number[] = [];
  for (let cat = 0; cat < table.dicts.category.length; cat++) {
    if (current.byCategory.subarray(cat * nBuckets, (cat + 1) * nBuckets).some((v) => v !== 0)) categoryCodes.push(cat);
  }
  const catTotal = (cat: number) => totals.whatsappByCategory[table.dicts.category[cat]] ?? 0;
  categoryCodes.sort((a, b) => catTotal(b) - catTotal(a) || a - b);

  const channels: ChannelActivity[] = [];
  for (let ch = 0; ch < table.dicts.channel.length; ch++) {
    for (let kc = 0; kc < nClasses; kc++) {
      const other = channelSums.get(ch, kc * 3);
      const inbound = channelSums.get(ch, kc * 3 + 1);
      const outbound = channelSums.get(ch, kc * 3 + 2);
      if (other + inbound + outbound !== 0) channels.push({ channel: table.dicts.channel[ch], kind: KIND_CLASSES[kc], inbound, outbound, other });
    }
  }
  channels.sort((a, b) => b.inbound + b.outbound + b.other - (a.inbound + a.outbound + a.other) || a.channel.localeCompare(b.channel));

  return {
    grouping: q.grouping,
    timeZone: q.timeZone,
    from: q.from,
    to: q.to,
    starts: Array.from(boundaries.subarray(0, nBuckets)),
    ends: Array.from(boundaries.subarray(1)),
    series,
    categories: categoryCodes.map((cat) => table.dicts.category[cat]),
    byCategory: categoryCodes.map((cat) => Array.from(current.byCategory.subarray(cat * nBuckets, (cat + 1) * nBuckets))),
    totals,
    previous: { ...before, from: prevFrom, to: q.from } as Totals & { from: number; to: number },
    change,
    channels,
    agents: agents.result(),
  };
};

/** First and last timestamp of the table (NaN, NaN when empty). */
export const dataSpan = (table: EventTable): { min: number; max: number } => {
  const ts = table.columns.timestamp;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < table.columns.length; i++) {
    if (ts[i] < min) min = ts[i];
    if (ts[i] > max) max = ts[i];
  }
  return table.columns.length === 0 ? { min: NaN, max: NaN } : { min, max };
};

/**
 * The dashboard for a preset: resolves the range around now (or the last event, when the data is all in the past).
 * Returns null for an incomplete or reversed custom range.
 */
export const consumption = (table: EventTable, query: ConsumptionQuery, now: number): ConsumptionResult | null => {
  const span = dataSpan(table);
  const ref = referenceInstant(now, span.max, query.timeZone);
  const range = resolveRange(query, ref.at);
  if (!range) return null;
  const result = consumptionOver(table, { ...range, grouping: query.grouping, timeZone: query.timeZone });
  return { ...result, preset: query.preset, reference: ref.at, referenceSource: ref.source, dataFrom: span.min, dataTo: span.max };
};
