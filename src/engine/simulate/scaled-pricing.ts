/**
 * Pricing measured usage at a volume factor, without another pass over the events: the multiplier curve (48 points)
 * and the months of a projection are priced from aggregates through the same `priceCycle` as the estimate (tiers,
 * free units, cap, minimum spend, discount, tax).
 *
 * Scaling rule, the same as the resampling's (resample.ts) in expectation: every meter scales with the volume except
 * `unique` meters whose `of` does not name `contact` (agents, channels: seats and numbers do not grow with traffic).
 * Counts of distinct things (unique contacts, WhatsApp charged messages or conversations) are rounded to whole units.
 */
import { priceCycle, type CycleTotals } from '../estimate/cycle-totals';
import { measurePlan, type UsageParts } from '../estimate/measure-plan';
import { missingRates } from '../estimate/pricing-error';
import type { EventTable } from '../events';
import { fieldSource } from '../fields/field-source';
import type { CycleUsage, KeyUsage, MeterUsage } from '../meters/measure';
import type { Meter, Plan } from '../plan/types';
import { bucketByCycle, cycleBoundaries } from '../time/cycles';
import { timeRange } from '../time/time-range';

export type MeasuredPlan = {
  plan: Plan;
  usage: Map<string, MeterUsage>;
  parts: UsageParts;
  boundaries: number[];
  /** Cycles with at least one event, in order (the estimate's cycles). */
  cycles: number[];
};

/** Measures every meter of the plan once (one pass per meter, as the estimate does). */
export const measureForScaling = (table: EventTable, plan: Plan): MeasuredPlan => {
  const n = table.columns.length;
  const { min, max } = timeRange(table.columns.timestamp, n);
  const boundaries = cycleBoundaries(min, max, plan.cycle);
  const cycleCount = Math.max(boundaries.length - 1, 0);
  const cycleOf = bucketByCycle(table.columns.timestamp, n, boundaries);
  const counts = new Uint32Array(cycleCount);
  for (let i = 0; i < n; i++) if (cycleOf[i] >= 0) counts[cycleOf[i]]++;
  const { usage, parts } = measurePlan(table, plan, { boundaries, cycleOf, cycleCount }, fieldSource(table, plan.cycle.timeZone));
  const cycles: number[] = [];
  counts.forEach((c, k) => { if (c > 0) cycles.push(k); });
  return { plan, usage, parts, boundaries, cycles };
};

/** Whether a meter's quantity follows the traffic volume (see the rule above). */
export const scalesWithVolume = (meter: Meter): boolean => meter.type !== 'unique' || meter.of.includes('contact');

const whole = (meter: Meter): boolean => meter.type === 'unique' || meter.type === 'whatsapp-pmp' || meter.type === 'whatsapp-cbp';

const scaleKey = (k: KeyUsage, factor: number, round: boolean): KeyUsage => {
  const q = k.quantity * factor;
  return { key: k.key, quantity: round ? Math.round(q) : q, eventCount: k.eventCount, sampleEvents: k.sampleEvents };
};

const scaleCycleUsage = (c: CycleUsage, factor: number, round: boolean): CycleUsage => {
  const keys = c.keys.map((k) => scaleKey(k, factor, round));
  const total = keys.length > 0
    ? { ...scaleKey(c.total, factor, round), quantity: keys.reduce((s, k) => s + k.quantity, 0) }
    : scaleKey(c.total, factor, round);
  return { total, keys };
};

/** The plan's usage and parts with cycle `cycle` scaled by `factor` (other cycles as measured). */
const scaledAt = (m: MeasuredPlan, cycle: number, factor: number): { usage: Map<string, MeterUsage>; parts: UsageParts } => {
  const usage = new Map<string, MeterUsage>();
  const parts: UsageParts = new Map();
  for (const [name, u] of m.usage) {
    const meter = m.plan.meters[name];
    const f = scalesWithVolume(meter) ? factor : 1;
    const round = whole(meter);
    usage.set(name, { ...u, cycles: u.cycles.map((c, k) => (k === cycle ? scaleCycleUsage(c, f, round) : c)) });
    const p = m.parts.get(name);
    if (p) parts.set(name, p.map((list, k) => (k === cycle ? list.map((x) => ({ startMs: x.startMs, usage: scaleCycleUsage(x.usage, f, round) })) : list)));
  }
  return { usage, parts };
};

/** One cycle of the plan priced with its usage scaled by `factor`; `firstCycle` decides the `once` fees. */
export const priceScaledCycle = (m: MeasuredPlan, cycle: number, factor: number, firstCycle: boolean): CycleTotals => {
  const { usage, parts } = factor === 1 ? { usage: m.usage, parts: m.parts } : scaledAt(m, cycle, factor);
  const missing = missingRates();
  const totals = priceCycle(m.plan, usage, cycle, firstCycle, missing, parts);
  missing.throwIfAny();
  return totals;
};
