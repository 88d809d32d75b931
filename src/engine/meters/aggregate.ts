/**
 * The accumulation shared by all meters: one pass over candidate events, bucketed by cycle and (with `by`) by key.
 * Each meter supplies what an event adds: a value (count: quantity; sum: the field; call-time: billable seconds;
 * WhatsApp: 1 per charged unit), or for `unique` meters the key of the distinct combination. Decimals never appear here.
 */
import type { KeyCoder } from './key-coder';
import type { CycleUsage, KeyUsage } from './usage';
import { SAMPLE_SIZE } from './usage';

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
  vendorMicros: number;
  vendorEvents: number;
  bits: Uint32Array | null;
  seen: Set<number> | null;
};

const finish = (key: string, acc: Acc): KeyUsage => ({
  key,
  quantity: acc.seen ? acc.seen.size : acc.quantity,
  eventCount: acc.eventCount,
  sampleEvents: acc.samples,
  ...(acc.vendorEvents > 0 ? { vendorMicros: acc.vendorMicros, vendorEvents: acc.vendorEvents } : {}),
});

/** Sum of the keys' vendor figures (none when no key has any). */
export const vendorOf = (keys: readonly KeyUsage[]): { vendorMicros?: number; vendorEvents?: number } => {
  let micros = 0;
  let events = 0;
  for (const k of keys) {
    micros += k.vendorMicros ?? 0;
    events += k.vendorEvents ?? 0;
  }
  return events > 0 ? { vendorMicros: micros, vendorEvents: events } : {};
};


export type AggregateInput = {
  cycleOf: Int32Array;
  cycleCount: number;
  /** Events to consider, ascending; null = every event of the table. */
  indices: Int32Array | null;
  length: number;
  /** Filter test; null when every event matches. */
  test: ((i: number) => boolean) | null;
  byCoder: KeyCoder | null;
  /** For unique meters: the key of the distinct combination (0 = every field empty: skipped). */
  ofCoder: KeyCoder | null;
  /** For other meters: what event i adds (NaN adds nothing, the event still counts). */
  value: ((i: number) => number) | null;
  /** The vendor `price` column (integer micro-units, NaN when empty), summed per accumulator; null: not read. */
  price?: Float64Array | null;
};

export const aggregate = (input: AggregateInput): CycleUsage[] => {
  const { cycleOf, cycleCount, indices, byCoder, ofCoder } = input;
  const unique = ofCoder !== null;
  const value = input.value ?? (() => 1);
  const test = input.test;
  const n = indices ? indices.length : input.length;
  const price = input.price ?? null;

  const ofSpace = ofCoder ? ofCoder.space : 0;
  let bitsetWords = 0;
  const newAcc = (): Acc => {
    const acc: Acc = { quantity: 0, eventCount: 0, samples: [], vendorMicros: 0, vendorEvents: 0, bits: null, seen: null };
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

  for (let j = 0; j < n; j++) {
    const i = indices ? indices[j] : j;
    const c = cycleOf[i];
    if (c < 0) continue;
    if (test !== null && !test(i)) continue;
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
    if (price !== null) {
      const p = price[i];
      if (p === p) {
        acc.vendorMicros += p;
        acc.vendorEvents += 1;
      }
    }
    if (!unique) {
      const q = value(i);
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
      ...vendorOf(keys),
    };
    cycles.push({ total, keys });
  }
  return cycles;
};
