/**
 * One simulation: the knobs applied to the events (resample.ts), every plan estimated on the result with the
 * unchanged engine, compared (compare.ts), each plan's difference from the cheapest explained by line, the multiplier
 * curve and, when asked, the TCO projection. Each plan's meters are measured once (`measureForEstimate`, one pass per
 * meter): the estimate, the curve's 48 points and the TCO's N months are all priced from that measurement.
 */
import { estimateOfMeasured, measureForEstimate } from '../estimate/estimate';
import type { Estimate } from '../estimate/types';
import type { EventTable } from '../events';
import type { Plan } from '../plan/types';
import { comparePlans, explainDifference, type Comparison, type Difference } from './compare';
import { curveOfMeasured, multipliers, type Curve } from './curve';
import type { Knobs } from './knobs';
import { applyKnobs, type Resampled } from './resample';
import { scalingOf } from './scaled-pricing';
import { NO_TERMS, tcoOfMeasured, type Tco, type TcoTerms } from './tco';

export type SimulationInput = {
  plans: readonly Plan[];
  knobs: Knobs;
  /** The dataset's time zone: months of growth and spikes are its local months. */
  timeZone: string;
  /** Multiplier points of the curve (default 48 log-spaced from 0.25 to 4, and 1); [] = no curve. */
  curve?: readonly number[];
  /** TCO over `months` months, with terms per plan (same order as `plans`; missing = none). */
  tco?: { months: number; terms: readonly (TcoTerms | undefined)[] };
};

export type Simulation = {
  comparison: Comparison;
  /** Each plan's estimate on the simulated events (lines with explanations). */
  estimates: Estimate[];
  /** Plan i against the cheapest plan (null for the cheapest itself). */
  differences: (Difference | null)[];
  curve: Curve | null;
  tco: Tco[] | null;
  /** Events before and after the knobs; local months of the data; agents and numbers (channels) after the knobs. */
  events: { measured: number; simulated: number };
  months: string[];
  agents: number;
  numbers: number;
};

/**
 * The last resampling per measured table: a change of TCO months or terms (or of the plans) reuses it instead of
 * resampling again; any knob change makes a new one. Held weakly: a dataset dropped from memory drops it too.
 */
const lastResample = new WeakMap<EventTable, { key: string; sim: Resampled }>();

const resampled = (table: EventTable, knobs: Knobs, timeZone: string): Resampled => {
  const key = JSON.stringify([knobs, timeZone]);
  const hit = lastResample.get(table);
  if (hit && hit.key === key) return hit.sim;
  const sim = applyKnobs(table, knobs, timeZone);
  lastResample.set(table, { key, sim });
  return sim;
};

export const simulate = (table: EventTable, input: SimulationInput): Simulation => {
  const sim = resampled(table, input.knobs, input.timeZone);
  const measurements = input.plans.map((p) => measureForEstimate(sim.table, p));
  const estimates = measurements.map((m) => estimateOfMeasured(m));
  const comparison = comparePlans(estimates);
  const best = comparison.cheapest;
  const differences = estimates.map((e, i) =>
    i === best || best < 0 ? null : explainDifference(estimates[best], e, input.plans[i].rounding));
  const points = input.curve ?? multipliers();
  const wantsCurve = points.length > 0 && input.plans.length > 0;
  const measured = wantsCurve || input.tco ? measurements.map(scalingOf) : [];
  const curve = wantsCurve ? curveOfMeasured(measured, points) : null;
  const tco = input.tco
    ? measured.map((m, i) => tcoOfMeasured(m, {
      months: input.tco!.months,
      growthPercent: input.knobs.growthPercent,
      spikes: input.knobs.spikes,
      numbers: sim.numbers,
      terms: input.tco!.terms[i] ?? NO_TERMS,
    }))
    : null;
  return {
    comparison,
    estimates,
    differences,
    curve,
    tco,
    events: { measured: table.columns.length, simulated: sim.table.columns.length },
    months: sim.months,
    agents: sim.agents,
    numbers: sim.numbers,
  };
};
