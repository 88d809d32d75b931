/**
 * Re-pricing after a what-if knob change (issue #6), as the Simulate page does it in the worker: the dataset is in
 * memory; each change applies the knobs (resampling by whole contacts), estimates every plan, explains the differences,
 * prices the 49-point multiplier curve and a 24-month TCO. 20 changes of the monthly growth (1% .. 20%) after one
 * warm-up run; the median (and min/max) of the 20 is reported. `timeSimulate` runs on any table (Node here; the same
 * engine code runs in the Chromium worker).
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tableFromChunks, type EventChunk, type EventTable } from '../../src/engine/events';
import { parsePlan } from '../../src/engine/plan/validate';
import type { Plan } from '../../src/engine/plan/types';
import { NEUTRAL_KNOBS } from '../../src/engine/simulate/knobs';
import { simulate } from '../../src/engine/simulate/simulate';
import { importCsv, PIECE_SIZE } from '../../src/import/import-csv';
import type { BenchPlan } from './estimate-bench';

export const SIMULATE_CHANGES = 20;

export type SimulateTimings = {
  events: number;
  plans: string[];
  /** ms of each knob change, in order. */
  runs: number[];
  medianMs: number;
  /** Events after the knobs at the first and the last change. */
  simulated: [number, number];
  /** The plans' totals at the last change (a check that the work was done). */
  totals: string[];
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const toPlan = (p: BenchPlan): Plan => {
  const r = parsePlan(p.json);
  if (!r.ok) throw new Error(`${p.file}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return r.plan;
};

export const timeSimulate = (table: EventTable, benchPlans: readonly BenchPlan[], timeZone: string, changes = SIMULATE_CHANGES): SimulateTimings => {
  const plans = benchPlans.map(toPlan);
  const run = (growthPercent: string) => simulate(table, { plans, knobs: { ...NEUTRAL_KNOBS, growthPercent }, timeZone, tco: { months: 24, terms: [] } });
  run('0'); // warm-up (JIT, derived columns cached with the table)
  const runs: number[] = [];
  let first = 0;
  let last = run('0');
  for (let k = 1; k <= changes; k++) {
    const t0 = performance.now();
    last = run(String(k));
    runs.push(performance.now() - t0);
    if (k === 1) first = last.events.simulated;
  }
  return {
    events: table.columns.length,
    plans: benchPlans.map((p) => p.id),
    runs,
    medianMs: median(runs),
    simulated: [first, last.events.simulated],
    totals: last.comparison.plans.map((p) => p.total),
  };
};

/** The file imported as the CLI does (importCsv -> tableFromChunks), then `timeSimulate`. */
export const nodeSimulate = async (path: string, timeZone: string, plans: readonly BenchPlan[]): Promise<SimulateTimings> => {
  let chunks: EventChunk[] = [];
  await importCsv(createReadStream(path, { encoding: 'utf8', highWaterMark: PIECE_SIZE }), { preset: 'generic', timeZone }, {
    chunk: async (chunk) => {
      chunks.push(chunk);
    },
  });
  const table = tableFromChunks(chunks);
  chunks = [];
  return timeSimulate(table, plans, timeZone);
};
