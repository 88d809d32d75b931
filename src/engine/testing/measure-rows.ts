/** Test helper: measure one meter over rows with monthly UTC cycles (or another zone). */
import { fieldSource } from '../fields/field-source';
import type { Meter } from '../plan/types';
import { buildTable, type EventInput } from '../testing/table-builder';
import { bucketByCycle, cycleBoundaries } from '../time/cycles';
import { measureMeter } from '../meters/measure';

export const measureRows = (rows: EventInput[], meter: Meter, timeZone = 'UTC') => {
  const table = buildTable(rows);
  const ts = table.columns.timestamp;
  let min = Infinity;
  let max = -Infinity;
  for (const t of ts) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const b = cycleBoundaries(min, max, { anchorDay: 1, timeZone });
  return measureMeter(table, 'm', meter, bucketByCycle(ts, ts.length, b), Math.max(b.length - 1, 0), fieldSource(table, timeZone));
};

/** [key, quantity] per cycle. */
export const quantities = (u: ReturnType<typeof measureRows>): [string, number][][] =>
  u.cycles.map((c) => (c.keys.length > 0 ? c.keys.map((k): [string, number] => [k.key, k.quantity]) : [['', c.total.quantity]]));
