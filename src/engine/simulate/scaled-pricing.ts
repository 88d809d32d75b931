/**
 * Pricing measured usage at a volume factor, without another pass over the events: the multiplier curve (48 points)
 * and the months of a projection are priced from aggregates through the same `priceCycle` as the estimate (tiers,
 * free units, cap, minimum spend, discount, tax).
 *
 * Scaling rule, the same as the resampling's (resample.ts) in expectation: every meter scales with the volume except
 * `unique` meters whose `of` does not name `contact` (agents, channels: seats and numbers do not grow with traffic).
 * Counts of distinct things (unique contacts, WhatsApp charged messages or conversations) are rounded to whole units.
 */
import { measureForEstimate, type PlanMeasurement } from '../estimate/estimate';
import { priceCycle, type CycleTotals } from '../estimate/cycle-totals';
import type { UsageParts } from '../estimate/measure-plan';
import { missingRates } from '../estimate/pricing-error';
import type { EventTable } from '../events';
import type { CycleUsage, KeyUsage, MeterUsage } from '../meters/measure';
import type { Meter, Plan } from '../plan/types';

export type MeasuredPlan = {
  plan: Plan;
  usage: Map<string, MeterUsage>;
  parts: UsageParts;
  boundaries: number[];
  /** Cycles with at least one event, in order (the estimate's cycles). */
  cycles: number[];
  /** Time range of the events (the TCO's base cycle is the last one they cover whole). */
  min: number;
  max: number;
};

/**
 * The estimate's own measurement seen for scaling (no second pass: simulate.ts prices the estimate and the curve and
 * TCO from one `measureForEstimate`).
 */
export const scalingOf = (m: PlanMeasurement): MeasuredPlan => {
  const cycles: number[] = [];
  m.eventCounts.forEach((c, k) => { if (c > 0) cycles.push(k); });
  return { plan: m.plan, usage: m.usage, parts: m.parts, boundaries: m.boundaries, cycles, min: m.min, max: m.max };
};

/** Measures every meter of the plan once (one pass per meter, as the estimate does). */
export const measureForScaling = (table: EventTable, plan: Plan): MeasuredPlan => scalingOf(measureForEstimate(table, plan));

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
