/**
 * An allocation as the spec's `split` JSON document (section 4) and as CSV rows: one row per cycle, line and centre
 * with the part's amount and ratio, the meter the line was split by (`driver`) and the centre's units of it.
 * Rows are string cells; the caller quotes and joins them (the CLI and the UI each have their own writer).
 */
import { groupThousands } from '../money';
import type { Allocation, SplitDocument } from './types';

export const splitDocument = (allocation: Allocation): SplitDocument => ({
  currency: allocation.currency,
  total: allocation.total,
  basis: allocation.basis,
  centres: allocation.centres.map(({ id, label, amount, ratio }) => ({ id, label, amount, ratio })),
});

export const ALLOCATION_CSV_HEADER = [
  'cycle_start',
  'cycle_end',
  'centre',
  'centre_label',
  'charge',
  'line',
  'key',
  'kind',
  'amount',
  'ratio',
  'driver',
  'driver_quantity',
  'method',
] as const;

/** A quantity without float noise or exponent ("0.333333333", "1200"). */
const quantityText = (q: number | undefined): string => (q === undefined ? '' : groupThousands(q).replace(/,/g, ''));

/** Header row, then one row per cycle, line and centre (centres in the allocation's order). */
export const allocationCsvRows = (allocation: Allocation): string[][] => {
  const labels = new Map(allocation.centres.map((c) => [c.id, c.label]));
  const rows: string[][] = [[...ALLOCATION_CSV_HEADER]];
  for (const cycle of allocation.cycles) {
    for (const line of cycle.lines) {
      for (const part of line.parts) {
        rows.push([
          cycle.start,
          cycle.end,
          part.centre,
          labels.get(part.centre) ?? part.centre,
          line.charge,
          line.label,
          line.key ?? '',
          line.kind,
          part.amount,
          part.ratio,
          line.meter ?? '',
          quantityText(part.units),
          line.method,
        ]);
      }
    }
  }
  return rows;
};
