/**
 * The WhatsApp meters read each contact's messages on each channel in time order. This puts the message events
 * (kind `message` or empty, inside a cycle) in order of (contact code, channel code, timestamp, table index) with
 * linear passes over typed arrays: an LSD radix sort on the timestamp (skipped when the table is already in time
 * order, as exports usually are), then stable counting sorts by channel and by contact code.
 */
import type { EventTable } from '../../events';

const RADIX = 65536;

/** Stable counting sort of `order` by `codes[order[j]]` (codes in [0, size)). */
const sortByCode = (order: Int32Array, codes: Uint32Array, size: number): Int32Array => {
  const counts = new Int32Array(size + 1);
  for (let j = 0; j < order.length; j++) counts[codes[order[j]] + 1]++;
  for (let k = 1; k <= size; k++) counts[k] += counts[k - 1];
  const out = new Int32Array(order.length);
  for (let j = 0; j < order.length; j++) out[counts[codes[order[j]]]++] = order[j];
  return out;
};

/** Stable sort of `order` by timestamp: LSD radix on whole milliseconds; a comparison sort when not whole. */
const sortByTime = (order: Int32Array, ts: Float64Array): Int32Array => {
  let min = Infinity;
  let max = -Infinity;
  let sorted = true;
  let whole = true;
  let prev = -Infinity;
  for (let j = 0; j < order.length; j++) {
    const t = ts[order[j]];
    if (t < prev) sorted = false;
    prev = t;
    if (t < min) min = t;
    if (t > max) max = t;
    if (t !== Math.floor(t)) whole = false;
  }
  if (sorted) return order;
  const span = max - min;
  if (!whole || span > 2 ** 52) return Int32Array.from(order).sort((a, b) => ts[a] - ts[b] || a - b);
  let cur: Int32Array = order;
  let out: Int32Array = new Int32Array(order.length);
  const counts = new Int32Array(RADIX + 1);
  for (let div = 1; div <= span; div *= RADIX) {
    counts.fill(0);
    for (let j = 0; j < cur.length; j++) counts[(Math.floor((ts[cur[j]] - min) / div) % RADIX) + 1]++;
    for (let k = 1; k <= RADIX; k++) counts[k] += counts[k - 1];
    for (let j = 0; j < cur.length; j++) out[counts[Math.floor((ts[cur[j]] - min) / div) % RADIX]++] = cur[j];
    [cur, out] = [out, cur];
  }
  return cur;
};

/** Message events in cycles, ordered by (contact, channel, timestamp, index). */
export const conversationOrder = (table: EventTable, cycleOf: Int32Array): Int32Array => {
  const { columns, dicts } = table;
  const kindIsMessage = Uint8Array.from(dicts.kind, (k) => (k === '' || k.toLowerCase() === 'message' ? 1 : 0));
  const kind = columns.strings.kind;
  let m = 0;
  for (let i = 0; i < columns.length; i++) if (cycleOf[i] >= 0 && kindIsMessage[kind[i]]) m++;
  let order: Int32Array = new Int32Array(m);
  m = 0;
  for (let i = 0; i < columns.length; i++) if (cycleOf[i] >= 0 && kindIsMessage[kind[i]]) order[m++] = i;
  order = sortByTime(order, columns.timestamp);
  order = sortByCode(order, columns.strings.channel, dicts.channel.length);
  return sortByCode(order, columns.strings.contact, dicts.contact.length);
};
