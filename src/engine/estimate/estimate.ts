/**
 * `estimatePlan`: prices an event table with a validated plan (see `parsePlan`), cycle by cycle.
 *
 * Cycles are those containing at least one event. Each line is rounded with the plan's rounding; the cap, the
 * minimum spend, discount and tax follow (cycle-totals.ts). The estimate's total is the sum of the cycles' totals.
 * Events with a non-finite timestamp are ignored. A cycle still running at `options.now` gets a `projection`
 * (projection.ts). Rate-card keys without a rate make it throw a `PricingError` listing all of them
 * (pricing-error.ts); `tryEstimatePlan` returns them as a value instead. Reconciliation: when events carry the
 * vendor's `price`, usage lines get `vendorAmount` and cycles `vendorTotal` (integer micro-unit sums, then rounded). Dated rate cards price each unit with the
 * card in force at its time: meters they use are measured over cycles split at card changes (measure-plan.ts).
 */
import { timeRange } from '../time/time-range';
import type { EventTable } from '../events';
import { fieldSource } from '../fields/field-source';
import type { MeterUsage } from '../meters/measure';
import { Dec, money, sumDecimals } from '../money';
import type { Plan, PlanIssue } from '../plan/types';
import { addLocalDays, bucketByCycle, cycleBoundaries, toIsoUtc } from '../time/cycles';
import { priceCycle } from './cycle-totals';
import { vendorMoney } from './lines';
import { measurePlan, type UsageParts } from './measure-plan';
import { isPricingError, missingRates } from './pricing-error';
import { projectCycle } from './projection';
import type { CycleEstimate, Estimate } from './types';

export type EstimateOptions = {
  /** Epoch ms of "now": a cycle that ends after it is still running, so it is marked partial and projected. */
  now?: number;
};

/** The vendor's own total for a cycle, and how far the estimate is from it (both rounded like amounts). */
const vendorFigures = (total: string, vendorTotal: string, vendorEvents: number, plan: Plan) =>
  ({ vendorTotal, vendorEvents, vendorDifference: money(new Dec(total).minus(new Dec(vendorTotal)), plan.rounding) });

/**
 * What `estimatePlan` reads from the events, before any pricing: the cycles, each cycle's event count and vendor sums,
 * and every meter's usage. A simulation prices the same measurement again at other volumes (simulate/scaled-pricing.ts)
 * instead of measuring the plan twice.
 */
export type PlanMeasurement = {
  plan: Plan;
  /** Time range of the events (timeRange: min > max when there are none). */
  min: number;
  max: number;
  boundaries: number[];
  cycleCount: number;
  eventCounts: Float64Array;
  vendorMicros: Float64Array;
  vendorEvents: Float64Array;
  usage: Map<string, MeterUsage>;
  parts: UsageParts;
};

/** The one pass per meter of `estimatePlan` (and the per-cycle counts), without pricing. */
export const measureForEstimate = (table: EventTable, plan: Plan): PlanMeasurement => {
  const { columns } = table;
  const n = columns.length;
  const rule = plan.cycle;
  const { min, max } = timeRange(columns.timestamp, n);
  const boundaries = cycleBoundaries(min, max, rule);
  const cycleCount = Math.max(boundaries.length - 1, 0);
  const cycleOf = bucketByCycle(columns.timestamp, n, boundaries);

  const eventCounts = new Float64Array(cycleCount);
  const vendorMicros = new Float64Array(cycleCount);
  const vendorEvents = new Float64Array(cycleCount);
  const price = columns.price;
  for (let i = 0; i < n; i++) {
    const c = cycleOf[i];
    if (c < 0) continue;
    eventCounts[c] += 1;
    const p = price[i];
    if (p === p) {
      vendorMicros[c] += p;
      vendorEvents[c] += 1;
    }
  }

  const source = fieldSource(table, rule.timeZone);
  const { usage, parts } = measurePlan(table, plan, { boundaries, cycleOf, cycleCount }, source);
  return { plan, min, max, boundaries, cycleCount, eventCounts, vendorMicros, vendorEvents, usage, parts };
};

/** Prices a measurement as `estimatePlan` does: `estimatePlan(t, p, o)` is `estimateOfMeasured(measureForEstimate(t, p), o)`. */
export const estimateOfMeasured = (m: PlanMeasurement, options: EstimateOptions = {}): Estimate => {
  const { plan, min, max, boundaries, cycleCount, eventCounts, vendorMicros, vendorEvents, usage, parts } = m;
  const rule = plan.cycle;
  const cycles: CycleEstimate[] = [];
  const missing = missingRates();
  const lastNonEmpty = eventCounts.findLastIndex((c) => c > 0);
  for (let c = 0; c < cycleCount; c++) {
    if (eventCounts[c] === 0) continue;
    const startMs = boundaries[c];
    const endMs = boundaries[c + 1];
    const firstCycle = cycles.length === 0;
    const totals = priceCycle(plan, usage, c, firstCycle, missing, parts);
    const projection =
      options.now !== undefined
        ? projectCycle(plan, usage, c, firstCycle, { startMs, endMs, now: options.now }, missing, parts)
        : undefined;
    const startsLate = firstCycle && min >= addLocalDays(startMs, 1, rule.timeZone);
    const endsEarly = c === lastNonEmpty && max < addLocalDays(endMs, -1, rule.timeZone);
    const running = options.now !== undefined && endMs > options.now;
    cycles.push({
      start: toIsoUtc(startMs),
      end: toIsoUtc(endMs),
      startMs,
      endMs,
      partial: startsLate || endsEarly || running,
      eventCount: eventCounts[c],
      ...totals,
      ...(projection ? { projection } : {}),
      ...(vendorEvents[c] > 0 ? vendorFigures(totals.total, vendorMoney(vendorMicros[c], plan.rounding), vendorEvents[c], plan) : {}),
    });
  }
  missing.throwIfAny();

  const total = sumDecimals(cycles.map((c) => new Dec(c.total)));
  return {
    plan: plan.name,
    currency: plan.currency,
    timeZone: rule.timeZone,
    cycles,
    total: money(total, plan.rounding),
  };
};

export const estimatePlan = (table: EventTable, plan: Plan, options: EstimateOptions = {}): Estimate =>
  estimateOfMeasured(measureForEstimate(table, plan), options);

/** `estimatePlan` with pricing errors (rate-card keys without a rate) as a value: `{ ok: false, issues }`. */
export const tryEstimatePlan = (
  table: EventTable,
  plan: Plan,
  options: EstimateOptions = {},
): { ok: true; estimate: Estimate } | { ok: false; issues: PlanIssue[] } => {
  try {
    return { ok: true, estimate: estimatePlan(table, plan, options) };
  } catch (error) {
    if (isPricingError(error)) return { ok: false, issues: error.issues };
    throw error;
  }
};
