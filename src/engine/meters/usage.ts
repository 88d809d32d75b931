/** What a meter measures: per cycle, a quantity (and per key with `by`), the events behind it and a sample. */
import type { Meter } from '../plan/types';

export const SAMPLE_SIZE = 5;

export type KeyUsage = {
  /** '' when the meter has no `by`. */
  key: string;
  quantity: number;
  /** Events that matched (and, for unique meters, carried a value). */
  eventCount: number;
  /** Up to SAMPLE_SIZE indices into the table, in table order. */
  sampleEvents: number[];
  /**
   * Sum of the vendor `price` (integer micro-units) of the events behind the quantity (for unique meters: every
   * matching event with a value), and how many of them carry a price. Absent when no `price` column was read (0 events).
   * An exact integer while below 2^53 micro-units (about 9 billion currency units).
   */
  vendorMicros?: number;
  vendorEvents?: number;
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
