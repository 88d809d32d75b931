/**
 * Cycles split at card changes, so that one pass of a meter gives each key's usage per card period.
 *
 * The estimate buckets events by *segment* instead of by cycle: segment boundaries are the cycle boundaries plus every
 * instant at which a dated card takes effect inside them. A meter whose units are additive over time (count, sum,
 * call-time, WhatsApp PMP, CBP without free service conversations) is measured once over segments; its cycle usage is
 * the merge of the cycle's segments, and the segments are the parts a dated rate card prices. Meters whose units are
 * not additive (`unique`: a distinct contact has no single time; CBP with `freeServiceConversations`, counted per
 * cycle) are measured per cycle as before, and their dated cards price the cycle with the card in force at its start.
 */
import { vendorOf } from '../meters/aggregate';
import type { CycleUsage, KeyUsage } from '../meters/usage';
import { SAMPLE_SIZE } from '../meters/usage';
import type { Meter } from '../plan/types';

/** A stretch of one cycle in which no card changes: its start and its usage. */
export type UsagePart = { startMs: number; usage: CycleUsage };

export type Segments = {
  /** Boundaries: cycle boundaries with card changes inserted (segment s = [bounds[s], bounds[s+1])). */
  bounds: number[];
  /** Cycle index of each segment. */
  cycleOfSegment: Int32Array;
};

/** Segments of `cycleBounds` split at the `changes` (epoch ms, ascending) that fall strictly inside a cycle. */
export const splitCycles = (cycleBounds: readonly number[], changes: readonly number[]): Segments => {
  const bounds: number[] = [];
  const cycleOf: number[] = [];
  let j = 0;
  for (let c = 0; c + 1 < cycleBounds.length; c++) {
    const start = cycleBounds[c];
    const end = cycleBounds[c + 1];
    bounds.push(start);
    cycleOf.push(c);
    while (j < changes.length && changes[j] <= start) j++;
    while (j < changes.length && changes[j] < end) {
      bounds.push(changes[j++]);
      cycleOf.push(c);
    }
  }
  if (cycleBounds.length > 0) bounds.push(cycleBounds[cycleBounds.length - 1]);
  return { bounds, cycleOfSegment: Int32Array.from(cycleOf) };
};

/** True when the meter's units add up over time, so that measuring segments and merging equals measuring the cycle. */
export const isAdditive = (meter: Meter): boolean =>
  meter.type !== 'unique' && !(meter.type === 'whatsapp-cbp' && (meter.freeServiceConversations ?? 0) > 0);

const firstSamples = (lists: readonly number[][]): number[] =>
  lists.flat().sort((a, b) => a - b).slice(0, SAMPLE_SIZE);

const mergeKey = (key: string, usages: readonly KeyUsage[]): KeyUsage => ({
  key,
  quantity: usages.reduce((s, u) => s + u.quantity, 0),
  eventCount: usages.reduce((s, u) => s + u.eventCount, 0),
  sampleEvents: firstSamples(usages.map((u) => u.sampleEvents)),
  ...vendorOf(usages),
});

/** One cycle's usage from its segments' (additive meters only): quantities and events add, samples are the first. */
export const mergeUsage = (parts: readonly CycleUsage[], hasBy: boolean): CycleUsage => {
  if (parts.length === 1) return parts[0];
  if (!hasBy) return { total: mergeKey('', parts.map((p) => p.total)), keys: [] };
  const byKey = new Map<string, KeyUsage[]>();
  for (const p of parts) {
    for (const k of p.keys) {
      const list = byKey.get(k.key);
      if (list) list.push(k);
      else byKey.set(k.key, [k]);
    }
  }
  const keys = [...byKey].map(([key, list]) => mergeKey(key, list));
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const total: KeyUsage = {
    key: '',
    quantity: keys.reduce((s, k) => s + k.quantity, 0),
    eventCount: keys.reduce((s, k) => s + k.eventCount, 0),
    sampleEvents: firstSamples(keys.map((k) => k.sampleEvents)),
    ...vendorOf(keys),
  };
  return { total, keys };
};
