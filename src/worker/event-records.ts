/** Decodes events by index into display records ("sample events behind a line"). */
import { extraFieldName, NUMBER_FIELDS, PRICE_SCALE, STRING_FIELDS, type EventTable } from '../engine/events';
import type { EventRecord } from './types';

/**
 * One record per valid index (out-of-range indices are skipped): `index`, `timestamp` as ISO-8601 UTC, every text
 * field decoded through its dictionary, numbers as numbers ('' when empty), `price` in currency units; the extra
 * columns kept at import as `col:<header>`.
 */
export const decodeEvents = (table: EventTable, indices: readonly number[]): EventRecord[] => {
  const { columns, dicts } = table;
  const records: EventRecord[] = [];
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 0 || index >= columns.length) continue;
    const record: EventRecord = { index, timestamp: new Date(columns.timestamp[index]).toISOString() };
    for (const field of STRING_FIELDS) record[field] = dicts[field][columns.strings[field][index]] ?? '';
    for (const [name, codes] of Object.entries(columns.extra ?? {})) record[extraFieldName(name)] = dicts.extra?.[name]?.[codes[index]] ?? '';
    for (const field of NUMBER_FIELDS) {
      const value = columns[field][index];
      record[field] = Number.isNaN(value) ? '' : field === 'price' ? value / PRICE_SCALE : value;
    }
    records.push(record);
  }
  return records;
};
