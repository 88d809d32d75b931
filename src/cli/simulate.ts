/**
 * `tarifa simulate`: usage files + several plans [+ --scale FACTOR] -> the plans' totals per cycle and in total on
 * the same data, the cheapest named (spec section 4). `--scale` resamples the events by whole contacts exactly as the
 * app's scale knob does (src/engine/simulate/resample.ts), so unique-contact and WhatsApp meters scale sensibly.
 */
import type { Plan } from '../engine/plan/types';
import { randomPseudonymKey } from '../import/pseudonym';
import { NEUTRAL_KNOBS } from '../engine/simulate/knobs';
import { SimulationError } from '../engine/simulate/resample';
import { simulate } from '../engine/simulate/simulate';
import type { Comparison } from '../engine/simulate/compare';
import type { SimulateArgs } from './args';
import { rejectReport, type CliIo } from './bill';
import { CliInputError, loadUsage } from './load-usage';
import { readPlanFile } from './read-input';

/** The spec's JSON document: `{ currency, plans: [{ name, total, cycles: [{ start, total }] }], cheapest }`. */
export const simulateDocument = (c: Comparison) => ({
  currency: c.currency,
  plans: c.plans.map((p) => ({ name: p.name, total: p.total, cycles: p.cycles.map((x) => ({ start: x.start, total: x.total })) })),
  cheapest: c.cheapestName,
});

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per plan and cycle, then one `total` row per plan (empty cycle_start); `cheapest` is 1 on the cheapest plan's rows. */
export const simulateCsv = (c: Comparison): string => {
  const rows: string[][] = [['plan', 'cycle_start', 'total', 'cheapest']];
  c.plans.forEach((p, i) => {
    const mark = i === c.cheapest ? '1' : '0';
    for (const x of p.cycles) rows.push([p.name, x.start, x.total, mark]);
    rows.push([p.name, '', p.total, mark]);
  });
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
};

/** Cycles as rows, plans as columns, the cheapest of each row and overall marked with '*'. */
export const simulateTable = (c: Comparison, scale: string): string => {
  const head = ['Cycle', ...c.plans.map((p) => p.name)];
  const rows = c.rows.map((r) => [r.start.slice(0, 10), ...r.totals.map((t, i) => (t === null ? '-' : `${t}${r.cheapest.includes(i) && c.plans.length > 1 ? ' *' : ''}`))]);
  rows.push(['Total', ...c.plans.map((p, i) => `${p.total}${i === c.cheapest && c.plans.length > 1 ? ' *' : ''}`)]);
  const all = [head, ...rows];
  const widths = head.map((_, k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: string[]) => `  ${r.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join('  ')}`;
  const out = [`Plans compared in ${c.currency}${scale !== '1' ? ` at ${scale}x usage` : ''} (* = cheapest)`, '', line(head), ...rows.map(line), '', `Cheapest: ${c.cheapestName}`];
  return `${out.join('\n')}\n`;
};

export const runSimulate = async (args: SimulateArgs, io: CliIo): Promise<number> => {
  const plans: Plan[] = [];
  for (const path of args.plans) plans.push(await readPlanFile(path));
  const usage = await loadUsage(args.files, args.preset, args.timeZone, args.pseudonymise ? { pseudonymKey: randomPseudonymKey() } : {});
  if (usage.rejected > 0) io.stderr(rejectReport(usage.rejects, usage.rejected));
  if (usage.duplicates > 0) io.stderr(`tarifa: ${usage.duplicates} duplicate event id${usage.duplicates === 1 ? '' : 's'} counted once\n`);
  if (usage.imported === 0) io.stderr('tarifa: no events were imported; the plans have no cycles\n');
  let comparison: Comparison;
  try {
    comparison = simulate(usage.table, { plans, knobs: { ...NEUTRAL_KNOBS, scale: args.scale }, timeZone: args.timeZone, curve: [] }).comparison;
  } catch (e) {
    if (e instanceof SimulationError) {
      const m = /^plans\[(\d+)\]/.exec(e.path);
      throw new CliInputError(m ? `${args.plans[Number(m[1])]}: ${e.message}` : `--scale ${args.scale}: ${e.message}`);
    }
    throw e;
  }
  io.stdout(args.format === 'json' ? `${JSON.stringify(simulateDocument(comparison), null, 2)}\n` : args.format === 'csv' ? simulateCsv(comparison) : simulateTable(comparison, args.scale));
  return 0;
};
