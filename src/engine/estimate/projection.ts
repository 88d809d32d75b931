/**
 * Projection of a cycle still running at `now`: the usage measured so far in the cycle, divided by the elapsed
 * fraction of the cycle ((now − start) / (end − start), in real time, so DST days count their true length), is
 * priced with the same plan through the same code (tiers, free units, cap, minimum spend, discount, tax). Flat fees
 * and fixed quantities are not scaled. Unique counts scale linearly too (a run-rate, not a saturation model), and
 * early in a cycle the factor is large: the projection is an indication, labelled as such. With dated rate cards each
 * card's part of the usage so far scales alike (a card taking effect later in the running cycle is not anticipated).
 */
import type { CycleUsage, KeyUsage, MeterUsage } from '../meters/measure';
import type { Plan } from '../plan/types';
import { toIsoUtc } from '../time/cycles';
import { priceCycle } from './cycle-totals';
import type { UsageParts } from './measure-plan';
import type { MissingRates } from './pricing-error';
import type { CycleProjection } from './types';

const DAY = 86_400_000;

/** A key's usage scaled; the vendor's figures are not projected (they are what the vendor billed so far). */
const scaleKey = (k: KeyUsage, factor: number): KeyUsage => ({
  key: k.key,
  quantity: k.quantity * factor,
  eventCount: k.eventCount,
  sampleEvents: k.sampleEvents,
});

const scaleUsage = (c: CycleUsage, factor: number): CycleUsage => ({
  total: scaleKey(c.total, factor),
  keys: c.keys.map((k) => scaleKey(k, factor)),
});

const scaleCycle = (usage: Map<string, MeterUsage>, cycle: number, factor: number): Map<string, MeterUsage> => {
  const out = new Map<string, MeterUsage>();
  for (const [name, m] of usage) {
    const scaled = scaleUsage(m.cycles[cycle], factor);
    out.set(name, { ...m, cycles: m.cycles.map((x, k) => (k === cycle ? scaled : x)) });
  }
  return out;
};

/** Parts between card changes scale alike: the projection keeps each card's share of the usage so far. */
const scaleParts = (parts: UsageParts, cycle: number, factor: number): UsageParts => {
  const out: UsageParts = new Map();
  for (const [name, cycles] of parts) {
    const scaled = cycles[cycle].map((p) => ({ startMs: p.startMs, usage: scaleUsage(p.usage, factor) }));
    out.set(name, cycles.map((x, k) => (k === cycle ? scaled : x)));
  }
  return out;
};

export const projectCycle = (
  plan: Plan,
  usage: Map<string, MeterUsage>,
  cycle: number,
  firstCycle: boolean,
  bounds: { startMs: number; endMs: number; now: number },
  missing: MissingRates,
  parts: UsageParts = new Map(),
): CycleProjection | undefined => {
  const { startMs, endMs, now } = bounds;
  if (!(now > startMs && now < endMs)) return undefined;
  const fraction = (now - startMs) / (endMs - startMs);
  const factor = 1 / fraction;
  const totals = priceCycle(plan, scaleCycle(usage, cycle, factor), cycle, firstCycle, missing, scaleParts(parts, cycle, factor));
  const days = (ms: number): string => (Math.round((ms / DAY) * 10) / 10).toString();
  const text =
    `${days(now - startMs)} of ${days(endMs - startMs)} days elapsed (${(fraction * 100).toFixed(1)}%): ` +
    `usage so far × ${factor.toFixed(2)}, priced with the plan: projected total ${totals.total}`;
  return {
    asOf: toIsoUtc(now),
    elapsedFraction: fraction,
    lines: totals.lines,
    subtotal: totals.subtotal,
    discount: totals.discount,
    tax: totals.tax,
    total: totals.total,
    text,
    message: {
      code: 'projection',
      params: { elapsedDays: days(now - startMs), cycleDays: days(endMs - startMs), percent: (fraction * 100).toFixed(1), factor: factor.toFixed(2), total: totals.total },
    },
  };
};
