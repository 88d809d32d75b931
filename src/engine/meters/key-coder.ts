/**
 * Numeric keys for combinations of text fields (a meter's `by` or a unique meter's `of`), per event, without strings.
 * Codes combine in mixed radix over the dictionaries' sizes when that fits in a safe integer; otherwise combinations
 * are interned (slower, only for huge dictionaries). Key 0 always means "every field empty".
 */
import type { EventTable } from '../events';
import { fieldSource, type FieldSource, type KeyField } from '../fields/field-source';

export type KeyCoder = {
  /** Key of event i. */
  keyOf: (i: number) => number;
  /** The combination's values joined with ':' (e.g. "BR:marketing"). */
  label: (key: number) => string;
  /** Keys are in [0, space) (Infinity when combinations are interned). */
  space: number;
};

/** `source` gives derived fields (market, hour, weekday) and overrides; default: the table's own columns in UTC. */
export const keyCoder = (table: EventTable, fields: readonly KeyField[], source?: FieldSource): KeyCoder => {
  const src = source ?? fieldSource(table);
  const columns = fields.map((f) => src.text(f));
  const cols = columns.map((c) => c.codes);
  const dicts = columns.map((c) => c.dict);
  const sizes = dicts.map((d) => Math.max(d.length, 1));

  if (fields.length === 1) {
    const [col] = cols;
    const [dict] = dicts;
    return { keyOf: (i) => col[i], label: (k) => dict[k], space: sizes[0] };
  }

  const space = sizes.reduce((a, b) => a * b, 1);
  if (space <= Number.MAX_SAFE_INTEGER) {
    const n = cols.length;
    const keyOf = (i: number): number => {
      let k = 0;
      for (let f = 0; f < n; f++) k = k * sizes[f] + cols[f][i];
      return k;
    };
    const label = (key: number): string => {
      const parts: string[] = new Array(n);
      let rest = key;
      for (let f = n - 1; f >= 0; f--) {
        parts[f] = dicts[f][rest % sizes[f]];
        rest = Math.floor(rest / sizes[f]);
      }
      return parts.join(':');
    };
    return { keyOf, label, space };
  }

  const ids = new Map<string, number>();
  const labels: string[] = [];
  const emptyId = fields.map(() => '0').join(',');
  ids.set(emptyId, 0);
  labels.push(fields.map(() => '').join(':'));
  const keyOf = (i: number): number => {
    const raw = cols.map((c) => c[i]).join(',');
    let id = ids.get(raw);
    if (id === undefined) {
      id = labels.length;
      ids.set(raw, id);
      labels.push(cols.map((c, f) => dicts[f][c[i]]).join(':'));
    }
    return id;
  };
  return { keyOf, label: (k) => labels[k], space: Infinity };
};
