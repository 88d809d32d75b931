/**
 * `estimatePlan`: prices an event table with a validated plan (see `parsePlan`), cycle by cycle.
 *
 * Cycles are those containing at least one event. Each line is rounded with the plan's rounding; subtotal = sum of
 * rounded lines, lifted to `minimumSpend` by a true-up line; discount = round(subtotal × discountPercent / 100);
 * tax = round((subtotal − discount) × taxPercent / 100); total = subtotal − discount + tax. The estimate's total is
 * the sum of the cycles' totals. Events with a non-finite timestamp are ignored.
 */
import type { EventTable } from '../events';
import { fieldSource } from '../fields/field-source';
import { measureMeter, type MeterUsage } from '../meters/measure';
import { Dec, money, roundDecimal, sumDecimals, type Big } from '../money';
import type { Plan } from '../plan/types';
import { addLocalDays, bucketByCycle, cycleBoundaries, toIsoUtc } from '../time/cycles';
import { chargeLines, minimumSpendLine } from './lines';
import type { CycleEstimate, Estimate, EstimateLine } from './types';

export type EstimateOptions = {
  /** Epoch ms of "now": a cycle that ends after it is still running, so it is marked partial. */
  now?: number;
};

const timeRange = (ts: Float64Array, n: number): { min: number; max: number } => {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = ts[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return { min, max };
};

const cycleTotals = (plan: Plan, usageLines: EstimateLine[]) => {
  const r = plan.rounding;
  const lines = [...usageLines];
  let subtotal = sumDecimals(lines.map((l) => new Dec(l.amount)));
  const trueUp = minimumSpendLine(plan, subtotal);
  if (trueUp) {
    lines.push(trueUp);
    subtotal = subtotal.plus(new Dec(trueUp.amount));
  }
  const discount = roundDecimal(subtotal.times(plan.discountPercent).div(100), r);
  const tax = roundDecimal(subtotal.minus(discount).times(plan.taxPercent).div(100), r);
  const total: Big = subtotal.minus(discount).plus(tax);
  return { lines, subtotal, discount, tax, total };
};

export const estimatePlan = (table: EventTable, plan: Plan, options: EstimateOptions = {}): Estimate => {
  const { columns } = table;
  const n = columns.length;
  const rule = plan.cycle;
  const { min, max } = timeRange(columns.timestamp, n);
  const boundaries = cycleBoundaries(min, max, rule);
  const cycleCount = Math.max(boundaries.length - 1, 0);
  const cycleOf = bucketByCycle(columns.timestamp, n, boundaries);

  const eventCounts = new Float64Array(cycleCount);
  for (let i = 0; i < n; i++) {
    const c = cycleOf[i];
    if (c >= 0) eventCounts[c] += 1;
  }

  const usage = new Map<string, MeterUsage>();
  const source = fieldSource(table, rule.timeZone);
  for (const charge of plan.charges) {
    if (charge.model === 'flat' || charge.meter === undefined || usage.has(charge.meter)) continue;
    usage.set(charge.meter, measureMeter(table, charge.meter, plan.meters[charge.meter], cycleOf, cycleCount, source));
  }

  const cycles: CycleEstimate[] = [];
  const lastNonEmpty = eventCounts.findLastIndex((c) => c > 0);
  for (let c = 0; c < cycleCount; c++) {
    if (eventCounts[c] === 0) continue;
    const startMs = boundaries[c];
    const endMs = boundaries[c + 1];
    const firstCycle = cycles.length === 0;
    const ctx = { plan, usage, cycle: c, firstCycle };
    const totals = cycleTotals(plan, plan.charges.flatMap((charge) => chargeLines(charge, ctx)));
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
      lines: totals.lines,
      subtotal: money(totals.subtotal, plan.rounding),
      discount: money(totals.discount, plan.rounding),
      tax: money(totals.tax, plan.rounding),
      total: money(totals.total, plan.rounding),
    });
  }

  const total = sumDecimals(cycles.map((c) => new Dec(c.total)));
  return {
    plan: plan.name,
    currency: plan.currency,
    timeZone: rule.timeZone,
    cycles,
    total: money(total, plan.rounding),
  };
};
