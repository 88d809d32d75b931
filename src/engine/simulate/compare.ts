/**
 * Plan comparison on one (possibly resampled) dataset: each plan's estimate side by side per cycle and in total, the
 * cheapest marked, and the difference between two plans explained line by line. Sums are exact decimals.
 */
import type { Estimate } from '../estimate/types';
import { Dec, money, ZERO, type Big } from '../money';
import type { Rounding } from '../money';
import { SimulationError } from './resample';

export type ComparedPlan = {
  name: string;
  total: string;
  cycles: { start: string; total: string }[];
};

/** One row of the side-by-side table: a cycle start, each plan's total in it (null: the plan has no such cycle). */
export type ComparisonRow = { start: string; totals: (string | null)[]; cheapest: number[] };

export type Comparison = {
  currency: string;
  plans: ComparedPlan[];
  rows: ComparisonRow[];
  /** Index of the plan with the lowest total (the first of equals); -1 without plans. */
  cheapest: number;
  /** Name of that plan (spec section 4's `cheapest`). */
  cheapestName: string;
};

/** Indices of the lowest amounts among the present ones. */
const lowest = (amounts: (string | null)[]): number[] => {
  let best: Big | null = null;
  let out: number[] = [];
  amounts.forEach((a, i) => {
    if (a === null) return;
    const v = new Dec(a);
    if (best === null || v.lt(best)) {
      best = v;
      out = [i];
    } else if (v.eq(best)) out.push(i);
  });
  return out;
};

/** Compares estimates of the same data. All plans must bill in one currency (there is no conversion). */
export const comparePlans = (estimates: readonly Estimate[]): Comparison => {
  const currency = estimates[0]?.currency ?? '';
  estimates.forEach((e, i) => {
    if (e.currency !== currency) {
      throw new SimulationError(`plans[${i}] (${e.plan}) bills in ${e.currency}, plans[0] (${estimates[0].plan}) in ${currency}: compare plans of one currency`, `plans[${i}].currency`);
    }
  });
  const plans = estimates.map((e) => ({ name: e.plan, total: e.total, cycles: e.cycles.map((c) => ({ start: c.start, total: c.total })) }));
  const starts = [...new Set(plans.flatMap((p) => p.cycles.map((c) => c.start)))].sort();
  const rows = starts.map((start) => {
    const totals = plans.map((p) => p.cycles.find((c) => c.start === start)?.total ?? null);
    return { start, totals, cheapest: lowest(totals) };
  });
  const cheapest = lowest(plans.map((p) => p.total))[0] ?? -1;
  return { currency, plans, rows, cheapest, cheapestName: cheapest >= 0 ? plans[cheapest].name : '' };
};

/** A line of the explanation: what plan A and plan B charge under one label over all cycles, and B − A. */
export type DifferenceLine = { label: string; a: string; b: string; difference: string };

export type Difference = {
  a: string;
  b: string;
  totalA: string;
  totalB: string;
  /** totalB − totalA. */
  difference: string;
  /** Lines by |difference|, largest first; they add up to `difference` exactly (discount and tax included as lines). */
  lines: DifferenceLine[];
};

const DISCOUNT = 'Discount';
const TAX = 'Tax';

/** Sums of each line label over all cycles (discount negative, tax positive), in first-seen order. */
const byLabel = (e: Estimate): Map<string, Big> => {
  const out = new Map<string, Big>();
  const add = (label: string, amount: Big) => out.set(label, (out.get(label) ?? ZERO).plus(amount));
  for (const c of e.cycles) {
    for (const l of c.lines) add(l.label, new Dec(l.amount));
    if (!new Dec(c.discount).eq(0)) add(DISCOUNT, new Dec(c.discount).neg());
    if (!new Dec(c.tax).eq(0)) add(TAX, new Dec(c.tax));
  }
  return out;
};

/**
 * Which lines make the difference between two plans: lines of the same label are set against each other (a "Base
 * fee" in both), the others stand alone. With `rounding` the figures are formatted like the plans' amounts.
 */
export const explainDifference = (a: Estimate, b: Estimate, rounding: Rounding): Difference => {
  const la = byLabel(a);
  const lb = byLabel(b);
  const labels = [...new Set([...la.keys(), ...lb.keys()])];
  const lines = labels
    .map((label) => {
      const x = la.get(label) ?? ZERO;
      const y = lb.get(label) ?? ZERO;
      return { label, x, y, d: y.minus(x) };
    })
    .filter((l) => !l.d.eq(0))
    .sort((p, q) => q.d.abs().cmp(p.d.abs()) || (p.label < q.label ? -1 : 1))
    .map((l) => ({ label: l.label, a: money(l.x, rounding), b: money(l.y, rounding), difference: money(l.d, rounding) }));
  return {
    a: a.plan,
    b: b.plan,
    totalA: a.total,
    totalB: b.total,
    difference: money(new Dec(b.total).minus(new Dec(a.total)), rounding),
    lines,
  };
};
