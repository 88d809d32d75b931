/**
 * What an allocation is: the spec's `split` document (`currency`, `total`, `basis`, `centres` with `id`, `label`,
 * `amount`, `ratio`) plus the detail a drill-down needs: per cycle, per line, each centre's part with the driver units
 * behind it and a sample of its events. Amounts are decimal strings with the plan's rounding and add up exactly
 * (parts to lines, lines to cycles, cycles to the total); ratios are display values with RATIO_DECIMALS places.
 */
import type { MultiCentrePolicy, SharedPolicy, UnattributedPolicy } from '../rules/types';

export type AllocationBasis = 'estimate' | 'invoice';

/**
 * How a line was split: `usage` by the units of its meter each centre drove; `shared` (flat fees, fixed quantities,
 * minimum-spend true-up) by the shared policy; `cap` like the capped lines; `discount` like the subtotal; `tax` like
 * the subtotal after discount; `invoice` (invoice basis) by the driver.
 */
export type AllocationLineKind = 'usage' | 'shared' | 'cap' | 'discount' | 'tax' | 'invoice';

/** One centre's part of a line. */
export type LinePart = {
  centre: string;
  amount: string;
  /** Part of the line's amount. */
  ratio: string;
  /**
   * Units of the split's meter this centre's events drove (usage and invoice lines): fractional when a unit is
   * shared (multiCentre even/weighted). The `unattributed` centre's are the units no rule claimed.
   */
  units?: number;
  /** Up to 5 table indices of the centre's events behind the units. */
  sampleEvents: number[];
};

export type AllocationLine = {
  charge: string;
  label: string;
  key?: string;
  kind: AllocationLineKind;
  amount: string;
  /** Meter the line was split by (usage lines: the line's meter; invoice lines: the driver). */
  meter?: string;
  /** All units of the line's meter (attributed and not). */
  units?: number;
  /** Units whose events matched no rule (handled by the unattributed policy). */
  unattributedUnits?: number;
  /** How the line was split, in words, e.g. "by conversations; 100 unattributed spread proportionally". */
  method: string;
  /** One per centre, in the order of `Allocation.centres`. */
  parts: LinePart[];
};

export type CentreAmount = { centre: string; amount: string; ratio: string };

export type CycleAllocation = {
  /** ISO-8601 UTC. */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  total: string;
  /** One per centre, in the order of `Allocation.centres`: the sum of its parts of the cycle's lines. */
  centres: CentreAmount[];
  lines: AllocationLine[];
};

export type CentreAllocation = {
  id: string;
  label: string;
  amount: string;
  ratio: string;
  /** True for the `unattributed` centre (unattributed cost kept `separate`). */
  unattributed: boolean;
  /** Events the rules attributed to the centre (unattributed centre: events no rule matched), in the allocated range. */
  eventCount: number;
  sampleEvents: number[];
  /** Invoice basis: the centre's quantity of the driver meter (before the unattributed policy). */
  driverQuantity?: number;
};

/** Invoice basis with invoice lines: each line against the estimate's lines of the same charge in the same cycles. */
export type LineVariance = {
  label: string;
  charge?: string;
  invoice: string;
  /** null when the line names no charge, or no estimate was available. */
  estimate: string | null;
  /** invoice − estimate. */
  variance: string | null;
  /** variance / estimate × 100, two decimals; null when the estimate is 0 or unknown. */
  variancePercent: string | null;
};

export type Allocation = {
  currency: string;
  total: string;
  basis: AllocationBasis;
  centres: CentreAllocation[];
  policies: { multiCentre: MultiCentrePolicy; shared: SharedPolicy; unattributed: UnattributedPolicy };
  /** Invoice basis: the driver meter and its quantities. */
  driver?: { meter: string; quantity: number; unattributedQuantity: number };
  /** Events no rule matched (within the allocated cycles). */
  unattributedEvents: { count: number; sampleEvents: number[] };
  cycles: CycleAllocation[];
  variance?: LineVariance[];
};

/** The `split` JSON document of spec section 4. */
export type SplitDocument = {
  currency: string;
  total: string;
  basis: AllocationBasis;
  centres: { id: string; label: string; amount: string; ratio: string }[];
};
