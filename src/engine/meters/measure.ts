/**
 * Meters: one pass over the events per meter, bucketed by cycle (cycle indices precomputed once per estimate).
 * - `count`: sum of `quantity` of matching events.
 * - `unique`: distinct combinations of the `of` fields within the cycle. An event whose `of` fields are all empty is
 *   not counted (nor in eventCount/samples): an unknown contact is not a distinct contact.
 * With `by`, one quantity per key (the `by` values joined with ':', e.g. "BR:marketing"); keys sorted by label.
 */
import type { EventTable, StringField } from '../events';
import { compileFilter } from '../filters';
import type { Meter } from '../plan/types';
import { keyCoder } from './key-coder';

export const SAMPLE_SIZE = 5;

export type KeyUsage = {
  /** '' when the meter has no `by`. */
  key: string;
  quantity: number;
  /** Events that matched (and, for unique meters, carried a value). */
  eventCount: number;
  /** Up to SAMPLE_SIZE indices into the table, in table order. */
  sampleEvents: number[];
};

export type CycleUsage = {
  /** All keys together (for a unique meter with `by`, the sum of the keys' distinct counts). */
  total: KeyUsage;
  /** One entry per key seen in the cycle, sorted by key; [] when the meter has no `by`. */
  keys: KeyUsage[];
};

export type MeterUsage = {
  meter: string;
  type: Meter['type'];
  /** The rendered `where`, '' when none. */
  filter: string;
  by: string[];
  /** Indexed like the cycle boundaries (cycle k = [b[k], b[k+1])). */
  cycles: CycleUsage[];
};

type Acc = { quantity: number; eventCount: number; samples: number[]; seen: Set<number> | null };

const newAcc = (unique: boolean): Acc => ({ quantity: 0, eventCount: 0, samples: [], seen: unique ? new Set() : null });

const finish = (key: string, acc: Acc): KeyUsage => ({
  key,
  quantity: acc.seen ? acc.seen.size : acc.quantity,
  eventCount: acc.eventCount,
  sampleEvents: acc.samples,
});

/**
 * Measures one meter over the table. `cycleOf[i]` is event i's cycle (-1 = outside, skipped); `cycleCount` the
 * number of cycles. Throws on meter types this version does not measure (validation reports them first).
 */
export const measureMeter = (
  table: EventTable,
  name: string,
  meter: Meter,
  cycleOf: Int32Array,
  cycleCount: number,
): MeterUsage => {
  if (meter.type !== 'count' && meter.type !== 'unique') {
    throw new Error(`meter type '${meter.type}' is not supported yet by this version`);
  }
  const unique = meter.type === 'unique';
  const filter = compileFilter(meter.where, table);
  const by = (meter.by ?? []) as StringField[];
  const byCoder = by.length > 0 ? keyCoder(table, by) : null;
  const ofCoder = meter.type === 'unique' ? keyCoder(table, meter.of as StringField[]) : null;
  const qty = table.columns.quantity;
  const n = table.columns.length;

  const plain: Acc[] = Array.from({ length: cycleCount }, () => newAcc(unique));
  const keyed: Map<number, Acc>[] = byCoder ? Array.from({ length: cycleCount }, () => new Map()) : [];
  const test = filter.test;
  const always = filter.always;

  for (let i = 0; i < n; i++) {
    const c = cycleOf[i];
    if (c < 0) continue;
    if (!always && !test(i)) continue;
    let ofKey = 0;
    if (ofCoder) {
      ofKey = ofCoder.keyOf(i);
      if (ofKey === 0) continue;
    }
    let acc: Acc;
    if (byCoder) {
      const k = byCoder.keyOf(i);
      const m = keyed[c];
      const found = m.get(k);
      if (found) acc = found;
      else {
        acc = newAcc(unique);
        m.set(k, acc);
      }
    } else {
      acc = plain[c];
    }
    if (acc.seen) acc.seen.add(ofKey);
    else {
      const q = qty[i];
      if (q === q) acc.quantity += q;
    }
    acc.eventCount += 1;
    if (acc.samples.length < SAMPLE_SIZE) acc.samples.push(i);
  }

  const cycles: CycleUsage[] = [];
  for (let c = 0; c < cycleCount; c++) {
    if (!byCoder) {
      cycles.push({ total: finish('', plain[c]), keys: [] });
      continue;
    }
    const keys = [...keyed[c]].map(([k, acc]) => finish(byCoder.label(k), acc));
    keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const samples = keys
      .flatMap((k) => k.sampleEvents)
      .sort((a, b) => a - b)
      .slice(0, SAMPLE_SIZE);
    const total: KeyUsage = {
      key: '',
      quantity: keys.reduce((s, k) => s + k.quantity, 0),
      eventCount: keys.reduce((s, k) => s + k.eventCount, 0),
      sampleEvents: samples,
    };
    cycles.push({ total, keys });
  }
  return { meter: name, type: meter.type, filter: filter.text, by, cycles };
};
