/** What an estimate is: per cycle, lines with quantity, amount and the reason for the number. */

/**
 * An explanation as a message code with parameters, for the UI to say in the user's language; `text` stays the
 * English sentence (CLI, bill JSON). Numbers are plain decimal strings ("12345.5"); `formula` is the charge model's
 * formula as written in `text` (English). A rounded amount adds `raw`, `decimals` and `mode`.
 * - 'usage': quantity, meter, key?, filter?, free?, billable, formula, amount
 * - 'fixed': quantity, free?, billable, formula, amount
 * - 'flat' / 'flat-once': fee
 * - 'minimum-spend': subtotal, minimum, amount
 * - 'cap': charges, charged, cap, excess, percent?, tolerance, beyond ('true' / 'false')
 * - 'projection': elapsedDays, cycleDays, percent, factor, total
 */
export type ExplanationMessage = {
  code: 'usage' | 'fixed' | 'flat' | 'flat-once' | 'minimum-spend' | 'cap' | 'projection';
  params: Record<string, string>;
};

/** Structured account of how a line's number came to be; the UI renders it, it never recomputes. */
export type LineExplanation = {
  /** One human sentence, e.g. "12,345 messages (kind = message) - 10,000 free = 2,345 billable; 3 packages of 1,000 at 5.00". */
  text: string;
  /** `text` as a code and parameters, for translation. */
  message?: ExplanationMessage;
  meter?: string;
  /** The meter's filter, rendered, e.g. "kind = message". */
  filter?: string;
  /** Events that matched the meter in this cycle. */
  eventCount: number;
  /** Up to 5 indices (into the EventTable) of events behind the line, for "show sample events". */
  sampleEvents: number[];
  /** Usage measured by the meter (or the fixed quantity). */
  usage: number;
  freeUnits: number;
  billableUnits: number;
  /** Each priced step, e.g. { units: 2345, unitPrice: "0.005", amount: "11.725" } or a package step. */
  steps: { description: string; units: number; price: string; amount: string }[];
  /** Unrounded amount and the rounding applied, e.g. { raw: "11.725", rule: "2 decimals, half-up" }. */
  rounding: { raw: string; rule: string };
};

export type EstimateLine = {
  charge: string;
  label: string;
  /** For a charge on a meter with `by`: the key of this line (values joined with ':', e.g. "BR:marketing"). */
  key?: string;
  /** Billable units priced by the line (usage − free units; 1 for flat fees and the minimum-spend true-up). */
  quantity: number;
  /** Decimal string, rounded per the plan's rounding. */
  amount: string;
  /**
   * Reconciliation: the vendor's own sum of `price` over the events behind the line's units in the cycle (rounded
   * like amounts). Only on usage lines whose events carry at least one price.
   */
  vendorAmount?: string;
  explanation: LineExplanation;
};

/** The plan's cost cap in one cycle (present on every cycle when the plan has a `cap`). */
export type CapResult = {
  /** Ids of the capped charges. */
  charges: string[];
  /** The cap, rounded like amounts. */
  amount: string;
  /** What the capped charges' lines add up to before the cap. */
  charged: string;
  /** charged − cap when above the cap, else "0.00". */
  excess: string;
  /** True when the cap applied (a negative `cap` adjustment line brings the capped charges down to the cap). */
  applied: boolean;
  tolerancePercent: string;
  /** True when charged > cap × (1 + tolerancePercent / 100): the usage went beyond the tolerance. */
  beyondTolerance: boolean;
};

/** A running cycle's total projected to its end at the run-rate so far. */
export type CycleProjection = {
  /** ISO-8601 UTC instant the projection is made at (`options.now`). */
  asOf: string;
  /** Elapsed part of the cycle, (0, 1]. */
  elapsedFraction: number;
  /** Usage so far ÷ elapsedFraction, priced with the same plan (flat fees and fixed quantities unchanged). */
  lines: EstimateLine[];
  subtotal: string;
  discount: string;
  tax: string;
  total: string;
  /** e.g. "10 of 31 days elapsed (32.3%): usage so far × 3.1, priced with the plan". */
  text: string;
  /** `text` as a code and parameters, for translation. */
  message?: ExplanationMessage;
};

export type CycleEstimate = {
  /** ISO-8601 UTC. */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  /** True when the dataset's events do not cover the cycle from its start to its end. */
  partial: boolean;
  /** Events of the dataset that fall in this cycle. */
  eventCount: number;
  lines: EstimateLine[];
  subtotal: string;
  discount: string;
  tax: string;
  total: string;
  /** When the plan has a cap: how the capped charges compared with it in this cycle. */
  cap?: CapResult;
  /** For the cycle still running at `options.now`: its total projected to the cycle end. */
  projection?: CycleProjection;
  /** Reconciliation: sum of `price` over all the cycle's events that carry one (rounded like amounts); absent when none. */
  vendorTotal?: string;
  /** How many of the cycle's events carry a vendor price (present with `vendorTotal`). */
  vendorEvents?: number;
  /** Cycle total − vendor total (present with `vendorTotal`). */
  vendorDifference?: string;
};

export type Estimate = {
  plan: string;
  currency: string;
  timeZone: string;
  cycles: CycleEstimate[];
  /** Sum of the cycles' totals. */
  total: string;
};
