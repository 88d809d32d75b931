/**
 * Builds an EventTable from plain objects: for tests and fixtures (engine-pure, so any layer's tests may reuse it).
 * `timestamp` is an ISO-8601 string with offset, or epoch milliseconds. `price` is given in currency units and stored
 * in micro-units (PRICE_SCALE). Missing numbers are NaN, except `quantity` (default 1). Dictionaries are built in order
 * of first appearance, code 0 = ''.
 */
import {
  allocateColumns,
  emptyDictionaries,
  NUMBER_FIELDS,
  PRICE_SCALE,
  STRING_FIELDS,
  type EventTable,
  type NumberField,
  type StringField,
} from '../events';

export type EventInput = { timestamp: string | number } & Partial<Record<StringField, string>> &
  Partial<Record<NumberField, number>>;

export const buildTable = (rows: readonly EventInput[]): EventTable => {
  const columns = allocateColumns(rows.length);
  const dicts = emptyDictionaries();
  const codes = Object.fromEntries(STRING_FIELDS.map((f) => [f, new Map([['', 0]])])) as Record<
    StringField,
    Map<string, number>
  >;
  rows.forEach((row, i) => {
    const ts = typeof row.timestamp === 'number' ? row.timestamp : Date.parse(row.timestamp);
    if (!Number.isFinite(ts)) throw new Error(`row ${i}: cannot read timestamp '${String(row.timestamp)}'`);
    columns.timestamp[i] = ts;
    for (const f of NUMBER_FIELDS) {
      const v = row[f];
      if (f === 'quantity') columns.quantity[i] = v ?? 1;
      else if (f === 'price') columns.price[i] = v === undefined ? NaN : Math.round(v * PRICE_SCALE);
      else columns[f][i] = v ?? NaN;
    }
    for (const f of STRING_FIELDS) {
      const s = row[f] ?? '';
      let code = codes[f].get(s);
      if (code === undefined) {
        code = dicts[f].length;
        dicts[f].push(s);
        codes[f].set(s, code);
      }
      columns.strings[f][i] = code;
    }
  });
  return { columns, dicts };
};
