import type { Estimate } from '../worker/types';
import type { AllowanceAlert } from './dashboard-slice';

/** A plan's free units in one cycle and how much of them the usage took. */
export type Allowance = {
  key: string;
  label: string;
  used: number;
  free: number;
  /** used / free × 100 (may exceed 100). */
  percent: number;
  remaining: number;
  cycleStart: number;
  cycleEnd: number;
  partial: boolean;
};

/** The estimate's cycle holding `at` (else the latest cycle), or null without an estimate. */
export const cycleAt = (estimate: Estimate | null, at: number | null) => {
  if (!estimate || estimate.cycles.length === 0) return null;
  return estimate.cycles.find((c) => at !== null && at >= c.startMs && at < c.endMs) ?? estimate.cycles[estimate.cycles.length - 1];
};

/**
 * The allowances of the cycle holding `at` (else the latest cycle) from the estimate's lines: every line whose
 * explanation has free units. Read from the engine's explanation, never recomputed.
 */
export const allowancesOf = (estimate: Estimate | null, at: number | null): Allowance[] => {
  const cycle = cycleAt(estimate, at);
  if (!estimate || !cycle) return [];
  return cycle.lines
    .filter((l) => l.explanation.freeUnits > 0)
    .map((l) => {
      const used = l.explanation.usage;
      const free = l.explanation.freeUnits;
      return {
        key: l.charge + (l.key ?? ''),
        label: l.label,
        used,
        free,
        percent: (used / free) * 100,
        remaining: Math.max(0, free - used),
        cycleStart: cycle.startMs,
        cycleEnd: cycle.endMs,
        partial: cycle.partial,
      };
    });
};

/** True when the allowance crossed the user's threshold. */
export const crossesAlert = (a: Allowance, alert: AllowanceAlert): boolean =>
  alert.mode === 'percent' ? a.percent >= alert.value : a.remaining <= alert.value;
