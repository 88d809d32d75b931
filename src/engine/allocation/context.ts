/**
 * What every allocation needs once per call: the plan's cycles over the table (computed exactly as `estimatePlan`
 * does), the fields in the plan's time zone, each event's centre, the output centres (declared ones, plus
 * `unattributed` when that cost is kept separate), and the per-centre units of each meter, measured on first use.
 */
import { timeRange } from '../time/time-range';
import type { EventTable } from '../events';
import { fieldSource, type FieldSource } from '../fields/field-source';
import { SAMPLE_SIZE } from '../meters/usage';
import type { Plan } from '../plan/types';
import { centreColumn, UNATTRIBUTED } from '../rules/attribute';
import { UNATTRIBUTED_CENTRE, type Rules } from '../rules/types';
import { bucketByCycle, cycleBoundaries } from '../time/cycles';
import { measureCentreUnits, type CentreUnits } from './centre-units';

export type OutputCentre = { id: string; label: string; unattributed: boolean };

export type AllocationContext = {
  table: EventTable;
  plan: Plan;
  rules: Rules;
  boundaries: number[];
  cycleOf: Int32Array;
  cycleCount: number;
  source: FieldSource;
  /** Centre index per event, or UNATTRIBUTED. */
  centres: Int32Array;
  /** Declared centres. */
  centreCount: number;
  /** Centres of the result: declared, then `unattributed` when kept separate (slot centreCount). */
  output: OutputCentre[];
  separate: boolean;
  /** Per-centre units of a meter (cached per call). */
  unitsOf: (meter: string) => CentreUnits;
};

/** Events outside [fromMs, toMs) are left out (cycle -1), as if absent; cycles stay those of the whole table. */
export type EventRange = { fromMs?: number; toMs?: number };

export const allocationContext = (table: EventTable, plan: Plan, rules: Rules, range: EventRange = {}): AllocationContext => {
  const { columns } = table;
  const { min, max } = timeRange(columns.timestamp, columns.length);
  const boundaries = cycleBoundaries(min, max, plan.cycle);
  const cycleCount = Math.max(boundaries.length - 1, 0);
  const cycleOf = bucketByCycle(columns.timestamp, columns.length, boundaries);
  if (range.fromMs !== undefined || range.toMs !== undefined) {
    const from = range.fromMs ?? -Infinity;
    const to = range.toMs ?? Infinity;
    for (let i = 0; i < columns.length; i++) {
      const t = columns.timestamp[i];
      if (!(t >= from && t < to)) cycleOf[i] = -1;
    }
  }
  const source = fieldSource(table, plan.cycle.timeZone);
  const centres = centreColumn(table, rules, source);
  const centreCount = rules.centres.length;
  const separate = rules.unattributed.method === 'separate';
  const output: OutputCentre[] = rules.centres.map((c) => ({ id: c.id, label: c.label, unattributed: false }));
  if (separate) output.push({ id: UNATTRIBUTED_CENTRE, label: 'Unattributed', unattributed: true });
  const measured = new Map<string, CentreUnits>();
  const input = { table, cycleOf, cycleCount, source, centres, centreCount, multiCentre: rules.multiCentre };
  const unitsOf = (name: string): CentreUnits => {
    let units = measured.get(name);
    if (!units) {
      const meter = plan.meters[name];
      if (!meter) throw new Error(`unknown meter '${name}' in plan '${plan.name}'`);
      measured.set(name, (units = measureCentreUnits(name, meter, input)));
    }
    return units;
  };
  return { table, plan, rules, boundaries, cycleOf, cycleCount, source, centres, centreCount, output, separate, unitsOf };
};

/** Events per declared centre (and unattributed, last) among events whose cycle is selected, with samples. */
export const eventsByCentre = (
  ctx: AllocationContext,
  selected: (cycle: number) => boolean,
): { counts: number[]; samples: number[][] } => {
  const k = ctx.centreCount;
  const counts = new Array<number>(k + 1).fill(0);
  const samples: number[][] = Array.from({ length: k + 1 }, () => []);
  const keep = Uint8Array.from({ length: ctx.cycleCount }, (_, c) => (selected(c) ? 1 : 0));
  for (let i = 0; i < ctx.table.columns.length; i++) {
    const c = ctx.cycleOf[i];
    if (c < 0 || keep[c] === 0) continue;
    const centre = ctx.centres[i];
    const slot = centre === UNATTRIBUTED ? k : centre;
    counts[slot]++;
    if (samples[slot].length < SAMPLE_SIZE) samples[slot].push(i);
  }
  return { counts, samples };
};
