/**
 * How a chunk's columns are stored: narrower than in memory. A dictionary-code column takes the narrowest typed array
 * its largest code fits (Uint8 under 256 entries, Uint16 under 65,536, else Uint32), or a single number when every
 * row has the same code (0 for a field the export does not have: bot, team, cost_centre… are often all empty); a
 * number column (duration, segments, quantity, price) is a single number when every row holds the same value (NaN
 * when empty, 1 for quantity). Timestamps are kept as they are. A chunk of ~6.5 MB in memory (64k events) is
 * typically 2–3 MB stored, so IndexedDB writes and reads less.
 *
 * Reading widens back into the engine's EventColumns (Uint32 codes, Float64 numbers): the engine never sees this form.
 * Plain EventColumns are a valid stored form too (datasets stored before packing read unchanged).
 */
import { allocateColumns, NUMBER_FIELDS, STRING_FIELDS, type EventColumns, type StringField } from '../engine/events';

export type StoredCodes = Uint8Array | Uint16Array | Uint32Array | number;
export type StoredNumbers = Float64Array | number;

export type StoredColumns = {
  length: number;
  timestamp: Float64Array;
  duration: StoredNumbers;
  segments: StoredNumbers;
  quantity: StoredNumbers;
  price: StoredNumbers;
  strings: Record<StringField, StoredCodes>;
  extra?: Record<string, StoredCodes>;
};

const packCodes = (codes: Uint32Array, n: number): StoredCodes => {
  if (n === 0) return 0;
  const first = codes[0];
  let max = first;
  let same = true;
  for (let i = 1; i < n; i++) {
    const c = codes[i];
    if (c !== first) same = false;
    if (c > max) max = c;
  }
  if (same) return first;
  const view = codes.subarray(0, n);
  if (max >= 65_536) return view.slice();
  const narrow = max < 256 ? new Uint8Array(n) : new Uint16Array(n);
  narrow.set(view); // converted element by element natively; every code fits
  return narrow;
};

const packNumbers = (values: Float64Array, n: number): StoredNumbers => {
  if (n === 0) return Number.NaN;
  const first = values[0];
  for (let i = 1; i < n; i++) if (!Object.is(values[i], first)) return values.subarray(0, n).slice();
  return first;
};

/** The stored form of `c` (its first `c.length` rows). */
export const packColumns = (c: EventColumns): StoredColumns => {
  const n = c.length;
  const packed: StoredColumns = {
    length: n,
    timestamp: c.timestamp.length === n ? c.timestamp : c.timestamp.slice(0, n),
    duration: packNumbers(c.duration, n),
    segments: packNumbers(c.segments, n),
    quantity: packNumbers(c.quantity, n),
    price: packNumbers(c.price, n),
    strings: Object.fromEntries(STRING_FIELDS.map((f) => [f, packCodes(c.strings[f], n)])) as Record<StringField, StoredCodes>,
  };
  if (c.extra) packed.extra = Object.fromEntries(Object.entries(c.extra).map(([name, codes]) => [name, packCodes(codes, n)]));
  return packed;
};

/** Writes stored codes into `target` from `offset` (target is zero-filled: a 0 constant writes nothing). */
export const unpackCodesInto = (stored: StoredCodes, n: number, target: Uint32Array, offset: number): void => {
  if (typeof stored === 'number') {
    if (stored !== 0) target.fill(stored, offset, offset + n);
  } else target.set(stored.subarray(0, n), offset);
};

/** Writes a stored number column into `target` from `offset`. */
export const unpackNumbersInto = (stored: StoredNumbers, n: number, target: Float64Array, offset: number): void => {
  if (typeof stored === 'number') target.fill(stored, offset, offset + n);
  else target.set(stored.subarray(0, n), offset);
};

/** Every column of a stored chunk written into `target` (EventColumns sized for the whole table) from `offset`. */
export const unpackInto = (stored: StoredColumns, target: EventColumns, offset: number): void => {
  const n = stored.length;
  target.timestamp.set(stored.timestamp.subarray(0, n), offset);
  for (const f of NUMBER_FIELDS) unpackNumbersInto(stored[f], n, target[f], offset);
  for (const f of STRING_FIELDS) unpackCodesInto(stored.strings[f], n, target.strings[f], offset);
};

/** A stored chunk's columns back in the engine's form (extra columns included). */
export const unpackColumns = (stored: StoredColumns): EventColumns => {
  const columns = allocateColumns(stored.length);
  unpackInto(stored, columns, 0);
  if (stored.extra) {
    columns.extra = Object.fromEntries(Object.entries(stored.extra).map(([name, codes]) => {
      const target = new Uint32Array(stored.length);
      unpackCodesInto(codes, stored.length, target, 0);
      return [name, target];
    }));
  }
  return columns;
};
