/**
 * `allocateEstimate`: an estimate (of `plan` over `table`) split over the cost centres of `rules`, cycle by cycle and
 * line by line (cycle-allocation.ts). The centres' amounts add up exactly to the estimate's total: each line is split
 * to the cent, and a centre's amount is the sum of its parts. Rules must have been parsed (`parseRules`); the
 * estimate must come from the same table and plan (its cycles are matched by their start).
 */
import type { EventTable } from '../events';
import type { Estimate } from '../estimate/types';
import { Dec, formatDecimal } from '../money';
import type { Plan } from '../plan/types';
import type { Rules } from '../rules/types';
import { allocationContext, eventsByCentre, type AllocationContext } from './context';
import { allocateCycle } from './cycle-allocation';
import { ratioOf } from './largest-remainder';
import type { Allocation, CentreAllocation, CycleAllocation } from './types';

/** The result's centres from their amounts, with event counts of the selected cycles. */
export const centreResults = (
  ctx: AllocationContext,
  amounts: readonly string[],
  total: string,
  selected: (cycle: number) => boolean,
): { centres: CentreAllocation[]; unattributedEvents: Allocation['unattributedEvents'] } => {
  const events = eventsByCentre(ctx, selected);
  const k = ctx.centreCount;
  const centres = ctx.output.map((o, slot) => {
    const at = o.unattributed ? k : slot;
    return {
      id: o.id,
      label: o.label,
      amount: amounts[slot],
      ratio: ratioOf(new Dec(amounts[slot]), new Dec(total)),
      unattributed: o.unattributed,
      eventCount: events.counts[at],
      sampleEvents: events.samples[at],
    };
  });
  return { centres, unattributedEvents: { count: events.counts[k], sampleEvents: events.samples[k] } };
};

export const allocateEstimate = (table: EventTable, plan: Plan, estimate: Estimate, rules: Rules): Allocation => {
  const ctx = allocationContext(table, plan, rules);
  const cycleIndex = new Map(ctx.boundaries.map((b, c) => [b, c]));
  const used = new Set<number>();
  const cycles: CycleAllocation[] = estimate.cycles.map((cycle) => {
    const c = cycleIndex.get(cycle.startMs);
    if (c === undefined || c >= ctx.cycleCount) {
      throw new Error(`the estimate's cycle starting ${cycle.start} is not a cycle of this table under plan '${plan.name}'`);
    }
    used.add(c);
    return allocateCycle(ctx, cycle, c);
  });
  const amounts = ctx.output.map((_, slot) =>
    formatDecimal(cycles.reduce((s, cy) => s.plus(cy.centres[slot].amount), new Dec(0)), plan.rounding),
  );
  return {
    currency: estimate.currency,
    total: estimate.total,
    basis: 'estimate',
    ...centreResults(ctx, amounts, estimate.total, (c) => used.has(c)),
    policies: { multiCentre: rules.multiCentre, shared: rules.shared, unattributed: rules.unattributed },
    cycles,
  };
};
