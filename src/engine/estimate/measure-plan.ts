/**
 * Measures every meter a plan's charges name, once each. Meters priced by dated rate cards are measured over cycles
 * split at card changes (rate-cards/split-usage.ts), still in one pass; their cycle usage is merged from the parts,
 * so every other charge on the same meter sees the same usage as without cards.
 */
import type { EventTable } from '../events';
import type { FieldSource } from '../fields/field-source';
import { measureMeter, type MeterUsage } from '../meters/measure';
import type { Plan } from '../plan/types';
import { cardChangeInstants } from '../rate-cards/schedule';
import { isAdditive, mergeUsage, splitCycles, type UsagePart } from '../rate-cards/split-usage';
import { bucketByCycle } from '../time/cycles';

/** Per meter name, per cycle: the parts (in time order) between card changes. */
export type UsageParts = Map<string, UsagePart[][]>;

export type MeasuredPlan = { usage: Map<string, MeterUsage>; parts: UsageParts };

export const measurePlan = (
  table: EventTable,
  plan: Plan,
  cycle: { boundaries: readonly number[]; cycleOf: Int32Array; cycleCount: number },
  source: FieldSource,
): MeasuredPlan => {
  const { boundaries, cycleOf, cycleCount } = cycle;
  const dated = new Set<string>();
  for (const charge of plan.charges) {
    if (charge.model === 'rate-card' && charge.cards && charge.meter !== undefined) dated.add(charge.meter);
  }
  const changes = dated.size > 0 ? cardChangeInstants(plan.charges, plan.cycle.timeZone) : [];
  const segments = splitCycles(boundaries, changes);
  const segmentCount = Math.max(segments.bounds.length - 1, 0);
  const split = segmentCount > cycleCount;
  let segmentOf: Int32Array | null = null;

  const usage = new Map<string, MeterUsage>();
  const parts: UsageParts = new Map();
  for (const charge of plan.charges) {
    const name = charge.meter;
    if (charge.model === 'flat' || name === undefined || usage.has(name)) continue;
    const meter = plan.meters[name];
    if (!dated.has(name) || !split || !isAdditive(meter)) {
      const measured = measureMeter(table, name, meter, cycleOf, cycleCount, source);
      usage.set(name, measured);
      if (dated.has(name)) parts.set(name, measured.cycles.map((u, c) => [{ startMs: boundaries[c], usage: u }]));
      continue;
    }
    segmentOf ??= bucketByCycle(table.columns.timestamp, table.columns.length, segments.bounds);
    const bySegment = measureMeter(table, name, meter, segmentOf, segmentCount, source);
    const perCycle: UsagePart[][] = Array.from({ length: cycleCount }, () => []);
    bySegment.cycles.forEach((u, s) => perCycle[segments.cycleOfSegment[s]].push({ startMs: segments.bounds[s], usage: u }));
    const hasBy = bySegment.by.length > 0;
    usage.set(name, { ...bySegment, cycles: perCycle.map((list) => mergeUsage(list.map((p) => p.usage), hasBy)) });
    parts.set(name, perCycle);
  }
  return { usage, parts };
};
