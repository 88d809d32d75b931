/**
 * Meters: one pass over the events per meter, bucketed by cycle (cycle indices precomputed once per estimate).
 * - `count`: sum of `quantity` of matching events.
 * - `unique`: distinct combinations of the `of` fields within the cycle. An event whose `of` fields are all empty is
 *   not counted (nor in eventCount/samples): an unknown contact is not a distinct contact.
 * With `by`, one quantity per key (the `by` values joined with ':', e.g. "BR:marketing"); keys sorted by label.
 */
import type { EventTable } from '../events';
import { fieldSource, type FieldSource, type KeyField } from '../fields/field-source';
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

/**
 * Distinct values are kept in a bitset over the `of` key space when it is small (fast, no hashing), else in a Set.
 * Bitsets stay within a memory budget per meter; accumulators beyond it fall back to Sets.
 */
const BITSET_MAX_SPACE = 1 << 23;
const BITSET_BUDGET_WORDS = (64 << 20) / 4;
/** `by` accumulators live in a dense array when cycles × key space is at most this, else in a Map per cycle. */
const DENSE_MAX_SLOTS = 1 << 20;

type Acc = {
  quantity: number;
  eventCount: number;
  samples: number[];
  bits: Uint32Array | null;
  seen: Set<number> | null;
};

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
  source: FieldSource = fieldSource(table),
): MeterUsage => {
  if (meter.type !== 'count' && meter.type !== 'unique') {
    throw new Error(`meter type '${meter.type}' is not supported yet by this version`);
  }
  const unique = meter.type === 'unique';
  const filter = compileFilter(meter.where, table, source);
  const by = (meter.by ?? []) as KeyField[];
  const byCoder = by.length > 0 ? keyCoder(table, by, source) : null;
  const ofCoder = meter.type === 'unique' ? keyCoder(table, meter.of as KeyField[], source) : null;
  const qty = table.columns.quantity;
  const n = table.columns.length;

  const ofSpace = ofCoder ? ofCoder.space : 0;
  let bitsetWords = 0;
  const newAcc = (): Acc => {
    const acc: Acc = { quantity: 0, eventCount: 0, samples: [], bits: null, seen: null };
    if (!unique) return acc;
    const words = Math.ceil(ofSpace / 32);
    if (ofSpace <= BITSET_MAX_SPACE && bitsetWords + words <= BITSET_BUDGET_WORDS) {
      acc.bits = new Uint32Array(words);
      bitsetWords += words;
    } else {
      acc.seen = new Set();
    }
    return acc;
  };

  const plain: Acc[] = byCoder ? [] : Array.from({ length: cycleCount }, newAcc);
  const bySpace = byCoder ? byCoder.space : 0;
  const dense: (Acc | undefined)[] | null =
    byCoder && bySpace * cycleCount <= DENSE_MAX_SLOTS ? new Array(bySpace * cycleCount) : null;
  const keyed: Map<number, Acc>[] = byCoder && !dense ? Array.from({ length: cycleCount }, () => new Map()) : [];
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
      if (dense) {
        const slot = c * bySpace + k;
        const found = dense[slot];
        if (found) acc = found;
        else dense[slot] = acc = newAcc();
      } else {
        const m = keyed[c];
        const found = m.get(k);
        if (found) acc = found;
        else {
          acc = newAcc();
          m.set(k, acc);
        }
      }
    } else {
      acc = plain[c];
    }
    if (!unique) {
      const q = qty[i];
      if (q === q) acc.quantity += q;
    } else if (acc.bits) {
      const w = ofKey >>> 5;
      const bit = 1 << (ofKey & 31);
      if ((acc.bits[w] & bit) === 0) {
        acc.bits[w] |= bit;
        acc.quantity += 1;
      }
    } else {
      acc.seen!.add(ofKey);
    }
    acc.eventCount += 1;
    if (acc.samples.length < SAMPLE_SIZE) acc.samples.push(i);
  }

  /** The accumulators of cycle c, by key. */
  const keyedAccs = (c: number): [number, Acc][] => {
    if (!dense) return [...keyed[c]];
    const out: [number, Acc][] = [];
    for (let k = 0; k < bySpace; k++) {
      const acc = dense[c * bySpace + k];
      if (acc) out.push([k, acc]);
    }
    return out;
  };

  const cycles: CycleUsage[] = [];
  for (let c = 0; c < cycleCount; c++) {
    if (!byCoder) {
      cycles.push({ total: finish('', plain[c]), keys: [] });
      continue;
    }
    const keys = keyedAccs(c).map(([k, acc]) => finish(byCoder.label(k), acc));
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
